"""Findable: sitemap, robots, meta tags, canonical links, structured data and site search."""

import xml.etree.ElementTree as ET

import pytest
from wagtail.models import Page, PageViewRestriction

from practice_site.models import StandardPage
from tests.helpers import parse_page

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def public_paths():
    return [page.url for page in Page.objects.live().public().filter(depth__gt=1).specific()]


@pytest.mark.django_db
def test_sitemap_lists_exactly_the_live_public_pages(client, home):
    draft = StandardPage(title="Draft notes", slug="draft-notes", summary="x")
    home.add_child(instance=draft)
    draft.unpublish()
    private = StandardPage(title="Staff only", slug="staff-only", summary="x")
    home.add_child(instance=private)
    private.save_revision().publish()
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="secret-pass")

    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    urls = [u.find("sm:loc", SITEMAP_NS).text for u in root.findall("sm:url", SITEMAP_NS)]
    expected = {f"http://localhost{path}" for path in public_paths()}
    assert set(urls) == expected
    assert len(urls) == len(expected)
    assert not any("draft-notes" in u or "staff-only" in u for u in urls)
    assert all(u.find("sm:lastmod", SITEMAP_NS) is not None for u in root.findall("sm:url", SITEMAP_NS))


@pytest.mark.django_db
def test_every_public_page_has_title_description_canonical_and_social_tags(client):
    for path in public_paths() + ["/blog/category/recovery/", "/search/?q=family"]:
        html = client.get(path).content.decode()
        # English at the root, Spanish under /es/ (issue 17).
        assert f'<html lang="{"es" if path.startswith("/es/") else "en"}">' in html, path
        assert "<title>" in html and "</title>" in html, path
        assert '<link rel="canonical" href="http' in html, path
        description = html.split('<meta name="description" content="', 1)[1].split('"', 1)[0]
        assert len(description) > 30, path
        if not path.startswith("/search/"):
            for tag in (
                'property="og:title"',
                'property="og:description"',
                'property="og:url"',
                'name="twitter:card"',
            ):
                assert tag in html, (path, tag)


@pytest.mark.django_db
def test_json_ld_parses_on_every_page_type(client):
    for path in public_paths():
        blocks = parse_page(client.get(path).content.decode()).json_ld
        assert blocks, path
        types = [b["@type"] for b in blocks]
        if path not in ("/", "/es/"):  # the home pages, English and Spanish
            assert "BreadcrumbList" in types, path


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/contact/"])
def test_home_and_contact_describe_the_practice_as_a_medical_clinic(client, practice, path):
    blocks = parse_page(client.get(path).content.decode()).json_ld
    clinic = next(b for b in blocks if b["@type"] == "MedicalClinic" and "address" in b)
    assert clinic["name"] == practice.practice_name
    assert clinic["telephone"] == "+15035550123"
    assert clinic["email"] == practice.email
    assert clinic["address"]["streetAddress"] == practice.street_address
    assert clinic["openingHoursSpecification"][0]["dayOfWeek"][0] == "Monday"
    assert clinic["isAcceptingNewPatients"] is True
    services = clinic["availableService"]
    assert len(services) >= 3 and all(s["@type"] == "PsychologicalTreatment" for s in services)
    assert clinic["url"].startswith("http")


@pytest.mark.django_db
def test_accepting_new_clients_switch_reaches_json_ld(client, practice):
    practice.accepting_new_clients = False
    practice.save()
    blocks = parse_page(client.get("/").content.decode()).json_ld
    clinic = next(b for b in blocks if "address" in b)
    assert clinic["isAcceptingNewPatients"] is False


@pytest.mark.django_db
def test_faq_page_emits_faq_json_ld(client):
    blocks = parse_page(client.get("/faq/").content.decode()).json_ld
    faq = next(b for b in blocks if b["@type"] == "FAQPage")
    questions = [q["name"] for q in faq["mainEntity"]]
    for question in ("Is this confidential?", "What happens when I call?", "Can I call for someone I love?"):
        assert question in questions


@pytest.mark.django_db
def test_json_ld_is_escaped_against_script_injection(client, practice):
    practice.practice_name = 'Harbor </script><script>alert("x")</script>'
    practice.save()
    html = client.get("/").content.decode()
    assert '</script><script>alert("x")' not in html
    names = {b.get("name") for b in parse_page(html).json_ld}
    assert practice.practice_name in names


@pytest.mark.django_db
def test_search_finds_a_specialty_by_a_word_in_its_body(client):
    response = client.get("/search/?q=counterfeit")
    html = response.content.decode()
    assert response.status_code == 200
    assert "/specialties/sex-addiction-and-attachment/" in html


@pytest.mark.django_db
def test_search_highlights_matches(client):
    html = client.get("/search/?q=family").content.decode()
    assert "<mark>" in html.lower() or "<mark>" in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "",
        " ",
        "a" * 5000,
        "¿qué es?",
        "家族",
        "😊",
        "' OR 1=1 --",
        '"unterminated',
        "&|!():*<>",
        "%00",
        "\x00x",
        "NOT AND OR",
    ],
)
def test_odd_search_queries_get_a_friendly_page(client, query):
    response = client.get("/search/", {"q": query, "page": "abc"})
    assert response.status_code == 200
    assert "Search" in response.content.decode()


@pytest.mark.django_db
def test_about_page_shows_clinician_profiles(client):
    html = client.get("/about/").content.decode()
    assert "Our clinicians" in html
    assert "/blog/author/" in html


@pytest.mark.django_db
def test_listing_pages_share_their_own_heading_not_the_blog_index_title(client):
    from blog.models import BlogCategory

    category = BlogCategory.objects.filter(locale__language_code="en").order_by("name").first()
    html = client.get(f"/blog/category/{category.slug}/").content.decode()
    heading = f"Articles about {category.name}"
    assert f'<meta property="og:title" content="{heading}">' in html
    assert f'<meta name="twitter:title" content="{heading}">' in html
    from blog.models import BlogIndexPage

    index = BlogIndexPage.objects.live().filter(locale__language_code="en").first()
    index_html = client.get(index.url).content.decode()
    assert f'<meta property="og:title" content="{index.seo_title or index.title}">' in index_html
