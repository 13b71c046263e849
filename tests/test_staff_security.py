"""Staff accounts: a second factor for everyone who can read inquiries, and sessions that end
(practice_site/staff_security)."""

import re
import time
from base64 import b32decode
from html import unescape
from html.parser import HTMLParser

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.test import Client, override_settings
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from contact.models import Inquiry
from practice_site.models import StandardPage
from practice_site.staff_security import audit, sessions
from tests.contact_helpers import editor_user, intake_user
from tests.staff_helpers import code_for, give_authenticator, log_in_verified

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password-123"
INBOX = "/admin/inquiries/"
ENROL = "/admin/two-step/set-up/"
VERIFY = "/admin/two-step/verify/"
CONFIRM = "/admin/two-step/confirm/"
RECOVERY_CODES = "/admin/two-step/recovery-codes/"
PRIVATE_NAME = "Casey Confidential"
PRIVATE_MESSAGE = "private words about my drinking"


@pytest.fixture
def inquiry(db):
    Inquiry.objects.create(
        name="Urgent Someone", help_for="myself", contact_method="call", phone="+15035550144", is_urgent=True
    )
    return Inquiry.objects.create(
        name=PRIVATE_NAME,
        help_for="myself",
        contact_method="email",
        email="casey@example.org",
        message=PRIVATE_MESSAGE,
    )


def sign_in(client, user, password=PASSWORD, **extra):
    return client.post("/admin/login/", {"username": user.get_username(), "password": password}, **extra)


def enter_code(client, code="", recovery_code="", next_url="/admin/", **extra):
    return client.post(VERIFY, {"otp_token": code, "recovery_code": recovery_code, "next": next_url}, **extra)


def body_of(response):
    """The response's text, with HTML entities turned back into characters."""
    if response.streaming:
        return b"".join(response.streaming_content).decode(errors="replace")
    return unescape(response.content.decode())


def assert_no_inquiry_data(text):
    for private in (PRIVATE_NAME, PRIVATE_MESSAGE, "casey@example.org", "Urgent Someone", "Inquiry #"):
        assert private not in text
    assert not re.search(r"<strong>\d+</strong> new", text)


def entries(user, action):
    return ModelLogEntry.objects.filter(action=action, object_id=str(user.pk))


def all_logged_data():
    return " ".join(str(entry.data) + entry.label for entry in ModelLogEntry.objects.all())


def secret_from(html):
    """The key as the enrolment page shows it for typing into an app."""
    match = re.search(r'id="setup-key">([A-Z2-7 ]+)<', html)
    assert match, "the enrolment page shows the key as text"
    return match.group(1).replace(" ", "")


def phone_code(secret, steps_ahead=0):
    """What an authenticator app holding `secret` shows."""
    padded = secret + "=" * (-len(secret) % 8)
    generator = TOTP(b32decode(padded))
    generator.time = time.time() + steps_ahead * 30
    return f"{generator.token():06d}"


class FormFields(HTMLParser):
    """The values a browser would send for the forms on a page (inputs, selects, textareas)."""

    def __init__(self):
        super().__init__()
        self.data, self._select, self._textarea = {}, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "button", "file"):
            if attrs.get("type") in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.data[name] = attrs.get("value") or ""
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select:
            if "selected" in attrs or self._select not in self.data:
                self.data[self._select] = attrs.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = ""

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def form_fields(html):
    parser = FormFields()
    parser.feed(html)
    return parser.data


def page_form_data(page, user, **changes):
    """The page's edit form as a browser would send it unchanged (empty StreamFields and inline
    lists), with `changes`: built from the form itself, so new page fields don't break it."""
    from wagtail.blocks.base import BlockField

    form_class = page.get_edit_handler().get_form_class()
    form = form_class(instance=page, for_user=user, parent_page=page.get_parent())
    data = {}
    for name, field in form.fields.items():
        if isinstance(field, BlockField):
            data[name] = streamfield([])
            continue
        value = form[name].value()
        if isinstance(value, bool):
            if value:
                data[name] = "on"
        else:
            data[name] = "" if value is None else value
    for name in form.formsets:
        data[name] = inline_formset([])
    data.update(changes)
    return nested_form_data(data)


