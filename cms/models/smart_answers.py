"""Smart answers: "Which visa or permit do I need?" as pages editors build.

A ``SmartAnswerPage`` holds a flow of questions and outcomes (``cms/smart_answers/``).
Its address without a query string is the start page, indexed by search engines; with
one it is a step of the flow, rendered on the server from the answers in the URL
(GET forms, no script, nothing stored) and kept out of search engines.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modeltranslation.utils import build_localized_fieldname
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from cms.smart_answers.blocks import FlowBlock
from cms.smart_answers.flow import Flow, computed_values
from cms.smart_answers.forms import QuestionForm
from cms.smart_answers.links import public_links_only
from cms.smart_answers.panels import FlowOutlinePanel
from cms.smart_answers.signals import announce
from cms.smart_answers.validation import flow_problems, structure_difference
from cms.translation_state import SOURCE_LANGUAGE, target_languages

from .pages import SectionPage, SinergiPage


class SmartAnswerIndexPage(SectionPage):
    """ "Check what you need": the list of smart answers."""

    subpage_types = ["cms.SmartAnswerPage"]

    class Meta:
        verbose_name = _("smart answers")

    def flows(self):
        return SmartAnswerPage.objects.child_of(self).live().public().order_by("path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["flows"] = self.flows()
        return context


class SmartAnswerPage(SinergiPage):
    intro = models.TextField(_("introduction"), help_text=_("Who this is for and what they will find out."))
    flow = StreamField(FlowBlock(), verbose_name=_("questions and outcomes"), blank=True)
    topics = ParentalManyToManyField(
        "cms.TopicPage",
        blank=True,
        related_name="smart_answer_pages",
        verbose_name=_("topics"),
        help_text=_("The topic pages that offer these questions to their readers, above their guides."),
    )

    translation_fields = ("title", "search_description", "intro", "flow")
    translation_required_fields = ("title", "intro", "flow")
    parent_page_types = ["cms.SmartAnswerIndexPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("flow"),
        FlowOutlinePanel(heading=_("Outline of the flow")),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
    ]

    class Meta:
        verbose_name = _("smart answer")

    def clean(self):
        super().clean()
        errors = {}
        source = getattr(self, build_localized_fieldname("flow", SOURCE_LANGUAGE))
        if not source:
            errors[build_localized_fieldname("flow", SOURCE_LANGUAGE)] = [_("Add at least one question.")]
        for language in [SOURCE_LANGUAGE, *target_languages()]:
            name = build_localized_fieldname("flow", language)
            stream = getattr(self, name)
            if not stream:
                continue
            problems = flow_problems(stream)
            if not problems and language != SOURCE_LANGUAGE and source:
                step = structure_difference(source, stream)
                if step:
                    problems = [
                        _(
                            "Step “%(key)s” differs from the Indonesian flow: keys, answers, conditions and "
                            "next steps must be the same in every language; only the texts are translated."
                        )
                        % {"key": step}
                    ]
            if problems:
                errors[name] = problems
        if errors:
            raise ValidationError(errors)

    def reader_flow(self):
        """The flow in the reader's language (Indonesian when not translated)."""
        return Flow(self.flow)

    def outline(self):
        """The Indonesian flow (whose structure every language shares) as indented text
        lines, for editors: every step and where each answer leads."""
        return outline_lines(Flow(getattr(self, build_localized_fieldname("flow", SOURCE_LANGUAGE))))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        answering = bool(request.GET)
        context["answering"] = answering
        if not answering:
            return context
        walk = self.reader_flow().walk(request.GET)
        context["walk"] = walk
        if walk.question is not None:
            data = request.GET if walk.error else None
            context["form"] = QuestionForm(walk.question, data=data, chosen=walk.chosen, error=walk.error)
            context["question"] = walk.question
            context["hidden_fields"] = walk.hidden_fields()
            context["back_query"] = walk.back_query()
        elif walk.outcome is not None:
            context["outcome"] = walk.outcome
            context["outcome_body"] = public_links_only(walk.outcome.value["body"].source)
            context["computed"] = computed_values(walk.outcome, walk.values())
            context["summary"] = walk.summary()
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if request.GET:
            response["X-Robots-Tag"] = "noindex"  # one reader's answers: not for search engines
            # Kept out of shared caches (the page cache, a CDN): one reader's answers are
            # nobody else's page, and every arrival at a step must reach this view to be counted.
            patch_cache_control(response, private=True)
            announce(self, request, (getattr(response, "context_data", None) or {}).get("walk"))
        return response


def outline_lines(flow):
    lines = []
    for step in flow.steps.values():
        if not step.is_question:
            lines.append(f"[{step.key}] {step.value['title']}")
            continue
        lines.append(f"{step.key}: {step.value['question']}")
        for route in step.value.get("routes", []):
            lines.append(f"    {route['question']} {route['test']} {route['values']} → {route['next']}")
        for option in step.value.get("options", []):
            target = option.get("next") or step.value.get("next") if step.kind == "choice" else ""
            lines.append(f"    {option['label']} ({option['key']})" + (f" → {target}" if target else ""))
        if step.kind != "choice" and step.value.get("next"):
            lines.append(f"    … → {step.value['next']}")
    return lines
