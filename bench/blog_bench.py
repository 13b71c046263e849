"""Blog at scale: 10,000 articles in a scratch SQLite database, then timings and query counts.

Run: .venv/bin/python bench/blog_bench.py [number_of_posts]
Not part of the test suite. The database is a temporary file, deleted afterwards."""

import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SCRATCH = tempfile.NamedTemporaryFile(prefix="blog-bench-", suffix=".sqlite3", delete=False).name
os.environ["DATABASE_URL"] = f"sqlite:///{SCRATCH}"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "practice_site.settings.dev")

import django  # noqa: E402

django.setup()

import datetime  # noqa: E402

from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402
from taggit.models import Tag  # noqa: E402
from wagtail.models import Page  # noqa: E402

from blog.models import Author, BlogCategory, BlogIndexPage, BlogPage, BlogPageAuthor, BlogPageTag  # noqa: E402

SITE_ROOT_PATHS_KEY = "wagtail_site_root_paths"
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's MP_Node alphabet, 4 chars a step


def encode_step(n):
    out = ""
    for _ in range(4):
        n, rem = divmod(n, 36)
        out = ALPHABET[rem] + out
    return out


@transaction.atomic
def generate(count):
    index = BlogIndexPage.objects.get()
    content_type = ContentType.objects.get_for_model(BlogPage)
    authors = list(Author.objects.all())
    categories = list(BlogCategory.objects.all())
    tags = [Tag.objects.get_or_create(name=f"topic {n}", slug=f"topic-{n}")[0] for n in range(40)]
    start = index.numchild + 1
    now = timezone.now()
    body = '[{"type": "section", "value": {"heading": "Part", "heading_level": "h2", "body": "<p>%s</p>"}, "id": "%s"}]'
    pages = []
    for i in range(count):
        n = start + i
        slug = f"bench-post-{n}"
        pages.append(
            Page(
                title=f"Bench post {n}",
                draft_title=f"Bench post {n}",
                slug=slug,
                content_type=content_type,
                path=index.path + encode_step(n),
                depth=index.depth + 1,
                numchild=0,
                url_path=f"{index.url_path}{slug}/",
                live=True,
                has_unpublished_changes=False,
                first_published_at=now,
                last_published_at=now,
                locale_id=index.locale_id,
                translation_key=uuid.uuid4(),
            )
        )
    for offset in range(0, count, 2000):
        Page.objects.bulk_create(pages[offset : offset + 2000])
        print(f"  pages {offset + 2000 if offset + 2000 < count else count}/{count}", flush=True)
    ids = list(
        Page.objects.filter(
            path__startswith=index.path, depth=index.depth + 1, slug__startswith="bench-post-"
        )
        .order_by("path")
        .values_list("id", flat=True)
    )
    # Multi-table inheritance rules out bulk_create for BlogPage: save only its own table.
    for i, page_id in enumerate(ids):
        post = BlogPage(
            page_ptr_id=page_id,
            standfirst=f"Summary of bench post {i}.",
            date=datetime.date(2000, 1, 1) + datetime.timedelta(days=i),
            body=body % (" ".join(["word"] * 300), uuid.uuid4()),
        )
        post.save_base(raw=True, force_insert=True)
        if i % 2000 == 1999:
            print(f"  articles {i + 1}/{count}", flush=True)
    through = BlogPage.categories.through
    through.objects.bulk_create(
        [
            through(blogpage_id=pid, blogcategory_id=categories[i % len(categories)].pk)
            for i, pid in enumerate(ids)
        ],
        batch_size=2000,
    )
    BlogPageAuthor.objects.bulk_create(
        [
            BlogPageAuthor(page_id=pid, author=authors[i % len(authors)], sort_order=0)
            for i, pid in enumerate(ids)
        ],
        batch_size=2000,
    )
    BlogPageTag.objects.bulk_create(
        [
            BlogPageTag(content_object_id=pid, tag=tags[(i + k) % len(tags)])
            for i, pid in enumerate(ids)
            for k in (0, 7)
        ],
        batch_size=2000,
    )
    Page.objects.filter(pk=index.pk).update(numchild=start - 1 + count)


def clear_page_cache():
    """Drop cached pages but keep Wagtail's site root paths (as a warm server would)."""
    paths = cache.get(SITE_ROOT_PATHS_KEY)
    cache.clear()
    if paths is not None:
        cache.set(SITE_ROOT_PATHS_KEY, paths, 3600)


def measure(client, path, runs=7):
    """Median time of an uncached render (the site's page cache is cleared before each run)."""
    client.get(path, HTTP_HOST="localhost")  # warm per-process caches (content types)
    cache.clear()
    client.get(path, HTTP_HOST="localhost")  # and the site root paths, which live in the cache
    clear_page_cache()
    captured = []

    def count(execute, sql, params, many, context):
        captured.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        response = client.get(path, HTTP_HOST="localhost")
    assert response.status_code == 200, (path, response.status_code)
    times = []
    for _ in range(runs):
        clear_page_cache()
        started = time.perf_counter()
        client.get(path, HTTP_HOST="localhost")
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), len(captured), len(response.content)


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    try:
        print(f"Scratch database: {SCRATCH}")
        call_command("migrate", verbosity=0)
        call_command("load_demo_content", stdout=open(os.devnull, "w"))
        started = time.perf_counter()
        print(f"Generating {count} articles...", flush=True)
        generate(count)
        print(
            f"Generated in {time.perf_counter() - started:.1f} s; {BlogPage.objects.live().count()} live articles"
        )
        client = Client()
        deep = (count // 10) // 2 or 1
        paths = [
            "/blog/",
            f"/blog/?page={deep}",
            "/blog/category/recovery/",
            "/blog/feed/",
            "/blog/bench-post-4/",
        ]
        print(f"\n{'path':32} {'median ms':>10} {'queries':>8} {'bytes':>8}")
        for path in paths:
            median, queries, size = measure(client, path)
            print(f"{path:32} {median:10.1f} {queries:8d} {size:8d}")
    finally:
        connection.close()
        os.unlink(SCRATCH)


if __name__ == "__main__":
    main()
