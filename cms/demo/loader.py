"""Builds the demo site from the JSON files in ``cms/demo/data/``.

Idempotent: a page that already exists (found by its slug under its parent) is
left as it is, so running the loader again creates nothing and never overwrites
what an editor changed. Content is published through revisions, exactly as the
admin does, so revision history and translation state are real.
"""

import json
from dataclasses import dataclass, field
from datetime import date, time
from decimal import Decimal
from pathlib import Path

from django.core.files.base import ContentFile
from django.db import transaction
from modeltranslation.utils import build_localized_fieldname
from wagtail.models import Page, Site

from cms.demo.pdf import sample_pdf
from cms.models import (
    Audience,
    FormsLibraryPage,
    GuideChangeNote,
    GuidePage,
    HomePage,
    LibraryDocument,
    OfficeHours,
    OfficeIndexPage,
    OfficePage,
    PartnerIndexPage,
    PartnerPage,
    RegulationChangeNote,
    RegulationIndexPage,
    RegulationPage,
    RegulationRelation,
    SiteProfile,
    StandardPage,
    TopicPage,
)

DATA_DIR = Path(__file__).resolve().parent / "data"


@dataclass
class LoadReport:
    created: list = field(default_factory=list)
    kept: list = field(default_factory=list)


def read_json(path):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def set_translations(instance, name, values):
    """Set ``name`` in every language given; the plain field gets the Indonesian text."""
    for language, value in values.items():
        setattr(instance, build_localized_fieldname(name, language), value)
    setattr(instance, name, values["id"])


def stream_data(blocks):
    """Demo JSON blocks -> StreamField raw data (links may point to a URL or a document)."""
    data = []
    for block in blocks:
        value = block["value"]
        if block["type"] == "links":
            value = [{"title": link["title"], "url": link["url"], "document": None} for link in value]
        data.append({"type": block["type"], "value": value})
    return data


