"""The contact page is served from the page cache like any other page, yet every visitor gets
their own CSRF token, cookie and form start time, and the form works from a cached copy."""

import re

import pytest
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.test import Client

from contact.models import Inquiry
from contact.spam import STARTED_AT_SALT, filled_too_fast
from practice_site.page_cache import HOLE_MARKER
from tests.contact_helpers import CONTACT_URL, THANKS_URL, form_data

pytestmark = pytest.mark.django_db


def hidden(html, name):
    match = re.search(rf'name="{name}" value="([^"]*)"', html) or re.search(
        rf'value="([^"]*)" name="{name}"', html
    )
    assert match, name
    return match.group(1)


def visit(client):
    response = client.get(CONTACT_URL)
    assert response.status_code == 200
    html = response.content.decode()
    return response, html, hidden(html, "csrfmiddlewaretoken"), hidden(html, "started_at")


def test_second_visitor_is_served_from_the_cache_with_tokens_of_their_own(django_assert_num_queries):
    first, first_html, first_token, first_started = visit(Client())
    assert first["X-Cache"] == "MISS"
    with django_assert_num_queries(0):
        second, second_html, second_token, second_started = visit(Client())
    assert second["X-Cache"] == "HIT"

    assert second_token != first_token
    cookie_name = settings.CSRF_COOKIE_NAME
    assert first.cookies[cookie_name].value != second.cookies[cookie_name].value
    for html in (first_html, second_html):
        assert "pagecache-hole" not in html
    # What a visitor receives is theirs alone: no browser or shared cache may keep it.
    for response in (first, second):
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
        assert not response.has_header("ETag")
        assert "Cookie" in response["Vary"]


def test_cached_copy_holds_markers_not_tokens(rf):
    from practice_site.page_cache import cache_variant

    response, html, token, started = visit(Client())
    key, _params, _canonical = cache_variant(rf.get(CONTACT_URL, HTTP_HOST="testserver"))
    stored = cache.get(key)
    assert stored is not None, "the contact page was not cached"
    content = stored["content"].decode()
    assert HOLE_MARKER.format(name="csrf_token") in content
    assert HOLE_MARKER.format(name="contact_started_at") in content
    assert token not in content and started not in content
    assert not any(name.lower() == "set-cookie" for name in stored["headers"])


def test_form_submits_from_a_cached_copy_with_csrf_checks_on():
    Client().get(CONTACT_URL)  # someone else's visit fills the cache
    visitor = Client(enforce_csrf_checks=True)
    response, html, token, started = visit(visitor)
    assert response["X-Cache"] == "HIT"
    before = Inquiry.objects.count()
    data = form_data(name="Casey Cached", started_at=started)
    data["csrfmiddlewaretoken"] = token
    posted = visitor.post(CONTACT_URL, data)
    assert posted.status_code == 303, posted.content[:500]
    assert posted["Location"] == THANKS_URL
    assert Inquiry.objects.count() == before + 1
    assert Inquiry.objects.latest("created_at").name == "Casey Cached"


def test_someone_elses_token_from_the_cache_is_refused():
    _, _, first_token, started = visit(Client())
    stranger = Client(enforce_csrf_checks=True)
    stranger.get("/")  # no CSRF cookie of their own from the contact page
    data = form_data(started_at=started)
    data["csrfmiddlewaretoken"] = first_token
    assert stranger.post(CONTACT_URL, data).status_code == 403


def test_start_time_is_fresh_per_visitor(settings, monkeypatch):
    """A copy cached an hour ago must not make a quick human look like a slow one (or a bot
    look human): the start time is signed when the page is served."""
    from contact import spam

    clock = [1_000_000.0]
    monkeypatch.setattr(spam, "now", lambda: clock[0])
    settings.CONTACT_MIN_FILL_SECONDS = 3
    visit(Client())
    clock[0] += 3600
    response, _, _, started = visit(Client())
    assert response["X-Cache"] == "HIT"
    assert filled_too_fast(started)  # shown just now
    clock[0] += 5
    assert not filled_too_fast(started)


def test_visitor_who_has_a_csrf_cookie_keeps_it():
    visitor = Client(enforce_csrf_checks=True)
    first, _, _, _ = visit(visitor)
    cookie = first.cookies[settings.CSRF_COOKIE_NAME].value
    again, _, token, started = visit(visitor)
    assert again["X-Cache"] == "HIT"
    # Django re-sends the same cookie (a fresh expiry), never a new secret.
    assert again.cookies[settings.CSRF_COOKIE_NAME].value == cookie
    data = form_data(started_at=started)
    data["csrfmiddlewaretoken"] = token
    assert visitor.cookies[settings.CSRF_COOKIE_NAME].value == cookie
    assert visitor.post(CONTACT_URL, data).status_code == 303


def test_editor_with_a_session_gets_a_fresh_render(client, django_user_model):
    Client().get(CONTACT_URL)
    user = django_user_model.objects.create_user("ed", password="a-long-test-password-123")
    client.force_login(user)
    response = client.get(CONTACT_URL)
    assert response.status_code == 200
    assert not response.has_header("X-Cache")
    assert "no-store" in response["Cache-Control"]
    assert "pagecache-hole" not in response.content.decode()


def test_with_the_page_cache_off_the_form_renders_its_own_tokens(settings):
    settings.PAGE_CACHE_ENABLED = False
    response, html, token, started = visit(Client())
    assert not response.has_header("X-Cache")
    assert "pagecache-hole" not in html
    shown_at, nonce = signing.loads(started, salt=STARTED_AT_SALT)
    assert isinstance(shown_at, int) and len(nonce) >= 16
    assert "no-store" in response["Cache-Control"]


def test_holes_are_registered_when_django_starts():
    """A fresh worker's first request may be a cached contact page: the start-time filler must
    exist before any contact view has been imported (this was a 500 in production)."""
    import subprocess
    import sys

    code = (
        "import django; django.setup(); "
        "from practice_site.page_cache import _hole_fillers; print(sorted(_hole_fillers))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**__import__("os").environ, "DJANGO_SETTINGS_MODULE": "practice_site.settings.test"},
    )
    assert result.stdout.strip() == "['contact_started_at', 'csrf_token']"


def test_a_cached_copy_with_a_hole_nobody_can_fill_is_rendered_afresh(rf):
    """A copy stored by an older release, with a hole this release no longer knows."""
    from practice_site.page_cache import cache_variant, local_pages

    visit(Client())
    key, _params, _canonical = cache_variant(rf.get(CONTACT_URL, HTTP_HOST="testserver"))
    stored = cache.get(key)
    stored["holes"] = stored["holes"] + ("a_renamed_hole",)
    cache.set(key, stored)
    local_pages.clear()  # a fresh worker: only the shared copy
    response = Client().get(CONTACT_URL)
    assert response.status_code == 200
    assert response["X-Cache"] != "HIT"
