"""Two-step sign-in in Chromium: an intake worker's first sign-in (set up an authenticator from
the key shown on the page, save the recovery codes), a later sign-in with a code, one with a
recovery code, and the re-confirmation before an export. No console errors, no CSP violations,
nothing loaded from another origin, and no axe-core violations on the new screens."""

import re
import time
from base64 import b32decode

import pytest
from axe_playwright_python.sync_playwright import Axe
from django_otp.oath import TOTP

from contact.models import Inquiry
from tests.contact_helpers import intake_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-test-password-123"
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "resultTypes": ["violations"],
}


def phone_code(secret, steps_ahead=0):
    """What an authenticator app holding `secret` shows now (or a step later)."""
    padded = secret + "=" * (-len(secret) % 8)
    generator = TOTP(b32decode(padded))
    generator.time = time.time() + steps_ahead * 30
    return f"{generator.token():06d}"


class Watch:
    """Console errors, page errors and requests to other origins, for one page."""

    def __init__(self, page, origin):
        self.errors, self.foreign = [], []
        page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        page.on("pageerror", lambda error: self.errors.append(f"pageerror: {error}"))
        page.on("request", lambda request: self._request(request, origin))

    def _request(self, request, origin):
        if not request.url.startswith((origin, "data:", "blob:")):
            self.foreign.append(request.url)


