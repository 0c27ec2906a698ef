"""Site-wide facts that editors may change without a deployment."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


@register_setting(icon="site")
class SiteProfile(BaseGenericSetting):
    sample_content = models.BooleanField(
        _("site shows sample content"),
        default=False,
        help_text=_("Shows a notice on every page that the content is sample content."),
    )
    # Who runs the site, shown in the header: readers check it before they trust a page
    # (imitation sites copy the look, not the address).
    agency_name = models.CharField(
        _("agency name"),
        max_length=200,
        blank=True,
        help_text=_(
            "The official name of the agency that runs this site, as on its letters, e.g. "
            "'Direktorat Jenderal Imigrasi'. Shown in the header of every page."
        ),
    )
    emblem = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("emblem"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The agency's emblem, shown beside the site's name in the header. A square or tall "
            "image on a transparent background works best; its text alternative is the agency name."
        ),
    )
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("site profile")
