"""Public history of a page: change notes, published versions and their comparison.

GOV.UK-style: every published update may carry a public change note; the page
lists them, and readers can compare any two published versions of the text.
Published versions come from Wagtail's own log of publish actions, so nothing is
stored twice.
"""

from django.core.cache import caches
from django.db import models
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, PageLogEntry

from cms.comparison import compare_paragraphs, has_differences
from core.cache import kept_for

VERSIONS_SECONDS = 3600


class ChangeNoteBase(Orderable):
    date = models.DateField(
        _("date"), default=timezone.localdate, help_text=_("Shown to readers as the date of the update.")
    )
    note = models.CharField(
        _("what changed"),
        max_length=500,
        help_text=_(
            "One plain sentence for readers, e.g. “The fee rose to Rp 650,000.” Without a note an edit is not an update."
        ),
    )

    panels = [FieldPanel("date"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        abstract = True
        verbose_name = _("change note")


class PublicHistoryMixin(RoutablePageMixin):
    """For pages with ``change_notes`` and a text worth comparing between versions.

    Subclasses implement ``comparison_paragraphs()``: the reader-visible text of
    this instance in the active language, as a list of paragraphs.
    """

    @cached_property
    def sorted_change_notes(self):
        """Newest first; uses the prefetched notes when the caller prefetched them."""
        return sorted(self.change_notes.all(), key=lambda note: note.date, reverse=True)

    @property
    def last_updated(self):
        """The date readers are told: the newest public change note, else first publication."""
        notes = self.sorted_change_notes
        if notes:
            return notes[0].date
        return timezone.localdate(self.first_published_at or timezone.now())

    def comparison_paragraphs(self):
        raise NotImplementedError

    def has_versions_to_compare(self):
        """Whether readers may compare published versions (two or more). Every view of the page
        asks, and only a publish changes the answer: it is kept in the "pages" cache, which
        every publish empties (core/page_cache.py)."""
        key = f"versions-to-compare:{self.pk}"
        answer = caches["pages"].get(key)
        if answer is None:
            publications = PageLogEntry.objects.filter(
                page=self, action="wagtail.publish", revision__isnull=False
            )
            answer = publications[:2].count() == 2
            caches["pages"].set(key, answer, kept_for(VERSIONS_SECONDS))
        return answer

    def published_versions(self):
        """(log entry, revision) of each publication, newest first; each entry's ``note`` is the
        public change note that version brought (None if it brought none), which names the
        version for readers better than a publication time that several versions may share."""
        entries = list(
            PageLogEntry.objects.filter(page=self, action="wagtail.publish", revision__isnull=False)
            .select_related("revision")
            .order_by("-timestamp", "-pk")
        )
        seen = set()
        for entry in reversed(entries):  # oldest first: a note belongs to the version that added it
            notes = entry.revision.as_object().sorted_change_notes
            new = [note for note in notes if (note.date, note.note_ind) not in seen]
            seen.update((note.date, note.note_ind) for note in notes)
            entry.note = new[0] if new else None
        return entries

    @path("versions/")
    def versions_view(self, request):
        """Choose two published versions and see what changed between them (no JavaScript needed)."""
        versions = self.published_versions()
        if len(versions) < 2:
            raise Http404
        ids = [entry.revision_id for entry in versions]
        older = _pick(request.GET.get("from"), ids, default=ids[1])
        newer = _pick(request.GET.get("to"), ids, default=ids[0])
        by_id = {entry.revision_id: entry for entry in versions}
        if ids.index(older) < ids.index(newer):  # keep "from" the older one
            older, newer = newer, older
        with_language = get_language()
        old_text = by_id[older].revision.as_object().comparison_paragraphs()
        new_text = by_id[newer].revision.as_object().comparison_paragraphs()
        changes = compare_paragraphs(old_text, new_text)
        context = self.get_context(request)
        context.update(
            versions=versions,
            older=by_id[older],
            newer=by_id[newer],
            changes=changes,
            has_differences=has_differences(changes),
            language=with_language,
        )
        return TemplateResponse(request, "cms/versions.html", context)


def _pick(value, allowed, default):
    """A revision id from the query string, if it is one of this page's published versions."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return default
    return number if number in allowed else default
