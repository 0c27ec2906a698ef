"""Admin views of the editorial core."""

from django.conf import settings
from django.db import models
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.models import Page as WagtailPage
from wagtail.permission_policies.pages import PagePermissionPolicy

from cms.models import Subscription
from cms.translation_state import TranslatedPageMixin
from core.permissions import PageEditorRequired


def pages_with_outdated_translations(user):
    """Live pages the user may edit whose translations are older than the Indonesian text.

    Computed in Python from each page's stored translation state: it is one query
    for the pages and needs no per-database JSON lookups.
    """
    editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    names = dict(settings.LANGUAGES)
    rows = []
    for page in editable.live().specific().order_by("path"):
        if not isinstance(page, TranslatedPageMixin):
            continue
        outdated = page.outdated_languages()
        if outdated:
            rows.append(
                {
                    "page": page,
                    "languages": [names[code] for code in outdated],
                    "source_changed_at": page.translation_status("id").source_changed_at,
                }
            )
    return rows


class OutdatedTranslationsView(PageEditorRequired, TemplateView):
    template_name = "cms/admin/outdated_translations.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page_title"] = _("Outdated translations")
        context["header_icon"] = "globe"
        context["rows"] = pages_with_outdated_translations(self.request.user)
        return context


class SubscriberCountsView(PageEditorRequired, TemplateView):
    """How many people follow each topic and regulation. Counts only: editors never see addresses."""

    template_name = "cms/admin/subscriber_counts.html"

    def get_context_data(self, **kwargs):
        confirmed = Subscription.objects.filter(confirmed_at__isnull=False)
        context = super().get_context_data(**kwargs)
        context["page_title"] = _("Email subscribers")
        context["header_icon"] = "mail"
        context["rows"] = [
            (WagtailPage.objects.get(pk=row["page"]).specific_deferred, row["count"])
            for row in (
                list(
                    confirmed.filter(topic__isnull=False)
                    .values(page=models.F("topic"))
                    .annotate(count=Count("id"))
                )
                + list(
                    confirmed.filter(regulation__isnull=False)
                    .values(page=models.F("regulation"))
                    .annotate(count=Count("id"))
                )
            )
        ]
        context["pending"] = Subscription.objects.filter(confirmed_at__isnull=True).count()
        return context
