"""Whole-page cache: anonymous visitors get stored pages; changes show at once; editors,
previews, POSTs and per-visitor responses are never cached."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from practice_site.models import StandardPage
from practice_site.page_cache import GENERATION_KEY
from tests.staff_helpers import log_in_verified


@pytest.mark.django_db
def test_second_anonymous_get_is_served_from_cache_without_queries(client, django_assert_num_queries):
    first = client.get("/about/")
    assert first.status_code == 200
    assert first["X-Cache"] == "MISS"
    with django_assert_num_queries(0):
        second = client.get("/about/")
    assert second["X-Cache"] == "HIT"
    assert second.content == first.content
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


@pytest.mark.django_db
def test_publishing_a_change_shows_on_the_next_get(client):
    client.get("/about/")
    about = StandardPage.objects.get(slug="about")
    about.summary = "A freshly published summary."
    about.save_revision().publish()
    response = client.get("/about/")
    assert response["X-Cache"] == "MISS"
    assert "A freshly published summary." in response.content.decode()


@pytest.mark.django_db
def test_unpublishing_removes_the_page_at_once(client):
    assert client.get("/for-families/").status_code == 200
    StandardPage.objects.get(slug="for-families").unpublish()
    assert client.get("/for-families/").status_code == 404


@pytest.mark.django_db
def test_practice_settings_change_invalidates_every_page(client, practice):
    client.get("/")
    practice.phone = "(212) 555-0142"
    practice.save()
    assert "tel:+12125550142" in client.get("/").content.decode()


@pytest.mark.django_db
def test_change_made_elsewhere_is_seen_through_the_shared_generation(client):
    """Another process (a worker, `manage.py shell`) changes content: all it leaves behind is a
    new generation in the shared cache, and that alone makes this process re-render."""
    client.get("/about/")
    StandardPage.objects.filter(slug="about").update(title="Changed behind our back")
    assert client.get("/about/")["X-Cache"] == "HIT"
    cache.set(GENERATION_KEY, cache.get(GENERATION_KEY) + 1, None)
    response = client.get("/about/")
    assert response["X-Cache"] == "MISS"


@pytest.mark.django_db
def test_logged_in_users_bypass_the_cache(client, django_user_model):
    client.get("/about/")
    editor = django_user_model.objects.create_superuser("ed", "ed@example.com", "a-long-password-1")
    client.force_login(editor)
    response = client.get("/about/")
    assert not response.has_header("X-Cache")
    assert "public" not in response.get("Cache-Control", "")


@pytest.mark.django_db
def test_post_and_search_results_are_never_stored(client):
    client.post("/search/", {"q": "x"})
    for _ in range(2):
        response = client.get("/search/?q=family")
        assert response.status_code == 200
        assert not response.has_header("X-Cache")  # each search is its own page: never cached


@pytest.mark.django_db
def test_response_with_csrf_token_is_never_stored(rf):
    from django.http import HttpResponse
    from django.middleware.csrf import get_token

    from practice_site.page_cache import PageCacheMiddleware

    def view(request):
        return HttpResponse(f"<form>{get_token(request)}</form>")

    middleware = PageCacheMiddleware(view)
    request = rf.get("/token-page/")
    request.META["CSRF_COOKIE"] = "x" * 32
    middleware(request)
    request = rf.get("/token-page/")
    request.META["CSRF_COOKIE"] = "y" * 32
    assert middleware(request).get("X-Cache") != "HIT"


@pytest.mark.django_db
def test_pages_carry_validators_and_answer_304(client):
    first = client.get("/")
    assert first["ETag"]
    assert first["Last-Modified"]
    assert "must-revalidate" in first["Cache-Control"] and "public" in first["Cache-Control"]
    again = client.get("/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    since = client.get("/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304


@pytest.mark.django_db
def test_cache_down_still_renders_pages(client, settings):
    """Redis down: pages render uncached (the cache backend fails open)."""
    settings.CACHES = {
        "default": {
            "BACKEND": "practice_site.cache_backends.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
        }
    }
    from django.core.cache import caches

    caches._settings = None
    try:
        del caches._connections.default
    except AttributeError:
        pass
    for _ in range(2):
        response = client.get("/about/")
        assert response.status_code == 200
        assert response.get("X-Cache") != "HIT"
        assert "Fees &amp; insurance" in response.content.decode()


@pytest.mark.django_db
def test_uncached_render_has_a_small_query_budget(client):
    from practice_site.page_cache import epoch

    # Besides rendering, a process reads the database's change count at most once every
    # PAGE_CACHE_EPOCH_CHECK_SECONDS (page_cache.Epoch); that read is not part of a render.
    epoch.current()
    for path in ("/", "/about/", "/specialties/", "/blog/", "/contact/", "/faq/"):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        assert len(queries) <= 12, (path, len(queries))


@pytest.mark.django_db
def test_a_publish_invalidates_again_once_committed(django_capture_on_commit_callbacks):
    """Wagtail publishes inside a transaction. A visitor's request that read the new generation
    before the commit rendered the old content under it; the generation must change again after
    the commit so that page is never served."""
    about = StandardPage.objects.get(slug="about")
    about.summary = "Committed later."
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        about.save_revision().publish()
        during_transaction = cache.get(GENERATION_KEY)
    assert callbacks
    assert cache.get(GENERATION_KEY) != during_transaction


def test_redis_client_object_is_built_once_per_pool():
    """Django builds a redis.Redis per cache call; ours reuses one (it costs a third of a hit)."""
    from practice_site.cache_backends import ResilientRedisCache

    backend = ResilientRedisCache("redis://127.0.0.1:6379/0", {})
    first = backend._cache.get_client()
    assert backend._cache.get_client() is first
    assert backend._cache.get_client(write=True) is first  # one server: one pool
    assert first.connection_pool is backend._cache._get_connection_pool(False)


# -- Redis: the generation is tracked, pages are served from each process's memory -------------


def _other_process_client():
    """A Redis connection of its own, as another worker or `manage.py shell` would have."""
    import os

    import redis

    return redis.Redis.from_url(os.environ["REDIS_URL"])


def _tracked(key):
    return cache._tracked[cache.make_and_validate_key(key)]


def _count_commands(monkeypatch, connection):
    sent = []
    real = connection.send_command

    def counting(*args, **kwargs):
        sent.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(connection, "send_command", counting)
    return sent


@pytest.mark.redis
def test_tracked_value_costs_no_round_trip_until_another_process_changes_it(monkeypatch):
    import pickle

    cache.set("tracking-probe", 1.5, None)
    assert cache.get_tracked("tracking-probe") == 1.5
    tracked = _tracked("tracking-probe")
    sent = _count_commands(monkeypatch, tracked._conn)
    for _ in range(5):
        assert cache.get_tracked("tracking-probe") == 1.5
    assert sent == []

    _other_process_client().set(cache.make_and_validate_key("tracking-probe"), pickle.dumps(2.5))
    assert tracked._conn.can_read(timeout=1)  # Redis's invalidation message has arrived
    assert cache.get_tracked("tracking-probe") == 2.5
    assert sent == [("GET", cache.make_and_validate_key("tracking-probe"))]

    _other_process_client().flushdb()
    assert tracked._conn.can_read(timeout=1)
    assert cache.get_tracked("tracking-probe", "gone") == "gone"


@pytest.mark.redis
def test_tracked_value_survives_a_killed_connection():
    import pickle

    cache.set("tracking-probe", "before", None)
    assert cache.get_tracked("tracking-probe") == "before"
    tracked = _tracked("tracking-probe")
    tracked._conn.send_command("CLIENT", "ID")
    client_id = tracked._conn.read_response()
    other = _other_process_client()
    assert other.client_kill_filter(_id=client_id) == 1
    # Changed while our connection is dead: no invalidation can reach us, yet we must see it.
    other.set(cache.make_and_validate_key("tracking-probe"), pickle.dumps("after"))
    assert cache.get_tracked("tracking-probe") == "after"
    assert cache.get_tracked("tracking-probe") == "after"


@pytest.mark.redis
@pytest.mark.django_db
def test_with_redis_a_cached_page_is_served_with_no_round_trip(client, monkeypatch):
    from django.core.cache import caches

    assert client.get("/about/")["X-Cache"] == "MISS"
    assert client.get("/about/")["X-Cache"] == "HIT"
    backend = caches["default"]

    def no_round_trip(*args, **kwargs):
        raise AssertionError("a cached page asked Redis")

    with monkeypatch.context() as patched:
        patched.setattr(backend._cache, "get_client", no_round_trip)
        sent = _count_commands(patched, _tracked(GENERATION_KEY)._conn)
        response = client.get("/about/")
    assert response["X-Cache"] == "HIT"
    assert "About" in response.content.decode()
    assert sent == []


@pytest.mark.redis
@pytest.mark.django_db
def test_with_redis_a_change_made_by_another_process_shows_on_the_next_get(client):
    import pickle
    import time

    client.get("/about/")
    assert client.get("/about/")["X-Cache"] == "HIT"
    StandardPage.objects.filter(slug="about").update(title="Changed by another worker")
    # All another process leaves behind is a new generation in Redis.
    _other_process_client().set(cache.make_and_validate_key(GENERATION_KEY), pickle.dumps(time.time()))
    assert _tracked(GENERATION_KEY)._conn.can_read(timeout=1)
    response = client.get("/about/")
    assert response["X-Cache"] == "MISS"
    assert "Changed by another worker" in response.content.decode()


@pytest.mark.django_db
def test_previews_bypass_the_cache_and_are_never_stored(client):
    """Wagtail's preview runs a dummy request to the page's own URL through the middleware,
    even without an editor's cookies (moderation, revision comparisons)."""
    about = StandardPage.objects.get(slug="about")
    site = about.get_site()
    host = site.hostname if site.port in (80, 443) else f"{site.hostname}:{site.port}"
    # The live page is cached under the very host and path the preview request will use.
    assert client.get("/about/", HTTP_HOST=host)["X-Cache"] == "MISS"
    assert client.get("/about/", HTTP_HOST=host)["X-Cache"] == "HIT"
    about.title = "A draft nobody should see yet"
    about.save_revision()  # not published

    for original_request in (None, client.get("/about/", HTTP_HOST=host).wsgi_request):
        preview = about.make_preview_request(original_request=original_request)
        assert preview.status_code == 200
        assert "A draft nobody should see yet" in preview.content.decode()
        assert preview.get("X-Cache") is None

    public = client.get("/about/", HTTP_HOST=host)
    assert public["X-Cache"] == "HIT"
    assert "A draft nobody should see yet" not in public.content.decode()


