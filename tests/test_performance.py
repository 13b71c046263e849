"""Performance budgets: SQL queries per page type (uncached, constant as the site grows), page
weight, no third-party requests, responsive images, and far-future headers on static files."""

import importlib
import io
import os
import re
import sys
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.core.files.images import ImageFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from blog.models import Author, BlogCategory, BlogIndexPage, BlogPage, BlogPageAuthor
from practice_site.demo import callout, ensure_page, faq, quote, section
from practice_site.models import HomePage, HomePageFeaturedSpecialty, StandardPage
from specialties.models import SpecialtyIndexPage, SpecialtyPage

# 13 since health pages show who clinically reviewed them: one query for the reviewer and their
# clinician profile together (practice_site/clinical_review.py), whatever the review's state.
QUERY_BUDGET = 13
WEIGHT_BUDGET = 60 * 1024
PAGE_TYPES = [
    "home",
    "specialty index",
    "specialty page",
    "blog index",
    "blog category",
    "article",
    "contact",
    "standard page",
    "search results",
]


def page_paths():
    specialty = SpecialtyPage.objects.live().order_by("path").first()
    article = BlogPage.objects.live().order_by("path").first()
    category = article.categories.order_by("pk").first() or BlogCategory.objects.order_by("pk").first()
    blog = BlogIndexPage.objects.get(locale__language_code="en")
    return {
        "home": "/",
        "specialty index": SpecialtyIndexPage.objects.get(locale__language_code="en").url,
        "specialty page": specialty.url,
        "blog index": blog.url,
        "blog category": f"{blog.url}category/{category.slug}/",
        "article": article.url,
        "contact": "/contact/",
        "standard page": StandardPage.objects.live().get(slug="about").url,
        "search results": "/search/?q=recovery",
    }


def count_queries(client, path, show=False):
    """Queries for one anonymous GET with the page cache off. Django's cache is warmed by one
    GET first, as it is on a running site (Wagtail keeps site root paths and renditions there);
    only the whole-page cache is out of the picture."""
    cache.clear()
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    if show:
        return "\n".join(q["sql"][:300] for q in queries.captured_queries)
    return len(queries)


@pytest.fixture
def uncached(settings):
    settings.PAGE_CACHE_ENABLED = False


def more_blocks(n, offset=0):
    blocks = []
    for i in range(offset, offset + n):
        kind = i % 4
        if kind == 0:
            blocks.append(section(f"Added section {i}", f"<p>Added paragraph {i} about recovery.</p>"))
        elif kind == 1:
            blocks.append(callout(f"Added note {i}.", heading=f"Note {i}"))
        elif kind == 2:
            blocks.append(quote(f"Added words {i}.", f"Someone {i}"))
        else:
            blocks.append(faq(f"Added questions {i}", [(f"Question {i}?", f"<p>Answer {i}.</p>")]))
    return blocks


def append_blocks(page, n):
    for block in more_blocks(n):
        page.body.append(block)
    page.save_revision().publish()


