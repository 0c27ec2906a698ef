"""How the editorial core's pages become search documents (discovered by search/)."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.db.models.signals import m2m_changed, post_save
from django.utils import translation
from django.utils.html import strip_tags
from wagtail.models import Page, ReferenceIndex
from wagtail.signals import page_published, page_unpublished

from cms.models import (
    Audience,
    GuidePage,
    LibraryDocument,
    OfficeIndexPage,
    OfficePage,
    PartnerPage,
    RegulationPage,
    SmartAnswerPage,
    TopicPage,
)
from cms.translation_state import SOURCE_LANGUAGE, stored_title_language
from core.lists import joined
from core.searchable import SearchDocument, SearchSource, register, register_labeller, request_reindex


def foreign_title(page, language):
    """The title's language when it is not the document's (cms.translation_state)."""
    written = stored_title_language(page, language)
    return written if written != language else ""


def version_of(page):
    moment = page.last_published_at or page.latest_revision_created_at
    return int(moment.timestamp() * 1_000_000) if moment else 0


class PageSource(SearchSource):
    """Live, public pages of one type, one document per language they are translated into."""

    kind = ""

    def objects(self):
        return self.model.objects.live().public().order_by("path")

    def changed_since(self, moment):
        return self.model.objects.filter(
            Q(last_published_at__gte=moment) | Q(latest_revision_created_at__gte=moment)
        )

    def get(self, object_id):
        return self.objects().filter(pk=object_id).first()

    def fields(self, page):
        """Per-language fields beyond title; read under translation.override."""
        return {"summary": page.search_description or ""}

    def documents(self, page):
        languages = page.available_languages()
        with translation.override(SOURCE_LANGUAGE):
            local_title = page.title
        documents = []
        for language in languages:
            with translation.override(language):
                fields = self.fields(page)
                if page.title != local_title:
                    # Readers know the local words ("izin tinggal tetap", "kantor imigrasi
                    # Jakarta") and type them on any language's site: the page answers to
                    # its Indonesian name too, as one of the names it is known by (weighed
                    # as a title; among the related names, OpenSearch also matches its stems).
                    fields["related"] = [*fields.get("related", ()), local_title]
                    fields["names"] = [local_title, *fields.get("names", ())]
                documents.append(
                    SearchDocument(
                        source=self.name,
                        object_id=str(page.pk),
                        language=language,
                        kind=self.kind,
                        title=page.title,
                        title_language=foreign_title(page, language),
                        url=page.get_url(),
                        published=page.first_published_at,
                        updated=page.last_published_at,
                        available_languages=languages,
                        version=version_of(page),
                        **fields,
                    )
                )
        return documents


def linked_names(body, language):
    """What a page's body links to, by the names readers search for.

    A library document is named by its current version (a guide may still link the
    one it replaced): form number and title in ``language``; a partner organisation
    by its name. Searchable content leaves both out (a chooser holds only an id).
    """
    names = []
    for block in body:
        if block.block_type == "links":
            for link in block.value:
                document = link.get("document")
                if document is not None:
                    current = document.current_version()
                    title = current.translated_title(language) or current.title
                    names.append(" ".join(filter(None, [current.form_number, title])))
        elif block.block_type == "partners":
            names.extend(partner.title for partner in block.value if partner is not None and partner.live)
    return names


class GuideSource(PageSource):
    name = "cms.guide"
    model = GuidePage
    kind = "guide"

    def objects(self):
        return super().objects().prefetch_related("audiences")

    def fields(self, page):
        topic = page.get_parent().specific_deferred
        body = page.body.stream_block.get_searchable_content(page.body)
        return {
            "summary": page.summary,
            "body": strip_tags(" ".join(str(part) for part in body)),
            "topics": [topic.slug],
            "topic_titles": [topic.title],
            "audience": [audience.code for audience in page.audiences.all()],
            # Linked forms and partners, and the regulations the guide rests on: a reader
            # searching "48/2021" wants the guide that explains it too.
            "related": linked_names(page.body, translation.get_language())
            + [f"{regulation.citation} {regulation.title}" for regulation in page.based_on()],
        }


class TopicSource(PageSource):
    name = "cms.topic"
    model = TopicPage
    kind = "topic"

    def fields(self, page):
        # The page lists its guides: their titles and summaries are its content, in the
        # document's language only (a guide not translated is found in Indonesian on its own).
        language = translation.get_language()
        guides = [
            part
            for guide in page.guides()
            if guide.translation_status(language).available
            for part in (guide.title, guide.summary)
        ]
        return {
            "summary": page.intro,
            "body": " ".join(guides),
            "topics": [page.slug],
            "topic_titles": [page.title],
        }


class RegulationSource(PageSource):
    name = "cms.regulation"
    model = RegulationPage
    kind = "regulation"

    def fields(self, page):
        return {
            "summary": page.summary,
            "body": " ".join([page.citation, page.affects, strip_tags(page.body or "")]),
            "topics": [topic.slug for topic in page.topics.all()],
            "topic_titles": [topic.title for topic in page.topics.all()],
            "audience": [audience.code for audience in page.audiences.all()],
            "status": page.status,
            # The guides that explain it, in words readers use for the task it governs.
            "related": [guide.title for guide in page.explained_by()],
            # A revoked regulation is history: still findable, ranked below what is in force.
            "boost": 0.5 if page.status == "revoked" else 1.0,
        }


class PartnerSource(PageSource):
    name = "cms.partner"
    model = PartnerPage
    kind = "partner"

    def fields(self, page):
        return {
            "summary": page.description,
            "body": " ".join(str(label) for label in page.service_labels()),
            "topics": [topic.slug for topic in page.topics.all()],
            "topic_titles": [topic.title for topic in page.topics.all()],
            # Guides that send readers to the organisation, and events it runs; its provinces
            # and languages, each named in its own language (no text of this document's
            # language to quote in a snippet: "العربية" in a Chinese result).
            "related": [
                *(linking.title for linking in pages_linking(Page, [page.pk])),
                *page.regions,
                *(str(label) for label in page.language_labels()),
            ],
        }


class OfficeSource(PageSource):
    """An immigration office is found by its name and where it is.

    Its services are left out: nearly every office offers the same ones, so their names
    would make a dozen alike documents compete with the guides for every task word
    ("visa", "extend", "passport"); the finder filters offices by service instead.
    """

    name = "cms.office"
    model = OfficePage
    kind = "office"

    def fields(self, page):
        return {
            "summary": joined([page.address, page.city, page.province_label()]),
            "body": " ".join([page.directions, page.notes]),
            "names": place_names(page),
            "places": place_names(page),
        }


class OfficeFinderSource(PageSource):
    """The office finder, for a reader asking for an office without naming where ("alamat
    kantor imigrasi", "移民局地址"): its introduction says what it lists (addresses, opening
    hours, services), and its offices' names are its content, as a topic's guides are its."""

    name = "cms.office_finder"
    model = OfficeIndexPage
    kind = "office"

    def fields(self, page):
        return {"summary": page.intro, "body": " ".join(office.title for office in page.offices())}


class SmartAnswerSource(PageSource):
    """A smart answer is found by its title, its questions and answers, and its outcomes.

    Its kind is "guide": search's kinds are search's own vocabulary, and to a reader a
    smart answer is a guide that asks before it answers. Its text holds every outcome, so
    it shares words with many questions: it weighs less than a guide about one of them
    (``BOOST``), which a reader asking that question wants first.
    """

    BOOST = 0.6

    name = "cms.smart_answer"
    model = SmartAnswerPage
    kind = "guide"

    def fields(self, page):
        texts = []
        for step in page.reader_flow().steps.values():
            if step.is_question:
                texts += [step.value["question"], *(label for _key, label in step.options())]
            else:
                texts += [step.value["title"], strip_tags(step.value["body"].source)]
        return {"summary": page.intro, "body": " ".join(str(text) for text in texts), "boost": self.BOOST}


def place_names(office):
    """The city and province an office serves, in every language: readers name the place
    they are in, not the office, and may type it in another script than the page's."""
    names = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            names += [office.city, str(office.province_label())]
    return list(dict.fromkeys(filter(None, names)))