@pytest.mark.django_db
def test_admin_preview_view_shows_the_draft_to_a_logged_in_editor(client, django_user_model):
    client.get("/about/")
    editor = django_user_model.objects.create_superuser(
        "previewer", "p@example.org", "a-long-test-password-123"
    )
    log_in_verified(client, editor)
    about = StandardPage.objects.get(slug="about")
    about.title = "Draft title in the admin preview"
    revision = about.save_revision(user=editor)
    response = client.get(f"/admin/pages/{about.pk}/revisions/{revision.pk}/view/")
    assert response.status_code == 200
    assert "Draft title in the admin preview" in response.content.decode()
    assert response.get("X-Cache") is None


@pytest.mark.django_db
def test_a_hit_reads_at_most_the_generation_and_workers_share_stored_pages(client, monkeypatch):
    """A worker serves pages it already has from memory, after checking the shared generation
    (with Redis, not even a read: Redis tells it of changes). A worker that never served the
    page gets it from the shared cache without rendering."""
    from django.core.cache import caches

    from practice_site.page_cache import local_pages

    assert client.get("/about/")["X-Cache"] == "MISS"
    backend = caches["default"]
    reads = []
    real_get = backend.get

    def counting_get(key, *args, **kwargs):
        reads.append(key)
        return real_get(key, *args, **kwargs)

    monkeypatch.setattr(backend, "get", counting_get)
    assert client.get("/about/")["X-Cache"] == "HIT"
    assert reads == ([] if hasattr(backend, "get_tracked") else [GENERATION_KEY])

    local_pages.clear()  # as in another worker process, which never served /about/
    reads.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/about/")
    assert response["X-Cache"] == "HIT"
    assert len(queries) == 0
    assert len([key for key in reads if key != GENERATION_KEY]) == 1  # the page itself
