"""The contact page and the inquiries it collects.

Inquiries are health information (a name plus "seeking addiction care" is already enough), so
the model holds only what intake staff need to call back (HIPAA's minimum necessary), and the
free-text parts (the visitor's message and staff notes) are encrypted at rest with
django-fernet-encrypted-fields. Name, phone and email stay plain so staff can search them.

Encryption keys are derived from SECRET_KEY (plus SECRET_KEY_FALLBACKS) and the non-secret
SALT_KEY list (env INQUIRY_ENCRYPTION_SALT). The first secret/salt pair encrypts; every pair
decrypts. To rotate: put the new DJANGO_SECRET_KEY in place with the old one in
SECRET_KEY_FALLBACKS (or prepend a new salt to INQUIRY_ENCRYPTION_SALT), deploy, run
`manage.py reencrypt_inquiries`, then drop the old key or salt."""

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Case, IntegerField, Q, Value, When
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from encrypted_fields.fields import EncryptedTextField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField

from practice_site.models import BasePage, practice_clinic_data

MESSAGE_MAX_LENGTH = 1000
NOTES_MAX_LENGTH = 5000
URGENT_SESSION_KEY = "contact_thanks_urgent"


class AfterYouReachOutStep(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=80, help_text='A few words, e.g. "We call you back".')
    text = blocks.TextBlock(max_length=300, help_text="One or two plain sentences.")

    class Meta:
        icon = "list-ol"
        label = "Step"


class ContactPage(RoutablePageMixin, BasePage):
    """/contact/: the phone call-to-action first, then the short private inquiry form.

    Edited by clinicians (intro, steps, confidentiality note); the phone number comes from
    PracticeSettings. `/contact/thanks/` is served by the same page. Both responses are marked
    never-cached: they carry a per-visitor CSRF token (and the thanks page reads the session)."""

    intro = RichTextField(features=["bold", "italic", "link"], blank=True)
    steps_heading = models.CharField(max_length=120, default="What happens after you reach out")
    steps = StreamField(
        [("step", AfterYouReachOutStep())],
        blank=True,
        help_text="Shown as a numbered list, on this page and on the thanks page.",
    )
    confidentiality_note = RichTextField(
        features=["bold", "italic", "link"],
        blank=True,
        help_text="Who sees a message and how it is kept private. Link to the privacy notice.",
    )
    thanks_text = models.TextField(
        max_length=600,
        blank=True,
        default="Thank you for reaching out. That took courage. Someone from our intake team will "
        "get back to you within one business day, in the way you asked us to.",
        help_text="The first paragraph of the thanks page.",
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("steps_heading"),
        FieldPanel("steps"),
        FieldPanel("confidentiality_note"),
        FieldPanel("thanks_text"),
    ]
    parent_page_types = ["practice_site.HomePage"]
    subpage_types = []
    max_count = 1

    def summary_text(self):
        return "Call or send a short, private message. We answer within one business day."

    def get_structured_data(self, request, practice):
        return super().get_structured_data(request, practice) + [practice_clinic_data(request, practice)]

    @path("")
    def contact(self, request):
        from .form_view import contact_form_view

        return contact_form_view(request, self)

    @path("thanks/")
    def thanks(self, request):
        urgent = bool(request.session.get(URGENT_SESSION_KEY)) if hasattr(request, "session") else False
        response = TemplateResponse(
            request,
            "contact/thanks_page.html",
            {**self.get_context(request), "urgent": urgent},
        )
        add_never_cache_headers(response)
        return response


class InquiryQuerySet(models.QuerySet):
    def pending_notification(self):
        """Saved, real (not spam) inquiries staff have not been told about yet."""
        return self.filter(notified_at__isnull=True).exclude(status=Inquiry.Status.SPAM)

    def with_priority(self):
        """Annotate `priority`: urgent-and-new 0, new 1, in progress 2, closed 3, spam 4."""
        S = Inquiry.Status
        return self.annotate(
            priority=Case(
                When(Q(status=S.NEW, is_urgent=True), then=Value(0)),
                When(status=S.NEW, then=Value(1)),
                When(status__in=[S.CONTACTED, S.SCHEDULED], then=Value(2)),
                When(status=S.CLOSED, then=Value(3)),
                default=Value(4),
                output_field=IntegerField(),
            )
        )

    def purgeable(self, days):
        cutoff = timezone.now() - timezone.timedelta(days=days)
        return self.filter(status__in=[Inquiry.Status.CLOSED, Inquiry.Status.SPAM], created_at__lt=cutoff)