# A password only: no inquiry data anywhere ----------------------------------------------------


@pytest.mark.parametrize(
    "path",
    ["/admin/", INBOX, "edit", INBOX + "?export=csv", INBOX + "?export=xlsx", INBOX + "results/?export=csv"],
)
def test_intake_account_with_a_password_only_gets_no_inquiry_data(client, inquiry, path):
    user = intake_user()
    assert sign_in(client, user).status_code == 302
    if path == "edit":
        path = f"{INBOX}edit/{inquiry.pk}/"
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith(ENROL + "?next=")
    assert_no_inquiry_data(body_of(response))
    followed = client.get(path, follow=True)
    assert followed.request["PATH_INFO"] == ENROL
    assert_no_inquiry_data(body_of(followed))
    assert not entries(user, "contact.inquiry.export").exists()
    assert not ModelLogEntry.objects.filter(action__startswith="contact.inquiry", user=user).exists()


def test_background_requests_of_an_unverified_session_get_403_not_data(client, inquiry):
    user = intake_user()
    sign_in(client, user)
    response = client.post(f"{INBOX}edit/{inquiry.pk}/", {"status": "closed"})
    assert response.status_code == 403
    inquiry.refresh_from_db()
    assert inquiry.status == "new"
    xhr = client.get(INBOX, headers={"x-requested-with": "XMLHttpRequest"})
    assert xhr.status_code == 403
    assert_no_inquiry_data(body_of(xhr))


def test_superusers_need_a_second_factor_too(client, inquiry):
    admin = get_user_model().objects.create_superuser("boss", "boss@practice.example", PASSWORD)
    sign_in(client, admin)
    response = client.get("/admin/users/")
    assert response.status_code == 302 and response["Location"].startswith(ENROL)


def test_editors_without_a_factor_keep_working_while_the_setting_is_off(client, settings, home):
    settings.STAFF_2FA_REQUIRED_FOR_EDITORS = False
    editor = editor_user()
    sign_in(client, editor)
    assert client.get("/admin/").status_code == 200
    page = home.add_child(
        instance=StandardPage(title="Opening hours", slug="opening-hours", summary="When we answer.")
    )
    edit_url = f"/admin/pages/{page.pk}/edit/"
    assert client.get(edit_url).status_code == 200
    data = page_form_data(page, editor, title="Our opening hours", summary="When we answer the phone.")
    response = client.post(edit_url, {**data, "action-publish": "action-publish"})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live and page.title == "Our opening hours"
    # Their session is not time-limited either: a long lunch doesn't sign them out.
    session = client.session
    session[sessions.LAST_ACTIVE_AT] = time.time() - 3 * 60 * 60
    session.save()
    assert client.get(edit_url).status_code == 200


def test_editors_must_set_one_up_when_the_setting_is_on(client, settings):
    settings.STAFF_2FA_REQUIRED_FOR_EDITORS = True
    editor = editor_user()
    sign_in(client, editor)
    response = client.get("/admin/pages/")
    assert response.status_code == 302 and response["Location"].startswith(ENROL)


# Enrolment and sign-in ---------------------------------------------------------------------


