"""The page cache reviewed as an attacker and a careful editor would use it: a page made private
is never served from a copy, made-up URLs can't grow the cache or lift the form's rate limit,
a failed invalidation never keeps an old page alive, the form's start token can't be replayed,
a broken cache never breaks the form, and HTTP and HTTPS never share a copy.

Most tests run twice: with the test run's own cache (per-process memory, or Redis in CI's second
pass) and with Django's database cache, the production default without Redis."""

import json
import re
import time

import pytest
from django.conf import settings
from django.core.cache import cache, caches
from django.db import connection
from django.test import Client
from wagtail.models import PageViewRestriction

from blog.models import BlogIndexPage, BlogPage
from contact import spam
from contact.models import Inquiry
from practice_site import page_cache
from practice_site.models import StandardPage
from tests.contact_helpers import CONTACT_URL, form_data
from tests.staff_helpers import log_in_verified

pytestmark = pytest.mark.django_db

DATABASE_CACHE = {
    "BACKEND": "django.core.cache.backends.db.DatabaseCache",
    "LOCATION": "practice_cache",  # made by the migrations, as in production
    "TIMEOUT": 60 * 60,
    "OPTIONS": {"MAX_ENTRIES": 200},  # small, so that any growth would cull at once
}


@pytest.fixture(params=["test cache", "database cache"])
def backend(request, settings):
    """Each test with the run's own cache and with the database cache."""
    if request.param == "database cache":
        settings.CACHES = {"default": DATABASE_CACHE}
    cache.clear()
    page_cache.local_pages.clear()
    yield request.param
    cache.clear()


def entry_count():
    """How many entries the default cache holds, whatever the backend."""
    backend = caches["default"]
    if hasattr(backend, "_cache") and hasattr(backend._cache, "get_client"):  # Redis
        client = backend._cache.get_client()
        return len(client.keys(f"{backend.key_prefix}*"))
    if hasattr(backend, "_table"):  # database cache
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(backend._table)}")
            return cursor.fetchone()[0]
    return len(backend._cache)  # per-process memory


def as_another_worker():
    """What a second worker process has: the shared cache, but none of this one's memory."""
    page_cache.local_pages.clear()


def admin_client(django_user_model):
    editor = django_user_model.objects.create_superuser(
        "privacy-ed", "p@example.org", "a-long-test-password-1"
    )
    client = Client()
    log_in_verified(client, editor)
    return client


# -- 1. Who may see a page ---------------------------------------------------------------------


def set_privacy(client, page, **data):
    response = client.post(f"/admin/pages/{page.pk}/privacy/", data)
    assert response.status_code == 200
    assert json.loads(response.content)["step"] == "set_privacy_done", response.content[:300]


def test_the_privacy_dialog_takes_a_cached_page_away_from_every_worker(backend, django_user_model):
    about = StandardPage.objects.get(slug="about")
    visitor = Client()
    assert visitor.get("/about/")["X-Cache"] == "MISS"
    assert visitor.get("/about/")["X-Cache"] == "HIT"
    assert "/about/" in visitor.get("/sitemap.xml").content.decode()

    set_privacy(admin_client(django_user_model), about, restriction_type="login")

    for worker in ("this one", "another"):
        if worker == "another":
            as_another_worker()
        response = visitor.get("/about/")
        assert response.status_code == 302, worker
        assert "/admin/login/" in response["Location"] or "login" in response["Location"]
    assert "/about/" not in visitor.get("/sitemap.xml").content.decode()


def test_a_password_on_a_page_hides_the_cached_copy_and_the_form_is_never_stored(backend, django_user_model):
    about = StandardPage.objects.get(slug="about")
    visitor = Client()
    visitor.get("/about/")
    secret_text = "Fees &amp; insurance"
    assert secret_text in visitor.get("/about/").content.decode()

    set_privacy(
        admin_client(django_user_model), about, restriction_type="password", password="a-shared-secret"
    )

    for _ in range(2):
        response = visitor.get("/about/")
        assert response.status_code == 200
        assert secret_text not in response.content.decode()
        assert response.get("X-Cache") != "HIT"
        assert 'type="password"' in response.content.decode()


