"""Blog at scale: 10,000 articles in a scratch SQLite database, then timings and query counts.

Run: .venv/bin/python bench/blog_bench.py [number_of_posts]
Not part of the test suite. The database is a temporary file, deleted afterwards."""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
SCRATCH = tempfile.NamedTemporaryFile(prefix="blog-bench-", suffix=".sqlite3", delete=False).name
os.environ["DATABASE_URL"] = f"sqlite:///{SCRATCH}"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "practice_site.settings.dev")

import django  # noqa: E402

django.setup()


from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from blog.models import BlogPage  # noqa: E402

SITE_ROOT_PATHS_KEY = "wagtail_site_root_paths"
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's MP_Node alphabet, 4 chars a step


def generate(count):
    """The same bulk generator `make bench` uses (bench/generate_articles.py)."""
    from generate_articles import generate as generate_articles

    return generate_articles(count)


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
            "/blog/generated-article-4/",
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
