"""From answers to guides: an answered question becomes an FAQ item of its guide.

One step for the editor: the question (thread title) and its answer (the official
or accepted answer, as plain text) are appended as an FAQ block to the guide's
body in the thread's language, saved as a new draft revision (the editor reviews
and publishes it through the usual workflow). The answer ends with the address of
the thread, and the thread remembers the guide, so each leads to the other.
"""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from cms.models import GuidePage
from forums import services
from forums.models import ModerationAction, Post, Thread, ThreadStatus
from forums.rendering import plain_text


class CannotConvert(Exception):
    pass


def answer_of(thread):
    answers = Post.objects.visible().filter(thread=thread).filter(is_official=True)
    return answers.order_by("created_at").first() or (
        Post.objects.visible().filter(thread=thread, is_accepted=True).first()
    )


def guide_for(thread):
    """The guide linked to the thread, or the first live guide of the board's topic."""
    if thread.guide_id:
        return thread.guide
    return GuidePage.objects.child_of(thread.board.topic).live().order_by("path").first()


def convertible(thread):
    """Only a visible, answered question can become an FAQ item."""
    return thread.status == ThreadStatus.ANSWERED and Thread.objects.visible().filter(pk=thread.pk).exists()


@transaction.atomic
def add_to_guide(thread, user, guide=None):
    """Append the thread's question and answer to the guide's FAQ as a draft; returns the revision."""
    if not convertible(thread):
        raise CannotConvert(_("Only a visible, answered question can become an FAQ item."))
    answer = answer_of(thread)
    if answer is None:
        raise CannotConvert(_("This thread has no visible official or accepted answer."))
    guide = guide or guide_for(thread)
    if guide is None:
        raise CannotConvert(_("There is no guide to add it to."))
    draft = guide.specific.get_latest_revision_as_object()
    with translation.override(thread.language):
        link = settings.SITE_BASE_URL + reverse("forums:thread", args=[thread.pk])
        text = f"{plain_text(answer.body)}\n\n{_('From the forum:')} {link}"
    field = build_localized_fieldname("body", thread.language)
    body = getattr(draft, field)
    body.append(("faq", [{"question": thread.title[:300], "answer": text}]))
    setattr(draft, field, body)
    revision = draft.save_revision(user=user, log_action=True)
    thread.faq_guide = guide
    thread.save(update_fields=["faq_guide", "updated_at"])
    services.log(
        ModerationAction.FAQ, user, thread=thread, detail=f"guide {guide.pk}, revision {revision.pk}"
    )
    return revision