def sign_in_with_password(page, base, username):
    page.goto(base + "/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.locator("form.login-form button[type=submit]").click()


def axe_violations(page):
    results = Axe().run(page, options=AXE_OPTIONS)
    return [f"{v['id']}: {[n['target'] for n in v['nodes']]}" for v in results.response["violations"]]


def test_first_enrolment_then_sign_in_with_a_code_and_with_a_recovery_code(live_demo, browser):
    base = live_demo.url
    Inquiry.objects.create(
        name="Robin Private", help_for="myself", contact_method="call", phone="+15035550142"
    )
    user = intake_user("intake-enrol")
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    watch = Watch(page, base)
    problems = []

    # 1. Password, then straight to setting up the second factor: nothing of the inbox shows.
    sign_in_with_password(page, base, user.username)
    page.wait_for_url("**/admin/two-step/set-up/**")
    assert page.locator("h1").inner_text() == "Set up two-step sign-in"
    assert page.locator(".qr svg").is_visible()
    assert "Robin Private" not in page.content() and "Inquiries" not in page.locator("main").inner_text()
    problems += [f"enrol: {v}" for v in axe_violations(page)]
    page.goto(base + "/admin/inquiries/")
    page.wait_for_url("**/admin/two-step/set-up/**")
    assert "Robin Private" not in page.content()

    # 2. Can't scan: type the key instead, then the code the app shows.
    page.get_by_text("Can't scan it? Type a key instead").click()
    secret = page.locator("#setup-key").inner_text().replace(" ", "")
    assert re.fullmatch(r"[A-Z2-7]{32}", secret)
    page.get_by_label("6-digit code from the app").fill("000000")
    with page.expect_navigation():
        page.get_by_role("button", name="Turn on two-step sign-in").click()
    assert "didn't match" in page.locator("main").inner_text()
    page.get_by_label("6-digit code from the app").fill(phone_code(secret, steps_ahead=1))
    with page.expect_navigation():
        page.get_by_role("button", name="Turn on two-step sign-in").click()

    # 3. Recovery codes, shown once.
    page.wait_for_url("**/admin/two-step/recovery-codes/**")
    codes = page.locator("ol.codes li").all_inner_texts()
    assert len(codes) == 10 and all(re.fullmatch(r"[a-z2-7]{4}-[a-z2-7]{4}", code) for code in codes)
    problems += [f"recovery codes: {v}" for v in axe_violations(page)]
    with page.expect_navigation():
        page.get_by_role("link", name="I've saved my codes, continue").click()
    # Back to where they were going when they were sent to set it up: the inbox.
    page.wait_for_url("**/admin/inquiries/")
    assert page.get_by_text("Robin Private").first.is_visible()
    context.close()

    # 4. A later sign-in: password, then the code.
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    watch_later = Watch(page, base)
    sign_in_with_password(page, base, user.username)
    page.wait_for_url("**/admin/two-step/verify/**")
    assert page.locator("h1").inner_text() == "Enter your sign-in code"
    problems += [f"verify: {v}" for v in axe_violations(page)]
    page.get_by_label("6-digit code from your authenticator app").fill(phone_code(secret, steps_ahead=2))
    with page.expect_navigation():
        page.get_by_role("button", name="Continue").click()
    page.wait_for_url(re.compile(r".*/admin/$"))
    page.goto(base + "/admin/inquiries/")
    assert page.get_by_text("Robin Private").first.is_visible()

    # 5. Exporting asks for the password and a code again once ten minutes have passed.
    session_cookie = next(c for c in context.cookies() if c["name"] == "sessionid")
    from django.contrib.sessions.backends.db import SessionStore

    from practice_site.staff_security import sessions

    store = SessionStore(session_key=session_cookie["value"])
    store[sessions.CONFIRMED_AT] = time.time() - 11 * 60
    store.save()
    page.goto(base + "/admin/inquiries/?export=csv")
    page.wait_for_url("**/admin/two-step/confirm/**")
    assert "Confirm it's you" in page.locator("h1").inner_text()
    page.get_by_label("Your password").fill(PASSWORD)
    page.get_by_label("6-digit code from your authenticator app").fill(phone_code(secret, steps_ahead=3))
    with page.expect_download() as download:
        page.get_by_role("button", name="Confirm and download").click()
    assert "Robin Private" in open(download.value.path()).read()
    context.close()

    # 6. No phone: a recovery code, once.
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    watch_phone = Watch(page, base)
    sign_in_with_password(page, base, user.username)
    page.wait_for_url("**/admin/two-step/verify/**")
    page.get_by_text("No phone? Use a recovery code").click()
    page.get_by_label("Recovery code").fill(codes[0])
    with page.expect_navigation():
        page.get_by_role("button", name="Continue").click()
    page.wait_for_url(re.compile(r".*/admin/$"))
    assert "9 left" in page.content()
    context.close()

    for watched in (watch, watch_later, watch_phone):
        assert watched.errors == [], watched.errors
        assert watched.foreign == [], watched.foreign
    assert problems == [], problems


def test_a_passkey_added_next_to_the_app_then_used_to_sign_in(live_demo, browser):
    """Chromium's virtual authenticator stands in for a laptop's fingerprint reader."""
    from django_otp_webauthn.models import WebAuthnCredential
    from wagtail.models import ModelLogEntry

    from tests.staff_helpers import code_for, give_authenticator

    base = live_demo.url  # http://localhost:port: a secure context, and a valid passkey domain
    user = intake_user("intake-passkey")
    device = give_authenticator(user)
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    watch = Watch(page, base)
    cdp = context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )

    sign_in_with_password(page, base, user.username)
    page.wait_for_url("**/admin/two-step/verify/**")
    assert page.locator("#passkey-verification-button").count() == 0  # none yet
    page.get_by_label("6-digit code from your authenticator app").fill(code_for(device))
    with page.expect_navigation():
        page.get_by_role("button", name="Continue").click()

    page.goto(base + "/admin/two-step/")
    with page.expect_navigation():  # the page reloads once the passkey is saved
        page.get_by_role("button", name="Add a passkey").click()
    assert page.get_by_text(re.compile(r"Passkey added \d")).is_visible()
    assert WebAuthnCredential.objects.filter(user=user, confirmed=True).count() == 1

    # Signed out (cookies gone), then back in: password, then the passkey instead of a code.
    context.clear_cookies()
    sign_in_with_password(page, base, user.username)
    page.wait_for_url("**/admin/two-step/verify/**")
    with page.expect_navigation():
        page.get_by_role("button", name="Use my passkey").click()
    page.wait_for_url(re.compile(r".*/admin/$"))
    page.goto(base + "/admin/inquiries/")
    assert "/admin/inquiries/" in page.url
    methods = list(
        ModelLogEntry.objects.filter(action="staff_security.factor_verified", object_id=str(user.pk))
        .order_by("timestamp", "id")
        .values_list("data__method", flat=True)
    )
    assert methods == ["authenticator app", "passkey"]
    assert watch.errors == [], watch.errors
    assert watch.foreign == [], watch.foreign
    context.close()