def test_a_restriction_on_an_ancestor_hides_every_cached_page_below_it(backend, django_user_model):
    blog = BlogIndexPage.objects.get(locale__language_code="en")
    article = BlogPage.objects.live().first()
    visitor = Client()
    for _ in range(2):
        assert visitor.get(article.url).status_code == 200
    assert visitor.get(article.url)["X-Cache"] == "HIT"
    assert article.url in visitor.get("/").content.decode()  # the home page lists it

    set_privacy(admin_client(django_user_model), blog, restriction_type="login")

    as_another_worker()
    assert visitor.get(article.url).status_code == 302
    assert article.url not in visitor.get("/sitemap.xml").content.decode()
    assert article.url not in visitor.get("/").content.decode()


def test_removing_a_restriction_shows_the_page_again(backend, django_user_model):
    about = StandardPage.objects.get(slug="about")
    PageViewRestriction.objects.create(page=about, restriction_type="login")
    visitor = Client()
    assert visitor.get("/about/").status_code == 302
    set_privacy(admin_client(django_user_model), about, restriction_type="none")
    assert visitor.get("/about/").status_code == 200


def test_a_local_copy_never_outlives_the_shared_entry_it_came_from(backend, settings):
    settings.PAGE_CACHE_SECONDS = 2
    visitor = Client()
    assert visitor.get("/about/")["X-Cache"] == "MISS"
    stored_at = time.monotonic()
    time.sleep(1)
    as_another_worker()  # copies the shared entry into its memory, a second after it was stored
    assert visitor.get("/about/")["X-Cache"] == "HIT"
    time.sleep(max(0.0, 2.2 - (time.monotonic() - stored_at)))
    # The shared entry has expired; the copy made from it must not live on for its own 2 s.
    assert visitor.get("/about/")["X-Cache"] == "MISS"


# -- 2. A bounded cache that attackers can't steer ---------------------------------------------


def test_made_up_query_strings_neither_grow_the_cache_nor_lift_the_rate_limit(backend, settings):
    settings.CONTACT_RATE_LIMIT = "5/600"
    sender = Client(REMOTE_ADDR="198.51.100.7")
    for _ in range(5):
        assert sender.post(CONTACT_URL, form_data()).status_code == 303
    assert sender.post(CONTACT_URL, form_data()).status_code == 429

    visitor = Client()
    for path in ("/", "/robots.txt", "/about/"):
        visitor.get(path)
    before = entry_count()
    for n in range(100):
        for path in ("/robots.txt?cb={n}", "/?utm_source={n}", "/about/?page={n}", "/blog/?fbclid={n}"):
            response = visitor.get(path.format(n=n + 1))
            assert response.status_code == 200, path
    # /blog/ itself (canonical, uncached before) may be stored once; nothing else.
    assert entry_count() - before <= 1

    # The flood reset nothing: the visitor is still over the limit, and pages are still cached.
    assert sender.post(CONTACT_URL, form_data()).status_code == 429
    assert Inquiry.objects.count() == 5
    assert visitor.get("/about/")["X-Cache"] == "HIT"


def test_a_stray_query_string_is_served_the_canonical_copy_but_never_stored(backend):
    visitor = Client()
    first = visitor.get("/about/?utm_source=newsletter")
    assert first.status_code == 200 and first.get("X-Cache") != "HIT"
    assert visitor.get("/about/?utm_source=newsletter").get("X-Cache") != "HIT"  # not stored
    canonical = visitor.get("/about/")
    assert canonical["X-Cache"] == "MISS"
    tagged = visitor.get("/about/?utm_source=another")
    assert tagged["X-Cache"] == "HIT"
    assert tagged.content == canonical.content


def test_only_parameters_a_view_uses_make_pages_of_their_own(backend):
    from bench.generate_articles import generate

    generate(15)  # two pages of articles
    visitor = Client()
    page_one = visitor.get("/blog/").content
    visitor.get("/blog/?page=2")
    second = visitor.get("/blog/?page=2")
    assert second["X-Cache"] == "HIT" and second.content != page_one
    # A page past the end, or a malformed number, is a 404 and never stored.
    for bad in ("/blog/?page=999", "/blog/?page=abc", "/blog/?page=0"):
        assert visitor.get(bad).status_code == 404, bad
    # A repeated parameter is answered by the view, never looked up or stored.
    for _ in range(2):
        assert not visitor.get("/blog/?page=1&page=2").has_header("X-Cache")
    # /about/ has no pages: ?page=2 is no page of its own.
    visitor.get("/about/?page=2")
    assert visitor.get("/about/?page=2").get("X-Cache") != "HIT"


