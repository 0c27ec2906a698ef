"""The "Complaint handlers" group: admin access, the complaint queue, contact details and attachments.

Permissions are normally created after all migrations have run; they are created
here first so the group can be given them in the same run.
"""

from django.contrib.auth.management import create_permissions
from django.contrib.contenttypes.management import create_contenttypes
from django.db import migrations

GROUP = "Complaint handlers"
PERMISSIONS = [
    ("complaints", "view_complaint"),
    ("complaints", "handle_complaint"),
    ("complaints", "view_personal_data"),
    ("complaints", "view_office"),
    ("wagtailadmin", "access_admin"),
]


def create_group(apps, schema_editor):
    app_config = apps.get_app_config("complaints")
    app_config.models_module = True
    create_contenttypes(app_config, verbosity=0, apps=apps)
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=GROUP)
    for app_label, codename in PERMISSIONS:
        group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("complaints", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
