"""Site-wide facts that editors may change without a deployment."""

from django.core.cache import caches
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.models import Site

from core.cache import kept_for
from core.withdrawal import purge_pages

CACHE_KEY = "site-profile"
CACHE_SECONDS = 3600


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

    @classmethod
    def load(cls, request_or_site=None):
        """Every page's header and footer read the profile: for a request it comes from the
        "pages" cache (with its emblem), which saving the profile empties, as does every
        publish. Without a request (the settings editor, scripts) it is read from the database."""
        if request_or_site is None or isinstance(request_or_site, Site):
            return super().load(request_or_site)
        attribute = cls.get_cache_attr_name()
        if not hasattr(request_or_site, attribute):
            profile = caches["pages"].get(CACHE_KEY)
            if profile is None:
                profile = cls._get_or_create()
                profile.emblem  # noqa: B018 - fetched now, so that it is cached with the profile
                caches["pages"].set(CACHE_KEY, profile, kept_for(CACHE_SECONDS))
            setattr(request_or_site, attribute, profile)
        return getattr(request_or_site, attribute)

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        purge_pages()  # the header and footer of every cached page show it