def test_search_results_are_never_stored(backend):
    visitor = Client()
    visitor.get("/search/?q=warm-up")  # the generation and the practice's details are cached
    before = entry_count()
    for n in range(20):
        response = visitor.get(f"/search/?q=family{n}")
        assert response.status_code == 200 and not response.has_header("X-Cache")
    assert entry_count() == before


# -- 3. Invalidation that never fails silently -------------------------------------------------


class CacheWritesFail:
    """The shared cache takes no writes (Redis paused or full, SQLite busy); reads still work."""

    def __init__(self, monkeypatch):
        self.monkeypatch = monkeypatch
        self.failing = True

        def record(value):
            if self.failing:
                raise ConnectionError("cache write refused")
            return real(value)

        real = page_cache._record_generation
        monkeypatch.setattr(page_cache, "_record_generation", record)
        monkeypatch.setattr(page_cache.time, "sleep", lambda seconds: None)


def test_an_unpublish_the_cache_could_not_record_leaves_no_stale_page(backend, monkeypatch, caplog):
    visitor = Client()
    for _ in range(2):
        visitor.get("/for-families/")
    assert visitor.get("/for-families/")["X-Cache"] == "HIT"
    writes = CacheWritesFail(monkeypatch)

    StandardPage.objects.get(slug="for-families").unpublish()

    errors = [r for r in caplog.records if r.levelname == "ERROR" and "could not record" in r.getMessage()]
    assert len(errors) == 1  # logged once, as an error
    assert page_cache.pending
    # This process serves nothing from the cache while the change is pending...
    assert visitor.get("/for-families/").status_code == 404
    assert visitor.get("/about/").get("X-Cache") != "HIT"
    # ...and once the cache takes writes again, the retry records it and caching resumes.
    writes.failing = False
    page_cache.pending.tried_at = 0
    assert visitor.get("/for-families/").status_code == 404
    assert not page_cache.pending
    visitor.get("/about/")
    assert visitor.get("/about/")["X-Cache"] == "HIT"


def test_other_workers_stop_serving_an_old_page_within_the_check_interval(backend, monkeypatch, settings):
    """Another worker knows nothing of this process's pending change: the database's change
    count, changed in the unpublish's own transaction, stops it from serving the old copy."""
    settings.PAGE_CACHE_EPOCH_CHECK_SECONDS = 0.5
    visitor = Client()
    for _ in range(2):
        visitor.get("/for-families/")
    assert visitor.get("/for-families/")["X-Cache"] == "HIT"
    CacheWritesFail(monkeypatch)

    StandardPage.objects.get(slug="for-families").unpublish()
    page_cache.pending.since = None  # another worker: no pending change of its own
    time.sleep(0.6)
    as_another_worker()
    assert visitor.get("/for-families/").status_code == 404
    assert visitor.get("/for-families/").status_code == 404


def test_a_busy_cache_is_retried_before_giving_up(backend, monkeypatch):
    calls = []
    real = page_cache._record_generation

    def flaky(value):
        calls.append(value)
        if len(calls) < 3:
            raise ConnectionError("database is locked")
        return real(value)

    monkeypatch.setattr(page_cache, "_record_generation", flaky)
    monkeypatch.setattr(page_cache.time, "sleep", lambda seconds: None)
    assert page_cache.invalidate_all("test") is True
    assert len(calls) == 3 and not page_cache.pending


def test_a_write_the_backend_swallows_is_noticed(backend, monkeypatch):
    """Django's database cache and our Redis backend drop write errors; the generation is
    written strictly (Redis) or read back (any other backend)."""
    backend_cache = caches["default"]
    if hasattr(backend_cache, "set_strict"):
        monkeypatch.setattr(
            backend_cache, "set_strict", lambda *a, **k: (_ for _ in ()).throw(ConnectionError("paused"))
        )
    else:
        monkeypatch.setattr(backend_cache, "set", lambda *a, **k: None)  # silently dropped
    monkeypatch.setattr(page_cache.time, "sleep", lambda seconds: None)
    assert page_cache.invalidate_all("test") is False
    assert page_cache.pending


# -- 4. A start token worth checking -----------------------------------------------------------


def started_at_of(response):
    return re.search(r'name="started_at" value="([^"]+)"', response.content.decode()).group(1)


