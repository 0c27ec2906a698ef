"""Public pages: file a complaint, see the code, look it up, follow it, and the statistics.

The tracking code is never put in a URL (it would end up in browser history and
server logs): it is typed into a form, and a successful look-up opens the
complaint in the browser's session for ``TRACKING_SESSION_SECONDS``.
"""

import time

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from complaints import codes, conf, lookups, services, statistics
from complaints.forms import (
    FORM_TOKENS,
    AdditionForm,
    ComplaintForm,
    ReopenForm,
    SatisfactionForm,
    TrackForm,
)
from complaints.models import Category, Complaint, Status, TimelineEntry
from core import rate_limit
from core.signed_links import LinkError

FILED_KEY = "complaints_filed"  # {"token": hash, "code": code, "at": seconds} after filing
TRACKING_KEY = "complaints_tracking"  # {"id": pk, "until": seconds} after a look-up


def _render_form(request, form, status=200, files_dropped=False):
    return render(
        request,
        "complaints/file.html",
        {"form": form, "files_dropped": files_dropped, "retention_days": conf.get("RETENTION_DAYS")},
        status=status,
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def file_complaint(request):
    if request.method != "POST":
        # Start the session now, so that if the form is sent twice (a double click)
        # both requests share it and the second can show the code the first stored.
        request.session["complaints_form"] = True
        return _render_form(request, ComplaintForm(initial={"form_token": FORM_TOKENS.issue()}))

    form = ComplaintForm(request.POST, request.FILES)
    files_dropped = bool(request.FILES)
    try:
        token = FORM_TOKENS.read(request.POST.get("form_token"))
    except LinkError:
        data = request.POST.copy()
        data["form_token"] = FORM_TOKENS.issue()
        form = ComplaintForm(data)
        form.add_error(None, _("This form has expired. Please check your answers and send it again."))
        return _render_form(request, form, status=400, files_dropped=files_dropped)
    if Complaint.objects.filter(form_token_hash=token.hash).exists():
        return redirect("complaints:filed")  # sent twice: show what the first copy got
    try:
        if not form.is_valid():
            return _render_form(request, form, status=400, files_dropped=files_dropped)
        if form.cleaned_data["website"]:
            form.add_error(None, _("We could not accept this form. Please check it and send it again."))
            return _render_form(request, form, status=400, files_dropped=files_dropped)
        if token.too_fast:
            form.add_error(
                None, _("The form was sent very quickly. Please check your answers and send it again.")
            )
            return _render_form(request, form, status=400, files_dropped=files_dropped)
        address = rate_limit.client_address(request)
        if rate_limit.hit("complaints-file", address, conf.get("FILE_LIMIT"), conf.get("FILE_WINDOW")):
            form.add_error(
                None, _("Too many complaints were sent from your connection. Please try again in an hour.")
            )
            return _render_form(request, form, status=429, files_dropped=files_dropped)
        filed = services.file_complaint(
            form.cleaned_data,
            form.cleaned_data["attachments"],
            token,
            get_language(),
            request.build_absolute_uri("/"),
        )
    except services.AlreadyFiled:
        return redirect("complaints:filed")
    request.session[FILED_KEY] = {"token": token.hash, "code": filed.code, "at": time.time()}
    request.session.save()  # now, so that a second copy of this form arriving meanwhile finds it
    return redirect("complaints:filed")


@never_cache
@require_safe
def filed(request):
    """The code, shown once more on reload for a while, then removed from the session."""
    stored = request.session.get(FILED_KEY)
    if stored and time.time() - stored["at"] > conf.get("FILED_SHOWN_SECONDS"):
        del request.session[FILED_KEY]
        stored = None
    complaint = None
    if stored:
        complaint = Complaint.objects.filter(form_token_hash=stored["token"]).first()
    return render(
        request,
        "complaints/filed.html",
        {"code": stored["code"] if complaint else None, "complaint": complaint},
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def track(request):
    form = TrackForm(request.POST or None)
    if request.method != "POST":
        return render(request, "complaints/track.html", {"form": form})
    client = rate_limit.client_address(request)
    wait = lookups.wait_seconds(client)
    if wait:
        form.errors.clear()
        form.add_error(
            None,
            ngettext(
                "Several wrong codes came from your connection. Please wait %(seconds)s second and try again.",
                "Several wrong codes came from your connection. Please wait %(seconds)s seconds and try again.",
                wait,
            )
            % {"seconds": wait},
        )
        response = render(request, "complaints/track.html", {"form": form}, status=429)
        response["Retry-After"] = str(wait)
        return response
    if not form.is_valid():  # a code that fails its checks matches nothing: not counted
        return render(request, "complaints/track.html", {"form": form}, status=400)
    complaint = services.find_by_code(form.cleaned_data["code"])
    if complaint is None:
        lookups.failed(client, codes.compact(form.cleaned_data["code"]))
        form.add_error(
            "code",
            _(
                "We found no complaint with this code. Please check it, or contact the office if you have lost it."
            ),
        )
        return render(request, "complaints/track.html", {"form": form}, status=404)
    request.session.cycle_key()
    request.session[TRACKING_KEY] = {
        "id": complaint.pk,
        "until": time.time() + conf.get("TRACKING_SESSION_SECONDS"),
    }
    return redirect("complaints:status")


def _tracked_complaint(request):
    tracking = request.session.get(TRACKING_KEY)
    if not tracking or tracking["until"] < time.time():
        request.session.pop(TRACKING_KEY, None)
        return None
    return Complaint.objects.select_related("office").filter(pk=tracking["id"]).first()


STATUS_ACTIONS = {"add": AdditionForm, "reopen": ReopenForm, "satisfaction": SatisfactionForm}


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def status(request):
    complaint = _tracked_complaint(request)
    if complaint is None:
        messages.info(request, _("Please enter your tracking code to see your complaint."))
        return redirect("complaints:track")
    forms = {"add": AdditionForm(), "reopen": ReopenForm(), "satisfaction": SatisfactionForm()}
    action = request.POST.get("action")
    if request.method == "POST" and action == "forget":
        request.session.pop(TRACKING_KEY, None)
        messages.info(request, _("The complaint is no longer shown on this device."))
        return redirect("complaints:track")
    code = 200
    if request.method == "POST" and action in STATUS_ACTIONS:
        form = STATUS_ACTIONS[action](request.POST, request.FILES)
        forms[action] = form
        if form.is_valid():
            try:
                if action == "add":
                    services.add_information(
                        complaint, form.cleaned_data["text"], form.cleaned_data["attachments"]
                    )
                    messages.success(request, _("Thank you. Your information has been added."))
                elif action == "reopen":
                    services.reopen(complaint, form.cleaned_data["reason"])
                    messages.success(request, _("Your complaint has been reopened."))
                else:
                    services.answer_satisfaction(complaint, form.cleaned_data["satisfaction"])
                    messages.success(request, _("Thank you for your answer."))
                return redirect("complaints:status")
            except (services.TooManyAdditions, services.QuotaExceeded) as error:
                form.add_error(None, error)
                code = 429 if isinstance(error, services.TooManyAdditions) else 413
            except ValidationError as error:  # the complaint moved on meanwhile: say why, show it as it is
                messages.error(request, " ".join(error.messages))
                return redirect("complaints:status")
        else:
            code = 400
    now = timezone.now()
    context = {
        "complaint": complaint,
        "timeline": complaint.timeline.all(),
        "kinds": TimelineEntry.Kind,
        "forms": forms,
        "can_add": complaint.can_add_information(now),
        "can_reopen": complaint.can_reopen(now),
        "action": action,
        "files_dropped": bool(request.FILES) and code != 200,
    }
    return render(request, "complaints/status.html", context, status=code)


@require_safe
def statistics_page(request):
    this_year = timezone.localdate().year
    try:
        year = int(request.GET.get("year", this_year))
    except ValueError:
        year = this_year
    year = min(max(year, 2000), this_year)
    start, end = statistics.year_bounds(year)
    stats = statistics.public_statistics(start, end)
    context = {
        "stats": stats,
        "category_rows": [(Category(key).label, value) for key, value in stats["by_category"].items()],
        "status_rows": [(Status(key).label, value) for key, value in stats["by_status"].items()],
        "year": year,
        "years": list(range(this_year, this_year - 5, -1)),
    }
    return render(request, "complaints/statistics.html", context)
