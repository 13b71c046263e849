"""Where intake notifications go moves out of Practice settings into its own site setting.

Practice settings (what visitors see) become editable by the Editors group; the notification
addresses route health information, so they live in IntakeSettings, which only administrators
may change. The addresses are copied across here; practice_site 0005 then drops the old field.
Both directions copy, so the pair can be unapplied without losing the addresses."""

import django.db.models.deletion
from django.db import migrations, models

import contact.models


def copy_addresses_to_intake_settings(apps, schema_editor):
    db = schema_editor.connection.alias
    PracticeSettings = apps.get_model("practice_site", "PracticeSettings")
    IntakeSettings = apps.get_model("contact", "IntakeSettings")
    for practice in PracticeSettings.objects.using(db).exclude(intake_notification_emails=""):
        IntakeSettings.objects.using(db).update_or_create(
            site_id=practice.site_id, defaults={"notification_emails": practice.intake_notification_emails}
        )


def copy_addresses_back_to_practice_settings(apps, schema_editor):
    db = schema_editor.connection.alias
    PracticeSettings = apps.get_model("practice_site", "PracticeSettings")
    IntakeSettings = apps.get_model("contact", "IntakeSettings")
    for intake in IntakeSettings.objects.using(db).exclude(notification_emails=""):
        PracticeSettings.objects.using(db).update_or_create(
            site_id=intake.site_id, defaults={"intake_notification_emails": intake.notification_emails}
        )


def update_groups(apps, schema_editor):
    """Editors may now change Practice settings, and never Intake notifications."""
    from contact.permissions import ensure_groups

    ensure_groups(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("contact", "0006_rate_limit_and_form_tokens"),
        ("practice_site", "0004_pagecacheepoch_cache_table"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.CreateModel(
            name="IntakeSettings",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "notification_emails",
                    models.TextField(
                        blank=True,
                        help_text="Who is told that a new inquiry has arrived, separated by commas. The email says only “New inquiry #N” and links to the admin; it never holds the person's name or message. Left empty, nobody is emailed and inquiries wait in the inbox. The server's INTAKE_NOTIFY_EMAILS setting, when present, is used instead of this list.",
                        validators=[contact.models.validate_address_list],
                        verbose_name="Notification email addresses",
                    ),
                ),
                (
                    "site",
                    models.OneToOneField(
                        editable=False, on_delete=django.db.models.deletion.CASCADE, to="wagtailcore.site"
                    ),
                ),
            ],
            options={
                "verbose_name": "Intake notifications",
                "verbose_name_plural": "Intake notifications",
            },
        ),
        migrations.RunPython(copy_addresses_to_intake_settings, copy_addresses_back_to_practice_settings),
        migrations.RunPython(update_groups, migrations.RunPython.noop),
    ]