def test_enrolment_with_the_key_shown_then_recovery_codes_shown_once(client, inquiry):
    user = intake_user()
    response = sign_in(client, user)
    assert response["Location"] == "/admin/"
    setup = client.get("/admin/", follow=True)
    html = body_of(setup)
    assert setup.request["PATH_INFO"] == ENROL
    assert "<svg" in html and "staff-security-qr" in html  # the QR code, drawn on the server
    assert 'src="http' not in html and "<img" not in html
    secret = secret_from(html)
    assert TOTPDevice.objects.get(user=user).confirmed is False

    wrong = client.post(ENROL, {"otp_token": "000000", "next": "/admin/"})
    assert wrong.status_code == 200 and "didn't match" in body_of(wrong)
    assert client.get(INBOX).status_code == 302  # still nothing

    done = client.post(ENROL, {"otp_token": phone_code(secret, steps_ahead=1), "next": "/admin/"})
    assert done.status_code == 302 and done["Location"].startswith(RECOVERY_CODES)
    codes_page = body_of(client.get(done["Location"]))
    shown = re.findall(r"<li>([a-z2-7]{4}-[a-z2-7]{4})</li>", codes_page)
    assert len(shown) == 10
    stored = set(StaticToken.objects.filter(device__user=user).values_list("token", flat=True))
    assert {code.replace("-", "") for code in shown} == stored
    again = body_of(client.get(RECOVERY_CODES))
    assert not re.findall(r"<li>([a-z2-7]{4}-[a-z2-7]{4})</li>", again)  # shown once only

    inbox = client.get(INBOX)
    assert inbox.status_code == 200 and PRIVATE_NAME in body_of(inbox)
    assert entries(user, audit.FACTOR_ENROLLED).count() == 1
    assert entries(user, audit.RECOVERY_CODES_MADE).count() == 1
    logged = all_logged_data()
    assert secret not in logged and not any(code.replace("-", "") in logged for code in shown)


def test_each_sign_in_asks_for_the_code_after_the_password(client, inquiry):
    user = intake_user()
    device = give_authenticator(user)
    response = sign_in(client, user)
    assert response.status_code == 302
    asked = client.get("/admin/")
    assert asked.status_code == 302 and asked["Location"].startswith(VERIFY)
    page = client.get(asked["Location"])
    assert "Enter your sign-in code" in body_of(page)
    assert_no_inquiry_data(body_of(page))

    wrong = enter_code(client, "123456")
    assert wrong.status_code == 200 and "didn't match" in body_of(wrong)
    device.throttling_failure_timestamp = None  # the app's next code comes after the short wait
    device.save()
    right = enter_code(client, code_for(device), next_url=INBOX)
    assert right.status_code == 302 and right["Location"] == INBOX
    assert PRIVATE_NAME in body_of(client.get(INBOX))
    dashboard = body_of(client.get("/admin/"))
    assert re.search(r"<strong>2</strong> new", dashboard)
    assert entries(user, audit.SIGNED_IN).count() == 1
    assert entries(user, audit.FACTOR_FAILED).count() == 1
    verified = entries(user, audit.FACTOR_VERIFIED).get()
    assert verified.data["method"] == "authenticator app"
    assert "123456" not in all_logged_data() and device.key not in all_logged_data()


def test_the_session_id_changes_when_the_factor_is_verified(client):
    user = intake_user()
    device = give_authenticator(user)
    sign_in(client, user)
    before = client.session.session_key
    enter_code(client, code_for(device))
    assert client.session.session_key != before


def test_a_recovery_code_works_once(client):
    user = intake_user()
    give_authenticator(user)
    device = StaticDevice.objects.create(user=user, name="Recovery codes")
    device.token_set.create(token="abcd2345")
    device.token_set.create(token="efgh6789")
    sign_in(client, user)
    used = enter_code(client, recovery_code="ABCD-2345")
    assert used.status_code == 302 and used["Location"] == "/admin/"
    assert client.get(INBOX).status_code == 200
    assert entries(user, audit.FACTOR_VERIFIED).get().data["method"] == "recovery code"

    other = Client()
    sign_in(other, user)
    again = enter_code(other, recovery_code="abcd-2345")
    assert again.status_code == 200 and "didn't match" in body_of(again)
    assert other.get(INBOX).status_code == 302
    assert list(device.token_set.values_list("token", flat=True)) == ["efgh6789"]


def test_a_recovery_code_typed_after_a_wrong_app_code_is_the_one_used(client):
    user = intake_user()
    give_authenticator(user)
    StaticDevice.objects.create(user=user, name="Recovery codes").token_set.create(token="abcd2345")
    sign_in(client, user)
    wrong = enter_code(client, "000000")
    assert 'value="000000"' not in wrong.content.decode()  # the old app code isn't kept
    # The browser still sends whatever is in the app's field, plus the recovery code.
    used = enter_code(client, "000000", recovery_code="abcd-2345")
    assert used.status_code == 302 and used["Location"] == "/admin/"


