"""Staff accounts: a second factor for everyone who can read inquiries, and sessions that end.

- `policy`: who must (or may) use a second factor, and whose sessions are time-limited.
- `factors`: authenticator apps (TOTP) and one-time recovery codes, through django-otp.
- `sessions`: what a staff session remembers about itself, and when it ends.
- `middleware`: the gate in front of the admin (enrol, verify, expiry, re-confirm for export).
- `passkeys`: WebAuthn passkeys (django-otp-webauthn) as a friendlier second step.
- `sign_in` / `views` / `account_views` / `urls` / `templates`: the screens, in the admin's look.
- `users`: the Users list with last login and second-factor state.
- `audit`: what goes into Wagtail's audit log (never a code or a secret)."""
