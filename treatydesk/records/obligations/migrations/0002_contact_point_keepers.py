"""Create the "Contact point keepers" group: the editors allowed to see and change contact points."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Contact point keepers"
CODENAMES = ["add_contactpoint", "change_contactpoint", "delete_contactpoint",
             "view_contactpoint", "view_remindersent"]


def create_group(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(*Permission.objects.filter(
        content_type__app_label="obligations", codename__in=CODENAMES,
    ))
    access = Permission.objects.filter(content_type__app_label="wagtailadmin",
                                       codename="access_admin").first()
    if access is not None:
        group.permissions.add(access)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("obligations", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