def test_a_wrong_code_is_throttled_like_a_wrong_password(client):
    user = intake_user()
    device = give_authenticator(user)
    sign_in(client, user)
    enter_code(client, "000000")
    too_soon = enter_code(client, code_for(device))  # right code, but straight after a wrong one
    assert too_soon.status_code == 200
    assert "wait" in body_of(too_soon).lower()
    assert client.get(INBOX).status_code == 302
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_timestamp=None)
    assert enter_code(client, code_for(device))["Location"] == "/admin/"


@override_settings(AXES_ENABLED=True, OTP_TOTP_THROTTLE_FACTOR=0)
def test_five_wrong_codes_pause_signing_in_and_count_with_django_axes(client):
    user = intake_user()
    device = give_authenticator(user)
    address = {"REMOTE_ADDR": "10.9.9.9"}
    sign_in(client, user, **address)
    for attempt in range(4):
        response = enter_code(client, f"00000{attempt}", **address)
        assert response.status_code == 200
        assert f"{4 - attempt} more tr" in body_of(response)
    paused = enter_code(client, "000009", **address)
    assert paused.status_code == 429
    assert "paused" in body_of(paused).lower() or "Too many" in body_of(paused)
    # The session is signed out, and the password alone doesn't get back in for now.
    assert client.get("/admin/")["Location"].startswith("/admin/login/")
    assert sign_in(client, user, **address).status_code == 429
    assert sign_in(Client(), user, REMOTE_ADDR="10.8.8.8").status_code == 429  # by username too
    attempt = AccessAttempt.objects.get(username=user.get_username(), ip_address="10.9.9.9")
    assert attempt.failures_since_start >= 5
    assert "000009" not in attempt.post_data and "00000" not in attempt.post_data
    assert entries(user, audit.LOCKED_OUT).exists()
    assert code_for(device) not in all_logged_data()


@override_settings(OTP_TOTP_THROTTLE_FACTOR=0)
def test_typing_the_password_again_buys_no_more_guesses(client):
    user = intake_user()
    give_authenticator(user)
    sign_in(client, user)
    for code in ("000001", "000002", "000003"):
        enter_code(client, code)
    fresh = Client()
    sign_in(fresh, user)
    enter_code(fresh, "000004")
    assert enter_code(fresh, "000005").status_code == 429


# The administrator's reset ------------------------------------------------------------------


@pytest.fixture
def administrator(db):
    admin = get_user_model().objects.create_superuser("boss", "boss@practice.example", PASSWORD)
    return admin


def test_administrator_resets_a_factor_which_is_logged_and_ends_the_sessions(client, administrator):
    colleague = intake_user()
    device = give_authenticator(colleague)
    StaticDevice.objects.create(user=colleague, name="Recovery codes").token_set.create(token="abcd2345")
    theirs = Client()
    log_in_verified(theirs, colleague)
    assert theirs.get(INBOX).status_code == 200

    log_in_verified(client, administrator)
    users = body_of(client.get("/admin/users/"))
    assert "Second factor" in users and "Last login" in users
    reset_url = f"/admin/two-step/reset/{colleague.pk}/"
    assert reset_url in users
    confirm = body_of(client.get(reset_url))
    assert device.key not in confirm and "abcd2345" not in confirm
    response = client.post(reset_url)
    assert response.status_code == 302

    assert not TOTPDevice.objects.filter(user=colleague).exists()
    assert not StaticDevice.objects.filter(user=colleague).exists()
    ended = theirs.get(INBOX)
    assert ended.status_code == 302 and ended["Location"].startswith("/admin/login/")
    entry = entries(colleague, audit.FACTOR_RESET).get()
    assert entry.user == administrator
    assert device.key not in str(entry.data)
    # Their next sign-in sets up a new factor.
    sign_in(theirs, colleague)
    assert theirs.get("/admin/")["Location"].startswith(ENROL)
    assert "Not set up (needed)" in body_of(client.get("/admin/users/"))


