"""Purging the edge cache on publish, unpublish, move and delete.

A tiny HTTP server stands in for the purge endpoint and records what it receives; then real
Varnish (Debian's varnishd, deploy/varnish.vcl) in front of this very app shows that the edge
serves the new version once the purge arrives. The app behind Varnish runs in a thread of the
test process on the test's own database connection, so it sees the test's (uncommitted) data."""

import logging
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer

import pytest
import requests
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connections
from django.test import override_settings

from blog.models import BlogIndexPage, BlogPage
from deploy.topology import varnish_running
from practice_site.models import StandardPage

BASE = "http://localhost"


class PurgeRecorder(ThreadingHTTPServer):
    """Answers PURGE with 200 and remembers (Host, path) of each."""

    daemon_threads = True

    def __init__(self, delay=0.0):
        self.received, self.delay = [], delay
        recorder = self

        class Handler(BaseHTTPRequestHandler):
            def do_PURGE(self):  # noqa: N802 - the HTTP method's name
                time.sleep(recorder.delay)
                recorder.received.append((self.headers["Host"], self.path))
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        super().__init__(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server_address[1]}"

    def urls(self):
        return {f"http://{host}{path}" for host, path in self.received}


@pytest.fixture(scope="module")
def recorder():
    server = PurgeRecorder()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def edge_settings(url, timeout=2):
    return override_settings(
        WAGTAILFRONTENDCACHE={
            "varnish": {
                "BACKEND": "practice_site.edge_cache.PurgeHTTPBackend",
                "LOCATION": url,
                "TIMEOUT": timeout,
            }
        }
    )


@pytest.fixture
def purges(recorder, django_capture_on_commit_callbacks):
    """Run a change with purges going to the recorder; returns the URLs purged after commit."""
    recorder.received.clear()

    def run(change):
        with edge_settings(recorder.url), django_capture_on_commit_callbacks(execute=True):
            change()
        return recorder.urls()

    return run


def article():
    return BlogPage.objects.live().order_by("path").first()


@pytest.mark.django_db
def test_publishing_an_article_purges_it_its_listings_home_feed_and_sitemap(purges):
    post = article()
    categories = list(post.categories.values_list("slug", flat=True))
    tags = list(post.tags.values_list("slug", flat=True))
    authors = [link.author.slug for link in post.author_links.select_related("author")]
    assert categories and tags and authors

    def change():
        post.standfirst = "A changed summary for the listings."
        post.save_revision().publish()

    urls = purges(change)
    expected = {
        f"{BASE}{post.url_path.removeprefix('/home')}",
        f"{BASE}/",
        f"{BASE}/blog/",
        f"{BASE}/blog/?page=2",  # the page after the last one: it may exist now
        f"{BASE}/blog/feed/",
        f"{BASE}/sitemap.xml",
        *(f"{BASE}/blog/category/{slug}/" for slug in categories),
        *(f"{BASE}/blog/tag/{slug}/" for slug in tags),
        *(f"{BASE}/blog/author/{slug}/" for slug in authors),
    }
    assert post.get_full_url() in urls
    assert expected <= urls, expected - urls
    # Nothing that can't show the article: other sections, the contact page, search.
    assert not {
        u for u in urls if u.startswith((f"{BASE}/specialties/", f"{BASE}/contact/", f"{BASE}/search/"))
    }
    assert f"{BASE}/about/" not in urls


@pytest.mark.django_db
def test_publishing_a_plain_page_purges_its_urls_the_home_page_and_the_sitemap(purges):
    about = StandardPage.objects.get(slug="about")

    def change():
        about.title = "About the practice, revised"
        about.save_revision().publish()

    urls = purges(change)
    assert {f"{BASE}/about/", f"{BASE}/", f"{BASE}/sitemap.xml"} <= urls
    assert not {u for u in urls if u.startswith(f"{BASE}/blog/")}


@pytest.mark.django_db
def test_a_purge_is_sent_only_after_the_change_is_committed(recorder, django_capture_on_commit_callbacks):
    recorder.received.clear()
    about = StandardPage.objects.get(slug="about")
    with edge_settings(recorder.url):
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            about.title = "Not committed yet"
            about.save_revision().publish()
            assert recorder.received == []  # a visitor now would only put the old page back
        for callback in callbacks:  # the commit
            callback()
    assert f"{BASE}/about/" in recorder.urls()


