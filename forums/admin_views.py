"""The moderators' views in the Wagtail admin: the queue, a thread, a member, the log.

The queue and moderation need ``forums.moderate_forums`` (the "Forum moderators"
group); turning an answered question into an FAQ item needs
``forums.convert_thread`` and the right to edit the guide. Every change goes
through forums/moderation.py, which logs who did it and why.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.auth import permission_denied

from core.permissions import AdminPermissionRequired
from forums import faq, moderation, services
from forums.admin_forms import (
    BanForm,
    EditForm,
    HideForm,
    MergeForm,
    MoveForm,
    ReasonForm,
    SuggestionStatusForm,
)
from forums.models import Member, ModerationLog, Post, Thread
from forums.rendering import render
from forums.spam import HOLD_REASONS

MODERATE = "forums.moderate_forums"
CONVERT = "forums.convert_thread"


class ModeratorRequired(AdminPermissionRequired):
    permission_required = MODERATE


class QueueView(ModeratorRequired, TemplateView):
    template_name = "forums/admin/queue.html"

    def get_context_data(self, **kwargs):
        page = Paginator(moderation.queue(), 30).get_page(self.request.GET.get("p"))
        rows = [
            {
                "post": post,
                "html": render(post.body),
                "why": HOLD_REASONS.get(post.hold_reason, ""),
                "flags": post.flags.filter(reviewed_at__isnull=True).select_related("member"),
            }
            for post in page
        ]
        return super().get_context_data(
            page_title=_("Forum moderation"),
            header_icon="comment",
            rows=rows,
            queue_page=page,
            counts=moderation.waiting_counts(),
            hide_form=HideForm(),
            **kwargs,
        )


class PostView(ModeratorRequired, TemplateView):
    """One post: approve, hide with a reason, edit (the original is kept)."""

    template_name = "forums/admin/post.html"

    def get_context_data(self, **kwargs):
        post = self.post_object()
        return super().get_context_data(
            page_title=_("Post %(number)s") % {"number": post.pk},
            header_icon="comment",
            post=post,
            html=render(post.body),
            revisions=post.revisions.select_related("edited_by"),
            log=post.log.select_related("actor"),
            hide_form=kwargs.pop("hide_form", None) or HideForm(),
            edit_form=kwargs.pop("edit_form", None) or EditForm(initial={"body": post.body}),
            approve_form=ReasonForm(),
            **kwargs,
        )

    def post_object(self):
        return get_object_or_404(
            Post.objects.select_related("thread__board__topic", "author"), pk=self.kwargs["pk"]
        )

    def post(self, request, pk):
        post = self.post_object()
        action = request.POST.get("action")
        if action == "approve":
            form = ReasonForm(request.POST)
            form.is_valid()
            moderation.approve(post, request.user, form.cleaned_data.get("reason", ""))
            messages.success(request, _("Post approved."))
        elif action == "hide":
            form = HideForm(request.POST)
            if not form.is_valid():
                return self.render_to_response(self.get_context_data(hide_form=form), status=400)
            moderation.hide(post, request.user, form.cleaned_data["reason"])
            messages.success(request, _("Post hidden."))
        elif action == "edit":
            form = EditForm(request.POST)
            if not form.is_valid():
                return self.render_to_response(self.get_context_data(edit_form=form), status=400)
            moderation.edit(post, request.user, form.cleaned_data["body"], form.cleaned_data["reason"])
            messages.success(request, _("Post changed; the original is kept."))
        if request.POST.get("next") == "queue":
            return redirect("forums_admin:queue")
        return redirect("forums_admin:post", post.pk)


class ThreadView(ModeratorRequired, TemplateView):
    """One thread: lock, close, move, merge, suggestion status, and the FAQ step."""

    template_name = "forums/admin/thread.html"
    permission_required = (MODERATE, CONVERT)
    require_all = False  # moderators, and editors who turn answers into FAQ items
    FORMS = {
        "lock": ReasonForm,
        "unlock": ReasonForm,
        "close": ReasonForm,
        "reopen": ReasonForm,
        "move": MoveForm,
        "merge": MergeForm,
        "suggestion": SuggestionStatusForm,
        "faq": ReasonForm,
    }

    def thread(self):
        return get_object_or_404(Thread.objects.select_related("board__topic", "guide"), pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        thread = self.thread()
        forms = kwargs.pop("forms", {})
        return super().get_context_data(
            page_title=_("Thread: %(title)s") % {"title": thread.title},
            header_icon="comment",
            thread=thread,
            visible=Thread.objects.visible().filter(pk=thread.pk).exists(),
            posts=thread.posts.select_related("author"),
            log=thread.log.select_related("actor", "post"),
            may_moderate=self.request.user.has_perm(MODERATE),
            may_convert=self.request.user.has_perm(CONVERT) and faq.convertible(thread),
            faq_guide=faq.guide_for(thread),
            move_form=forms.get("move") or MoveForm(initial={"board": thread.board_id}),
            merge_form=forms.get("merge") or MergeForm(),
            suggestion_form=forms.get("suggestion")
            or SuggestionStatusForm(initial={"status": thread.suggestion_status}),
            reason_form=ReasonForm(),
            **kwargs,
        )

    def post(self, request, pk):
        thread = self.thread()
        action = request.POST.get("action")
        if action not in self.FORMS:
            return redirect("forums_admin:thread", thread.pk)
        needed = CONVERT if action == "faq" else MODERATE
        if not request.user.has_perm(needed):
            return permission_denied(request)
        form = self.FORMS[action](request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(forms={action: form}), status=400)
        data, user = form.cleaned_data, request.user
        try:
            self.apply(action, thread, user, data)
        except (services.NotAllowed, faq.CannotConvert) as error:
            messages.error(request, str(error))
            return redirect("forums_admin:thread", thread.pk)
        return redirect("forums_admin:thread", thread.pk)

    def apply(self, action, thread, user, data):
        reason = data.get("reason", "")
        if action in ("lock", "unlock"):
            moderation.set_locked(thread, user, action == "lock", reason)
        elif action in ("close", "reopen"):
            moderation.set_closed(thread, user, action == "close", reason)
        elif action == "move":
            moderation.move(thread, user, data["board"], reason)
        elif action == "merge":
            moderation.merge(thread, user, data["into"], reason)
        elif action == "suggestion":
            moderation.set_suggestion_status(thread, user, data["status"], reason)
        elif action == "faq":
            guide = faq.guide_for(thread)
            if guide is None or not guide.permissions_for_user(user).can_edit():
                raise faq.CannotConvert(_("You cannot edit the guide this question belongs to."))
            faq.add_to_guide(thread, user, guide)
            messages.success(
                self.request, _("Added to the guide's questions as a draft. Review and publish the guide.")
            )
            return
        messages.success(self.request, _("Done."))


class MemberView(ModeratorRequired, TemplateView):
    template_name = "forums/admin/member.html"

    def member(self):
        return get_object_or_404(Member, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        member = self.member()
        return super().get_context_data(
            page_title=_("Member: %(name)s") % {"name": member.display_name},
            header_icon="user",
            member=member,
            posts=member.posts.select_related("thread").order_by("-created_at")[:50],
            log=member.log.select_related("actor"),
            ban_form=kwargs.pop("ban_form", None) or BanForm(),
            **kwargs,
        )

    def post(self, request, pk):
        member = self.member()
        if request.POST.get("action") == "unban":
            moderation.unban(member, request.user, request.POST.get("reason", ""))
            messages.success(request, _("The member can post again."))
            return redirect("forums_admin:member", member.pk)
        form = BanForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(ban_form=form), status=400)
        moderation.ban(member, request.user, form.cleaned_data["reason"])
        messages.success(request, _("The member is banned."))
        return redirect("forums_admin:member", member.pk)


class LogView(ModeratorRequired, TemplateView):
    template_name = "forums/admin/log.html"

    def get_context_data(self, **kwargs):
        entries = ModerationLog.objects.select_related("actor", "post", "thread", "member")
        page = Paginator(entries, 50).get_page(self.request.GET.get("p"))
        return super().get_context_data(
            page_title=_("Forum moderation log"), header_icon="history", log_page=page, **kwargs
        )
