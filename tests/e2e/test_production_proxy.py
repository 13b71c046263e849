"""The production recipe end to end, through nginx over HTTPS.

`deploy/serve_production.py` (what `make serve-production` runs) starts on free ports with
scratch static and media folders and its own database: nginx in front, gunicorn with the
production settings behind it. Then:

- the TLS chain verifies against the local CA, and http:// redirects to https://;
- nginx serves /static/ (hashed names: a year, immutable) and uploaded images itself (gunicorn's
  access log never sees them), never /media/documents/, and refuses bodies over the upload
  limit with 413;
- the login lockout counts the client address nginx forwards in X-Forwarded-For;
- an editor uploads an image in the admin, makes it a specialty page's hero and publishes, and an
  anonymous visitor sees the new text and the image.

Chromium ignores certificate errors (`ignore_https_errors`): every other request here verifies
the chain with `requests` against the CA file the script printed.

Database: a SQLite file in the scratch folder; on CI's PostgreSQL pass (DATABASE_URL=postgres://)
a scratch PostgreSQL database of its own, `<DJANGO_TEST_DB_NAME>_proxy`, dropped afterwards.
REDIS_URL, when set, is passed on (under a cache key prefix of the script's own)."""

import contextlib
import http.client
import os
import re
import secrets
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlsplit, urlunsplit

import pytest
import requests

REPO = Path(__file__).resolve().parents[2]
PASSWORD = "a-long-editor-password-4417"
UPLOAD_LIMIT = 10 * 1024 * 1024  # WAGTAILIMAGES_MAX_UPLOAD_SIZE

pytestmark = pytest.mark.browser

MAKE_EDITOR = f"""
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from contact.permissions import EDITORS_GROUP, ensure_groups
from specialties.models import SpecialtyPage
ensure_groups()
editor = get_user_model().objects.create_user("proxy-editor", "editor@practice.example", {PASSWORD!r})
# An editor who is also a clinical reviewer: the specialty page is under clinical review.
editor.groups.add(Group.objects.get(name=EDITORS_GROUP), Group.objects.get(name="Clinical reviewers"))
page = SpecialtyPage.objects.live().order_by("path").first()
print("PAGE", page.pk, page.slug)
"""


def free_ports(count):
    with contextlib.ExitStack() as stack:
        sockets = [stack.enter_context(socket.socket()) for _ in range(count)]
        for sock in sockets:
            sock.bind(("127.0.0.1", 0))
        return [sock.getsockname()[1] for sock in sockets]


def scratch_database(scratch):
    """(DATABASE_URL, drop) for a database of this test's own."""
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith(("postgres://", "postgresql://")):
        return f"sqlite:///{scratch / 'db.sqlite3'}", lambda: None
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    from bench.serve import _recreate_postgres_db

    base = os.environ.get("DJANGO_TEST_DB_NAME", "test_practice")
    name = f"{base}_proxy{os.environ.get('PYTEST_XDIST_WORKER', '')}"
    _recreate_postgres_db(database_url, name)
    return urlunsplit(urlsplit(database_url)._replace(path=f"/{name}")), lambda: _recreate_postgres_db(
        database_url, name, drop_only=True
    )