class DemoLoader:
    def __init__(self, data_dir=DATA_DIR, progress=None):
        self.data_dir = Path(data_dir)
        self.progress = progress or (lambda message: None)
        self.report = LoadReport()

    @transaction.atomic
    def load(self):
        home = self.home_page()
        for topic_data in read_json(self.data_dir / "topics.json"):
            self.topic_page(home, topic_data)
        sections = read_json(self.data_dir / "sections.json")
        self.documents = self.forms(read_json(self.data_dir / "forms.json"))
        self.guide_documents = sections.get("guide_documents", {})
        self.partner_pages = self.partners(
            home, sections["partners"], read_json(self.data_dir / "partners.json")
        )
        self.guide_partners = sections.get("guide_partners", {})
        self.offices(home, sections["offices"], read_json(self.data_dir / "offices.json"))
        self.guide_offices = sections.get("guide_offices", {})
        # Before the guides, which name the regulations they rest on.
        self.regulation_pages = self.regulations(
            home, sections["regulations"], read_json(self.data_dir / "regulations.json")
        )
        self.guide_regulations = sections.get("guide_regulations", {})
        guide_files = sorted((self.data_dir / "guides").glob("*.json"))
        for number, path in enumerate(guide_files, start=1):
            self.progress(f"[{number}/{len(guide_files)}] {path.stem}")
            self.guide_page(read_json(path))
        for page_data in read_json(self.data_dir / "pages.json"):
            self.standard_page(home, page_data)
        self.section(home, FormsLibraryPage, sections["forms"])
        profile = SiteProfile.load()
        profile.sample_content = True
        if not profile.agency_name_ind:
            set_translations(profile, "agency_name", read_json(self.data_dir / "home.json")["agency_name"])
        profile.contact_email = profile.contact_email or "kontak@sinergi.example"  # a reserved domain
        profile.save()
        return self.report

    def publish(self, parent, page, label):
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.report.created.append(label)
        return page

    def existing_child(self, parent, model, slug, label):
        page = model.objects.child_of(parent).filter(slug=slug).first()
        if page:
            self.report.kept.append(label)
        return page

    def home_page(self):
        home = HomePage.objects.first()
        if home is None:
            root = Page.get_first_root_node()
            data = read_json(self.data_dir / "home.json")
            home = HomePage(slug="beranda")
            set_translations(home, "title", data["title"])
            set_translations(home, "intro", data["intro"])
            set_translations(home, "search_description", data["description"])
            self.publish(root, home, "home")
            self.remove_wagtail_welcome_page(root, home)
        else:
            self.report.kept.append("home")
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
        elif site.root_page_id != home.pk:
            site.root_page = home
            site.save()
        return home

    @staticmethod
    def remove_wagtail_welcome_page(root, home):
        """Wagtail's first migration makes a placeholder 'Welcome' page; the demo replaces it."""
        Site.objects.filter(root_page__content_type__model="page").update(root_page=home)
        for page in root.get_children().exact_type(Page):
            if page.numchild == 0:
                page.delete()

    def topic_page(self, home, data):
        label = f"topic {data['slug']}"
        page = self.existing_child(home, TopicPage, data["slug"], label)
        if page:
            return page
        page = TopicPage(slug=data["slug"], show_in_menus=True)
        set_translations(page, "title", data["title"])
        set_translations(page, "intro", data["intro"])
        set_translations(page, "search_description", data["intro"])
        return self.publish(home, page, label)

    def guide_page(self, data):
        topic = TopicPage.objects.get(slug=data["topic"])
        label = f"guide {data['slug']}"
        page = self.existing_child(topic, GuidePage, data["slug"], label)
        if page:
            return page
        page = GuidePage(slug=data["slug"])
        set_translations(page, "title", data["title"])
        set_translations(page, "summary", data["summary"])
        set_translations(page, "search_description", data["summary"])
        body = {language: stream_data(blocks) for language, blocks in data["body"].items()}
        forms = [self.documents[key] for key in self.guide_documents.get(data["slug"], [])]
        if forms:  # links to library documents; readers are sent to the current version
            for language, blocks in body.items():
                links = [
                    {"title": form.translated_title(language) or form.title, "url": "", "document": form.pk}
                    for form in forms
                ]
                blocks.append({"type": "links", "value": links})
        helpers = [self.partner_pages[slug].pk for slug in self.guide_partners.get(data["slug"], [])]
        if helpers:
            for blocks in body.values():
                blocks.append({"type": "partners", "value": helpers})
        service = self.guide_offices.get(data["slug"])
        if service:  # "where to apply": the office finder, narrowed to the guide's service
            for blocks in body.values():
                blocks.append({"type": "where_to_apply", "value": {"service": service}})
        set_translations(page, "body", body)
        for order, note_data in enumerate(data.get("change_notes", [])):
            note = GuideChangeNote(date=date.fromisoformat(note_data["date"]), sort_order=order)
            set_translations(note, "note", note_data["note"])
            page.change_notes.add(note)
        page.audiences.set(Audience.objects.filter(code__in=data.get("audiences", [])))
        page.regulations.set(
            [self.regulation_pages[slug] for slug in self.guide_regulations.get(data["slug"], [])]
        )
        return self.publish(topic, page, label)

    def standard_page(self, home, data):
        label = f"page {data['slug']}"
        page = self.existing_child(home, StandardPage, data["slug"], label)
        if page:
            return page
        page = StandardPage(slug=data["slug"], show_in_menus=True)
        set_translations(page, "title", data["title"])
        set_translations(page, "body", data["body"])
        return self.publish(home, page, label)

    def section(self, home, model, data):
        """An index page directly under home (regulations, partners, forms library)."""
        label = f"section {data['slug']}"
        page = self.existing_child(home, model, data["slug"], label)
        if page:
            return page
        page = model(slug=data["slug"], show_in_menus=False)
        set_translations(page, "title", data["title"])
        set_translations(page, "intro", data["intro"])
        set_translations(page, "search_description", data["intro"])
        return self.publish(home, page, label)

    def forms(self, items):
        """Library documents with a generated PDF each; returns {key: document}. Kept if present."""
        documents = {}
        for item in items:
            document = LibraryDocument.objects.filter(
                form_number=item["number"], version=item["version"]
            ).first()
            if document is None:
                document = LibraryDocument(
                    form_number=item["number"],
                    file_language=item["file_language"],
                    version=item["version"],
                    valid_from=date.fromisoformat(item["valid_from"]),
                )
                set_translations(document, "title", item["title"])
                set_translations(document, "description", item["description"])
                lines = [
                    f"{item['number']} - version {item['version']}",
                    item["title"]["en"].encode("latin-1", "replace").decode("latin-1"),
                    "SAMPLE FORM - Sinergi demonstration content. Not an official document.",
                ]
                document.file.save(f"{item['key']}.pdf", ContentFile(sample_pdf(lines)), save=False)
                document.save()
                document.topics.set(TopicPage.objects.filter(slug__in=item.get("topics", [])))
                self.report.created.append(f"form {item['key']}")
            else:
                self.report.kept.append(f"form {item['key']}")
            documents[item["key"]] = document
        for item in items:
            newer = documents.get(item.get("superseded_by") or "")
            if newer and documents[item["key"]].superseded_by_id != newer.pk:
                documents[item["key"]].superseded_by = newer
                documents[item["key"]].save(update_fields=["superseded_by", "updated_at"])
        return documents

    def official_text(self, item):
        """A placeholder PDF standing for the official text (kept out of the forms library)."""
        document = LibraryDocument(file_language="id", version=str(item["year"]), in_library=False)
        set_translations(document, "title", item["title"])
        lines = [
            item["title"]["en"].encode("latin-1", "replace").decode("latin-1"),
            "SAMPLE - the official text is published in the State Gazette (Lembaran Negara).",
        ]
        document.file.save(f"{item['slug']}.pdf", ContentFile(sample_pdf(lines)), save=False)
        document.save()
        return document

    def regulations(self, home, section, items):
        index = self.section(home, RegulationIndexPage, section)
        pages, created = {}, []
        for item in items:
            label = f"regulation {item['slug']}"
            page = self.existing_child(index, RegulationPage, item["slug"], label)
            if page is None:
                page = RegulationPage(
                    slug=item["slug"],
                    regulation_type=item["type"],
                    number=item["number"],
                    year=item["year"],
                    enacted=date.fromisoformat(item["enacted"]),
                    in_force_from=date.fromisoformat(item["in_force"]),
                )
                for name in ("title", "summary", "affects", "body", "authority"):
                    set_translations(page, name, item[name])
                set_translations(page, "search_description", item["summary"])
                page.topics.set(TopicPage.objects.filter(slug__in=item.get("topics", [])))
                page.audiences.set(Audience.objects.filter(code__in=item.get("audiences", [])))
                page.official_text = self.official_text(item)
                index.add_child(instance=page)
                created.append((page, item))
                self.report.created.append(label)
            pages[item["slug"]] = page
        # Relations need every target to exist; then publish, then publish each later version.
        for page, item in created:
            for order, relation in enumerate(item.get("relations", [])):
                page.relations.add(
                    RegulationRelation(
                        kind=relation["type"], target=pages[relation["target"]], sort_order=order
                    )
                )
            page.save_revision().publish()
        for page, item in created:
            for order, version in enumerate(item.get("versions", [])):
                set_translations(page, "body", version["body"])
                note = RegulationChangeNote(date=date.fromisoformat(version["date"]), sort_order=order)
                set_translations(note, "note", version["note"])
                page.change_notes.add(note)
                page.save_revision().publish()
        return pages

    def partners(self, home, section, items):
        """Partner pages; returns {slug: page}."""
        index = self.section(home, PartnerIndexPage, section)
        pages = {}
        for item in items:
            label = f"partner {item['slug']}"
            existing = self.existing_child(index, PartnerPage, item["slug"], label)
            if existing:
                pages[item["slug"]] = existing
                continue
            page = PartnerPage(
                slug=item["slug"],
                services=item["services"],
                regions=item["regions"],
                languages_spoken=item["languages"],
                phone=item["phone"],
                email=item["email"],
                website=item["website"],
                address=item["address"],
            )
            # An organisation's name is the same in every language its description is in.
            set_translations(page, "title", dict.fromkeys(item["description"], item["name"]))
            set_translations(page, "description", item["description"])
            set_translations(page, "opening_hours", item["opening_hours"])
            set_translations(page, "search_description", item["description"])
            page.topics.set(TopicPage.objects.filter(slug__in=item.get("topics", [])))
            pages[item["slug"]] = self.publish(index, page, label)
        return pages

    def offices(self, home, section, items):
        """The office finder and its offices (marked as samples in their names)."""
        index = self.section(home, OfficeIndexPage, section)
        for item in items:
            label = f"office {item['slug']}"
            if self.existing_child(index, OfficePage, item["slug"], label):
                continue
            page = OfficePage(
                slug=item["slug"],
                province=item["province"],
                postal_code=item["postal_code"],
                phone=item["phone"],
                email=item["email"],
                services=item["services"],
                latitude=Decimal(item["latitude"]) if item["latitude"] else None,
                longitude=Decimal(item["longitude"]) if item["longitude"] else None,
            )
            for name in ("title", "city", "address", "directions", "accessibility", "notes"):
                if item[name]:
                    set_translations(page, name, item[name])
            for order, (first, last, opens, closes) in enumerate(item["hours"]):
                page.hours.add(
                    OfficeHours(
                        first_day=first,
                        last_day=last,
                        opens=time.fromisoformat(opens),
                        closes=time.fromisoformat(closes),
                        sort_order=order,
                    )
                )
            self.publish(index, page, label)