def pages_linking(model, keys):
    """Live, public pages that link to any of these objects, in tree order.

    Their titles say what the object is for, in words readers use ("KITAS for work"
    for an application form), as the text of links describes a page on the web.
    Wagtail's reference index knows every link, whichever language's body holds it.
    """
    linked = ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(model),
        to_object_id__in=[str(key) for key in keys],
        base_content_type=ContentType.objects.get_for_model(Page),
    ).values_list("object_id", flat=True)
    return list(Page.objects.live().public().filter(pk__in=set(linked)).order_by("path"))


def document_versions(document):
    """The keys of a document and of every version it replaced."""
    versions, queue = {document.pk}, [document]
    while queue:
        for older in queue.pop().supersedes.all():
            if older.pk not in versions:
                versions.add(older.pk)
                queue.append(older)
    return versions


class FormSource(SearchSource):
    """Current versions of library documents; a replaced version is not offered any more."""

    name = "cms.form"
    model = LibraryDocument

    def objects(self):
        return LibraryDocument.objects.filter(in_library=True, superseded_by__isnull=True).order_by("pk")

    def changed_since(self, moment):
        return LibraryDocument.objects.filter(updated_at__gte=moment)

    def documents(self, document):
        if not self.objects().filter(pk=document.pk).exists():
            return []
        # A translated title over the Indonesian description would show Indonesian text as the
        # reader's language: a form counts as translated when its description is too.
        languages = [
            code
            for code, _name in settings.LANGUAGES
            if document.translated_title(code)
            and (not document.description_ind or document.translated_description(code))
        ]
        version = int(document.updated_at.timestamp() * 1_000_000)
        topics = list(document.topics.all())
        pages = pages_linking(LibraryDocument, document_versions(document))
        results = []
        for language in languages:
            with translation.override(language):
                results.append(
                    SearchDocument(
                        source=self.name,
                        object_id=str(document.pk),
                        language=language,
                        kind="form",
                        title=" ".join(filter(None, [document.form_number, document.title])),
                        url=document.url,
                        summary=document.description or "",
                        topics=[topic.slug for topic in topics],
                        topic_titles=[topic.title for topic in topics],
                        related=[page.title for page in pages],
                        updated=document.updated_at,
                        available_languages=languages,
                        version=version,
                    )
                )
        return results


