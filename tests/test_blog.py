"""The blog: listings, pagination, feed, citations, structured data, related articles, query counts."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import PageViewRestriction

from blog.citation import apa_citation, apa_name
from blog.models import Author, BlogCategory, BlogIndexPage, BlogPage, BlogPageAuthor, BlogPageRelatedPost
from blog.reading import reading_minutes
from blog.related import related_posts
from practice_site.demo import section
from tests.helpers import parse_page, text_of
from tests.staff_helpers import log_in_verified

ARTICLE = "/blog/healing-happens-in-community/"
QUERY_BUDGET = 12


@pytest.fixture
def index(db):
    return BlogIndexPage.objects.get(locale__language_code="en")


def make_post(index, n, *, date=None, authors=(), categories=(), tags=(), publish=True, words=50):
    post = BlogPage(
        title=f"Test article {n}",
        slug=f"test-article-{n}",
        standfirst=f"Standfirst of test article {n}.",
        date=date or datetime.date(2020, 1, 1) + datetime.timedelta(days=n),
        body=[section("Part one", "<p>" + " ".join(["word"] * words) + "</p>")],
    )
    post.author_links = [BlogPageAuthor(author=a, sort_order=i) for i, a in enumerate(authors)]
    post.categories = list(categories)
    post.tags.add(*tags)
    index.add_child(instance=post)
    revision = post.save_revision()
    if publish:
        revision.publish()
    else:
        post.unpublish()
    return BlogPage.objects.get(pk=post.pk)


def make_author(n):
    return Author.objects.create(name=f"Writer Number{n}", slug=f"writer-{n}", credentials="LPC")


def queries_for(client, path):
    client.get(path)  # warm the per-process caches (content types, site root paths)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(captured)


def feed_items(client):
    response = client.get("/blog/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)
    assert root.tag == "rss" and root.get("version") == "2.0"
    return root.find("channel").findall("item")


# Listings and pagination ---------------------------------------------------------------------


@pytest.mark.django_db
def test_index_lists_newest_first_ten_per_page(client, index):
    for n in range(12):
        make_post(index, n, date=datetime.date(2030, 1, 1) + datetime.timedelta(days=n))
    first = client.get("/blog/").content.decode()
    assert first.index("Test article 11") < first.index("Test article 10")
    assert "Test article 2<" in first and "Test article 1<" not in first  # 11th newest: page 2
    assert 'href="?page=2"' in first
    second = client.get("/blog/?page=2").content.decode()
    assert "Test article 1<" in second and "Test article 0<" in second and "Test article 11" not in second
    assert 'rel="canonical" href="http://localhost/blog/?page=2"' in second


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["0", "-1", "abc", "1.5", "", "99999", "٣", "1e3"])
def test_bad_or_too_large_page_numbers_are_404_never_500(client, index, value):
    for path in [
        "/blog/",
        "/blog/category/recovery/",
        "/blog/tag/connection/",
        "/blog/author/dana-whitfield/",
    ]:
        assert client.get(path, {"page": value}).status_code == 404, (path, value)


@pytest.mark.django_db
def test_first_page_of_an_empty_category_renders(client):
    BlogCategory.objects.create(name="Grief", slug="grief")
    response = client.get("/blog/category/grief/")
    assert response.status_code == 200
    assert "No articles here yet" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["category", "tag", "author"])
def test_unknown_listing_slugs_are_404(client, kind):
    assert client.get(f"/blog/{kind}/no-such-thing/").status_code == 404


@pytest.mark.django_db
def test_unknown_article_is_404(client):
    assert client.get("/blog/no-such-article/").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path, heading, canonical",
    [
        ("/blog/category/recovery/", "Articles about Recovery", "http://localhost/blog/category/recovery/"),
        ("/blog/tag/connection/", "Articles tagged “connection”", "http://localhost/blog/tag/connection/"),
        (
            "/blog/author/marcus-hale/",
            "Articles by Marcus Hale",
            "http://localhost/blog/author/marcus-hale/",
        ),
    ],
)
def test_listings_have_their_own_heading_canonical_and_description(client, path, heading, canonical):
    html = client.get(path).content.decode()
    parsed = parse_page(html)
    assert parsed.h1_count == 1
    assert f"<h1>{heading}</h1>" in html
    assert f'<link rel="canonical" href="{canonical}">' in html
    assert '<meta name="description" content="Plain-spoken' not in html
    types = [block["@type"] for block in parsed.json_ld]
    assert types == ["CollectionPage", "BreadcrumbList"]
    assert parsed.json_ld[0]["url"] == canonical


@pytest.mark.django_db
def test_listings_filter_by_category_tag_and_author(client):
    recovery = text_of(client.get("/blog/category/recovery/").content.decode())
    assert "Recovery Is Possible" in recovery and "Where to Start" not in recovery
    families = text_of(client.get("/blog/tag/families/").content.decode())
    assert "Where to Start" in families and "Healing Happens in Community" not in families
    hale = text_of(client.get("/blog/author/marcus-hale/").content.decode())
    assert "Recovery Is Possible" in hale and "Healing Happens in Community" not in hale


@pytest.mark.django_db
def test_drafts_and_private_posts_are_absent_from_listings_feed_and_related(client, index):
    recovery = BlogCategory.objects.get(slug="recovery")
    draft = make_post(
        index, 900, date=datetime.date(2031, 1, 1), categories=[recovery], tags=["connection"], publish=False
    )
    private = make_post(
        index, 901, date=datetime.date(2031, 1, 2), categories=[recovery], tags=["connection"]
    )
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    for path in ["/blog/", "/blog/category/recovery/", "/blog/tag/connection/", "/blog/feed/", ARTICLE]:
        html = client.get(path).content.decode()
        assert draft.title not in html, path
        assert private.title not in html, path
    assert client.get(draft.url or "/blog/test-article-900/").status_code == 404
    assert draft.pk not in [p.pk for p in related_posts([draft.pk, private.pk], [recovery], ["connection"])]
    assert private.pk not in [p.pk for p in BlogPage.latest(10)]


# Feed ---------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_feed_is_valid_rss_with_newest_post_first(client, index):
    newest = make_post(index, 1, date=datetime.date(2032, 6, 1))
    items = feed_items(client)
    assert 1 <= len(items) <= 20
    first = items[0]
    assert first.findtext("title") == newest.title
    assert first.findtext("link") == "http://localhost/blog/test-article-1/"
    assert first.findtext("guid") == "http://localhost/blog/test-article-1/"
    assert first.findtext("description") == newest.standfirst
    assert first.findtext("pubDate").startswith("Tue, 01 Jun 2032")
    for item in items:
        for field in ("title", "link", "guid", "pubDate", "description"):
            assert item.findtext(field), field


@pytest.mark.django_db
def test_feed_holds_the_twenty_newest(client, index):
    for n in range(22):
        make_post(index, n, date=datetime.date(2033, 1, 1) + datetime.timedelta(days=n))
    titles = [item.findtext("title") for item in feed_items(client)]
    assert titles == [f"Test article {n}" for n in range(21, 1, -1)]


@pytest.mark.django_db
def test_blog_pages_advertise_the_feed(client):
    for path in ["/blog/", ARTICLE, "/blog/category/recovery/"]:
        html = client.get(path).content.decode()
        assert '<link rel="alternate" type="application/rss+xml"' in html and 'href="/blog/feed/"' in html


# Articles: citation, metadata, structured data ----------------------------------------------


def test_apa_names_and_citation():
    assert apa_name("Dana Whitfield") == "Whitfield, D."
    assert apa_name("Mary-Kate de la Cruz") == "de la Cruz, M. K."

    class A:
        def __init__(self, name):
            self.name = name

    citation = apa_citation(
        [A("Marcus Hale"), A("Dana Whitfield")],
        datetime.date(2025, 5, 20),
        "Recovery Is Possible",
        "Wrenfield Counseling",
        "https://example.org/blog/r/",
    )
    assert citation == (
        "Hale, M., & Whitfield, D. (2025, May 20). Recovery Is Possible. Wrenfield Counseling. "
        "https://example.org/blog/r/"
    )
    with translation.override("es"):  # APA in Spanish: day before month, "y", "s. f."
        spanish = apa_citation(
            [A("Marcus Hale"), A("Dana Whitfield")],
            datetime.date(2025, 3, 4),
            "La recuperación es posible",
            "Wrenfield Counseling",
            "https://example.org/es/blog/r/",
        )
        assert spanish.startswith("Hale, M., y Whitfield, D. (2025, 4 de marzo). La recuperación es posible.")
        assert "(s. f.)" in apa_citation([A("Dana Whitfield")], None, "T", "W", "https://example.org/")


@pytest.mark.django_db
def test_article_shows_the_citation_built_from_its_metadata(client):
    html = client.get("/blog/recovery-is-possible-healing-relationships/").content.decode()
    assert (
        "Hale, M., &amp; Whitfield, D. (2025, May 20). Recovery Is Possible: the Power of Healing "
        "Relationships. Wrenfield Counseling. http://localhost/blog/recovery-is-possible-healing-relationships/"
    ) in html


@pytest.mark.django_db
def test_article_shows_breadcrumbs_reading_time_author_box_and_cta(client, practice):
    response = client.get(ARTICLE)
    html = response.content.decode()
    text = text_of(html)
    parsed = parse_page(html)
    assert parsed.h1_count == 1
    assert '<a href="/blog/category/recovery/">Recovery</a>' in html  # first category, by name
    nav = html[html.index('<nav class="breadcrumbs"') :]
    nav = text_of(nav[: nav.index("</nav>")]).split()
    assert " ".join(nav) == "Home Blog Recovery Healing Happens in Community"
    post = BlogPage.objects.get(slug="healing-happens-in-community")
    assert f"{post.reading_minutes} min read" in text and post.reading_minutes >= 3
    assert 'href="/blog/author/dana-whitfield/"' in html
    assert "LCSW, CSAT" in text and "certified sex addiction therapist" in text
    assert "Last updated" in text and "September 12, 2025" in text
    assert "Get help today" in text and f"tel:{practice.phone_e164}" in parsed.tel_links


@pytest.mark.django_db
def test_article_json_ld_is_a_blog_posting_with_dates_authors_and_matching_breadcrumbs(client):
    parsed = parse_page(client.get(ARTICLE).content.decode())
    posting, crumbs = parsed.json_ld
    assert posting["@type"] == "BlogPosting" and crumbs["@type"] == "BreadcrumbList"
    assert posting["headline"] == "Healing Happens in Community"
    assert posting["datePublished"] == "2025-03-04"
    assert posting["dateModified"] == "2025-09-12"
    [author] = posting["author"]
    assert author["@type"] == "Person" and author["name"] == "Dana Whitfield"
    assert author["honorificSuffix"] == author["jobTitle"] == "LCSW, CSAT"
    assert author["url"] == "http://localhost/blog/author/dana-whitfield/"
    license = next(c for c in author["hasCredential"] if c["credentialCategory"] == "license")
    assert license["name"] == "Licensed Clinical Social Worker (LCSW)"
    assert posting["publisher"]["@type"] == "MedicalClinic"
    assert posting["mainEntityOfPage"]["@id"] == "http://localhost" + ARTICLE
    assert "image" not in posting
    names = [item["name"] for item in crumbs["itemListElement"]]
    assert names == ["Home", "Blog", "Recovery", "Healing Happens in Community"]
    assert crumbs["itemListElement"][2]["item"].endswith("/blog/category/recovery/")


@pytest.mark.django_db
def test_date_modified_falls_back_to_last_published(client):
    post = BlogPage.objects.get(slug="when-someone-you-love-is-using")
    posting = parse_page(client.get(post.url).content.decode()).json_ld[0]
    assert posting["dateModified"] == post.modified_date.isoformat()
    assert post.last_updated is None and post.last_published_at is not None


@pytest.mark.django_db
def test_hero_image_needs_alt_text(index):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    image = Image.objects.create(title="Harbor", file=get_test_image_file())
    post = BlogPage(title="Pictured", slug="pictured", standfirst="x", hero_image=image)
    with pytest.raises(ValidationError) as error:
        post.clean()
    assert "hero_alt" in error.value.message_dict


@pytest.mark.django_db
def test_reading_time_is_about_two_hundred_words_a_minute(index):
    assert make_post(index, 1, words=50).reading_minutes == 1
    assert make_post(index, 2, words=1000).reading_minutes in (5, 6)  # 1000 words + heading
    assert reading_minutes(None) == 1


# Related articles ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_related_posts_put_chosen_first_then_newest_matches_without_duplicates(index):
    grief = BlogCategory.objects.create(name="Grief", slug="grief")
    old, mid, new, newest = (
        make_post(index, n, categories=[grief], date=datetime.date(2030, 1, n)) for n in (1, 2, 3, 4)
    )
    draft = make_post(index, 5, categories=[grief], date=datetime.date(2030, 1, 5), publish=False)
    unrelated = make_post(index, 6, date=datetime.date(2030, 1, 6))
    posts = related_posts([unrelated.pk, draft.pk, unrelated.pk], [grief], [], exclude_ids=[newest.pk])
    assert [p.pk for p in posts] == [unrelated.pk, new.pk, mid.pk]
    assert len(related_posts([], [grief], [])) == 3
    assert related_posts([], [], []) == []
    assert old.pk not in [p.pk for p in posts]


@pytest.mark.django_db
def test_article_related_articles_use_editor_choices_and_stay_at_three(client, index):
    post = BlogPage.objects.get(slug="when-someone-you-love-is-using")
    chosen = BlogPage.objects.get(slug="recovery-is-possible-healing-relationships")
    BlogPageRelatedPost.objects.create(page=post, post=chosen, sort_order=0)
    BlogPageRelatedPost.objects.create(page=post, post=post, sort_order=1)  # itself: never shown
    for n in range(5):
        make_post(index, n, tags=["families"], date=datetime.date(2030, 2, n + 1))
    related = post.related_articles()
    assert [p.pk for p in related][:1] == [chosen.pk]
    assert len(related) == 3 and len({p.pk for p in related}) == 3 and post.pk not in [p.pk for p in related]
    html = client.get(post.url).content.decode()
    section_html = html[html.index('id="related-articles-heading"') :]
    assert section_html.index(chosen.title) < section_html.index("Test article 4")


# Query counts ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_listings_and_article_take_a_fixed_number_of_queries(client, index):
    recovery = BlogCategory.objects.get(slug="recovery")
    categories = [recovery] + [
        BlogCategory.objects.create(name=f"Subject {n}", slug=f"subject-{n}") for n in range(3)
    ]
    authors = [make_author(n) for n in range(4)]
    paths = ["/blog/", "/blog/category/recovery/", ARTICLE]
    make_post(index, 0, authors=authors[:2], categories=categories[:2], tags=["a", "b"])
    make_post(index, 1, authors=authors[2:], categories=categories, tags=["connection"])
    make_post(index, 2, authors=authors, categories=[recovery], tags=["c", "connection", "d"])
    small = {path: queries_for(client, path) for path in paths}
    for n in range(3, 60):
        make_post(
            index,
            n,
            authors=authors[n % 4 :],
            categories=categories[n % 3 :],
            tags=[f"t{n}", "connection", f"u{n % 5}"],
            date=datetime.date(2024, 1, 1) + datetime.timedelta(days=n),
        )
    large = {path: queries_for(client, path) for path in paths}
    assert large == small
    for path, count in large.items():
        assert count <= QUERY_BUDGET, (path, count)


@pytest.mark.django_db
def test_home_page_latest_articles_take_one_query(django_assert_num_queries):
    from wagtail.models import Locale

    english = Locale.objects.get(language_code="en").pk  # the demo has Spanish articles too
    with django_assert_num_queries(1):
        latest = BlogPage.latest(3, locale_id=english)
    assert [p.slug for p in latest] == [
        "when-someone-you-love-is-using",
        "recovery-is-possible-healing-relationships",
        "healing-happens-in-community",
    ]


# Admin -----------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_authors_and_categories_are_editable_snippets(client):
    admin = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw-long-enough-123")
    log_in_verified(client, admin)
    for model in ("author", "blogcategory"):
        response = client.get(f"/admin/snippets/blog/{model}/")
        assert response.status_code == 200, model
    html = client.get("/admin/snippets/blog/author/?q=Whitfield").content.decode()
    assert "Dana Whitfield" in html and "Marcus Hale" not in html
    author = Author.objects.get(slug="dana-whitfield", locale__language_code="en")
    assert client.get(f"/admin/snippets/blog/author/edit/{author.pk}/").status_code == 200


# Related articles on specialty pages ---------------------------------------------------------


@pytest.mark.django_db
def test_specialty_page_shows_chosen_then_topped_up_articles_in_fixed_queries(client, index):
    from specialties.models import SpecialtyPage, SpecialtyPageRelatedPost

    specialty = SpecialtyPage.objects.get(slug="addiction-and-intimacy-framework")
    assert [c.slug for c in specialty.related_categories.all()] == ["sex-and-intimacy"]  # demo
    family = BlogPage.objects.get(slug="when-someone-you-love-is-using")
    draft = make_post(index, 50, tags=["intimacy"], date=datetime.date(2035, 1, 1), publish=False)
    SpecialtyPageRelatedPost.objects.create(page=specialty, post=family, sort_order=0)
    SpecialtyPageRelatedPost.objects.create(page=specialty, post=draft, sort_order=1)
    related = specialty.related_articles()
    assert related[0].pk == family.pk
    assert "healing-happens-in-community" in [p.slug for p in related]
    assert draft.pk not in [p.pk for p in related] and len(related) <= 3
    small = queries_for(client, specialty.url)
    for n in range(40):
        make_post(index, n, tags=["intimacy"], date=datetime.date(2034, 1, 1) + datetime.timedelta(days=n))
    SpecialtyPageRelatedPost.objects.create(
        page=specialty, post=BlogPage.objects.get(slug="test-article-3"), sort_order=2
    )
    assert queries_for(client, specialty.url) == small
    html = client.get(specialty.url).content.decode()
    section_html = html[html.index('id="related-articles-heading"') :]
    section_html = section_html[: section_html.index("</section>")]
    titles = [p.title for p in specialty.related_articles()]
    assert titles == [family.title, "Test article 3", "Test article 39"]
    assert all(section_html.count(f">{t}<") == 1 for t in titles)
    assert section_html.count('class="card"') == 3 and draft.title not in section_html
