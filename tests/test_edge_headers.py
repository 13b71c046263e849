"""What a shared cache (Varnish, a CDN) may keep: anonymous public pages, with s-maxage and no
`Vary: Cookie`; never the contact form, the thanks page, the admin, previews, search results,
an editor's pages, responses that set cookies, or errors (a 404 only briefly)."""

import pytest
from django.test import override_settings

from practice_site.models import StandardPage
from tests.staff_helpers import log_in_verified


def directives(response):
    return {
        part.strip().split("=")[0]: part.strip()
        for part in response.get("Cache-Control", "").split(",")
        if part.strip()
    }


def shared_lifetime(response):
    value = directives(response).get("s-maxage")
    return int(value.split("=")[1]) if value else None


def assert_never_shared(response):
    cache_control = directives(response)
    assert shared_lifetime(response) is None, response.get("Cache-Control")
    assert "public" not in cache_control
    assert "private" in cache_control or "no-store" in cache_control, response.get("Cache-Control")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    ["/", "/about/", "/specialties/", "/blog/", "/blog/feed/", "/sitemap.xml", "/es/", "/es/especialidades/"],
)
def test_public_pages_may_be_kept_by_a_shared_cache_while_browsers_revalidate(client, path, settings):
    for outcome in ("MISS", "HIT"):  # fresh, and from the page cache: the same headers
        response = client.get(path)
        assert response.status_code == 200
        cache_control = directives(response)
        assert shared_lifetime(response) == settings.EDGE_CACHE_SECONDS == 600
        assert {"public", "must-revalidate"} <= cache_control.keys()
        assert cache_control["max-age"] == "max-age=0"
        assert "cookie" not in response.get("Vary", "").lower()
        assert not response.cookies
        if path != "/blog/feed/":
            assert response["X-Cache"] == outcome


@pytest.mark.django_db
def test_revalidation_answer_keeps_the_shared_lifetime(client):
    etag = client.get("/about/")["ETag"]
    response = client.get("/about/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert shared_lifetime(response) == 600


@pytest.mark.django_db
def test_blog_listing_pages_and_tracking_parameters(client):
    response = client.get("/blog/", {"utm_source": "newsletter"})
    assert response.status_code == 200 and shared_lifetime(response) == 600


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/contact/", "/es/contacto/"])
def test_contact_page_is_private_and_never_stored(client, path):
    for _ in range(2):  # the page cache's copy with holes, then a hit
        response = client.get(path)
        assert response.status_code == 200
        assert_never_shared(response)
        assert "no-store" in response["Cache-Control"]
        assert response.cookies  # the visitor's own CSRF cookie


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/contact/thanks/", "/es/contacto/gracias/"])
def test_thanks_page_is_never_shared(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert_never_shared(response)


@pytest.mark.django_db
def test_admin_is_never_shared(client, django_user_model):
    assert_never_shared(client.get("/admin/login/"))
    editor = django_user_model.objects.create_superuser(
        "edge-editor", "e@example.org", "a-long-test-password-123"
    )
    log_in_verified(client, editor)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert_never_shared(response)


@pytest.mark.django_db
def test_logged_in_editor_viewing_a_public_page_gets_a_private_response(client, django_user_model):
    editor = django_user_model.objects.create_superuser(
        "edge-viewer", "v@example.org", "a-long-test-password-123"
    )
    log_in_verified(client, editor)
    response = client.get("/about/")
    assert response.status_code == 200
    assert_never_shared(response)


@pytest.mark.django_db
def test_previews_are_never_shared(client, django_user_model):
    about = StandardPage.objects.get(slug="about")
    about.title = "A draft for the preview"
    about.save_revision()
    preview = about.make_preview_request()
    assert "A draft for the preview" in preview.content.decode()
    assert shared_lifetime(preview) is None
    assert "public" not in preview.get("Cache-Control", "")

    editor = django_user_model.objects.create_superuser(
        "edge-preview", "p@example.org", "a-long-test-password-123"
    )
    log_in_verified(client, editor)
    revision = about.save_revision(user=editor)
    response = client.get(f"/admin/pages/{about.pk}/revisions/{revision.pk}/view/")
    assert response.status_code == 200 and "A draft for the preview" in response.content.decode()
    assert_never_shared(response)


@pytest.mark.django_db
@pytest.mark.parametrize("search", ["/search/", "/es/search/"])
@pytest.mark.parametrize("query", ["", "?q=opioid", "?q=opioid&page=2"])
def test_search_results_are_private_and_not_stored(client, search, query):
    response = client.get(f"{search}{query}")
    assert response.status_code == 200
    assert_never_shared(response)
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_not_found_is_shared_only_briefly(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert shared_lifetime(response) == 60
    assert "cookie" not in response.get("Vary", "").lower()


@pytest.mark.django_db
def test_errors_and_health_checks_are_never_shared(client):
    assert_never_shared(client.get("/healthz"))
    # A malformed listing page number is a 404 from the view: short, like any 404.
    assert shared_lifetime(client.get("/blog/?page=abc")) == 60


@pytest.mark.django_db
def test_posts_are_never_shared(client):
    response = client.post("/about/", {})
    assert shared_lifetime(response) is None


@pytest.mark.django_db
def test_shared_caching_can_be_switched_off(client):
    with override_settings(EDGE_CACHE_SECONDS=0):
        response = client.get("/about/")
    assert shared_lifetime(response) is None
    assert "public" in response["Cache-Control"]  # the page cache's own browser headers stay


@pytest.mark.django_db
def test_the_edge_filling_itself_gets_a_fresh_render_not_the_page_cache_copy(client):
    """After a purge the edge fetches the page once and keeps it; a worker that hasn't heard of
    the change yet must not hand it the old copy from the app's page cache."""
    client.get("/about/")
    StandardPage.objects.filter(slug="about").update(title="Changed, not yet heard of")
    assert client.get("/about/")["X-Cache"] == "HIT"  # the page cache's copy, for a moment
    fill = client.get("/about/", HTTP_X_EDGE_FILL="1")
    assert fill["X-Cache"] == "MISS"
    assert "Changed, not yet heard of" in fill.content.decode()
    assert shared_lifetime(fill) == 600
