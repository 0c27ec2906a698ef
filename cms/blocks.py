"""StreamField blocks for guides.

Each block is a piece of a plain-language guide that readers scan for: steps to
follow, documents to bring, what it costs, what to watch out for. Keeping them as
structured blocks (not free rich text) lets the templates render them accessibly
(real lists, real tables with captions) and lets search index them as text.

Other apps add blocks to a guide's body with the ``register_guide_blocks`` hook (search's
glossary term, which cms may not import): each returns a list of (name, block). The body's
StreamBlock is built when first used (``StreamField(GuideBodyBlock)``), after every app's
hooks are loaded; ``makemigrations cms`` records the added blocks as the blocks deconstruct
themselves (a block from another app should deconstruct as one of Wagtail's, so the cms
migration does not import that app).
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks, hooks
from wagtail.documents.blocks import DocumentChooserBlock

from cms.places import SERVICES

RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Step"), max_length=200)
    text = blocks.TextBlock(label=_("Explanation"), required=False)


class StepsBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(StepBlock(), **kwargs)

    class Meta:
        template = "cms/blocks/steps.html"
        icon = "list-ol"
        label = _("Numbered steps")


class ChecklistBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    items = blocks.ListBlock(blocks.CharBlock(max_length=300), label=_("Items"))

    class Meta:
        template = "cms/blocks/checklist.html"
        icon = "tasks"
        label = _("Checklist of documents")


class FeeRowBlock(blocks.StructBlock):
    item = blocks.CharBlock(label=_("Service"), max_length=200)
    amount = blocks.CharBlock(label=_("Amount"), max_length=100)
    note = blocks.CharBlock(label=_("Note"), max_length=300, required=False)


class FeesBlock(blocks.StructBlock):
    caption = blocks.CharBlock(label=_("Caption"), max_length=200)
    rows = blocks.ListBlock(FeeRowBlock(), label=_("Rows"))

    class Meta:
        template = "cms/blocks/fees.html"
        icon = "table"
        label = _("Fees table")


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(choices=[("info", _("Information")), ("warning", _("Warning"))], default="info")
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    text = blocks.TextBlock(label=_("Text"))

    class Meta:
        template = "cms/blocks/callout.html"
        icon = "warning"
        label = _("Callout")


class FaqItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=300)
    answer = blocks.TextBlock(label=_("Answer"))


class FaqBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(FaqItemBlock(), **kwargs)

    class Meta:
        template = "cms/blocks/faq.html"
        icon = "help"
        label = _("Frequently asked questions")


class LinkBlock(blocks.StructBlock):
    """A link to an official site or to a document in the library (one of the two)."""

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    url = blocks.URLBlock(label=_("Web address"), required=False)
    document = DocumentChooserBlock(label=_("Document"), required=False)

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("url")) == bool(value.get("document")):
            raise blocks.StructBlockValidationError(
                block_errors={"url": _("Give either a web address or a document, not both.")}
            )
        return value


class LinksBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(LinkBlock(), **kwargs)

    class Meta:
        template = "cms/blocks/links.html"
        icon = "link"
        label = _("Links and documents")


class PartnersBlock(blocks.ListBlock):
    """Organisations from the partner directory that can help with what the guide is about."""

    def __init__(self, **kwargs):
        super().__init__(blocks.PageChooserBlock(page_type="cms.PartnerPage"), **kwargs)

    class Meta:
        template = "cms/blocks/partners.html"
        icon = "group"
        label = _("Organisations that can help")


class WhereToApplyBlock(blocks.StructBlock):
    """ "Where to apply": a link to the office finder narrowed to the service the guide is
    about, so the guide never lists offices that move, close or change their hours."""

    service = blocks.ChoiceBlock(choices=SERVICES, label=_("Service"))

    class Meta:
        template = "cms/blocks/where_to_apply.html"
        icon = "site"
        label = _("Where to apply")


GUIDE_BLOCKS_HOOK = "register_guide_blocks"


def added_guide_blocks():
    """[(name, block)] from every app's ``register_guide_blocks`` hook."""
    return [pair for register in hooks.get_hooks(GUIDE_BLOCKS_HOOK) for pair in register()]


class GuideBodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        max_length=200, template="cms/blocks/heading.html", icon="title", label=_("Heading")
    )
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Text"))
    steps = StepsBlock()
    checklist = ChecklistBlock()
    fees = FeesBlock()
    callout = CalloutBlock()
    faq = FaqBlock()
    links = LinksBlock()
    partners = PartnersBlock()
    where_to_apply = WhereToApplyBlock()

    def __init__(self, local_blocks=None, **kwargs):
        super().__init__([*(local_blocks or []), *added_guide_blocks()], **kwargs)