@pytest.mark.django_db
def test_unpublishing_purges_the_page_and_its_listings(purges):
    post = article()
    url = post.get_full_url()
    urls = purges(lambda: post.unpublish())
    assert {url, f"{BASE}/blog/", f"{BASE}/blog/feed/", f"{BASE}/", f"{BASE}/sitemap.xml"} <= urls


@pytest.mark.django_db
def test_deleting_a_page_purges_its_url(purges):
    families = StandardPage.objects.get(slug="for-families")
    urls = purges(lambda: families.delete())
    assert {f"{BASE}/for-families/", f"{BASE}/", f"{BASE}/sitemap.xml"} <= urls


@pytest.mark.django_db
def test_moving_a_page_purges_the_old_and_the_new_url(purges):
    families = StandardPage.objects.get(slug="for-families")
    about = StandardPage.objects.get(slug="about")
    urls = purges(lambda: families.move(about, pos="last-child"))
    assert {f"{BASE}/for-families/", f"{BASE}/about/for-families/", f"{BASE}/about/"} <= urls


@pytest.mark.django_db
def test_a_new_slug_purges_the_old_urls_of_the_page_and_its_descendants(purges):
    blog = BlogIndexPage.objects.get(locale__language_code="en")
    post = article()
    old_post_url = post.get_full_url()

    def change():
        blog.slug = "articles"
        blog.save_revision().publish()

    urls = purges(change)
    assert {f"{BASE}/blog/", f"{BASE}/blog/feed/", old_post_url} <= urls
    assert {f"{BASE}/articles/", old_post_url.replace("/blog/", "/articles/")} <= urls


@pytest.mark.django_db
def test_a_change_every_page_shows_purges_every_page(purges, practice):
    def change():
        practice.phone = "(212) 555-0142"
        practice.save()

    urls = purges(change)
    live = {page.get_full_url() for page in StandardPage.objects.live()} | {article().get_full_url()}
    assert live <= urls
    assert {f"{BASE}/", f"{BASE}/blog/", f"{BASE}/sitemap.xml"} <= urls


@pytest.mark.django_db
def test_making_a_page_private_takes_it_out_of_the_edge_at_once(purges):
    from wagtail.models import PageViewRestriction

    about = StandardPage.objects.get(slug="about")
    urls = purges(
        lambda: PageViewRestriction.objects.create(page=about, restriction_type="password", password="x")
    )
    assert {f"{BASE}/about/", f"{BASE}/sitemap.xml"} <= urls


@pytest.mark.django_db
def test_each_purge_is_sent_again_once_every_process_has_heard_of_the_change(
    recorder, django_capture_on_commit_callbacks
):
    recorder.received.clear()
    about = StandardPage.objects.get(slug="about")
    with override_settings(EDGE_PURGE_REPEAT_SECONDS=0.3), edge_settings(recorder.url):
        with django_capture_on_commit_callbacks(execute=True):
            about.title = "About, purged twice"
            about.save_revision().publish()
        assert [path for host, path in recorder.received].count("/about/") == 1
        time.sleep(1)
    assert [path for host, path in recorder.received].count("/about/") == 2


@pytest.mark.django_db
def test_an_edge_that_is_down_never_breaks_a_publish(django_capture_on_commit_callbacks, caplog):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{sock.getsockname()[1]}"  # nobody listens there
    about = StandardPage.objects.get(slug="about")
    with (
        caplog.at_level(logging.ERROR),
        edge_settings(closed),
        django_capture_on_commit_callbacks(execute=True),
    ):
        about.title = "Published while the edge is down"
        about.save_revision().publish()
    about.refresh_from_db()
    assert about.title == "Published while the edge is down" and about.live
    assert "could not purge http://localhost/about/" in caplog.text


@pytest.mark.django_db
def test_a_hanging_edge_holds_a_publish_up_only_for_its_timeout(django_capture_on_commit_callbacks):
    slow = PurgeRecorder(delay=5)
    threading.Thread(target=slow.serve_forever, daemon=True).start()
    try:
        about = StandardPage.objects.get(slug="about")
        started = time.monotonic()
        with edge_settings(slow.url, timeout=0.5), django_capture_on_commit_callbacks(execute=True):
            about.title = "Published while the edge hangs"
            about.save_revision().publish()
        # The URLs are purged in parallel, each given half a second.
        assert time.monotonic() - started < 3
    finally:
        slow.shutdown()
        slow.server_close()


@pytest.mark.django_db
def test_without_an_edge_nothing_is_sent(recorder, django_capture_on_commit_callbacks):
    recorder.received.clear()
    with override_settings(WAGTAILFRONTENDCACHE={}), django_capture_on_commit_callbacks(execute=True):
        StandardPage.objects.get(slug="about").save_revision().publish()
    assert recorder.received == []


