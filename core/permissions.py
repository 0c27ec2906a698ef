"""Permission checks for the apps' own views in the Wagtail admin.

Built on Django's ``PermissionRequiredMixin`` and answering as Wagtail's own admin views
do: a visitor who is not signed in is sent to the admin's sign-in page (and back after
it); a signed-in user without the permission is sent to the admin's dashboard with
Wagtail's "you do not have permission" message (a 403 for script requests).
"""

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.urls import reverse_lazy
from wagtail.admin.auth import permission_denied
from wagtail.permission_policies.pages import PagePermissionPolicy


class AdminPermissionRequired(PermissionRequiredMixin):
    """Needs every permission in ``permission_required``, or any of them with
    ``require_all = False`` (for a view that people with either role may open)."""

    login_url = reverse_lazy("wagtailadmin_login")
    require_all = True

    def has_permission(self):
        permissions = self.get_permission_required()
        if self.require_all:
            return self.request.user.has_perms(permissions)
        return any(self.request.user.has_perm(permission) for permission in permissions)

    def handle_no_permission(self):
        if self.request.user.is_authenticated:
            return permission_denied(self.request)
        return super().handle_no_permission()


class PageEditorRequired(AdminPermissionRequired):
    """Needs the right to edit at least one page: what Wagtail asks of its own reports."""

    def has_permission(self):
        return PagePermissionPolicy().user_has_permission(self.request.user, "change")
