"""The forms and documents library page."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .documents import FILE_LANGUAGES, LibraryDocument
from .pages import SectionPage, TopicPage


class FormsLibraryPage(SectionPage):
    subpage_types = []

    class Meta:
        verbose_name = _("forms library")

    def get_context(self, request, *args, **kwargs):
        """Current forms by default; filters by topic and file language, and a number/title search."""
        context = super().get_context(request, *args, **kwargs)
        documents = LibraryDocument.objects.filter(in_library=True).select_related("superseded_by")
        topic = request.GET.get("topic", "")
        language = request.GET.get("language", "")
        text = request.GET.get("q", "").strip()[:100]
        show_old = request.GET.get("superseded") == "1"
        if not show_old:
            documents = documents.filter(superseded_by__isnull=True)
        if topic:
            documents = documents.filter(topics__slug=topic)
        if language in dict(FILE_LANGUAGES):
            documents = documents.filter(file_language=language)
        if text:
            documents = documents.filter(Q(title__icontains=text) | Q(form_number__icontains=text))
        context.update(
            documents=documents.distinct().order_by("form_number", "-valid_from"),
            chosen={"topic": topic, "language": language, "q": text, "superseded": show_old},
            topics=TopicPage.objects.live().public().order_by("path"),
            file_languages=FILE_LANGUAGES,
        )
        return context
