"""The contact page and the inquiries it collects.

Inquiries are health information (a name plus "seeking addiction care" is already enough), so
the model holds only what intake staff need to call back (HIPAA's minimum necessary), and the
free-text parts (the visitor's message and the text of staff notes and call attempts, which live
in the inquiry's timeline, contact/timeline.py) are encrypted at rest with
django-fernet-encrypted-fields. Name, phone and email stay plain so staff can search them.

No lost update: every change to an inquiry raises its `version`, and a save made from a copy
loaded at an older version is refused (`InquiryChanged`) instead of overwriting what someone else
saved meanwhile.

Encryption keys are derived from SECRET_KEY (plus SECRET_KEY_FALLBACKS) and the non-secret
SALT_KEY list (env INQUIRY_ENCRYPTION_SALT). The first secret/salt pair encrypts; every pair
decrypts. To rotate: put the new DJANGO_SECRET_KEY in place with the old one in
SECRET_KEY_FALLBACKS (or prepend a new salt to INQUIRY_ENCRYPTION_SALT), deploy, run
`manage.py reencrypt_inquiries`, then drop the old key or salt."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, validate_email
from django.db import models, transaction
from django.db.models import Case, IntegerField, Q, Value, When
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext
from encrypted_fields.fields import EncryptedTextField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField

from practice_site.models import BasePage, practice_clinic_data

MESSAGE_MAX_LENGTH = 1000
# Fields no staff form edits: a save from an inquiry loaded earlier must never write them back.
SYSTEM_FIELDS = {"notified_at", "notification_claimed_until"}
URGENT_SESSION_KEY = "contact_thanks_urgent"
THANKS_SUBPATHS = {"en": "thanks/", "es": "gracias/"}


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
    max_count_per_parent = 1  # one per language: its home page is its parent

    def summary_text(self):
        return gettext("Call or send a short, private message. We answer within one business day.")

    def get_structured_data(self, request, practice):
        return super().get_structured_data(request, practice) + [practice_clinic_data(request, practice)]

    @path("")
    def contact(self, request):
        from .form_view import contact_form_view

        return contact_form_view(request, self)

    def thanks_subpath(self):
        """Where the form sends a visitor after a successful POST, in the page's language: a
        Spanish reader's history shows /es/contacto/gracias/, not an English word."""
        return THANKS_SUBPATHS.get(self.locale.language_code, THANKS_SUBPATHS["en"])

    @path("thanks/")
    @path("gracias/")  # the Spanish name; either works in both languages, so no link ever breaks
    def thanks(self, request):
        urgent = bool(request.session.get(URGENT_SESSION_KEY)) if hasattr(request, "session") else False
        response = TemplateResponse(
            request,
            "contact/thanks_page.html",
            # language_subpath: the switcher leads to the thanks page in the other language.
            {**self.get_context(request), "urgent": urgent, "language_subpath": THANKS_SUBPATHS},
        )
        add_never_cache_headers(response)
        return response


