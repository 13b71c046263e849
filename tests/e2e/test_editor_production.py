"""An editor's day on the site as production runs it: the production settings (CSP, secure
cookies), gunicorn with two worker processes and the default database (SQLite unless CI's
second pass gives PostgreSQL), driven in Chromium.

- The live preview panel shows the editor's unsaved change, with no CSP violation and no
  console error; publishing shows it on the public page at once.
- Two editors autosaving, previewing and publishing at once never get a server error."""

import re
import socket
import sys
import threading
from pathlib import Path

import pytest
import requests

REPO = Path(__file__).resolve().parents[2]
PASSWORD = "a-long-editor-password-4417"

pytestmark = pytest.mark.browser

MAKE_EDITORS = """
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from contact.permissions import EDITORS_GROUP, ensure_groups
from practice_site.models import StandardPage
ensure_groups()
# Clinicians who also review (About is under clinical review: a plain editor submits it instead,
# tests/e2e/test_clinical_review_browser.py), so they may publish it directly.
for name in ("clinician", "second-clinician"):
    user = get_user_model().objects.create_user(name, f"{name}@practice.example", PASSWORD)
    user.groups.add(Group.objects.get(name=EDITORS_GROUP), Group.objects.get(name="Clinical reviewers"))
print("ABOUT", StandardPage.objects.get(slug="about").pk)
""".replace("PASSWORD", repr(PASSWORD))


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def production():
    sys.path.insert(0, str(REPO / "bench"))
    from serve import production_server

    port = free_port()
    try:
        with production_server(port=port, db_name="practice_editor_e2e", max_seconds=600) as server:
            output = server.manage("shell", "-c", MAKE_EDITORS, capture=True).stdout
            about_id = int(re.search(r"ABOUT (\d+)", output).group(1))
            # Chromium keeps Secure (__Host-) cookies on http://localhost, as on an HTTPS site.
            yield {"base": f"http://localhost:{port}", "about": about_id, "server": server}
    finally:
        sys.path.remove(str(REPO / "bench"))


class Watch:
    """Console errors and CSP violations from a page and all its frames."""

    def __init__(self, page):
        self.errors, self.csp = [], []
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(f"pageerror: {error}"))

    def _console(self, message):
        if message.type != "error":
            return
        text = message.text
        if "Content Security Policy" in text or "frame-ancestors" in text or "Refused to" in text:
            self.csp.append(text)
        else:
            self.errors.append(text)


def log_in(page, base, username):
    page.goto(base + "/admin/login/")
    page.fill('input[name="username"]', username)
    page.fill('input[name="password"]', PASSWORD)
    with page.expect_navigation():
        page.click('button[type="submit"]')
    assert "/admin/login/" not in page.url, "login failed"


def test_editor_previews_an_unsaved_change_in_the_side_panel_then_publishes_it(production, browser):
    base, about = production["base"], production["about"]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    watch = Watch(page)
    log_in(page, base, "clinician")

    page.goto(f"{base}/admin/pages/{about}/edit/")
    new_title = "About our practice, previewed"
    page.fill("#id_title", new_title)
    page.locator('[data-side-panel-toggle="preview"]').first.click()
    frame_element = page.locator("iframe[data-w-preview-target='iframe'], .preview-panel iframe").first
    frame_element.wait_for(state="attached", timeout=15_000)

    def frame_shows_title():
        for frame in page.frames[1:]:
            if frame.is_detached():
                continue
            try:
                heading = frame.evaluate(
                    "document.querySelector('h1') && document.querySelector('h1').innerText"
                )
            except Exception:
                continue
            if heading and new_title in heading:
                return True
        return False

    for _ in range(60):
        if frame_shows_title():
            break
        page.wait_for_timeout(250)
    assert frame_shows_title(), "the preview panel never showed the unsaved title"
    assert watch.csp == [], watch.csp
    assert watch.errors == [], watch.errors

    # Publish, as an editor does: the footer's "more actions" menu, then Publish.
    page.locator("footer [data-w-dropdown-target='toggle'], footer .dropdown-toggle").first.click()
    with page.expect_navigation():
        page.locator('button[name="action-publish"]').first.click()
    assert page.locator(".messages, [data-w-messages-target]").first.inner_text()

    public = browser.new_context()  # an anonymous visitor
    visitor = public.new_page()
    visitor.goto(base + "/about/")
    assert visitor.locator("h1").inner_text() == new_title
    public.close()
    assert watch.csp == [], watch.csp
    assert watch.errors == [], watch.errors
    context.close()


def edit_form_data(page):
    """The edit form's fields as the admin's own JavaScript built them (StreamField and all)."""
    return page.evaluate(
        """() => {
            const form = document.getElementById('page-edit-form');
            return Array.from(new FormData(form).entries())
                .filter(([k, v]) => typeof v === 'string');
        }"""
    )


def test_two_editors_autosaving_previewing_and_publishing_at_once_get_no_server_error(production, browser):
    base, about = production["base"], production["about"]
    sessions = []
    for username in ("clinician", "second-clinician"):
        context = browser.new_context()
        page = context.new_page()
        log_in(page, base, username)
        page.goto(f"{base}/admin/pages/{about}/edit/")
        page.locator('#page-edit-form input[name="body-count"]').wait_for(state="attached")
        fields = edit_form_data(page)
        cookies = "; ".join(f"{c['name']}={c['value']}" for c in context.cookies())
        sessions.append((username, fields, cookies))
        context.close()

    edit_url = f"{base}/admin/pages/{about}/edit/"
    preview_url = f"{base}/admin/pages/{about}/edit/preview/"
    statuses, lock = [], threading.Lock()

    def work(n):
        username, fields, cookies = sessions[n % 2]
        data = [(k, v) for k, v in fields if k != "title"] + [("title", f"About us, edit {n}")]
        http = requests.Session()
        headers = {"Cookie": cookies, "Referer": edit_url}
        for step in range(5):
            kind = (n + step) % 4
            if kind == 0:  # autosave / save draft
                response = http.post(edit_url, data=data, headers=headers, allow_redirects=False, timeout=60)
            elif kind == 1:  # the preview panel posts the form, then loads it
                response = http.post(preview_url, data=data, headers=headers, timeout=60)
                if response.status_code < 500:
                    response = http.get(preview_url, headers=headers, timeout=60)
            elif kind == 2:
                response = http.post(
                    edit_url,
                    data=data + [("action-publish", "action-publish")],
                    headers=headers,
                    allow_redirects=False,
                    timeout=60,
                )
            else:  # a visitor reads the page meanwhile
                response = http.get(base + "/about/", timeout=60)
            with lock:
                statuses.append((kind, response.status_code))

    threads = [threading.Thread(target=work, args=(n,)) for n in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert len(statuses) == 60
    server_errors = [s for s in statuses if s[1] >= 500]
    log = Path(production["server"].log_path).read_text(errors="replace")
    assert server_errors == [], (server_errors, log[-3000:])
    # The saves really went through (a redirect back to the editor, or the edit view again).
    assert {code for kind, code in statuses if kind in (0, 2)} <= {200, 302}
    assert any(code == 302 for kind, code in statuses if kind == 2)