def refresh_what_names(instance, **kwargs):
    """A page published or unpublished changes the documents that name it.

    A topic's document holds its guides' titles and summaries, the office finder's its
    offices' names; a form's and a partner's hold the titles of the pages linking them
    (``pages_linking``); a guide's names the regulations it rests on, and a regulation's the
    guides explaining it.
    """
    page = instance.specific_deferred
    if isinstance(page, GuidePage):
        parent = page.get_parent().specific_deferred
        if isinstance(parent, TopicPage):
            request_reindex(parent)
        for regulation in RegulationPage.objects.live().filter(guides=page):
            request_reindex(regulation)
    if isinstance(page, RegulationPage):
        for guide in GuidePage.objects.live().filter(regulations=page):
            request_reindex(guide)
    if isinstance(page, OfficePage):
        finder = page.get_parent().specific_deferred
        if isinstance(finder, OfficeIndexPage):
            request_reindex(finder)
    links = ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page), object_id=str(page.pk)
    ).values_list("to_content_type", "to_object_id")
    documents = ContentType.objects.get_for_model(LibraryDocument)
    pages = ContentType.objects.get_for_model(Page)
    for content_type, key in set(links):
        if content_type == documents.pk:
            document = LibraryDocument.objects.filter(pk=key).first()
            if document is not None:
                request_reindex(document.current_version())
        elif content_type == pages.pk:
            partner = PartnerPage.objects.filter(pk=key).first()
            if partner is not None:
                request_reindex(partner)


def refresh_pages_naming(instance, **kwargs):
    """A library document saved (retitled, or replaced by a newer version): the guides
    linking it or a version of it name its current number and title (``linked_names``)."""
    for page in pages_linking(LibraryDocument, document_versions(instance.current_version())):
        request_reindex(page.specific_deferred)


def refresh_after_citing_changed(instance, action, reverse, pk_set, **kwargs):
    """A guide published with regulations added or dropped: each regulation's document
    lists the guides that explain it, so those on both sides are refreshed."""
    if action not in ("post_add", "post_remove"):
        return
    guides, regulations = ([instance.pk], pk_set) if not reverse else (pk_set, [instance.pk])
    for page in [
        *GuidePage.objects.live().filter(pk__in=guides),
        *RegulationPage.objects.live().filter(pk__in=regulations),
    ]:
        request_reindex(page)


page_published.connect(refresh_what_names, dispatch_uid="cms.search.published")
post_save.connect(refresh_pages_naming, sender=LibraryDocument, dispatch_uid="cms.search.document")
page_unpublished.connect(refresh_what_names, dispatch_uid="cms.search.unpublished")
m2m_changed.connect(
    refresh_after_citing_changed, sender=GuidePage.regulations.through, dispatch_uid="cms.search.citing"
)

register(GuideSource())
register(TopicSource())
register(RegulationSource())
register(PartnerSource())
register(OfficeSource())
register(OfficeFinderSource())
register(SmartAnswerSource())
register(FormSource())


def topic_labels(values):
    """{slug: title} of the topics among ``values`` (an unknown slug is left out)."""
    return {topic.slug: topic.title for topic in TopicPage.objects.filter(slug__in=values)}


def audience_labels(values):
    """{code: name} of the audiences among ``values`` (an unknown code is left out)."""
    names = dict(Audience.CHOICES)
    return {value: names[value] for value in values if value in names}


register_labeller("topics", topic_labels)
register_labeller("audience", audience_labels)
