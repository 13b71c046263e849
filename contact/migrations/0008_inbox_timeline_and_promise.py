"""The intake inbox: versions (no lost update), the response promise (due and first-contact
times) and a timeline per inquiry.

Existing inquiries: the old single `notes` text becomes the first timeline note (author
unknown, dated when the inquiry was last edited, else when it arrived); each gets a due time
computed from its arrival with the practice's current business hours; those that already left
"New" get a first-contact time (their first edit in the audit log, else their arrival) so they
don't show as overdue. Unapplying puts the notes back together into the old field."""

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
import encrypted_fields.fields
from django.conf import settings
from django.db import migrations, models

OPEN_OR_DONE = ["contacted", "scheduled", "closed"]


def notes_into_timeline_and_due_times(apps, schema_editor):
    from contact.business_hours import DEFAULT_WINDOWS, compute_due_at, windows_from_opening_hours

    db = schema_editor.connection.alias
    Inquiry = apps.get_model("contact", "Inquiry")
    TimelineEntry = apps.get_model("contact", "TimelineEntry")
    Site = apps.get_model("wagtailcore", "Site")
    ModelLogEntry = apps.get_model("wagtailcore", "ModelLogEntry")
    ContentType = apps.get_model("contenttypes", "ContentType")
    PracticeSettings = apps.get_model("practice_site", "PracticeSettings")
    site = Site.objects.using(db).filter(is_default_site=True).first()
    practice = PracticeSettings.objects.using(db).filter(site_id=site.pk).first() if site else None
    windows = windows_from_opening_hours(practice.opening_hours) if practice else DEFAULT_WINDOWS
    content_type = ContentType.objects.using(db).filter(app_label="contact", model="inquiry").first()

    def first_edit(pk, latest=False):
        if content_type is None:
            return None
        entries = ModelLogEntry.objects.using(db).filter(
            content_type=content_type, object_id=str(pk), action="wagtail.edit"
        )
        entry = entries.order_by("-timestamp" if latest else "timestamp").first()
        return entry.timestamp if entry else None

    for inquiry in Inquiry.objects.using(db).all().iterator():
        if inquiry.notes:
            TimelineEntry.objects.using(db).create(
                inquiry=inquiry,
                kind="note",
                author_name="(notes written before the timeline)",
                at=first_edit(inquiry.pk, latest=True) or inquiry.created_at,
                text=inquiry.notes,
                version=1,
            )
        updates = {"due_at": compute_due_at(inquiry.created_at, windows)}
        if inquiry.status in OPEN_OR_DONE and inquiry.first_contact_at is None:
            updates["first_contact_at"] = first_edit(inquiry.pk) or inquiry.created_at
        Inquiry.objects.using(db).filter(pk=inquiry.pk).update(**updates)


def timeline_back_into_notes(apps, schema_editor):
    db = schema_editor.connection.alias
    Inquiry = apps.get_model("contact", "Inquiry")
    TimelineEntry = apps.get_model("contact", "TimelineEntry")
    for inquiry in Inquiry.objects.using(db).all().iterator():
        texts = [
            entry.text
            for entry in TimelineEntry.objects.using(db).filter(inquiry=inquiry).order_by("at", "pk")
            if entry.text
        ]
        if texts:
            Inquiry.objects.using(db).filter(pk=inquiry.pk).update(notes="\n\n".join(texts)[:5000])


class Migration(migrations.Migration):

    dependencies = [
        ('contact', '0007_intake_settings'),
        # The practice's opening hours (for the due times of existing inquiries).
        ('practice_site', '0004_pagecacheepoch_cache_table'),
        ('wagtailcore', '0098_apitoken'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='ReminderSent',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('key', models.CharField(max_length=80, unique=True)),
                ('sent_at', models.DateTimeField(default=django.utils.timezone.now)),
            ],
        ),
        migrations.AddField(
            model_name='inquiry',
            name='due_at',
            field=models.DateTimeField(blank=True, db_index=True, help_text='When the practice promised to get back (contact.business_hours).', null=True, verbose_name='Due'),
        ),
        migrations.AddField(
            model_name='inquiry',
            name='first_contact_at',
            field=models.DateTimeField(blank=True, help_text='When the inquiry first left “New” or got its first call attempt.', null=True, verbose_name='First contact'),
        ),
        migrations.AddField(
            model_name='inquiry',
            name='version',
            field=models.PositiveIntegerField(default=1, help_text='Raised by every change (no lost update).'),
        ),
        migrations.AlterField(
            model_name='inquiry',
            name='handled_at',
            field=models.DateTimeField(blank=True, help_text='Filled in when the inquiry is closed.', null=True, verbose_name='Handled'),
        ),
        migrations.CreateModel(
            name='TimelineEntry',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('note', 'Note'), ('call', 'Call attempt'), ('status', 'Status changed'), ('assignee', 'Assignee changed'), ('handled', 'Handled date changed')], max_length=10)),
                ('author_name', models.CharField(blank=True, help_text='Kept if the account goes.', max_length=150)),
                ('at', models.DateTimeField(db_index=True, default=django.utils.timezone.now)),
                ('text', encrypted_fields.fields.EncryptedTextField(blank=True, max_length=5000, null=True, validators=[django.core.validators.MaxLengthValidator(5000)])),
                ('call_outcome', models.CharField(blank=True, choices=[('reached', 'Reached them'), ('voicemail', 'No answer, left voicemail'), ('no_voicemail', 'No answer, no voicemail left'), ('busy', 'Line busy'), ('wrong_number', 'Wrong or disconnected number'), ('text_sent', 'Sent a text message'), ('email_sent', 'Sent an email')], max_length=20)),
                ('from_value', models.CharField(blank=True, max_length=150)),
                ('to_value', models.CharField(blank=True, max_length=150)),
                ('version', models.PositiveIntegerField(default=0)),
                ('author', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('inquiry', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='timeline', to='contact.inquiry')),
            ],
            options={
                'verbose_name': 'timeline entry',
                'verbose_name_plural': 'timeline entries',
                'ordering': ['at', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='InquiryOpening',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('opened_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('inquiry', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='openings', to='contact.inquiry')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('inquiry', 'user'), name='contact_opening_unique')],
            },
        ),
        migrations.RunPython(notes_into_timeline_and_due_times, timeline_back_into_notes),
        migrations.RemoveField(
            model_name='inquiry',
            name='notes',
        ),
    ]