def wait_for_banner(proc, log_path, timeout=150):
    """The CA file the script prints once nginx answers (migrate and the rest come first)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = log_path.read_text(errors="replace")
        found = re.search(r"^Local CA certificate: (\S+)", text, re.MULTILINE)
        if found:
            return found.group(1)
        if proc.poll() is not None:
            break
        time.sleep(0.25)
    raise AssertionError(
        f"serve_production.py did not come up:\n{log_path.read_text(errors='replace')[-5000:]}"
    )


def processes_mentioning(text):
    """Pids of processes whose command line or environment names `text`."""
    found = []
    for proc_dir in Path("/proc").glob("[0-9]*"):
        if int(proc_dir.name) == os.getpid():
            continue
        with contextlib.suppress(OSError):
            if any(text.encode() in (proc_dir / part).read_bytes() for part in ("cmdline", "environ")):
                found.append(int(proc_dir.name))
    return found


def port_is_open(port):
    with socket.socket() as sock:
        sock.settimeout(1)
        return sock.connect_ex(("127.0.0.1", port)) == 0


@pytest.fixture(scope="module")
def site():
    scratch = Path(tempfile.mkdtemp(prefix="practice-proxy-test-"))
    scratch.chmod(0o755)  # run as root, nginx's workers are www-data: they must reach media and static
    (scratch / "tmp").mkdir()
    https_port, http_port, app_port = free_ports(3)
    database_url, drop_database = scratch_database(scratch)
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "GUNICORN_"))}
    env.update(
        DATABASE_URL=database_url,
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="localhost",
        DJANGO_MEDIA_ROOT=str(scratch / "media"),
        DJANGO_STATIC_ROOT=str(scratch / "static"),
        GUNICORN_ACCESS_LOG=str(scratch / "gunicorn-access.log"),
        SERVE_PRODUCTION_DIR=str(scratch / "state"),
        TMPDIR=str(scratch / "tmp"),  # the script's scratch folders (nginx's among them) go here
        HTTPS_PORT=str(https_port),
        HTTP_PORT=str(http_port),
        APP_PORT=str(app_port),
        PYTHONUNBUFFERED="1",
    )
    log_path = scratch / "serve-production.log"
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            [sys.executable, "deploy/serve_production.py"],
            cwd=REPO,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    came_up = False
    try:
        ca_file = wait_for_banner(proc, log_path)
        page_id, slug = make_editor({**env, "DJANGO_SETTINGS_MODULE": "practice_site.settings.production"})
        came_up = True
        yield SimpleNamespace(
            base=f"https://localhost:{https_port}",
            http_base=f"http://localhost:{http_port}",
            https_port=https_port,
            ca_file=ca_file,
            media=scratch / "media",
            gunicorn_log=scratch / "gunicorn-access.log",
            page_id=page_id,
            slug=slug,
        )
    finally:
        problems = stop(proc, scratch, (https_port, http_port, app_port))
        drop_database()
        shutil.rmtree(scratch, ignore_errors=True)
    assert not (came_up and problems), problems


def make_editor(manage_env):
    """An "Editors" account in the server's database; returns the specialty page to edit."""
    made = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", MAKE_EDITOR],
        cwd=REPO,
        env=manage_env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert made.returncode == 0, made.stderr[-3000:]
    page_id, slug = re.search(r"PAGE (\d+) (\S+)", made.stdout).groups()
    return int(page_id), slug


def stop(proc, scratch, ports):
    """SIGTERM, as a service manager (or Ctrl-C) would, then make sure nothing is left: returns
    what went wrong (no clean exit, processes that outlived it, ports still open)."""
    problems = []
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=45)
        except subprocess.TimeoutExpired:
            problems.append("serve_production.py did not stop within 45 s of SIGTERM")
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
    if proc.returncode != 0:
        log = (scratch / "serve-production.log").read_text(errors="replace")[-3000:]
        problems.append(f"exit status {proc.returncode}:\n{log}")
    left_running = processes_mentioning(str(scratch))
    for pid in left_running:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    if left_running:
        problems.append(f"processes outlived serve_production.py: {left_running}")
    still_open = [port for port in ports if port_is_open(port)]
    if still_open:
        problems.append(f"ports still open after the stop: {still_open}")
    return problems


def get(site, path, **kwargs):
    return requests.get(site.base + path, verify=site.ca_file, timeout=30, **kwargs)


def gunicorn_saw(site, prefix):
    """Requests gunicorn logged for paths under `prefix` (its format: `addr "GET /path" ...`)."""
    log = site.gunicorn_log.read_text(errors="replace")
    return re.findall(rf'"[A-Z]+ {re.escape(prefix)}[^"]*"', log)


