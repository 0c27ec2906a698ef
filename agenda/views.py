"""Public views of the events app: calendar, month view, archive, registration.

The calendar and event pages' routes call these with the page (agenda/models/pages.py
imports this module), so it imports no page model; the views reached by URL alone,
the iCalendar feeds, are in agenda/calendar_views.py.

Decisions (what is shown, what is allowed) are made in agenda/calendar.py and
agenda/registration.py; these views read the request, call them and render.
"""

import json
from datetime import date
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from agenda import calendar, calendar_links, conf, self_service
from agenda import registration as seats
from agenda.forms import CalendarFilterForm, RegistrationForm, ResendLinkForm, ResizeForm
from agenda.models.registrations import Registration
from core import rate_limit
from core.signed_links import LinkError, link_error_page

PER_PAGE = 20


def _filters(request):
    form = CalendarFilterForm(request.GET)
    return form, form.chosen()


def _subscription_links(request, path):
    https = request.build_absolute_uri(path)
    return {"feed_url": https, "webcal_url": "webcal://" + https.split("://", 1)[1]}


def _feed_links(request, chosen):
    query = f"?{urlencode(chosen)}" if chosen else ""
    return _subscription_links(request, reverse("agenda:feed") + query)


def _base_context(request, index_page, form, chosen):
    today = date.today()
    return {
        "page": index_page,
        "filter_form": form,
        "chosen": chosen,
        "query": urlencode(chosen),
        "this_month_url": index_page.url + f"month/{today.year}/{today.month}/",
        **_feed_links(request, chosen),
    }


def _session_list(request, index_page, view, sessions_for):
    """The upcoming list or the archive: the same page, other sessions."""
    form, chosen = _filters(request)
    context = _base_context(request, index_page, form, chosen)
    context.update(index_page.get_context(request))
    context["sessions"] = Paginator(sessions_for(chosen), PER_PAGE).get_page(request.GET.get("page"))
    context["view"] = view
    return render(request, "agenda/event_index_page.html", context)


def upcoming(request, index_page):
    return _session_list(request, index_page, "upcoming", calendar.upcoming)


def past(request, index_page):
    return _session_list(request, index_page, "past", calendar.past)


def month(request, index_page, year, month):
    form, chosen = _filters(request)
    context = _base_context(request, index_page, form, chosen)
    context.update(index_page.get_context(request))
    context["view"] = "month"
    if not (1 <= month <= 12 and 2000 <= year <= 2100):
        context["date_error"] = _(
            "There is no such month in the calendar. Choose a month between 2000 and 2100."
        )
        return render(request, "agenda/event_month.html", context, status=404)
    (prev_year, prev_month), (next_year, next_month) = calendar.neighbour_months(year, month)
    context.update(
        month_start=date(year, month, 1),
        weeks=calendar.month_grid(year, month, chosen),
        previous_url=index_page.url + f"month/{prev_year}/{prev_month}/",
        next_url=index_page.url + f"month/{next_year}/{next_month}/",
    )
    return render(request, "agenda/event_month.html", context)


def schema_org(request, page, sessions):
    """schema.org Event data (JSON-LD), one item per session; safe to embed in a page."""
    items = []
    for session in sessions:
        status = {
            "cancelled": "https://schema.org/EventCancelled",
            "postponed": "https://schema.org/EventPostponed",
        }.get(session.status, "https://schema.org/EventScheduled")
        if session.online:
            location = {"@type": "VirtualLocation", "url": request.build_absolute_uri(page.url)}
        else:
            location = {
                "@type": "Place",
                "name": session.venue_name,
                "address": {
                    "@type": "PostalAddress",
                    "streetAddress": session.address,
                    "addressRegion": session.region,
                    "addressCountry": "ID",
                },
            }
        items.append(
            {
                "@context": "https://schema.org",
                "@type": "Event",
                "name": f"{page.title}: {session.label}" if session.label else page.title,
                "description": page.summary,
                "startDate": session.local_start().isoformat(),
                "endDate": session.local_end().isoformat(),
                "eventStatus": status,
                "eventAttendanceMode": "https://schema.org/OnlineEventAttendanceMode"
                if session.online
                else "https://schema.org/OfflineEventAttendanceMode",
                "location": location,
                "inLanguage": page.languages,
                "isAccessibleForFree": True,
                "organizer": {"@type": "GovernmentOrganization", "name": "Sinergi"},
                "url": request.build_absolute_uri(page.url),
            }
        )
    text = json.dumps(items, ensure_ascii=False)
    # Escape what could end the script element or start markup, as json_script does.
    text = text.replace("<", "\\u003C").replace(">", "\\u003E").replace("&", "\\u0026")
    return mark_safe(text)  # noqa: S308 - escaped above, the same way json_script does


