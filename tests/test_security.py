"""Security headers, login lockout and password rules."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import override_settings

from tests.staff_helpers import log_in_verified

PUBLIC_PATHS = ["/", "/specialties/", "/blog/", "/contact/", "/about/", "/search/?q=help", "/missing/"]


def csp_directives(header):
    directives = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    return directives


@pytest.mark.django_db
@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_public_pages_send_strict_security_headers(client, path):
    response = client.get(path)
    csp = csp_directives(response["Content-Security-Policy"])
    assert csp["default-src"] == ["'none'"]
    for directive in ("script-src", "style-src"):
        sources = csp[directive]
        assert "'unsafe-inline'" not in sources and "'unsafe-eval'" not in sources
        assert all(s == "'self'" or s.startswith("'nonce-") for s in sources), sources
    assert csp["frame-ancestors"] == ["'none'"]
    for sources in csp.values():
        assert not any(s.startswith(("http:", "https:", "*")) or "." in s.strip("'") for s in sources)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    policy = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "interest-cohort=()"):
        assert feature in policy


@pytest.mark.django_db
def test_hsts_is_sent_over_https_for_a_year_with_preload(client):
    response = client.get("/", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"


@pytest.mark.django_db
def test_admin_gets_its_own_policy_and_may_frame_itself(client, django_user_model):
    admin = django_user_model.objects.create_superuser("boss", "boss@example.com", "a-long-pass-phrase-1")
    log_in_verified(client, admin)
    response = client.get("/admin/")
    assert response.status_code == 200
    csp = csp_directives(response["Content-Security-Policy"])
    assert csp["frame-ancestors"] == ["'self'"]
    assert response["X-Frame-Options"] == "SAMEORIGIN"


def test_passwords_need_twelve_characters():
    with pytest.raises(ValidationError):
        validate_password("Short-pw-1!")
    validate_password("calm river morning 42")


def _fail_login(client, username, ip, password="wrong-password-123"):
    return client.post("/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=ip)


@pytest.mark.django_db
@override_settings(AXES_ENABLED=True)
def test_admin_login_locks_after_five_failures_for_a_username(client, django_user_model):
    django_user_model.objects.create_user("intake", password="correct horse battery", is_staff=True)
    for attempt in range(4):
        response = _fail_login(client, "intake", f"10.0.0.{attempt + 1}")
        assert response.status_code == 200  # the login form again, with an error
    assert _fail_login(client, "intake", "10.0.0.5").status_code == 429  # the fifth failure locks
    locked = _fail_login(client, "intake", "10.0.0.99", password="correct horse battery")
    assert locked.status_code == 429
    assert "Too many sign-in attempts" in locked.content.decode()
    assert "15 minutes" in locked.content.decode()


@pytest.mark.django_db
@override_settings(AXES_ENABLED=True)
def test_admin_login_locks_after_five_failures_from_one_ip(client):
    for attempt in range(5):
        _fail_login(client, f"guess{attempt}", "10.1.1.1")
    assert _fail_login(client, "someone-else", "10.1.1.1").status_code == 429
    assert _fail_login(client, "someone-else", "10.1.1.2").status_code == 200


@pytest.mark.django_db
@override_settings(AXES_ENABLED=True, TRUSTED_PROXY_COUNT=1)
def test_lockout_uses_the_address_the_proxy_saw(client):
    for attempt in range(5):
        client.post(
            "/admin/login/",
            {"username": f"guess{attempt}", "password": "nope-nope-nope"},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR="203.0.113.7",
        )
    blocked = client.post(
        "/admin/login/",
        {"username": "x", "password": "y"},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.7",
    )
    assert blocked.status_code == 429
    # Another visitor behind the same proxy is not locked out.
    other = client.post(
        "/admin/login/",
        {"username": "x", "password": "y"},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="198.51.100.4",
    )
    assert other.status_code == 200


@pytest.mark.django_db
@override_settings(AXES_ENABLED=True)
def test_lockout_cools_off(client, django_user_model):
    from datetime import timedelta

    from axes.models import AccessAttempt
    from django.utils import timezone

    django_user_model.objects.create_user("intake", password="correct horse battery", is_staff=True)
    for _ in range(5):
        _fail_login(client, "intake", "10.2.2.2")
    assert _fail_login(client, "intake", "10.2.2.2").status_code == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    response = client.post(
        "/admin/login/", {"username": "intake", "password": "correct horse battery"}, REMOTE_ADDR="10.2.2.2"
    )
    assert response.status_code == 302


@pytest.mark.django_db
def test_oversized_public_request_body_is_refused_before_it_is_read(client):
    response = client.generic(
        "POST",
        "/contact/",
        b"x" * 10,
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH="5000000",
    )
    assert response.status_code == 413
    assert "call us" in response.content.decode()


@pytest.mark.django_db
def test_admin_never_loads_avatars_from_gravatar(client, django_user_model):
    admin = django_user_model.objects.create_superuser("boss2", "boss2@example.com", "a-long-pass-phrase-2")
    log_in_verified(client, admin)
    for path in ("/admin/", "/admin/pages/"):
        assert "gravatar.com" not in client.get(path).content.decode()