def test_tls_verifies_against_the_local_ca_and_http_redirects_to_https(site):
    response = get(site, "/")
    assert response.status_code == 200
    assert response.headers["Server"] == "nginx"  # no version number
    # Django only sends HSTS on a secure request: X-Forwarded-Proto from nginx reached it.
    assert "max-age=" in response.headers["Strict-Transport-Security"]
    with pytest.raises(requests.exceptions.SSLError):  # the chain really is checked
        requests.get(site.base + "/", timeout=10)

    redirect = requests.get(site.http_base + "/specialties/?page=2", allow_redirects=False, timeout=10)
    assert redirect.status_code == 301
    assert redirect.headers["Location"] == site.base + "/specialties/?page=2"


def test_nginx_serves_static_files_with_a_year_long_cache_for_hashed_names(site):
    stylesheet = re.search(r"/static/css/site\.[0-9a-f]{12}\.css", get(site, "/").text).group(0)
    response = get(site, stylesheet, headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/css"
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Content-Encoding"] == "gzip"  # collectstatic's .gz copy

    unhashed = get(site, "/static/css/site.css")
    assert unhashed.status_code == 200
    assert unhashed.headers["Cache-Control"] == "public, max-age=3600"
    assert gunicorn_saw(site, "/static/") == []
    assert '"GET /"' in site.gunicorn_log.read_text()  # while it did log the page


def test_uploaded_documents_and_other_media_files_are_never_served_directly(site):
    documents = site.media / "documents"
    documents.mkdir(parents=True, exist_ok=True)
    (documents / "intake-form.pdf").write_bytes(b"%PDF-1.4\n% a private form\n")
    (site.media / "notes.html").write_text("<script>alert(1)</script>")
    for path in ("/media/documents/intake-form.pdf", "/media/documents/", "/media/notes.html"):
        response = get(site, path)
        assert response.status_code == 404, path
        assert b"private form" not in response.content and b"<script>" not in response.content


def _post_with_declared_length(site, path, length):
    """Headers only: nginx must answer from Content-Length alone, before any body arrives."""
    context = ssl.create_default_context(cafile=site.ca_file)
    connection = http.client.HTTPSConnection("localhost", site.https_port, context=context, timeout=30)
    try:
        connection.putrequest("POST", path)
        connection.putheader("Content-Type", "application/octet-stream")
        connection.putheader("Content-Length", str(length))
        connection.endheaders()
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def test_nginx_refuses_request_bodies_over_the_upload_limit(site):
    # An admin path: the app's own 1 MB limit for public pages doesn't apply there.
    status, body = _post_with_declared_length(
        site, "/admin/images/multiple/add/", UPLOAD_LIMIT + 3 * 1024 * 1024
    )
    assert status == 413
    assert b"nginx" in body
    assert gunicorn_saw(site, "/admin/images/multiple/add/") == []

    # A full-size image upload (10 MB and its form) gets through to the app.
    allowed = requests.post(
        site.base + "/admin/images/multiple/add/",
        data=b"x" * (UPLOAD_LIMIT + 64 * 1024),
        headers={"Content-Type": "application/octet-stream"},
        verify=site.ca_file,
        timeout=60,
        allow_redirects=False,
    )
    assert allowed.status_code != 413
    # gunicorn writes its access log after answering: give a busy machine a moment.
    for _ in range(50):
        if gunicorn_saw(site, "/admin/images/multiple/add/"):
            break
        time.sleep(0.1)
    assert gunicorn_saw(site, "/admin/images/multiple/add/")


class FromAddress(requests.adapters.HTTPAdapter):
    """Connects from a chosen local address (127.0.0.2 is as local as 127.0.0.1)."""

    def __init__(self, address):
        self.address = address
        super().__init__()

    def init_poolmanager(self, *args, **kwargs):
        super().init_poolmanager(*args, source_address=(self.address, 0), **kwargs)


def _failed_login(session, site, username, spoofed_address):
    login = session.get(site.base + "/admin/login/", verify=site.ca_file, timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login.text)
    if token is None:
        return login.status_code
    response = session.post(
        site.base + "/admin/login/",
        data={"username": username, "password": "not-the-password-1", "csrfmiddlewaretoken": token.group(1)},
        headers={"Referer": site.base + "/admin/login/", "X-Forwarded-For": spoofed_address},
        verify=site.ca_file,
        timeout=30,
    )
    return response.status_code


def test_the_login_lockout_counts_the_address_nginx_forwards(site):
    guesser = requests.Session()
    guesser.mount("https://", FromAddress("127.0.0.2"))
    # Five failures from 127.0.0.2, each claiming another address in its own X-Forwarded-For:
    # nginx appends the address it saw, and the app trusts that one only.
    statuses = [_failed_login(guesser, site, f"guess-{n}", f"203.0.113.{n + 1}") for n in range(5)]
    assert statuses[:4] == [200] * 4
    assert statuses[4] == 429
    assert _failed_login(guesser, site, "guess-again", "198.51.100.9") == 429
    # Someone else (127.0.0.1) is not locked out with them: the app didn't see nginx's address.
    assert _failed_login(requests.Session(), site, "someone-else", "203.0.113.1") == 200


def test_an_editor_publishes_an_image_that_an_anonymous_visitor_then_sees(site, browser, tmp_path):
    from PIL import Image, ImageDraw

    image_file = tmp_path / "calm-water.png"
    picture = Image.new("RGB", (1200, 800), (64, 120, 150))
    ImageDraw.Draw(picture).rectangle((0, 520, 1200, 800), fill=(220, 200, 160))
    picture.save(image_file)

    editor = browser.new_context(ignore_https_errors=True, viewport={"width": 1280, "height": 900})
    page = editor.new_page()
    page.goto(site.base + "/admin/login/")
    page.fill('input[name="username"]', "proxy-editor")
    page.fill('input[name="password"]', PASSWORD)
    with page.expect_navigation():
        page.click('button[type="submit"]')
    assert "/admin/login/" not in page.url, "login failed"

    page.goto(f"{site.base}/admin/pages/{site.page_id}/edit/")
    page.locator("#id_hero_image-chooser .unchosen [data-chooser-action-choose]").click()
    page.locator("#tab-label-upload").click()
    page.set_input_files("#tab-upload input[type=file]", str(image_file))
    page.fill("#tab-upload input[name$='-title']", "Calm water")
    page.locator("#tab-upload button[type=submit]").click()
    page.locator(".modal-content").wait_for(state="detached", timeout=20_000)
    assert page.locator("#id_hero_image-title").inner_text() == "Calm water"
    page.fill("#id_hero_alt", "Morning light on calm water by a sandy shore")
    new_summary = "Served through nginx: a calm, confidential first conversation."
    page.fill("#id_summary", new_summary)
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    with page.expect_navigation():
        page.locator('button[name="action-publish"]').first.click()
    assert "has been published" in page.locator("[data-w-messages-target], .messages").first.inner_text()
    editor.close()

    visitor_context = browser.new_context(ignore_https_errors=True)  # anonymous, no cookies
    visitor = visitor_context.new_page()
    media_responses = []
    visitor.on("response", lambda response: "/media/" in response.url and media_responses.append(response))
    visitor.goto(f"{site.base}/specialties/{site.slug}/", wait_until="load")
    assert visitor.locator(".lead").first.inner_text() == new_summary
    image = visitor.locator("figure.specialty-hero-image img")
    assert image.get_attribute("alt") == "Morning light on calm water by a sandy shore"
    assert image.evaluate("img => img.complete && img.naturalWidth > 0"), "the hero image did not load"
    assert media_responses, "no image was requested from /media/"
    for response in media_responses:
        assert response.status == 200, response.url
        assert response.headers["content-type"].startswith("image/"), response.url
        assert response.headers["cache-control"] == "public, max-age=86400"
        assert response.headers["x-content-type-options"] == "nosniff"
    visitor_context.close()

    # The image and its renditions came from nginx: gunicorn never saw a /media/ request.
    assert gunicorn_saw(site, "/media/") == []
