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
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("site profile")