def test_a_reset_needs_the_administrator_to_confirm_it_is_them(client, administrator, clock):
    colleague = intake_user()
    give_authenticator(colleague)
    device = log_in_verified(client, administrator)
    clock.advance(11)
    reset_url = f"/admin/two-step/reset/{colleague.pk}/"
    asked = client.post(reset_url)
    assert asked.status_code == 302 and asked["Location"].startswith(CONFIRM)
    assert TOTPDevice.objects.filter(user=colleague).exists()
    client.post(CONFIRM, {"password": PASSWORD, "otp_token": code_for(device, 1), "next": reset_url})
    assert client.post(reset_url).status_code == 302
    assert not TOTPDevice.objects.filter(user=colleague).exists()


def test_only_administrators_reset_and_never_their_own(client, administrator):
    colleague = intake_user("second-intake")
    give_authenticator(colleague)
    clerk = intake_user()
    log_in_verified(client, clerk)
    assert client.post(f"/admin/two-step/reset/{colleague.pk}/").status_code == 403
    assert TOTPDevice.objects.filter(user=colleague).exists()
    log_in_verified(client, administrator)
    assert client.post(f"/admin/two-step/reset/{administrator.pk}/").status_code == 403


def test_users_list_shows_last_login_and_whether_a_second_factor_is_set(client, administrator):
    with_factor = intake_user("with-factor")
    give_authenticator(with_factor)
    intake_user("without-factor")
    editor_user("plain-editor")
    log_in_verified(client, administrator)
    html = body_of(client.get("/admin/users/"))
    rows = {
        name: next(row for row in html.split("<tr") if re.search(rf">\s*{name}\s*<", row))
        for name in ("with-factor", "without-factor", "plain-editor")
    }
    assert "Set up" in rows["with-factor"] and "Not set up" not in rows["with-factor"]
    assert "Not set up (needed)" in rows["without-factor"]
    assert "Not set up" in rows["plain-editor"] and "(needed)" not in rows["plain-editor"]
    assert "Last login" in html


# Sessions that end ----------------------------------------------------------------------------


@pytest.fixture
def clock(monkeypatch):
    """The staff sessions' clock, moved by hand."""

    class Clock:
        at = time.time()

        def advance(self, minutes):
            self.at += minutes * 60

    frozen = Clock()
    monkeypatch.setattr(sessions, "now", lambda: frozen.at)
    return frozen


def test_an_idle_session_ends_after_30_minutes(client, clock):
    user = intake_user()
    log_in_verified(client, user)
    clock.advance(29)
    assert client.get(INBOX).status_code == 200  # activity keeps it going
    clock.advance(29)
    assert client.get(INBOX).status_code == 200
    clock.advance(31)
    response = client.get(INBOX)
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    login_page = body_of(client.get(response["Location"]))
    assert "30 minutes without activity" in login_page
    assert entries(user, audit.SESSION_ENDED).get().data["reason"] == "idle"
    assert client.get(INBOX)["Location"].startswith("/admin/login/")  # signed out for good


def test_the_idle_limit_is_a_setting(client, clock, settings):
    settings.STAFF_SESSION_IDLE_MINUTES = 5
    log_in_verified(client, intake_user())
    clock.advance(6)
    assert client.get(INBOX)["Location"].startswith("/admin/login/")


def test_background_pings_do_not_keep_a_session_alive(client, clock):
    log_in_verified(client, intake_user())
    for _ in range(4):
        clock.advance(10)
        client.post("/admin/editing-sessions/release/1/")
    assert client.get(INBOX)["Location"].startswith("/admin/login/")


def test_a_session_ends_twelve_hours_after_sign_in_even_when_busy(client, clock):
    user = intake_user()
    log_in_verified(client, user)
    for _ in range(35):  # every 20 minutes for 11 h 40 min
        clock.advance(20)
        assert client.get(INBOX).status_code == 200
    clock.advance(21)
    response = client.get(INBOX)
    assert response["Location"].startswith("/admin/login/")
    assert entries(user, audit.SESSION_ENDED).get().data["reason"] == "too_long"


