"""Every page type renders from the demo content with the rules every page follows."""

import pytest
from django.core.cache import cache
from wagtail.models import Page

from blog.models import BlogIndexPage
from contact.models import ContactPage
from practice_site.models import StandardPage
from specialties.models import SpecialtyIndexPage
from tests.helpers import CRISIS_MARKERS, parse_page, text_of

PUBLIC_PATHS = [
    "/",
    "/about/",
    "/fees-and-insurance/",
    "/faq/",
    "/privacy/",
    "/for-families/",
    "/specialties/",
    "/blog/",
    "/contact/",
]


@pytest.mark.django_db
@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_demo_page_renders_with_one_h1_phone_and_crisis_lines(client, practice, path):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    parsed = parse_page(html)
    assert parsed.h1_count == 1
    assert f"tel:{practice.phone_e164}" in parsed.tel_links
    assert practice.phone_e164 == "+15035550123"
    for marker in CRISIS_MARKERS:
        assert marker in html, f"{marker} missing on {path}"
    assert 'href="#main"' in html and 'id="main"' in html


@pytest.mark.django_db
def test_every_page_type_is_in_the_demo_tree():
    live = Page.objects.live()
    for model in (StandardPage, SpecialtyIndexPage, BlogIndexPage, ContactPage):
        assert live.type(model).exists(), model.__name__


@pytest.mark.django_db
def test_draft_page_is_not_public(client, home):
    draft = StandardPage(title="Unfinished thoughts", slug="unfinished", summary="Draft")
    home.add_child(instance=draft)
    draft.save_revision()
    draft.unpublish()
    assert client.get("/unfinished/").status_code == 404


@pytest.mark.django_db
def test_unpublished_changes_stay_private(client):
    about = StandardPage.objects.get(slug="about")
    about.title = "A title nobody should see yet"
    about.save_revision()  # saved, not published
    response = client.get("/about/")
    assert response.status_code == 200
    assert "A title nobody should see yet" not in response.content.decode()


@pytest.mark.django_db
def test_changing_phone_in_settings_changes_every_page(client, practice):
    practice.phone = "(212) 555-0188"
    practice.save()
    for path in PUBLIC_PATHS + ["/no-such-page/"]:
        html = client.get(path).content.decode()
        assert "tel:+12125550188" in html, path
        assert "(212) 555-0188" in html, path
        assert "+15035550123" not in html, path


@pytest.mark.django_db
def test_practice_phone_rejects_nonsense(practice):
    from django.core.exceptions import ValidationError

    practice.phone = "call me maybe"
    with pytest.raises(ValidationError):
        practice.full_clean()


@pytest.mark.django_db
def test_footer_shows_address_and_hours(client):
    text = text_of(client.get("/").content.decode())
    assert "418 Linden Avenue" in text
    assert "Monday–Thursday" in text and "9 AM – 7 PM" in text


@pytest.mark.django_db
def test_404_page_is_kind_and_has_phone_and_crisis(client, practice):
    response = client.get("/this-does-not-exist/")
    assert response.status_code == 404
    html = response.content.decode()
    assert f"tel:{practice.phone_e164}" in html
    for marker in CRISIS_MARKERS:
        assert marker in html


def test_500_page_renders_without_the_database(rf, django_assert_num_queries, settings):
    """No `db` fixture: any query would raise. The phone comes from the cached snapshot."""
    from practice_site.models import PRACTICE_SNAPSHOT_CACHE_KEY
    from practice_site.views import server_error

    cache.set(
        PRACTICE_SNAPSHOT_CACHE_KEY,
        {"practice_name": "Test Practice", "phone_e164": "+12125550100", "phone_display": "(212) 555-0100"},
    )
    response = server_error(rf.get("/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert "tel:+12125550100" in html
    for marker in CRISIS_MARKERS:
        assert marker in html
    cache.delete(PRACTICE_SNAPSHOT_CACHE_KEY)
    html = server_error(rf.get("/")).content.decode()
    assert f"tel:{settings.PRACTICE_FALLBACK_PHONE}" in html


@pytest.mark.django_db
@pytest.mark.urls("tests.failing_urls")
def test_unhandled_error_gives_the_friendly_500(client, practice):
    client.raise_request_exception = False
    response = client.get("/explode/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Sorry, this page isn't working right now" in html
    assert f"tel:{practice.phone_e164}" in html


@pytest.mark.django_db
@pytest.mark.urls("tests.failing_urls")
def test_a_bad_query_is_a_500_not_an_outage(client):
    client.raise_request_exception = False
    assert client.get("/bad-query/").status_code == 500


@pytest.mark.django_db
@pytest.mark.urls("tests.failing_urls")
def test_database_outage_answers_503_with_retry_after(client, practice, monkeypatch):
    from practice_site import views

    monkeypatch.setattr(views, "database_answers", lambda: False)
    client.raise_request_exception = False
    response = client.get("/database-gone/")
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    html = response.content.decode()
    assert "back in a few minutes" in html
    assert f"tel:{practice.phone_e164}" in html
    for marker in CRISIS_MARKERS:
        assert marker in html


@pytest.mark.django_db
def test_home_features_the_specialties_and_latest_articles(client):
    html = client.get("/").content.decode()
    assert "/specialties/addiction-and-intimacy-framework/" in html
    assert "/specialties/compassionate-approach-to-addiction/" in html
    assert "/blog/healing-happens-in-community/" in html


@pytest.mark.django_db
def test_home_hides_a_featured_specialty_that_is_unpublished(client):
    from specialties.models import SpecialtyPage

    SpecialtyPage.objects.get(slug="addiction-and-intimacy-framework").unpublish()
    html = client.get("/").content.decode()
    assert "/specialties/addiction-and-intimacy-framework/" not in html
    assert "/specialties/compassionate-approach-to-addiction/" in html
