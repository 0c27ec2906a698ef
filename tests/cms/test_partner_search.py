"""Partner organisations as search documents (cms/search.py PartnerSource)."""

import pytest

from cms.models import PartnerPage
from cms.search import PartnerSource

pytestmark = pytest.mark.django_db


def test_a_partner_is_placed_in_the_provinces_it_serves():
    """A reader typing "bantuan hukum Bali" weighs up the organisations working there
    (SearchDocument.places), not only those whose text names the province."""
    partner = PartnerPage.objects.live().exclude(regions=[]).first()
    for document in PartnerSource().documents(partner):
        assert document.places == partner.regions
