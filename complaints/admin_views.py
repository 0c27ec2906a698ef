"""The staff's complaint views in the Wagtail admin: the queue, one complaint, attachments.

Everyone here needs ``complaints.handle_complaint``. Contact details and
attachments additionally need ``complaints.view_personal_data``; showing them and
downloading an attachment are written to the audit trail, like every change.
"""

from datetime import datetime, time, timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView

from complaints import codes, conf, services
from complaints.admin_forms import AssignForm, CodeForm, InternalNoteForm, QueueFilterForm, StatusForm
from complaints.models import OPEN_STATUSES, Attachment, AuditEntry, Complaint
from complaints.working_days import last_overdue_received_date
from core.permissions import AdminPermissionRequired

HANDLE = "complaints.handle_complaint"
PERSONAL = "complaints.view_personal_data"


def local_start(day):
    return datetime.combine(day, time.min, tzinfo=timezone.get_current_timezone())


class HandlerRequired(AdminPermissionRequired):
    permission_required = HANDLE


def filtered_queue(data, user, today=None):
    """The complaints matching the queue's filters (a bound QueueFilterForm's data)."""
    today = today or timezone.localdate()
    form = QueueFilterForm(data)
    complaints = Complaint.objects.select_related("office", "assigned_to")
    if not form.is_valid():
        return form, complaints
    filters = form.cleaned_data
    if filters["category"]:
        complaints = complaints.filter(category=filters["category"])
    if filters["office"]:
        complaints = complaints.filter(office=filters["office"])
    if filters["status"] == "open":
        complaints = complaints.filter(status__in=OPEN_STATUSES)
    elif filters["status"]:
        complaints = complaints.filter(status=filters["status"])
    overdue_before = local_start(
        last_overdue_received_date(today, conf.get("FIRST_RESPONSE_WORKING_DAYS")) + timedelta(days=1)
    )
    unanswered = complaints.filter(first_response_at__isnull=True, status__in=OPEN_STATUSES)
    if filters["age"] == "overdue":
        complaints = unanswered.filter(received_at__lt=overdue_before)
    elif filters["age"] == "new":
        complaints = unanswered.filter(received_at__gte=overdue_before)
    elif filters["age"] == "week":
        complaints = complaints.filter(received_at__gte=local_start(today - timedelta(days=7)))
    elif filters["age"] == "old":
        complaints = complaints.filter(received_at__lt=local_start(today - timedelta(days=30)))
    if filters["assigned"] == "me":
        complaints = complaints.filter(assigned_to=user)
    elif filters["assigned"] == "nobody":
        complaints = complaints.filter(assigned_to__isnull=True)
    return form, complaints


class QueueView(HandlerRequired, TemplateView):
    template_name = "complaints/admin/queue.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form, complaints = filtered_queue(self.request.GET, self.request.user)
        page = Paginator(complaints, 50).get_page(self.request.GET.get("p"))
        today = timezone.localdate()
        params = self.request.GET.copy()
        params.pop("p", None)
        context.update(
            page_title=_("Complaints"),
            header_icon="warning",
            filter_form=form,
            code_form=CodeForm(),
            page=page,
            rows=[(complaint, complaint.working_days_overdue(today)) for complaint in page],
            query=params.urlencode(),
            target=conf.get("FIRST_RESPONSE_WORKING_DAYS"),
        )
        return context


class FindByCodeView(HandlerRequired, View):
    """Staff find a complaint from the code a caller reads out (codes are stored hashed)."""

    def post(self, request):
        form = CodeForm(request.POST)
        diagnosis = codes.diagnose(form.data.get("code", ""))
        complaint = services.find_by_code(diagnosis.code) if diagnosis.ok else None
        if complaint is None:
            messages.error(request, _("No complaint has this tracking code. Check it with the caller."))
            return redirect("complaints_admin:queue")
        services.audit(complaint, request.user, AuditEntry.Action.CODE_CHECKED)
        return redirect("complaints_admin:detail", complaint.pk)


class DetailView(HandlerRequired, TemplateView):
    template_name = "complaints/admin/detail.html"

    def complaint(self):
        return get_object_or_404(
            Complaint.objects.select_related("office", "assigned_to"), pk=self.kwargs["pk"]
        )

    def get(self, request, *args, **kwargs):
        complaint = self.complaint()
        return self.render_to_response(self.context(complaint))

    def context(self, complaint, **forms):
        user = self.request.user
        personal = user.has_perm(PERSONAL)
        if personal and complaint.scrubbed_at is None and self.request.method == "GET":
            services.audit(complaint, user, AuditEntry.Action.PERSONAL_DATA_VIEWED)
        return {
            "page_title": _("Complaint %(reference)s") % {"reference": complaint.reference},
            "header_icon": "warning",
            "complaint": complaint,
            "may_see_personal_data": personal,
            "attachments": complaint.attachments.select_related("addition") if personal else [],
            "attachment_count": complaint.attachments.count(),
            "additions": complaint.additions.all(),
            "timeline": complaint.timeline.all(),
            "notes": complaint.internal_notes.select_related("author"),
            "audit": complaint.audit_entries.select_related("actor"),
            "overdue_days": complaint.working_days_overdue(),
            "assign_form": forms.get("assign") or AssignForm(initial={"assignee": complaint.assigned_to_id}),
            "status_form": forms.get("status") or StatusForm(complaint),
            "note_form": forms.get("note") or InternalNoteForm(),
        }

    def post(self, request, *args, **kwargs):
        complaint = self.complaint()
        action = request.POST.get("action")
        forms = {
            "assign": AssignForm(request.POST),
            "status": StatusForm(complaint, request.POST),
            "note": InternalNoteForm(request.POST),
        }
        form = forms.get(action)
        if form is None:
            return redirect("complaints_admin:detail", complaint.pk)
        if form.is_valid():
            try:
                if action == "assign":
                    services.assign(complaint, request.user, form.cleaned_data["assignee"])
                    messages.success(request, _("Assignment saved."))
                elif action == "status":
                    services.change_status(
                        complaint, request.user, form.cleaned_data["status"], form.cleaned_data["public_note"]
                    )
                    messages.success(request, _("Status changed."))
                else:
                    services.add_internal_note(complaint, request.user, form.cleaned_data["text"])
                    messages.success(request, _("Internal note added."))
                return redirect("complaints_admin:detail", complaint.pk)
            except ValidationError as error:
                form.add_error(None, error)
        response = self.render_to_response(self.context(complaint, **{action: form}))
        response.status_code = 400
        return response


class AttachmentView(HandlerRequired, View):
    permission_required = (HANDLE, PERSONAL)

    def get(self, request, pk):
        attachment = get_object_or_404(Attachment.objects.select_related("complaint"), pk=pk)
        try:
            handle = attachment.file.open("rb")
        except FileNotFoundError:
            raise Http404 from None
        services.audit(
            attachment.complaint, request.user, AuditEntry.Action.ATTACHMENT_DOWNLOADED, f"attachment {pk}"
        )
        extension = attachment.file.name.rsplit(".", 1)[-1]
        response = FileResponse(
            handle,
            as_attachment=True,
            filename=f"complaint-{attachment.complaint.reference}-{attachment.pk}.{extension}",
            content_type=attachment.content_type,
        )
        response["Cache-Control"] = "private, no-store"
        response["Content-Security-Policy"] = "default-src 'none'; sandbox"
        return response
