"""The forms on the sign-in steps. Field names `otp_token` and `recovery_code` are listed in
AXES_SENSITIVE_PARAMETERS, so django-axes never stores what was typed in them."""

from django import forms

CODE_ATTRS = {
    "autocomplete": "one-time-code",
    "inputmode": "numeric",
    "pattern": "[0-9 ]*",
    "maxlength": "8",
    "autofocus": True,
    "spellcheck": "false",
}


class AuthenticatorCodeForm(forms.Form):
    """The six digits an authenticator app shows (used when setting one up)."""

    otp_token = forms.CharField(
        label="6-digit code from the app",
        max_length=8,
        widget=forms.TextInput(attrs=CODE_ATTRS),
    )

    def clean_otp_token(self):
        code = "".join(self.cleaned_data["otp_token"].split())
        if not code.isdigit() or len(code) != 6:
            raise forms.ValidationError(
                "Type the 6 digits your authenticator app shows now, without letters."
            )
        return code


class SecondFactorForm(forms.Form):
    """A code from the authenticator app, or else one of the recovery codes."""

    otp_token = forms.CharField(
        label="6-digit code from your authenticator app",
        max_length=8,
        required=False,
        widget=forms.TextInput(attrs=CODE_ATTRS),
    )
    recovery_code = forms.CharField(
        label="Recovery code",
        help_text="Eight letters and numbers, like abcd-2345. Each one works once.",
        max_length=20,
        required=False,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "spellcheck": "false", "autocapitalize": "none"}
        ),
    )

    def clean(self):
        cleaned = super().clean()
        code = "".join((cleaned.get("otp_token") or "").split())
        recovery = (cleaned.get("recovery_code") or "").strip()
        if not code and not recovery:
            raise forms.ValidationError(
                "Type the 6-digit code from your authenticator app, or a recovery code."
            )
        if recovery:
            # Someone who opened "No phone?" and typed a recovery code means that one (the app's
            # field may still hold an old code from a try before).
            cleaned["otp_token"], cleaned["recovery_code"] = "", recovery
            return cleaned
        if not code.isdigit() or len(code) != 6:
            self.add_error(
                "otp_token", "Type the 6 digits your authenticator app shows now, without letters."
            )
        cleaned["otp_token"], cleaned["recovery_code"] = code, ""
        return cleaned

    def forget_app_code(self):
        """Shown again after a miss, the app's old code is no use: the field starts empty."""
        self.data = self.data.copy()
        self.data["otp_token"] = ""


class ConfirmIdentityForm(SecondFactorForm):
    """Password again, and the second factor when the account has one."""

    password = forms.CharField(
        label="Your password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password", "autofocus": True}),
    )
    field_order = ["password", "otp_token", "recovery_code"]

    def __init__(self, *args, with_second_factor=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.with_second_factor = with_second_factor
        self.fields["otp_token"].widget.attrs.pop("autofocus", None)
        if not with_second_factor:
            del self.fields["otp_token"]
            del self.fields["recovery_code"]

    def clean(self):
        if not self.with_second_factor:
            return forms.Form.clean(self)
        return super().clean()