def test_an_ended_session_is_signed_out_on_public_pages_too(client, clock):
    log_in_verified(client, intake_user())
    clock.advance(31)
    client.get("/")
    assert "_auth_user_id" not in client.session


def test_a_password_change_ends_the_other_sessions(client):
    user = intake_user()
    other = Client()
    log_in_verified(client, user)
    log_in_verified(other, user)
    account = body_of(client.get("/admin/account/"))
    data = form_fields(account)
    data.update(
        {
            "name_email-first_name": "Ida",
            "name_email-last_name": "Intake",
            "password-old_password": PASSWORD,
            "password-new_password1": "a-brand-new-pass-phrase-77",
            "password-new_password2": "a-brand-new-pass-phrase-77",
        }
    )
    response = client.post("/admin/account/", data)
    assert response.status_code == 302, re.findall(
        r"(?:error-message|help-critical)[^<]*<[^>]*>([^<]+)", body_of(response)
    )
    user.refresh_from_db()
    assert user.check_password("a-brand-new-pass-phrase-77")
    assert client.get(INBOX).status_code == 200  # the session that changed it carries on
    ended = other.get(INBOX)
    assert ended.status_code == 302 and ended["Location"].startswith("/admin/login/")


def test_a_deactivated_users_sessions_end_at_once(client, administrator):
    user = intake_user()
    log_in_verified(client, user)
    assert client.get(INBOX).status_code == 200
    user.is_active = False
    user.save()
    response = client.get(INBOX)
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    # Reactivating doesn't bring the old session back.
    user.is_active = True
    user.save()
    assert client.get(INBOX)["Location"].startswith("/admin/login/")


# Re-authentication for bulk data ----------------------------------------------------------------


def test_exporting_needs_the_password_and_code_confirmed_in_the_last_ten_minutes(client, inquiry, clock):
    user = intake_user()
    device = log_in_verified(client, user)
    export = INBOX + "?export=csv"
    assert client.get(export).status_code == 200  # just signed in: that was the confirmation
    clock.advance(11)
    asked = client.get(export)
    assert asked.status_code == 302 and asked["Location"].startswith(CONFIRM)
    assert_no_inquiry_data(body_of(asked))
    page = client.get(asked["Location"])
    assert "Confirm it's you" in body_of(page)

    wrong = client.post(
        CONFIRM, {"password": "not-my-password-1", "otp_token": code_for(device, 1), "next": export}
    )
    assert wrong.status_code == 200 and "password isn't right" in body_of(wrong)
    no_code = client.post(CONFIRM, {"password": PASSWORD, "next": export})
    assert no_code.status_code == 200 and "6-digit code" in body_of(no_code)
    done = client.post(CONFIRM, {"password": PASSWORD, "otp_token": code_for(device, 1), "next": export})
    assert done.status_code == 302 and done["Location"] == export
    response = client.get(export)
    assert response.status_code == 200 and PRIVATE_NAME in body_of(response)
    assert entries(user, audit.CONFIRMED).get().data["purpose"] == "export"
    assert entries(user, audit.SIGN_IN_FAILED).count() == 1
    assert ModelLogEntry.objects.filter(action="contact.inquiry.export", user=user).exists()
    clock.advance(9)
    assert client.get(INBOX + "?export=xlsx").status_code == 200  # within ten minutes: no asking


def test_the_confirm_screen_only_returns_to_admin_urls(client):
    user = intake_user()
    device = log_in_verified(client, user)
    response = client.post(
        CONFIRM, {"password": PASSWORD, "otp_token": code_for(device, 1), "next": "https://evil.example/"}
    )
    assert response["Location"] == "/admin/"


# Look and policy -----------------------------------------------------------------------------


