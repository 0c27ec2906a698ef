"""Pages for following by email: the form, the confirmation and the one-click unsubscribe."""

from django import forms
from django.conf import settings
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from cms import conf, follow
from cms.models import TopicPage
from core import rate_limit
from core.signed_links import LinkError, link_error_page


class FollowForm(forms.Form):
    email = forms.EmailField(
        label=_("Your email address"),
        max_length=254,
        error_messages={"invalid": _("Enter an email address like name@example.org.")},
    )
    language = forms.ChoiceField(label=_("Language of the emails"), choices=settings.LANGUAGES)
    # A field people never see; bots fill it in.
    website = forms.CharField(
        required=False, widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"})
    )


def too_many(request):
    return rate_limit.hit("follow", rate_limit.client_address(request), conf.get("FOLLOWS_PER_HOUR"), 3600)


@require_http_methods(["GET", "HEAD", "POST"])
def follow_page(request):
    source = request.POST if request.method == "POST" else request.GET
    if not any(source.get(name) for name in ("topic", "regulation")):
        # "Get an email when regulations change" with no topic chosen: choose one here.
        return render(request, "cms/follow/choose.html", {"topics": TopicPage.objects.live().public()})
    topic, regulation = follow.subject_from_request(source)
    if topic is None and regulation is None:
        return render(request, "cms/follow/unknown.html", status=404)
    form = FollowForm(request.POST or None, initial={"language": get_language()})
    context = {"form": form, "topic": topic, "regulation": regulation, "subject": topic or regulation}
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["website"]:
            return render(request, "cms/follow/check_email.html", context)  # a bot: pretend
        if too_many(request):
            form.add_error(None, _("Too many requests from your connection. Please try again in an hour."))
            return render(request, "cms/follow/form.html", context, status=429)
        follow.subscribe(
            form.cleaned_data["email"],
            form.cleaned_data["language"],
            request.build_absolute_uri("/").rstrip("/"),
            topic=topic,
            regulation=regulation,
        )
        return render(request, "cms/follow/check_email.html", context)
    status = 400 if request.method == "POST" else 200
    return render(request, "cms/follow/form.html", context, status=status)


def bad_link(request, error):
    return link_error_page(
        request,
        error,
        advice=_("You can subscribe again from any regulation or topic page."),
        next_url=reverse("wagtail_serve", args=[""]),
        next_label=_("Go to the home page"),
    )


@require_http_methods(["GET", "HEAD", "POST"])
def confirm_page(request, token):
    """GET shows a button; only the POST confirms, so link scanners cannot subscribe anyone."""
    try:
        if request.method == "POST":
            subscription = follow.confirm(token)
            return render(request, "cms/follow/confirmed.html", {"subject": subscription.subject})
        subscription = follow.open_link(follow.CONFIRM, token)
    except LinkError as error:
        return bad_link(request, error)
    return render(request, "cms/follow/confirm.html", {"subject": subscription.subject})


@csrf_exempt  # mail clients send the RFC 8058 one-click POST without a CSRF token
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe_page(request, token):
    """GET shows one button (mail scanners open links); the POST, from it or a mail client, unsubscribes."""
    try:
        if request.method != "POST":
            subscription = follow.open_link(follow.UNSUBSCRIBE, token)
            return render(request, "cms/follow/unsubscribe.html", {"subject": subscription.subject})
        subject = follow.unsubscribe(token)
    except LinkError as error:
        return bad_link(request, error)
    key = "topic" if isinstance(subject, TopicPage) else "regulation"
    again = f"{key}={subject.slug if key == 'topic' else subject.pk}" if subject else ""
    return render(request, "cms/follow/unsubscribed.html", {"subject": subject, "subscribe_again": again})
