"""Partners are edited in the admin: services and languages are ticked, regions typed one per line."""

import pytest

from cms.models import PartnerIndexPage, PartnerPage
from tests.cms.editing import publish_in_admin

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(make_user):
    return make_user("mitra-editor", is_staff=True, is_superuser=True)


def test_a_partner_is_published_from_the_admin_as_it_is(client, superuser):
    partner = PartnerPage.objects.live().first()
    before = (partner.services, partner.regions, partner.languages_spoken)
    publish_in_admin(client, superuser, partner)
    partner.refresh_from_db()
    assert (partner.services, partner.regions, partner.languages_spoken) == before


def test_regions_are_typed_one_per_line(client, superuser):
    partner = PartnerPage.objects.live().first()
    publish_in_admin(client, superuser, partner, regions="DKI Jakarta\n Banten \n\n")
    partner.refresh_from_db()
    assert partner.regions == ["DKI Jakarta", "Banten"]


def test_a_partner_is_created_with_indonesian_and_shared_fields(client, superuser):
    index = PartnerIndexPage.objects.get()
    client.force_login(superuser)
    response = client.post(
        f"/admin/pages/add/cms/partnerpage/{index.pk}/",
        {
            "title_ind": "Yayasan Contoh Bantuan",
            "slug": "yayasan-contoh-bantuan",
            "description_ind": "Membantu orang asing dengan dokumen.",
            "services": ["legal_aid", "documentation_help"],
            "regions": "Bali",
            "languages_spoken": ["id", "en"],
            "phone": "+62 361 000 000",
            "comments-TOTAL_FORMS": "0",
            "comments-INITIAL_FORMS": "0",
            "comments-MIN_NUM_FORMS": "0",
            "comments-MAX_NUM_FORMS": "1000",
            "action-publish": "action-publish",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    created = PartnerPage.objects.get(slug="yayasan-contoh-bantuan")
    assert (
        created.live
        and created.services == ["legal_aid", "documentation_help"]
        and created.regions == ["Bali"]
    )
