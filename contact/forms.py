"""The public inquiry form: short, kind, and strict about what it stores."""

import re
import unicodedata

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from practice_site.phone import to_e164

from .crisis import is_crisis_message
from .models import MESSAGE_MAX_LENGTH, Inquiry
from .spam import claim_token, filled_too_fast, sign_started_at, token_expired

TEXT_FIELDS = ["name", "phone", "email", "message", "website", "started_at"]
MULTILINE_FIELDS = {"message"}
HONEYPOT_FIELD = "website"
# Generous caps on raw input before any parsing (phone numbers with extensions, long emails).
PHONE_INPUT_MAX_LENGTH = 40

# The choices as visitors read them, in the language of the page (the stored values and the
# staff's labels stay those of Inquiry's choices).
HELP_FOR_CHOICES = [
    (Inquiry.HelpFor.MYSELF, _("Myself")),
    (Inquiry.HelpFor.SOMEONE_I_LOVE, _("Someone I love")),
    (Inquiry.HelpFor.PROFESSIONAL, _("I'm a professional referring someone")),
]
CONTACT_METHOD_CHOICES = [
    (Inquiry.ContactMethod.CALL, _("Phone call")),
    (Inquiry.ContactMethod.TEXT, _("Text message")),
    (Inquiry.ContactMethod.EMAIL, pgettext_lazy("contact method", "Email")),
]
BEST_TIME_CHOICES = [
    (Inquiry.BestTime.ANY, _("Any time")),
    (Inquiry.BestTime.MORNING, _("Morning (9 to noon)")),
    (Inquiry.BestTime.AFTERNOON, _("Afternoon (noon to 5)")),
    (Inquiry.BestTime.EVENING, _("Evening (5 to 8)")),
]


# Format characters that are part of writing, not tricks: the zero-width joiner and non-joiner
# build emoji sequences (a family, a skin tone with a profession) and shape Persian or Hindi.
KEPT_FORMAT_CHARACTERS = {"\u200c", "\u200d"}


def strip_control_characters(value, multiline=False):
    """Drop control and format characters (NUL, escape codes, bidi overrides, zero-width
    spaces) that have no place in a name or a note; keep line breaks in multi-line fields and
    the joiners that emoji and some scripts need."""
    if not isinstance(value, str):
        return value
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    kept = []
    for char in value:
        if multiline and char in "\n\t":
            kept.append(char)
        elif char in KEPT_FORMAT_CHARACTERS:
            kept.append(char)
        elif unicodedata.category(char) in {"Cc", "Cf", "Cs", "Co", "Cn"}:
            continue
        else:
            kept.append(char)
    text = "".join(kept)
    if multiline:
        # No more than one blank line in a row; no trailing spaces.
        text = re.sub(r"\n{3,}", "\n\n", "\n".join(line.rstrip() for line in text.split("\n")))
    return text.strip()


