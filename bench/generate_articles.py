"""Add N generated articles under the blog index, fast (bulk inserts with treebeard-correct paths).

Used by `make bench` (bench/run.py) through ``manage.py shell``::

    python manage.py shell -c "from bench.generate_articles import generate; generate(1000)"

Each article gets a one-section body of ~300 words, one of the demo authors, one of the demo
categories and two of 40 tags, with dates before the demo articles' so the demo stays on top.
No Wagtail signals fire (bulk operations), so nothing is indexed for search and the page cache
is not touched; run it before the server starts (bench/serve.py ``setup_commands`` do).
Adapted from bench/blog_bench.py (the blog helper's 10,000-article timing script)."""

import datetime
import json
import time
import uuid

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard MP_Node: 4 characters per level
WORDS = (
    "recovery takes time and support from people who understand what you are facing and why "
    "small steady steps matter more than a perfect plan on any single day"
).split()


def encode_step(number):
    out = ""
    for _ in range(4):
        number, rem = divmod(number, 36)
        out = ALPHABET[rem] + out
    return out


def _body(i):
    words = " ".join(WORDS[(i + k) % len(WORDS)] for k in range(300))
    block = {
        "type": "section",
        "value": {"heading": "What helps", "heading_level": "h2", "body": f"<p>{words}.</p>"},
        "id": str(uuid.uuid4()),
    }
    return json.dumps([block])


def generate(count=1000, verbose=True):
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone
    from taggit.models import Tag
    from wagtail.models import Page

    from blog.models import Author, BlogCategory, BlogIndexPage, BlogPage, BlogPageAuthor, BlogPageTag

    started = time.perf_counter()
    with transaction.atomic():
        # The English blog (the demo has a Spanish one too, with its own authors' translations).
        index = BlogIndexPage.objects.get(locale__language_code="en")
        content_type = ContentType.objects.get_for_model(BlogPage)
        authors = list(Author.objects.filter(locale=index.locale_id).order_by("pk"))
        categories = list(BlogCategory.objects.filter(locale=index.locale_id).order_by("pk"))
        tags = [
            Tag.objects.get_or_create(slug=f"topic-{n}", defaults={"name": f"topic {n}"})[0]
            for n in range(40)
        ]
        last_child = (
            Page.objects.filter(path__startswith=index.path, depth=index.depth + 1).order_by("-path").first()
        )
        first = (int(last_child.path[-4:], 36) + 1) if last_child else 1
        now = timezone.now()
        pages = []
        for i in range(count):
            n = first + i
            slug = f"generated-article-{n}"
            pages.append(
                Page(
                    title=f"Generated article {n}",
                    draft_title=f"Generated article {n}",
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
        Page.objects.bulk_create(pages, batch_size=500)
        ids = list(
            Page.objects.filter(
                path__startswith=index.path, depth=index.depth + 1, slug__startswith="generated-article-"
            )
            .order_by("path")
            .values_list("id", flat=True)
        )
        # Multi-table inheritance rules out bulk_create for BlogPage: insert only its own row.
        for i, page_id in enumerate(ids):
            BlogPage(
                page_ptr_id=page_id,
                standfirst=f"A short summary of generated article {i}.",
                date=datetime.date(2015, 1, 1) + datetime.timedelta(days=i),
                body=_body(i),
            ).save_base(raw=True, force_insert=True)
        through = BlogPage.categories.through
        through.objects.bulk_create(
            [
                through(blogpage_id=pid, blogcategory_id=categories[i % len(categories)].pk)
                for i, pid in enumerate(ids)
            ],
            batch_size=500,
        )
        BlogPageAuthor.objects.bulk_create(
            [
                BlogPageAuthor(page_id=pid, author=authors[i % len(authors)], sort_order=0)
                for i, pid in enumerate(ids)
            ],
            batch_size=500,
        )
        BlogPageTag.objects.bulk_create(
            [
                BlogPageTag(content_object_id=pid, tag=tags[(i + k) % len(tags)])
                for i, pid in enumerate(ids)
                for k in (0, 7)
            ],
            batch_size=500,
        )
        Page.objects.filter(pk=index.pk).update(
            numchild=Page.objects.filter(path__startswith=index.path, depth=index.depth + 1).count()
        )
    if verbose:
        print(f"generated {len(ids)} articles in {time.perf_counter() - started:.1f} s", flush=True)
    return ids
