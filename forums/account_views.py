"""A member's own pages: profile, data download, account deletion, and unsubscribe links."""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from core.signed_links import LinkError, link_error_page
from forums import exports, notifications, services
from forums.forms import DeleteAccountForm, ProfileForm
from forums.models import Follow, Member, ModerationAction


@never_cache
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def profile(request):
    member = services.member_for(request.user)
    initial = {"language": request.LANGUAGE_CODE, "notify_replies": True}
    if member:
        initial = {
            "display_name": member.display_name,
            "language": member.language,
            "notify_replies": member.notify_replies,
        }
    form = ProfileForm(request.POST or None, member=member, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        Member.objects.update_or_create(user=request.user, defaults=data)
        messages.success(request, _("Your profile is saved."))
        return redirect("forums:profile")
    status = 400 if request.method == "POST" else 200
    context = {
        "form": form,
        "member": member,
        "unseen_posts": services.unseen_posts(member) if member else [],
    }
    return render(request, "forums/profile.html", context, status=status)


@never_cache
@login_required
@require_safe
def download_data(request):
    member = services.member_for(request.user, create_for_staff=False)
    data = exports.member_data(member) if member else {"account": {"email": request.user.email}}
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="sinergi-forum-data.json"'
    return response


@transaction.atomic
def delete_account(user):
    """Delete the account; posts stay, under "deleted member" (their author becomes empty)."""
    member = Member.objects.filter(user=user).first()
    if member:
        services.log(ModerationAction.ACCOUNT_DELETED, detail=f"member {member.pk}")
        member.posts.update(ip_address=None)
    user.delete()


@never_cache
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def delete_account_page(request):
    if request.user.is_staff:
        messages.error(request, _("Staff accounts are removed by an administrator."))
        return redirect("forums:profile")
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        delete_account(user)
        return render(request, "forums/account_deleted.html")
    status = 400 if request.method == "POST" else 200
    return render(request, "forums/delete_account.html", {"form": form}, status=status)


@csrf_exempt  # mail clients send the RFC 8058 one-click POST without a CSRF token
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    """GET shows one button (mail scanners open links); the POST unsubscribes, once."""
    try:
        with transaction.atomic():
            target = notifications.unsubscribe_target(token)
            follow = target if isinstance(target, Follow) else None
            if request.method == "POST":
                stopped = (
                    Follow.objects.filter(pk=follow.pk).delete()[0]
                    if follow
                    else Member.objects.filter(pk=target.pk, notify_replies=True).update(notify_replies=False)
                )
                if not stopped:  # a second click that arrived at the same time
                    raise LinkError(LinkError.USED)
    except LinkError as error:
        return link_error_page(
            request,
            error,
            advice=_("You can choose which forum emails you receive on your profile page."),
            next_url=reverse("forums:profile"),
            next_label=_("Your forum profile"),
        )
    # A thread withdrawn since the email was sent is not named (core/withdrawal.py).
    thread = follow.thread if follow and follow.thread_id and follow.thread.still_public() else None
    context = {
        "kind": "follow" if follow else "replies",
        "follow": follow,
        "thread": thread,
        "done": request.method == "POST",
    }
    return render(request, "forums/unsubscribe.html", context)