def grow_site(paths, n=20):
    """n more of everything a page could list or show: articles, authors, categories, tags,
    specialty pages, standard pages, featured specialties and body blocks."""
    home = HomePage.objects.get(locale__language_code="en")
    blog = BlogIndexPage.objects.get(locale__language_code="en")
    specialties = SpecialtyIndexPage.objects.get(locale__language_code="en")
    listed_category = BlogCategory.objects.get(slug=paths["blog category"].rstrip("/").rsplit("/", 1)[1])
    authors = [Author.objects.create(slug=f"grown-author-{i}", name=f"Grown Author {i}") for i in range(n)]
    categories = [
        BlogCategory.objects.create(slug=f"grown-{i}", name=f"Grown category {i}") for i in range(n)
    ]
    for i in range(n):
        post = BlogPage(
            title=f"Recovery notes {i}",
            slug=f"recovery-notes-{i}",
            standfirst=f"Recovery notes number {i}.",
            body=[section("Notes", "<p>Recovery takes time.</p>")],
        )
        blog.add_child(instance=post)
        post.categories = [listed_category, categories[i]]
        post.tags.add(f"grown-tag-{i}", "recovery")
        post.author_links = [BlogPageAuthor(author=authors[i]), BlogPageAuthor(author=authors[(i + 1) % n])]
        post.save_revision().publish()

    article = BlogPage.objects.get(url_path__endswith=paths["article"].rstrip("/").rsplit("/", 1)[1] + "/")
    for author in authors[:5]:
        article.author_links.add(BlogPageAuthor(author=author))
    article.categories = list(article.categories.all()) + categories[:5]
    article.tags.add(*[f"grown-tag-{i}" for i in range(5)])
    append_blocks(article, n)

    for i in range(n):
        ensure_page(
            specialties,
            SpecialtyPage,
            f"grown-specialty-{i}",
            title=f"Grown specialty {i}",
            summary=f"Grown specialty {i} summary.",
            body=[section("About", "<p>Care.</p>")],
        )
        ensure_page(home, StandardPage, f"grown-standard-{i}", title=f"Grown page {i}", show_in_menus=True)
    for i, specialty in enumerate(SpecialtyPage.objects.filter(slug__startswith="grown-")[:5]):
        HomePageFeaturedSpecialty.objects.create(home=home, specialty=specialty, sort_order=100 + i)
    home.save_revision().publish()

    specialty = SpecialtyPage.objects.get(
        url_path__endswith=paths["specialty page"].rstrip("/").rsplit("/", 1)[1] + "/"
    )
    specialty.related_tags.add("recovery")
    append_blocks(specialty, n)
    append_blocks(StandardPage.objects.get(slug="about"), n)


@pytest.mark.django_db
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_page_type_renders_uncached_within_the_query_budget(client, uncached, page_type):
    path = page_paths()[page_type]
    assert count_queries(client, path) <= QUERY_BUDGET, count_queries(client, path, show=True)


@pytest.mark.django_db
def test_query_counts_do_not_grow_with_pages_posts_snippets_or_blocks(client, uncached):
    paths = page_paths()
    before = {name: count_queries(client, path) for name, path in paths.items()}
    grow_site(paths)
    assert BlogPage.objects.live().count() >= 20
    after = {name: count_queries(client, path) for name, path in paths.items()}
    # Search results fetch each page type's fields once per type on the results page, so the
    # count follows the mix of types shown (at most the number of page types), never the
    # number of results.
    assert after.pop("search results") <= max(before.pop("search results"), QUERY_BUDGET)
    assert after == before
    # and the grown pages really show the added content
    assert "Recovery notes 19" in client.get(paths["blog index"]).content.decode()
    assert "Added section 16" in client.get(paths["standard page"]).content.decode()
    assert "Grown Author 4" in client.get(paths["article"]).content.decode()


# --- Page weight and origins ---------------------------------------------------------------


class _Resources(HTMLParser):
    """Everything a browser would fetch for the page: stylesheets, scripts, icons, images."""

    FETCHED_LINK_RELS = {"stylesheet", "icon", "preload", "modulepreload", "manifest", "apple-touch-icon"}

    def __init__(self):
        super().__init__()
        self.css, self.js, self.other = [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        rels = set((attrs.get("rel") or "").lower().split())
        if tag == "link" and rels & self.FETCHED_LINK_RELS and attrs.get("href"):
            (self.css if "stylesheet" in rels else self.other).append(attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.js.append(attrs["src"])
        elif tag in ("img", "source", "iframe", "video", "audio"):
            for name in ("src", "srcset"):
                for candidate in (attrs.get(name) or "").split(","):
                    if candidate.strip():
                        self.other.append(candidate.strip().split()[0])


def static_file_size(url):
    path = urlsplit(url).path
    assert path.startswith("/static/"), url
    found = finders.find(path.removeprefix("/static/"))
    assert found, f"{url} is not a static file of this project"
    return os.path.getsize(found)


@pytest.mark.django_db
def test_every_public_page_weighs_under_60_kb_and_loads_nothing_from_other_origins(client):
    for name, path in page_paths().items():
        response = client.get(path)
        html = response.content.decode()
        resources = _Resources()
        resources.feed(html)
        assert resources.css, f"{name}: no stylesheet found, the parser is broken"
        for url in resources.css + resources.js + resources.other:
            parts = urlsplit(url)
            assert not parts.netloc or parts.netloc in ("testserver", "localhost"), (name, url)
            assert not url.startswith("//"), (name, url)
        weight = len(response.content) + sum(static_file_size(url) for url in resources.css + resources.js)
        assert weight <= WEIGHT_BUDGET, (name, weight)


# --- Images ----------------------------------------------------------------------------------


def make_image(width=1600, height=900, title="Harbor at dawn"):
    from PIL import Image as PILImage
    from wagtail.images.models import Image

    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), (40, 90, 120)).save(buffer, format="PNG")
    return Image.objects.create(title=title, file=ImageFile(buffer, name="harbor.png"))


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def find(self, tag, **match):
        return [a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in match.items())]


