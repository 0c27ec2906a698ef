"""The partner directory: community organisations and assistance programmes."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page

from .pages import SectionPage, SinergiPage

SERVICES = [
    ("legal_aid", _("Legal aid")),
    ("language_classes", _("Language classes")),
    ("health", _("Health care")),
    ("shelter", _("Shelter")),
    ("counselling", _("Counselling")),
    ("employment", _("Work and employment")),
    ("education", _("Education")),
    ("documentation_help", _("Help with documents")),
]
SPOKEN_LANGUAGES = [
    ("id", "Bahasa Indonesia"),
    ("en", "English"),
    ("ar", "العربية"),
    ("zh", "中文"),
    ("fa", "فارسی"),
    ("ps", "پښتو"),
    ("so", "Soomaali"),
    ("ta", "தமிழ்"),
    ("my", "မြန်မာ"),
    ("ur", "اردو"),
]


class PartnerIndexPage(SectionPage):
    subpage_types = ["cms.PartnerPage"]

    class Meta:
        verbose_name = _("partner directory")

    def partners(self):
        return PartnerPage.objects.child_of(self).live().public().order_by("title")

    def get_context(self, request, *args, **kwargs):
        """Filter by service, region and language; any unknown value just matches nothing."""
        context = super().get_context(request, *args, **kwargs)
        partners = list(self.partners())
        service = request.GET.get("service", "")
        region = request.GET.get("region", "")
        language = request.GET.get("language", "")
        everyone = partners
        if service:
            partners = [partner for partner in partners if service in partner.services]
        if region:
            partners = [partner for partner in partners if region in partner.regions]
        if language:
            partners = [partner for partner in partners if language in partner.languages_spoken]
        context.update(
            partners=partners,
            chosen={"service": service, "region": region, "language": language},
            services=SERVICES,
            regions=sorted({region for partner in everyone for region in partner.regions}),
            spoken_languages=SPOKEN_LANGUAGES,
        )
        return context


class LinesField(forms.CharField):
    """A list of short texts typed one per line (the partner's regions)."""

    widget = forms.Textarea(attrs={"rows": 3})

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list | tuple) else value

    def to_python(self, value):
        return [line.strip() for line in (super().to_python(value) or "").splitlines() if line.strip()]


class PartnerPageForm(WagtailAdminPageForm):
    """Form fields for the JSON lists: a JSON field's own form field read the ticked services and
    languages as JSON text and answered 500, and asked for regions written as JSON."""

    services = forms.MultipleChoiceField(
        label=_("services"), choices=SERVICES, widget=forms.CheckboxSelectMultiple
    )
    regions = LinesField(label=_("regions"), help_text=_("One province per line, e.g. DKI Jakarta."))
    languages_spoken = forms.MultipleChoiceField(
        label=_("languages spoken"), choices=SPOKEN_LANGUAGES, widget=forms.CheckboxSelectMultiple
    )


class PartnerPage(SinergiPage):
    """One organisation. Lists are small, so services, regions and languages are JSON lists."""

    description = models.TextField(_("description"))
    services = models.JSONField(_("services"), default=list)
    regions = models.JSONField(_("regions"), default=list, help_text=_("Province names, e.g. DKI Jakarta."))
    languages_spoken = models.JSONField(_("languages spoken"), default=list)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    opening_hours = models.CharField(_("opening hours"), max_length=200, blank=True)
    topics = ParentalManyToManyField("cms.TopicPage", blank=True, verbose_name=_("topics"))

    translation_fields = ("title", "search_description", "description", "opening_hours")
    translation_required_fields = ("title", "description")
    parent_page_types = ["cms.PartnerIndexPage"]
    subpage_types = []

    base_form_class = PartnerPageForm
    content_panels = Page.content_panels + [
        FieldPanel("description"),
        FieldPanel("services"),
        FieldPanel("regions"),
        FieldPanel("languages_spoken"),
        MultiFieldPanel(
            [
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("website"),
                FieldPanel("address"),
                FieldPanel("opening_hours"),
            ],
            heading=_("Contact"),
        ),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
    ]

    class Meta:
        verbose_name = _("partner organisation")

    def service_labels(self):
        names = dict(SERVICES)
        return [names.get(code, code) for code in self.services]

    def language_labels(self):
        names = dict(SPOKEN_LANGUAGES)
        return [names.get(code, code) for code in self.languages_spoken]

    def language_items(self):
        """(code, name in that language) of each language spoken, so each name carries its lang."""
        names = dict(SPOKEN_LANGUAGES)
        return [(code, names.get(code, code)) for code in self.languages_spoken]
