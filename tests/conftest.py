"""Shared fixtures. The demo site is loaded once per test session into the test database;
ordinary tests run inside a transaction that is rolled back, so they can change anything."""

import os

import pytest
from django.core.management import call_command
from wagtail.models import Site

# Playwright's sync API runs an event loop in the test thread; Django's ORM refuses to run
# while one is running unless told it's safe (it is: the loop only drives the browser).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    """Tests marked `postgres` / `redis` need those servers: without DATABASE_URL=postgres://...
    or REDIS_URL they are deselected (not skipped), and the run says so."""
    available = {
        "postgres": os.environ.get("DATABASE_URL", "").startswith("postgres"),
        "redis": bool(os.environ.get("REDIS_URL")),
    }
    kept, deselected = [], []
    for item in items:
        needs = [name for name, present in available.items() if name in item.keywords and not present]
        (deselected if needs else kept).append(item)
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = kept
        config._practice_deselected = len(deselected)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    count = getattr(config, "_practice_deselected", 0)
    if count:
        terminalreporter.write_line(
            f"{count} test(s) need PostgreSQL/Redis and were not collected: set DATABASE_URL and REDIS_URL "
            "(CI's second pass does)."
        )


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo_content", stdout=open(os.devnull, "w"))


@pytest.fixture(autouse=True)
def _fresh_cache():
    """The cache is not rolled back with the database: start every test with an empty one."""
    from django.core.cache import cache

    from practice_site.page_cache import epoch, local_pages, pending

    def forget():
        cache.clear()
        local_pages.clear()
        epoch.forget()
        pending.since = None

    forget()
    yield
    forget()


@pytest.fixture
def site(db):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def practice(site):
    from practice_site.models import PracticeSettings

    return PracticeSettings.for_site(site)


@pytest.fixture
def home(db):
    from practice_site.models import HomePage

    return HomePage.objects.get(locale__language_code="en")
