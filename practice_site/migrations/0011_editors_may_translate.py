"""Editors may make translations ("Translate" in the page and snippet menus: Wagtail's
simple_translation asks for its own permission besides the page permissions they have)."""

from django.db import migrations


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    editors = Group.objects.filter(name="Editors").first()
    if editors is None:
        return
    content_type, _ = ContentType.objects.get_or_create(
        app_label="simple_translation", model="simpletranslation"
    )
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename="submit_translation", defaults={"name": "Can submit translations"}
    )
    editors.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("practice_site", "0010_spanish_locale_and_home"),
        ("simple_translation", "0001_initial"),
        ("contact", "0003_staff_groups"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