class InquiryChanged(Exception):
    """A save from a copy of an inquiry that someone else has changed since it was loaded."""

    def __init__(self, inquiry_pk, loaded_version):
        super().__init__(f"Inquiry #{inquiry_pk} changed since version {loaded_version} was loaded")
        self.inquiry_pk = inquiry_pk
        self.loaded_version = loaded_version


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

    def open(self):
        """Still being worked: new, contacted or scheduled."""
        return self.filter(status__in=Inquiry.OPEN_STATUSES)

    def awaiting_first_contact(self):
        return self.open().filter(first_contact_at__isnull=True)

    def overdue(self, now=None):
        """Open, nobody has reached out yet, and the promised time has passed."""
        return self.awaiting_first_contact().filter(due_at__lt=now or timezone.now())

    def due_today(self, now=None):
        """Open, not yet contacted, due later today (in the practice's time zone)."""
        from .business_hours import practice_zone

        now = now or timezone.now()
        end_of_day = now.astimezone(practice_zone()).replace(
            hour=23, minute=59, second=59, microsecond=999999
        )
        return self.awaiting_first_contact().filter(due_at__gte=now, due_at__lte=end_of_day)

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

    class Language(models.TextChoices):
        ENGLISH = "en", "English"
        SPANISH = "es", "Spanish"

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
    # The language of the form the person used: the callback happens in it.
    language = models.CharField(
        max_length=5,
        choices=Language.choices,
        default=Language.ENGLISH,
        db_index=True,
        help_text="The language of the form they used: call back in it.",
    )

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
    handled_at = models.DateTimeField(
        "Handled", null=True, blank=True, help_text="Filled in when the inquiry is closed."
    )
    created_at = models.DateTimeField("Received", default=timezone.now, db_index=True)
    due_at = models.DateTimeField(
        "Due",
        null=True,
        blank=True,
        db_index=True,
        help_text="When the practice promised to get back (contact.business_hours).",
    )
    first_contact_at = models.DateTimeField(
        "First contact",
        null=True,
        blank=True,
        help_text="When the inquiry first left “New” or got its first call attempt.",
    )
    version = models.PositiveIntegerField(default=1, help_text="Raised by every change (no lost update).")
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

    OPEN_STATUSES = ["new", "contacted", "scheduled"]

    def __str__(self):
        return f"Inquiry #{self.pk}" if self.pk else "New inquiry"

    def __repr__(self):
        return f"<Inquiry {self.pk}>"

    @property
    def is_spam(self):
        return self.status == self.Status.SPAM

    @property
    def is_open(self):
        return self.status in self.OPEN_STATUSES

    def is_overdue(self, now=None):
        return bool(
            self.is_open
            and self.first_contact_at is None
            and self.due_at
            and self.due_at < (now or timezone.now())
        )

    def is_due_today(self, now=None):
        now = now or timezone.now()
        if not (self.is_open and self.first_contact_at is None and self.due_at) or self.due_at < now:
            return False
        from .business_hours import practice_zone

        zone = practice_zone()
        return self.due_at.astimezone(zone).date() == now.astimezone(zone).date()

    def save(self, *args, **kwargs):
        """A new inquiry gets its due time. Saving an existing one is optimistic: the row is
        updated only if it is still at the version this copy was loaded with (then the version
        goes up by one); otherwise InquiryChanged is raised and nothing is written. The
        notification bookkeeping fields are never written back from a loaded copy."""
        if self._state.adding:
            if self.due_at is None:
                self.due_at = self._promised_due_at()
            return super().save(*args, **kwargs)
        if kwargs.get("update_fields") is None:
            kwargs["update_fields"] = [
                f.name
                for f in self._meta.concrete_fields
                if not f.primary_key and f.name not in SYSTEM_FIELDS
            ]
        elif "version" not in kwargs["update_fields"]:
            kwargs["update_fields"] = [*kwargs["update_fields"], "version"]
        self._loaded_version = self.version
        self.version = self._loaded_version + 1
        try:
            # A savepoint: a refused save leaves any surrounding transaction usable.
            with transaction.atomic():
                return super().save(*args, **kwargs)
        except InquiryChanged:
            self.version = self._loaded_version
            raise

    def _promised_due_at(self):
        """The due time for a new inquiry. Never in the way of saving one: if the practice's
        hours can't be read, the default hours (weekdays 9 to 5) are used."""
        from .business_hours import DEFAULT_WINDOWS, compute_due_at, practice_windows

        arrived = self.created_at or timezone.now()
        try:
            with transaction.atomic():
                windows = practice_windows()
        except Exception:  # e.g. the settings row can't be read: the promise still gets a time
            windows = DEFAULT_WINDOWS
        return compute_due_at(arrived, windows)

    def _do_update(self, base_qs, using, pk_val, values, update_fields, forced_update):
        loaded_version = getattr(self, "_loaded_version", None)
        if loaded_version is None:
            return super()._do_update(base_qs, using, pk_val, values, update_fields, forced_update)
        updated = super()._do_update(
            base_qs.filter(version=loaded_version), using, pk_val, values, update_fields, forced_update
        )
        if not updated:
            raise InquiryChanged(pk_val, loaded_version)
        return updated


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


def split_addresses(text):
    """Email addresses from text separated by commas, semicolons or new lines."""
    return [
        part.strip() for part in (text or "").replace(";", ",").replace("\n", ",").split(",") if part.strip()
    ]


def validate_address_list(text):
    wrong = []
    for address in split_addresses(text):
        try:
            validate_email(address)
        except ValidationError:
            wrong.append(address)
    if wrong:
        raise ValidationError(
            "These are not email addresses: %(wrong)s. Separate addresses with commas.",
            params={"wrong": ", ".join(wrong)},
        )


@register_setting(icon="mail")
class IntakeSettings(BaseSiteSetting):
    """Where "New inquiry #N" emails go (Settings → Intake notifications).

    Routing health information is for administrators only: superusers edit this; the "Editors"
    and "Intake staff" groups get no permission on it (contact/permissions.py). It appears on
    no public page, so saving it leaves the page cache alone. INTAKE_NOTIFY_EMAILS in the
    environment, when set, takes precedence (contact.notifications.recipients)."""

    notification_emails = models.TextField(
        "Notification email addresses",
        blank=True,
        validators=[validate_address_list],
        help_text="Who is told that a new inquiry has arrived, separated by commas. The email says "
        "only “New inquiry #N” and links to the admin; it never holds the person's name or "
        "message. Left empty, nobody is emailed and inquiries wait in the inbox. The server's "
        "INTAKE_NOTIFY_EMAILS setting, when present, is used instead of this list.",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("notification_emails")],
            heading="New inquiry emails",
            help_text="Only administrators can open or change this setting: it decides who learns "
            "that someone has asked for help.",
        )
    ]

    class Meta:
        verbose_name = "Intake notifications"
        verbose_name_plural = "Intake notifications"

    def __str__(self):
        return "Intake notifications"

    def recipients(self):
        return split_addresses(self.notification_emails)


# The timeline, presence and reminder models live in their own module (one responsibility each).
from .timeline import InquiryOpening, ReminderSent, TimelineEntry  # noqa: E402, F401
