"""The "Event organisers" group: sees and works registrations, nothing else."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("agenda", "view_registration"),
    ("agenda", "change_registration"),
]


def create_group(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name="Event organisers")
    for app_label, codename in PERMISSIONS:
        group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Event organisers").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("agenda", "0001_initial"),
        ("wagtailadmin", "0006_formstate"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
