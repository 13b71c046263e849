"""Demo articles, authors and categories."""

from practice_site.demo import ensure_page

from .models import BlogIndexPage


def load(home):
    return ensure_page(
        home,
        BlogIndexPage,
        "blog",
        title="Blog",
        search_description="Articles on addiction, trauma, intimacy and recovery from our clinicians.",
        intro="<p>Plain-spoken articles about addiction, relationships and recovery.</p>",
    )
