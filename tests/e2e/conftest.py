"""Real-browser fixtures: Playwright for Python driving Debian's Chromium (no browser download).

Browser tests use the live server, which needs committed data: each test loads the demo site
into a transactional database, which is flushed afterwards (so the loader also recreates the
tree root that Wagtail's migrations would have made)."""

import os

import pytest
from django.core.management import call_command

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(
            f"Chromium not found at {CHROMIUM}: install Debian's package (apt-get install chromium). "
            "Browser tests never skip."
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def live_demo(live_server):
    """The live server with the demo site loaded (and unloaded again afterwards)."""
    call_command("load_demo_content", stdout=open(os.devnull, "w"))
    return live_server


@pytest.fixture
def phone_page(browser):
    """A fresh browser context at a 360x740 phone viewport."""
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def desktop_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    yield page
    context.close()