# -- Through real Varnish ----------------------------------------------------------------------


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def edge(django_db_blocker):
    """Varnish in front of this app, served from a thread that shares the test's database
    connection (one request at a time, as the test client would)."""
    main_connection = connections["default"]
    server = WSGIServer(("127.0.0.1", 0), QuietHandler)
    server.set_app(WSGIHandler())

    def serve():
        connections["default"] = main_connection
        server.serve_forever()

    # Requests must not close the connection that holds the test's transaction.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    main_connection.inc_thread_sharing()
    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        with django_db_blocker.unblock():
            with varnish_running("127.0.0.1", server.server_address[1], check_path="/robots.txt") as varnish:
                yield varnish
    finally:
        server.shutdown()
        server.server_close()
        main_connection.dec_thread_sharing()
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def through_edge(edge, path, **headers):
    return requests.get(edge.url + path, headers={"Host": "localhost", **headers}, timeout=10)


@pytest.mark.django_db
def test_the_edge_serves_the_new_version_after_a_publish(edge, django_capture_on_commit_callbacks):
    first = through_edge(edge, "/about/")
    assert first.status_code == 200 and first.headers["X-Edge-Cache"] == "MISS"
    assert through_edge(edge, "/about/").headers["X-Edge-Cache"] == "HIT"
    # A shared link with tracking parameters is the same cached page.
    assert through_edge(edge, "/about/?utm_source=newsletter&fbclid=x").headers["X-Edge-Cache"] == "HIT"

    about = StandardPage.objects.get(slug="about")
    with edge_settings(edge.url), django_capture_on_commit_callbacks(execute=True):
        about.title = "About us, as of today"
        about.save_revision().publish()
    fresh = through_edge(edge, "/about/")
    assert fresh.headers["X-Edge-Cache"] == "MISS"
    assert "About us, as of today" in fresh.text
    assert through_edge(edge, "/about/").headers["X-Edge-Cache"] == "HIT"


@pytest.mark.django_db
def test_the_edge_never_keeps_personal_responses(edge):
    for _ in range(2):
        contact = through_edge(edge, "/contact/")
        assert contact.status_code == 200 and contact.headers["X-Edge-Cache"] == "MISS"
        assert "csrftoken" in contact.headers.get("Set-Cookie", "")
        search = through_edge(edge, "/search/?q=family")
        assert search.headers["X-Edge-Cache"] == "MISS"
    # An editor's session cookie: never looked up, never stored.
    through_edge(edge, "/specialties/")
    assert through_edge(edge, "/specialties/").headers["X-Edge-Cache"] == "HIT"
    with_session = through_edge(edge, "/specialties/", Cookie="sessionid=abc")
    assert with_session.headers["X-Edge-Cache"] == "MISS"


@pytest.mark.django_db
def test_only_the_app_servers_may_purge(edge):
    through_edge(edge, "/faq/")
    response = requests.request("PURGE", edge.url + "/faq/", headers={"Host": "localhost"}, timeout=5)
    assert response.status_code == 200  # from 127.0.0.1: listed in the VCL's `purgers`
    assert through_edge(edge, "/faq/").headers["X-Edge-Cache"] == "MISS"


@pytest.mark.django_db
def test_after_a_purge_the_edge_gets_the_page_afresh_not_the_app_cache_copy(edge):
    """A change the app's page cache hasn't heard of yet (its shared cache stumbled): the edge's
    fetch after the purge renders from the database, so the edge never keeps the old copy."""
    assert through_edge(edge, "/fees-and-insurance/").status_code == 200
    StandardPage.objects.filter(slug="fees-and-insurance").update(title="Fees, changed quietly")
    requests.request("PURGE", edge.url + "/fees-and-insurance/", headers={"Host": "localhost"}, timeout=5)
    fresh = through_edge(edge, "/fees-and-insurance/")
    assert fresh.headers["X-Edge-Cache"] == "MISS" and "Fees, changed quietly" in fresh.text


@pytest.mark.django_db
def test_unpublishing_a_page_purges_its_translation_whose_switcher_named_it(purges):
    about = StandardPage.objects.get(slug="about", locale__language_code="en")
    [spanish] = about.get_translations().live()
    urls = purges(lambda: about.unpublish())
    assert f"{BASE}/about/" in urls and f"{BASE}{spanish.url}" in urls