def pictures(html):
    """[(list of <source> attrs, <img> attrs)] for each <picture> in the html."""
    found = []
    for block in re.findall(r"<picture>(.*?)</picture>", html, re.S):
        parser = _Tags()
        parser.feed(block)
        found.append((parser.find("source"), parser.find("img")[0]))
    return found


def assert_responsive(sources, img):
    assert [s["type"] for s in sources] == ["image/webp"], sources
    webp = sources[0]
    assert webp["sizes"] and len(webp["srcset"].split(",")) == 3
    assert all(".webp" in c for c in webp["srcset"].split(","))
    assert len(img["srcset"].split(",")) == 3 and all(".jpg" in c for c in img["srcset"].split(","))
    assert img["sizes"] == webp["sizes"]
    assert img["width"].isdigit() and img["height"].isdigit()
    assert img["alt"]


@pytest.mark.django_db
def test_specialty_hero_image_is_a_responsive_webp_picture_loaded_eagerly(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    specialty = SpecialtyPage.objects.live().order_by("path").first()
    specialty.hero_image = make_image()
    specialty.hero_alt = "A calm harbor at dawn"
    specialty.save_revision().publish()
    html = client.get(specialty.url).content.decode()
    (sources, img), *rest = pictures(html)
    assert not rest
    assert_responsive(sources, img)
    assert img["alt"] == "A calm harbor at dawn"
    assert img["loading"] == "eager" and img["fetchpriority"] == "high"
    assert int(img["width"]) * 9 == int(img["height"]) * 16  # the image's own proportions


@pytest.mark.django_db
def test_article_hero_is_eager_and_body_images_are_lazy(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    article = BlogPage.objects.live().order_by("path").first()
    hero = make_image()
    inline = make_image(800, 600, title="A path in the woods")
    article.hero_image, article.hero_alt = hero, "A calm harbor at dawn"
    article.body.append(
        ("image", {"image": inline, "alt_text": "A path through the woods", "caption": "Step by step"})
    )
    article.save_revision().publish()
    html = client.get(article.url).content.decode()
    found = pictures(html)
    assert len(found) == 2
    (hero_sources, hero_img), (body_sources, body_img) = found
    assert_responsive(hero_sources, hero_img)
    assert hero_img["fetchpriority"] == "high" and hero_img.get("loading") != "lazy"
    assert_responsive(body_sources, body_img)
    assert body_img["loading"] == "lazy" and "fetchpriority" not in body_img
    assert body_img["alt"] == "A path through the woods"
    assert (body_img["width"], body_img["height"]) in {("400", "300"), ("800", "600")}
    assert "Step by step" in html


@pytest.mark.django_db
def test_image_blocks_do_not_add_queries_once_renditions_exist(client, uncached, settings, tmp_path):
    """Renditions are made on first view; after that each extra image block costs no query
    (Wagtail keeps renditions in the cache)."""
    settings.MEDIA_ROOT = tmp_path
    page = StandardPage.objects.get(slug="about")

    def warm_count():
        client.get(page.url)  # creates renditions, warms the cache
        with CaptureQueriesContext(connection) as queries:
            assert client.get(page.url).status_code == 200
        return len(queries)

    page.body.append(("image", {"image": make_image(), "alt_text": "One image", "caption": ""}))
    page.save_revision().publish()
    one = warm_count()
    for i in range(10):
        page.body.append(
            ("image", {"image": make_image(title=f"img {i}"), "alt_text": f"Image {i}", "caption": ""})
        )
    page.save_revision().publish()
    assert warm_count() == one
    assert one <= QUERY_BUDGET


# --- Static files in production ----------------------------------------------------------------


def production_settings_module():
    """practice_site.settings.production, imported on its own (it needs a secret key)."""
    names = ("practice_site.settings.production", "practice_site.settings.base")
    saved = {name: sys.modules.pop(name, None) for name in names}
    old_key = os.environ.get("DJANGO_SECRET_KEY")
    os.environ["DJANGO_SECRET_KEY"] = "only-to-import-production-settings-" + "x" * 20
    try:
        return importlib.import_module(names[0])
    finally:
        for name, module in saved.items():
            sys.modules.pop(name, None)
            if module is not None:
                sys.modules[name] = module
        if old_key is None:
            del os.environ["DJANGO_SECRET_KEY"]
        else:
            os.environ["DJANGO_SECRET_KEY"] = old_key


@pytest.mark.django_db
def test_production_static_files_are_hashed_compressed_and_cached_for_a_year(rf, settings, tmp_path):
    from django.core.management import call_command
    from django.http import HttpResponse
    from django.templatetags.static import static
    from whitenoise.middleware import WhiteNoiseMiddleware

    production = production_settings_module()
    assert "whitenoise.middleware.WhiteNoiseMiddleware" in production.MIDDLEWARE
    settings.STORAGES = production.STORAGES
    settings.WHITENOISE_MAX_AGE = production.WHITENOISE_MAX_AGE
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]  # ours only
    call_command("collectstatic", interactive=False, verbosity=0)

    url = static("css/site.css")
    assert re.fullmatch(r"/static/css/site\.[0-9a-f]{12}\.css", url), url
    middleware = WhiteNoiseMiddleware(lambda request: HttpResponse(status=404))
    response = middleware(rf.get(url, HTTP_ACCEPT_ENCODING="gzip, br"))
    assert response.status_code == 200
    cache_control = response["Cache-Control"]
    max_age = int(re.search(r"max-age=(\d+)", cache_control).group(1))
    assert max_age >= 31536000 and "immutable" in cache_control and "public" in cache_control
    assert response["Content-Encoding"] in ("br", "gzip")
    assert "Accept-Encoding" in response["Vary"]


@pytest.mark.django_db
def test_article_with_hero_and_author_photos_stays_within_the_budget(client, uncached, settings, tmp_path):
    """The hero's and the author photos' renditions come in one query together."""
    settings.MEDIA_ROOT = tmp_path
    article = BlogPage.objects.live().order_by("path").first()
    article.hero_image, article.hero_alt = make_image(), "A calm harbor at dawn"
    article.save_revision().publish()
    authors = [link.author for link in article.author_links.all()]
    assert authors
    for n, author in enumerate(authors):
        author.photo = make_image(400, 400, title=f"Author photo {n}")
        author.save()
    client.get(article.url)  # renditions are made on the first view
    with CaptureQueriesContext(connection) as queries:
        html = client.get(article.url).content.decode()
    assert len(queries) <= QUERY_BUDGET, [q["sql"][:80] for q in queries]
    assert len([q for q in queries if "wagtailimages_rendition" in q["sql"]]) == 1
    assert len(pictures(html)) >= 1 and html.count("<img") >= 1 + len(authors)


@pytest.mark.django_db
def test_practice_settings_come_from_the_cache_and_a_change_shows_at_once(client, uncached, practice):
    client.get("/about/")
    with CaptureQueriesContext(connection) as queries:
        client.get("/about/")
    assert not [q for q in queries if "practice_site_practicesettings" in q["sql"]]
    practice.phone = "(212) 555-0142"
    practice.save()
    assert "tel:+12125550142" in client.get("/about/").content.decode()