def test_a_replayed_start_token_is_stored_as_spam(backend, client):
    token = started_at_of(Client().get(CONTACT_URL))
    form_clock = time.time() + 60  # a minute later, as a person would send it
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(spam, "now", lambda: form_clock)
        first = client.post(CONTACT_URL, form_data(name="First Sender", started_at=token))
        replays = [
            client.post(CONTACT_URL, form_data(name=f"Replay {n}", started_at=token)) for n in range(3)
        ]
    assert first.status_code == 303
    assert all(r.status_code == 303 and r["Location"] == first["Location"] for r in replays)  # looks alike
    assert Inquiry.objects.get(name="First Sender").status == Inquiry.Status.NEW
    assert Inquiry.objects.filter(name__startswith="Replay", status=Inquiry.Status.SPAM).count() == 3


def test_every_form_load_gets_a_token_of_its_own(backend, monkeypatch):
    monkeypatch.setattr(spam, "now", lambda: 1_800_000_000)  # everyone in the same second
    tokens = {started_at_of(Client().get(CONTACT_URL)) for _ in range(5)}
    assert len(tokens) == 5


def test_an_expired_token_asks_to_send_again_and_keeps_what_was_typed(backend, client, monkeypatch):
    token = spam.sign_started_at(time.time() - 3 * 60 * 60)  # three hours ago
    response = client.post(
        CONTACT_URL, form_data(message="Words I took a long time to write.", started_at=token)
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "open for more than two hours" in html
    assert "Words I took a long time to write." in html
    assert Inquiry.objects.count() == 0
    fresh = started_at_of(response)
    assert fresh != token and not spam.token_expired(fresh)
    monkeypatch.setattr(spam, "now", lambda: time.time() + 30)
    assert client.post(CONTACT_URL, form_data(started_at=fresh)).status_code == 303
    assert Inquiry.objects.get().status == Inquiry.Status.NEW


def test_an_old_style_token_without_a_nonce_is_spam(client):
    from django.core import signing

    legacy = signing.dumps(int(time.time() - 60), salt=spam.STARTED_AT_SALT)
    assert client.post(CONTACT_URL, form_data(started_at=legacy)).status_code == 303
    assert Inquiry.objects.get().status == Inquiry.Status.SPAM


# -- 5. Cache errors never break the form ------------------------------------------------------


def test_a_raising_cache_lookup_still_gives_a_working_form(backend, monkeypatch):
    Client().get(CONTACT_URL)  # a copy with holes is stored

    backend_cache = caches["default"]
    real_get = backend_cache.get

    def broken(key, *args, **kwargs):
        if key.startswith("pagecache:"):
            raise RuntimeError("cache read failed")
        return real_get(key, *args, **kwargs)

    monkeypatch.setattr(backend_cache, "get", broken)
    if hasattr(backend_cache, "get_tracked"):
        monkeypatch.setattr(backend_cache, "get_tracked", broken)
    visitor = Client(enforce_csrf_checks=True)
    response = visitor.get(CONTACT_URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert "pagecache-hole" not in html
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    assert visitor.cookies.get(settings.CSRF_COOKIE_NAME)
    data = form_data(name="Lookup Failed")
    data["csrfmiddlewaretoken"] = token
    assert visitor.post(CONTACT_URL, data).status_code == 303
    assert Inquiry.objects.filter(name="Lookup Failed").exists()


def test_a_failing_hole_filler_renders_the_form_afresh(backend, monkeypatch):
    Client().get(CONTACT_URL)

    def broken(request):
        raise RuntimeError("filler failed")

    monkeypatch.setitem(page_cache._hole_fillers, spam.STARTED_AT_HOLE, broken)
    response = Client().get(CONTACT_URL)
    assert response.status_code == 200
    assert "pagecache-hole" not in response.content.decode()
    assert spam.read_started_at(started_at_of(response)) is not None


# -- 6. The scheme is part of the key ----------------------------------------------------------


def test_http_and_https_never_share_a_copy(backend):
    visitor = Client()
    plain = visitor.get("/robots.txt")
    secure = visitor.get("/robots.txt", secure=True)
    assert plain["X-Cache"] == "MISS" and secure["X-Cache"] == "MISS"
    assert "Sitemap: http://" in plain.content.decode()
    assert "Sitemap: https://" in secure.content.decode()
    assert "Sitemap: https://" in visitor.get("/robots.txt", secure=True).content.decode()
    assert "Sitemap: http://" in visitor.get("/robots.txt").content.decode()


def test_hosts_are_one_key_whatever_their_case(backend):
    visitor = Client()
    assert visitor.get("/about/", HTTP_HOST="localhost")["X-Cache"] == "MISS"
    assert visitor.get("/about/", HTTP_HOST="LOCALHOST")["X-Cache"] == "HIT"