class InquiryForm(forms.ModelForm):
    """What a person can tell us, and nothing more (HIPAA's minimum necessary).

    The form also carries two bot checks (see contact.spam): a honeypot field people never see
    and a signed timestamp of when the form was shown. Failing either does not show an error:
    `is_spam` is set and the view stores the inquiry as spam."""

    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    # No max_length on the two bot checks: a bad value must never show an error, only fail.
    started_at = forms.CharField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = Inquiry
        fields = [
            "name",
            "help_for",
            "contact_method",
            "phone",
            "email",
            "ok_to_leave_voicemail",
            "best_time",
            "message",
            "consent",
        ]
        widgets = {
            "help_for": forms.RadioSelect,
            "contact_method": forms.RadioSelect,
            # No maxlength attribute: the browser would silently cut a pasted message. A longer
            # one comes back with a message saying by how much, with every word kept.
            "message": forms.Textarea(attrs={"rows": 5}),
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }
        labels = {
            "name": _("Your name"),
            "help_for": _("Who is the help for?"),
            "contact_method": _("How should we reach you?"),
            "ok_to_leave_voicemail": _("OK to leave a voicemail?"),
            "best_time": _("Best time to reach you"),
            "message": _("Anything you'd like us to know"),
            "consent": _("I have read the privacy notice"),
        }
        help_texts = {
            "message": format_lazy(
                _("Up to {count} characters. A few lines is plenty."), count=f"{MESSAGE_MAX_LENGTH:,}"
            ),
            "name": _("A first name or a nickname is fine."),
            "email": "",
            "phone": "",
        }
        error_messages = {
            "name": {
                "required": _("Please tell us what to call you. A first name is fine."),
                "max_length": _("Please keep your name under %(limit_value)d characters."),
            },
            "help_for": {
                "required": _("Please choose who the help is for."),
                "invalid_choice": _("Please choose one of the options for who the help is for."),
            },
            "contact_method": {
                "required": _("Please choose how you'd like us to reach you."),
                "invalid_choice": _("Please choose a phone call, a text or an email."),
            },
            "best_time": {
                "required": _('Please choose a time, or "Any time".'),
                "invalid_choice": _("Please choose one of the times listed."),
            },
            "email": {
                "invalid": _("Please check the email address. It should look like name@example.com."),
                "max_length": _("That email address is too long. Please check it."),
            },
            "message": {
                "max_length": _(
                    "Please keep your message to %(limit_value)d characters or fewer "
                    "(it has %(show_value)d). You can tell us more when we talk."
                ),
            },
        }

    def __init__(self, data=None, *args, **kwargs):
        if data is not None:
            data = data.copy()
            for key in TEXT_FIELDS:
                if key in data:
                    data[key] = strip_control_characters(data.get(key), multiline=key in MULTILINE_FIELDS)
        super().__init__(data, *args, **kwargs)
        self.fields["phone"] = forms.CharField(
            label=_("Phone number"),
            required=False,
            max_length=PHONE_INPUT_MAX_LENGTH,
            widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"}),
            error_messages={"max_length": _("That phone number is too long. Please check it.")},
        )
        self.fields["message"].widget.attrs.pop("maxlength", None)  # see Meta.widgets
        self.fields["email"].label = _("Email address")
        self.fields["consent"].required = True
        self.fields["consent"].error_messages["required"] = _(
            "Please tick the box to say you've read the privacy notice."
        )
        self.fields["help_for"].choices = HELP_FOR_CHOICES
        self.fields["contact_method"].choices = CONTACT_METHOD_CHOICES
        self.fields["best_time"].choices = BEST_TIME_CHOICES
        if not self.is_bound:
            self.initial.setdefault("started_at", sign_started_at())

    def clean_name(self):
        name = " ".join(self.cleaned_data.get("name", "").split())
        if not name:
            raise forms.ValidationError(self.fields["name"].error_messages["required"], code="required")
        return name

    def clean_phone(self):
        raw = self.cleaned_data.get("phone", "")
        if not raw:
            return ""
        phone = to_e164(raw)
        if not phone:
            raise forms.ValidationError(
                gettext(
                    "We couldn't read that phone number. Please enter it like (503) 555-0123, "
                    "or with a country code like +44 20 7946 0958."
                ),
                code="invalid",
            )
        return phone

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get(HONEYPOT_FIELD) and token_expired(cleaned.get("started_at")):
            self.add_error(
                None,
                forms.ValidationError(
                    gettext(
                        "This form was open for more than two hours, so we need you to press Send "
                        "once more. Everything you wrote is still here."
                    ),
                    code="expired",
                ),
            )
        method = cleaned.get("contact_method")
        if method in (Inquiry.ContactMethod.CALL, Inquiry.ContactMethod.TEXT):
            if not cleaned.get("phone") and "phone" not in self.errors:
                if method == Inquiry.ContactMethod.CALL:
                    message = gettext(
                        "Please add a phone number so we can call you, or choose email instead."
                    )
                else:
                    message = gettext(
                        "Please add a phone number so we can text you, or choose email instead."
                    )
                self.add_error("phone", forms.ValidationError(message, code="required"))
        elif method == Inquiry.ContactMethod.EMAIL:
            if not cleaned.get("email") and "email" not in self.errors:
                self.add_error(
                    "email",
                    forms.ValidationError(
                        gettext(
                            "Please add an email address so we can write back, or choose a call or text instead."
                        ),
                        code="required",
                    ),
                )
        return cleaned

    @property
    def is_spam(self):
        """True when a bot check failed (only meaningful once the form is valid)."""
        data = self.cleaned_data
        return bool(data.get(HONEYPOT_FIELD)) or filled_too_fast(data.get("started_at"))

    @property
    def expired(self):
        return any(error.code == "expired" for error in self.errors.as_data().get("__all__", ()))

    def fresh_start(self):
        """After an expired token: the same answers, with a new token to send them with."""
        self.data = self.data.copy()
        self.data["started_at"] = sign_started_at()

    def save(self, commit=True, language=None):
        """Save the inquiry (in the caller's transaction), with the language of the form the
        person used (``language``: "en", "es"). A start token sent before is a replay: stored
        as spam, like a honeypot hit."""
        inquiry = super().save(commit=False)
        if language in Inquiry.Language.values:
            inquiry.language = language
        inquiry.is_urgent = is_crisis_message(inquiry.message)
        spam = self.is_spam or not claim_token(self.cleaned_data.get("started_at"))
        inquiry.status = Inquiry.Status.SPAM if spam else Inquiry.Status.NEW
        if commit:
            inquiry.save()
        return inquiry

    def error_summary(self):
        """[(field id, label, first message)] for the summary at the top of the form."""
        summary = []
        for name in self.fields:
            if name in self.errors and name not in (HONEYPOT_FIELD, "started_at"):
                bound = self[name]
                target = bound.auto_id
                if isinstance(self.fields[name].widget, forms.RadioSelect):
                    target = f"{bound.auto_id}_0"
                summary.append((target, bound.label, self.errors[name][0]))
        for message in self.non_field_errors():
            summary.append(("contact-submit", gettext("Sending"), message))
        return summary