class Inquiry(models.Model):
    """One request to be contacted, sent through the form on /contact/.

    Only intake staff (the "view/change inquiry" permissions) may see these; editors never.
    `str()` never includes contents, so log entries and admin titles stay safe."""

    class HelpFor(models.TextChoices):
        MYSELF = "myself", "Myself"
        SOMEONE_I_LOVE = "loved_one", "Someone I love"
        PROFESSIONAL = "professional", "I'm a professional referring someone"

    class ContactMethod(models.TextChoices):
        CALL = "call", "Phone call"
        TEXT = "text", "Text message"
        EMAIL = "email", "Email"

    class BestTime(models.TextChoices):
        ANY = "any", "Any time"
        MORNING = "morning", "Morning (9 to noon)"
        AFTERNOON = "afternoon", "Afternoon (noon to 5)"
        EVENING = "evening", "Evening (5 to 8)"

    class Status(models.TextChoices):
        NEW = "new", "New"
        CONTACTED = "contacted", "Contacted"
        SCHEDULED = "scheduled", "Scheduled"
        CLOSED = "closed", "Closed"
        SPAM = "spam", "Spam"

    name = models.CharField("Your name", max_length=100, help_text="A first name is fine.")
    help_for = models.CharField("Who is the help for?", max_length=20, choices=HelpFor.choices)
    contact_method = models.CharField(
        "How should we reach you?", max_length=10, choices=ContactMethod.choices
    )
    phone = models.CharField(max_length=20, blank=True, help_text="Stored in E.164, e.g. +15035550123.")
    email = models.EmailField(max_length=254, blank=True)
    ok_to_leave_voicemail = models.BooleanField("OK to leave a voicemail?", default=False)
    best_time = models.CharField(
        "Best time to reach you", max_length=10, choices=BestTime.choices, default=BestTime.ANY
    )
    # null=True: the encrypted field stores an empty value as NULL.
    message = EncryptedTextField(
        blank=True,
        null=True,
        max_length=MESSAGE_MAX_LENGTH,
        validators=[MaxLengthValidator(MESSAGE_MAX_LENGTH)],
    )
    consent = models.BooleanField("I have read the privacy notice", default=False)

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEW, db_index=True)
    is_urgent = models.BooleanField(
        "Urgent", default=False, help_text="The message mentions suicide, self-harm or overdose."
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_inquiries",
        verbose_name="Assigned staff member",
    )
    notes = EncryptedTextField(
        "Internal notes",
        blank=True,
        null=True,
        max_length=NOTES_MAX_LENGTH,
        validators=[MaxLengthValidator(NOTES_MAX_LENGTH)],
        help_text="Only intake staff see these. Encrypted in the database.",
    )
    handled_at = models.DateTimeField("Handled", null=True, blank=True)
    created_at = models.DateTimeField("Received", default=timezone.now, db_index=True)
    notified_at = models.DateTimeField(
        null=True, blank=True, help_text="When staff were emailed; empty while the email is pending."
    )
    # Without row locks (SQLite) a process claims the email until this time before sending it;
    # a process that dies mid-send leaves the claim to expire, and the inquiry is retried.
    notification_claimed_until = models.DateTimeField(null=True, blank=True, editable=False)

    objects = InquiryQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "inquiry"
        verbose_name_plural = "inquiries"
        indexes = [models.Index(fields=["notified_at", "status"], name="contact_inq_pending_idx")]

    def __str__(self):
        return f"Inquiry #{self.pk}" if self.pk else "New inquiry"

    def __repr__(self):
        return f"<Inquiry {self.pk}>"

    @property
    def is_spam(self):
        return self.status == self.Status.SPAM


class SubmissionRecord(models.Model):
    """One saved submission, kept as long as the contact form's rate-limit window (see
    ``contact.spam``). In the database, not the cache, so page traffic can't evict it and an
    outage of the cache can't lift the limit. The visitor is a keyed hash of their address,
    never the address itself."""

    visitor = models.CharField(max_length=64)
    at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["visitor", "at"], name="contact_submission_idx")]

    def __str__(self):
        return f"Submission at {self.at:%Y-%m-%d %H:%M}"


class UsedFormToken(models.Model):
    """A contact form's start token that has been sent: sending it again is a replay (stored
    as spam). Kept until the token is too old to be accepted anyway."""

    nonce = models.CharField(max_length=32, unique=True)
    used_at = models.DateTimeField(db_index=True)

    def __str__(self):
        return f"Form token used at {self.used_at:%Y-%m-%d %H:%M}"