def test_the_new_screens_keep_the_admin_content_security_policy(client):
    sign_in(client, intake_user())
    response = client.get(ENROL)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    csp = response["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in csp
    assert not re.search(r"https?://", csp)
    html = body_of(response)
    assert not re.search(r'src="https?://', html)  # nothing loaded from another origin
    assert not re.search(r'<link[^>]+href="https?://', html)


def test_an_editor_may_opt_in_and_is_then_asked_at_each_sign_in(client):
    editor = editor_user()
    sign_in(client, editor)
    assert "Set up two-step sign-in" in body_of(client.get("/admin/two-step/"))
    secret = secret_from(body_of(client.get(ENROL)))
    client.post(ENROL, {"otp_token": phone_code(secret), "next": "/admin/"})
    assert TOTPDevice.objects.get(user=editor).confirmed
    again = Client()
    sign_in(again, editor)
    assert again.get("/admin/pages/")["Location"].startswith(VERIFY)


def test_new_recovery_codes_need_a_fresh_confirmation_and_replace_the_old(client, clock):
    user = intake_user()
    device = log_in_verified(client, user)
    StaticDevice.objects.create(user=user, name="Recovery codes").token_set.create(token="abcd2345")
    clock.advance(11)
    asked = client.post(RECOVERY_CODES)
    assert asked["Location"].startswith(CONFIRM)
    client.post(CONFIRM, {"password": PASSWORD, "otp_token": code_for(device, 1), "next": "/admin/two-step/"})
    made = client.post(RECOVERY_CODES)
    assert made["Location"].startswith(RECOVERY_CODES)
    codes = re.findall(r"<li>([a-z2-7]{4}-[a-z2-7]{4})</li>", body_of(client.get(made["Location"])))
    assert len(codes) == 10
    assert not StaticToken.objects.filter(token="abcd2345").exists()


def test_audit_entries_never_hold_a_code_or_secret(client):
    user = intake_user()
    device = give_authenticator(user)
    sign_in(client, user)
    wrong, right = "987654", code_for(device)
    enter_code(client, wrong)
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_timestamp=None)
    enter_code(client, right)
    logged = all_logged_data()
    assert wrong not in logged and right not in logged and device.key not in logged
    assert PASSWORD not in logged


def test_a_sign_in_with_an_unknown_or_wrong_password_is_logged_for_known_accounts(client):
    user = intake_user()
    sign_in(client, user, password="not-the-password-9")
    assert entries(user, audit.SIGN_IN_FAILED).count() == 1
    assert "not-the-password-9" not in all_logged_data()


# Passkeys (django-otp-webauthn), next to the authenticator app -----------------------------------

PASSKEYS = "/admin/two-step/passkeys/"


def test_passkeys_are_for_the_host_the_admin_is_served_from():
    from django.test import RequestFactory

    from practice_site.staff_security.passkeys import PasskeyHelper, relying_party_id

    request = RequestFactory().get("/admin/", HTTP_HOST="localhost:8000")
    assert relying_party_id(request) == "localhost"
    assert PasskeyHelper(request).get_allowed_origins() == ["http://localhost:8000"]


def test_a_passkey_can_be_added_only_by_a_verified_session_that_just_confirmed_it(client, clock):
    user = intake_user()
    sign_in(client, user)  # a password only, and no factor yet
    begin = PASSKEYS + "registration/begin/"
    assert client.post(begin).status_code == 403  # not even past the gate
    give_authenticator(user)
    log_in_verified(client, user)
    assert client.post(begin).status_code == 200  # just signed in: confirmed
    clock.advance(11)
    refused = client.post(begin)
    assert refused.status_code == 403 and "Confirm it's you" in refused.json()["detail"]


def test_the_passkey_step_is_open_to_a_half_signed_in_session_only(client):
    user = intake_user()
    give_authenticator(user)
    begin = PASSKEYS + "authentication/begin/"
    assert Client().post(begin).status_code in (302, 403)  # nobody signed in: no passwordless
    sign_in(client, user)
    response = client.post(begin)
    assert response.status_code == 200 and "challenge" in response.json()