def event_context(request, page):
    sessions = list(page.sessions.with_seats_taken().order_by("start", "pk"))
    links = _subscription_links(request, reverse("agenda:event_ics", kwargs={"slug": page.slug}))
    return {
        "sessions": sessions,
        # Each session with its "add to calendar" links (None when it cannot be added).
        "session_calendars": [(session, calendar_links.for_session(session)) for session in sessions],
        "schema_org": schema_org(request, page, sessions),
        "calendar_url": links["feed_url"],
        "webcal_url": links["webcal_url"],
        "calendar_page": page.get_parent().specific_deferred,
    }


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def register(request, page, session_id):
    session = get_object_or_404(page.sessions.with_seats_taken().select_related("page"), pk=session_id)
    form = RegistrationForm(request.POST or None, initial={"language": get_language()}, session=session)
    context = {
        "page": page,
        "session": session,
        "form": form,
        "state": session.registration_state(),
        "retention_days": conf.get("RETENTION_DAYS"),
    }
    context.update(page.get_context(request))
    context["form"] = form
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["website"]:
            return render(request, "agenda/registration_received.html", context)  # a bot: pretend
        address = rate_limit.client_address(request)
        per_hour = conf.get("REGISTRATIONS_PER_HOUR")  # only successful registrations count
        if rate_limit.exceeded("agenda-register", address, per_hour):
            form.add_error(
                None, _("Too many registrations from your connection. Please try again in an hour.")
            )
            return render(request, "agenda/register.html", context, status=429)
        people = form.cleaned_data["people"]
        try:
            created = seats.register(
                session.pk,
                form.details(),
                join_waitlist=form.cleaned_data["join_waitlist"],
                # Only the button that names the group's size, shown with the seats left.
                join_waitlist_if_short=request.POST.get("waitlist_group") == str(people),
            )
        except seats.RegistrationError as error:
            form.add_error(error.field, error.message)
            if isinstance(error, seats.NotEnoughSeats):
                context["waitlist_group"] = people
            return render(request, "agenda/register.html", context, status=409)
        rate_limit.hit("agenda-register", address, per_hour, 3600)
        return redirect(reverse("agenda:registration", kwargs={"token": created.token}) + "?new=1")
    status = 400 if request.method == "POST" else 200
    return render(request, "agenda/register.html", context, status=status)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def manage(request, token):
    """The registrant's own page, reached by the signed link in their emails."""
    try:
        registration = Registration.from_token(token)
    except LinkError as error:
        return link_error_page(
            request,
            error,
            advice=_("Open the link in the newest email we sent you about your registration."),
            next_url=reverse("agenda:resend_link"),
            next_label=_("Email me my link again"),
        )
    seats.expire_offers()  # an offer past its time is shown as expired, never as open
    registration.refresh_from_db()
    resize_form = ResizeForm(initial={"people": registration.people}, session=registration.session)
    message = refusal = None
    status = 200
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "cancel":
                registration = seats.cancel(registration)
                message = _("Your registration is cancelled. We sent you a confirmation.")
            elif action == "take_back":
                restored = seats.take_back(registration)
                return redirect(reverse("agenda:registration", kwargs={"token": restored.token}) + "?new=1")
            elif action == "accept":
                registration = seats.accept_offer(registration)
                message = _("The seat is yours. We sent you a calendar invitation.")
            elif action == "resize":
                resize_form = ResizeForm(request.POST, session=registration.session)
                if resize_form.is_valid():
                    registration = seats.change_size(registration, resize_form.cleaned_data["people"])
                    message = _("The number of people is changed.")
                else:
                    status = 400
            else:
                status = 400
        except seats.RegistrationError as error:
            if action == "resize":
                resize_form.add_error("people", error.message)
            else:  # the resize form is unbound here: it cannot carry the answer
                refusal = error.message
            status = 409
    registration.refresh_from_db()
    session = registration.session
    context = {
        "registration": registration,
        "session": session,
        "page": session.page.specific,
        "resize_form": resize_form,
        "message": message,
        "refusal": refusal,
        "just_registered": request.GET.get("new") == "1" and request.method in ("GET", "HEAD"),
        "waitlist_position": registration.waitlist_position(),
        "calendar": calendar_links.for_registration(registration),
        # Cancelling takes two steps: the page's link asks, the confirmation's button cancels.
        "confirm_cancel": request.GET.get("confirm") == "cancel"
        and request.method in ("GET", "HEAD")
        and registration.may_change(),
    }
    response = render(request, "agenda/manage.html", context, status=status)
    response["X-Robots-Tag"] = "noindex"  # a private page: never in search engines
    return response


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def resend_link(request):
    """ "Email me my link again": the same answer whether or not the address is registered
    (agenda/self_service.py), limited per client address and per email address."""
    form = ResendLinkForm(request.POST or None)
    context = {"form": form, "sent": False}
    if request.method == "POST" and form.is_valid():
        address = form.cleaned_data["email"].lower()
        limit = conf.get("LINK_RESENDS_PER_HOUR")
        client = rate_limit.client_address(request)
        # Every request is counted, known address or not, so the limit reveals nothing either;
        # a refused one is not.
        if rate_limit.exceeded("agenda-resend-client", client, limit) or rate_limit.exceeded(
            "agenda-resend-email", address, limit
        ):
            form.add_error(None, _("Too many requests. Please try again in an hour."))
            return render(request, "agenda/resend_link.html", context, status=429)
        rate_limit.hit("agenda-resend-client", client, limit, 3600)
        rate_limit.hit("agenda-resend-email", address, limit, 3600)
        self_service.resend_links(address, get_language())
        context["sent"] = True
    status = 400 if request.method == "POST" and not context["sent"] else 200
    response = render(request, "agenda/resend_link.html", context, status=status)
    response["X-Robots-Tag"] = "noindex"
    return response
