"""Organisers' views in the Wagtail admin: sessions at a glance, registrations,
check-in, exports and a message to everyone registered.

Seeing registrations needs ``agenda.view_registration``; checking people in and
writing to them needs ``agenda.change_registration`` (the "Event organisers" group
has both). Editors without them never see names or contacts.
"""

from django.contrib import messages
from django.db.models import Count, Q, Sum
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import FormView, TemplateView
from wagtail.admin.auth import permission_required

from agenda import exports, notifications
from agenda import registration as seats
from agenda.forms import OrganiserMessageForm
from agenda.models import EventSession, Registration
from core.permissions import AdminPermissionRequired

VIEW = "agenda.view_registration"
CHANGE = "agenda.change_registration"


def sessions_overview(upcoming=True, now=None):
    now = now or timezone.now()
    sessions = EventSession.objects.select_related("page")
    sessions = (
        sessions.filter(end__gte=now).order_by("start")
        if upcoming
        else sessions.filter(end__lt=now).order_by("-start")
    )
    return sessions.with_seats_taken().annotate(
        confirmed_seats=Sum("registrations__people", filter=Q(registrations__status="confirmed"), default=0),
        offered_seats=Sum("registrations__people", filter=Q(registrations__status="offered"), default=0),
        waiting=Count("registrations", filter=Q(registrations__status="waitlisted")),
        checked_in=Count("registrations", filter=Q(registrations__checked_in_at__isnull=False)),
    )


class SessionsView(AdminPermissionRequired, TemplateView):
    permission_required = VIEW
    template_name = "agenda/admin/sessions.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        past = self.request.GET.get("when") == "past"
        context.update(
            page_title=gettext_lazy("Event registrations"),
            header_icon="date",
            sessions=sessions_overview(upcoming=not past)[:200],
            past=past,
        )
        return context


class SessionDetailView(AdminPermissionRequired, TemplateView):
    permission_required = VIEW
    template_name = "agenda/admin/session.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        session = get_object_or_404(EventSession.objects.select_related("page"), pk=kwargs["pk"])
        registrations = list(session.registrations.order_by("created_at", "id"))
        context.update(
            page_title=str(session),
            header_icon="date",
            session=session,
            registrations=registrations,
            seats_taken=session.seats_taken(),
            waiting=sum(1 for registration in registrations if registration.status == "waitlisted"),
            can_change=self.request.user.has_perm(CHANGE),
        )
        return context


@permission_required(VIEW)
def export(request, pk, file_format):
    session = get_object_or_404(EventSession.objects.select_related("page"), pk=pk)
    name = f"registrations-{session.page.slug}-{session.local_start():%Y%m%d-%H%M}"
    if file_format not in ("csv", "xlsx"):
        raise Http404
    if file_format == "xlsx":
        response = HttpResponse(
            exports.as_xlsx(session),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        response = HttpResponse(exports.as_csv(session), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.{file_format}"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
@permission_required(CHANGE)
def check_in(request, pk, registration_pk):
    """Idempotent: pressing twice, or a retried request, records the first arrival only."""
    registration = get_object_or_404(Registration, pk=registration_pk, session_id=pk)
    if not registration.may_check_in():
        raise Http404
    seats.check_in(registration)
    messages.success(request, _("%(name)s is checked in.") % {"name": registration.name})
    return redirect("agenda_admin_session", pk=pk)


class MessageView(AdminPermissionRequired, FormView):
    permission_required = CHANGE
    template_name = "agenda/admin/message.html"
    form_class = OrganiserMessageForm

    def get_session(self):
        return get_object_or_404(EventSession.objects.select_related("page"), pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(page_title=_("Message to registrants"), header_icon="mail", session=self.get_session())
        return context

    def form_valid(self, form):
        session = self.get_session()
        statuses = ["confirmed", "offered"] + (
            ["waitlisted"] if form.cleaned_data["include_waitlist"] else []
        )
        recipients = session.registrations.filter(status__in=statuses).select_related("session__page")
        count = 0
        for registration in recipients:
            notifications.organiser_message(
                registration, form.cleaned_data["subject"], form.cleaned_data["body"]
            )
            count += 1
        messages.success(
            self.request, _("The message is queued for %(count)s registrations.") % {"count": count}
        )
        return redirect("agenda_admin_session", pk=session.pk)
