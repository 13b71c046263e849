"""The public inquiry form: short, kind, and strict about what it stores."""

import re
import unicodedata

from django import forms

from practice_site.phone import to_e164

from .crisis import is_crisis_message
from .models import MESSAGE_MAX_LENGTH, Inquiry
from .spam import claim_token, filled_too_fast, sign_started_at, token_expired

TEXT_FIELDS = ["name", "phone", "email", "message", "website", "started_at"]
MULTILINE_FIELDS = {"message"}
HONEYPOT_FIELD = "website"
# Generous caps on raw input before any parsing (phone numbers with extensions, long emails).
PHONE_INPUT_MAX_LENGTH = 40


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
        label="Leave this field empty",
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
            "message": "Anything you'd like us to know",
            "consent": "I have read the privacy notice",
        }
        help_texts = {
            "message": f"Up to {MESSAGE_MAX_LENGTH:,} characters. A few lines is plenty.",
            "name": "A first name or a nickname is fine.",
            "email": "",
            "phone": "",
        }
        error_messages = {
            "name": {
                "required": "Please tell us what to call you. A first name is fine.",
                "max_length": "Please keep your name under %(limit_value)d characters.",
            },
            "help_for": {
                "required": "Please choose who the help is for.",
                "invalid_choice": "Please choose one of the options for who the help is for.",
            },
            "contact_method": {
                "required": "Please choose how you'd like us to reach you.",
                "invalid_choice": "Please choose a phone call, a text or an email.",
            },
            "best_time": {
                "required": 'Please choose a time, or "Any time".',
                "invalid_choice": "Please choose one of the times listed.",
            },
            "email": {
                "invalid": "Please check the email address. It should look like name@example.com.",
                "max_length": "That email address is too long. Please check it.",
            },
            "message": {
                "max_length": "Please keep your message to %(limit_value)d characters or fewer "
                "(it has %(show_value)d). You can tell us more when we talk.",
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
            label="Phone number",
            required=False,
            max_length=PHONE_INPUT_MAX_LENGTH,
            widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"}),
            error_messages={"max_length": "That phone number is too long. Please check it."},
        )
        self.fields["message"].widget.attrs.pop("maxlength", None)  # see Meta.widgets
        self.fields["email"].label = "Email address"
        self.fields["consent"].required = True
        self.fields["consent"].error_messages["required"] = (
            "Please tick the box to say you've read the privacy notice."
        )
        self.fields["help_for"].choices = Inquiry.HelpFor.choices
        self.fields["contact_method"].choices = Inquiry.ContactMethod.choices
        self.fields["best_time"].choices = Inquiry.BestTime.choices
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
                "We couldn't read that phone number. Please enter it like (503) 555-0123, "
                "or with a country code like +44 20 7946 0958.",
                code="invalid",
            )
        return phone

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get(HONEYPOT_FIELD) and token_expired(cleaned.get("started_at")):
            self.add_error(
                None,
                forms.ValidationError(
                    "This form was open for more than two hours, so we need you to press Send "
                    "once more. Everything you wrote is still here.",
                    code="expired",
                ),
            )
        method = cleaned.get("contact_method")
        if method in (Inquiry.ContactMethod.CALL, Inquiry.ContactMethod.TEXT):
            if not cleaned.get("phone") and "phone" not in self.errors:
                what = "call" if method == Inquiry.ContactMethod.CALL else "text"
                self.add_error(
                    "phone",
                    forms.ValidationError(
                        f"Please add a phone number so we can {what} you, or choose email instead.",
                        code="required",
                    ),
                )
        elif method == Inquiry.ContactMethod.EMAIL:
            if not cleaned.get("email") and "email" not in self.errors:
                self.add_error(
                    "email",
                    forms.ValidationError(
                        "Please add an email address so we can write back, or choose a call or text instead.",
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

    def save(self, commit=True):
        """Save the inquiry (in the caller's transaction). A start token sent before is a
        replay: stored as spam, like a honeypot hit."""
        inquiry = super().save(commit=False)
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
            summary.append(("contact-submit", "Sending", message))
        return summary
