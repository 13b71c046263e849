"""The site keeps working when parts of it fail: the database, the cache (Redis), email.

The database test is real: the production server (gunicorn, bench/serve.py) runs against a
PostgreSQL cluster of its own, which the test stops and starts again under it."""

import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

import pytest
import requests
from django.core.cache import caches
from django.core.management import call_command
from redis.exceptions import ConnectionError as RedisConnectionError

from contact.models import Inquiry
from tests.contact_helpers import CONTACT_URL, THANKS_URL, form_data
from tests.helpers import CRISIS_MARKERS
from tests.staff_helpers import log_in_verified

REPO = Path(__file__).resolve().parent.parent
POSTGRES = os.environ.get("DATABASE_URL", "").startswith("postgres")
REDIS_URL = os.environ.get("REDIS_URL", "")


# The real outage test needs PostgreSQL and Redis: it is only collected when DATABASE_URL and
# REDIS_URL name them (tests/conftest.py); CI's PostgreSQL pass runs it.
def needs_postgres_and_redis(test):
    return pytest.mark.redis(pytest.mark.postgres(test))


def free_port(start=8700, end=8800):
    """A TCP port in our range that nothing listens on."""
    for port in range(start, end):
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port in 8700-8799")


def closed_port():
    """A port on 127.0.0.1 where nothing listens (bound then released, never listened on)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# -- Database down, for real -----------------------------------------------------------------


def postgres_bin():
    versions = sorted(
        (p for p in Path("/usr/lib/postgresql").glob("*/bin") if (p / "initdb").exists()),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
    )
    if versions:
        return versions[-1]
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).parent
    raise RuntimeError("PostgreSQL server binaries (initdb, pg_ctl) not found")


class Cluster:
    """A throwaway PostgreSQL cluster in a temp directory, on its own port."""

    def __init__(self):
        self.bin = postgres_bin()
        self.dir = Path(tempfile.mkdtemp(prefix="helper_resilience_pg_"))
        self.port = free_port()
        self.as_root = os.geteuid() == 0
        if self.as_root:  # postgres refuses to run as root
            shutil.chown(self.dir, "postgres", "postgres")
        self.data = self.dir / "data"

    def _run(self, *args, timeout=60):
        command = [str(self.bin / args[0]), *args[1:]]
        if self.as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=True)

    def init(self):
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "--no-sync")

    def start(self):
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.dir / "log"), "-w", "start")

    def stop(self):
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def url(self, name):
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def remove(self):
        if (self.data / "postmaster.pid").exists():
            try:
                self.stop()
            except Exception:
                pid = int((self.data / "postmaster.pid").read_text().split()[0])
                os.kill(pid, signal.SIGKILL)
        shutil.rmtree(self.dir, ignore_errors=True)


def libpq_url(settings_dict):
    user = quote(settings_dict.get("USER") or "postgres")
    password = settings_dict.get("PASSWORD")
    auth = f"{user}:{quote(password)}@" if password else f"{user}@"
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = settings_dict.get("PORT") or "5432"
    return f"postgresql://{auth}{host}:{port}/{settings_dict['NAME']}"


def collect_production_static(static_root):
    """collectstatic with the production storage (hashed names + manifest), in this process
    (a subprocess would pay Django's start-up again)."""
    from django.test import override_settings

    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    with override_settings(STATIC_ROOT=str(static_root), STORAGES=storages):
        call_command("collectstatic", interactive=False, verbosity=0)


def worker_pids(master_pid):
    """Every descendant of the server's process (the gunicorn master and its workers)."""
    children = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = set(), [master_pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


@pytest.fixture
def outage_server(django_db_setup, django_db_blocker, tmp_path):
    """The production server on a PostgreSQL cluster of its own, holding a copy of the demo
    site (dumped from the test database: migrating from scratch would take minutes)."""
    sys.path.insert(0, str(REPO / "bench"))
    from django.db import connection
    from serve import production_server

    cluster = Cluster()
    try:
        cluster.init()
        cluster.start()
        dump = tmp_path / "demo.dump"
        subprocess.run(
            ["pg_dump", "-Fc", "-f", str(dump), "-d", libpq_url(connection.settings_dict)],
            check=True,
            timeout=60,
        )
        name = "helper_resilience_outage"
        subprocess.run(
            ["createdb", "-h", "127.0.0.1", "-p", str(cluster.port), "-U", "postgres", name], check=True
        )
        subprocess.run(
            ["pg_restore", "--no-owner", "-d", cluster.url(name), str(dump)], check=True, timeout=60
        )
        # The copy may come from a flushed database (browser tests flush theirs): make sure the
        # demo site is there (idempotent; it only adds what is missing).
        subprocess.run(
            [sys.executable, "manage.py", "load_demo_content"],
            cwd=REPO,
            env={
                **os.environ,
                "DATABASE_URL": cluster.url(name),
                "DJANGO_SETTINGS_MODULE": "practice_site.settings.dev",
            },
            check=True,
            timeout=180,
            capture_output=True,
        )
        # The practice changed its number since the cache last saw the settings: the 503 page
        # must still show the number the site shows.
        subprocess.run(
            [
                "psql",
                "-q",
                "-d",
                cluster.url(name),
                "-c",
                "UPDATE practice_site_practicesettings SET phone = '(503) 555-0177'",
            ],
            check=True,
        )
        collect_production_static(tmp_path / "static")
        with production_server(
            port=free_port(cluster.port + 1),
            database_url=cluster.url(name),
            prepare=False,
            extra_env={"DJANGO_STATIC_ROOT": str(tmp_path / "static"), "REDIS_URL": REDIS_URL},
            startup_timeout=120,
            max_seconds=300,
        ) as server:
            server.cluster = cluster
            yield server
    finally:
        cluster.remove()
        sys.path.remove(str(REPO / "bench"))


@needs_postgres_and_redis
@pytest.mark.django_db  # so the test database (copied into the cluster) exists when run alone
def test_database_outage_keeps_cached_pages_answers_503_and_recovers_without_restart(outage_server):
    server = outage_server
    cached = ["/", "/about/", "/specialties/"]
    uncached = ["/fees-and-insurance/", "/faq/", "/blog/", "/contact/"]
    session = requests.Session()

    def get(path):
        return requests.get(server + path, timeout=20, allow_redirects=False)

    for path in cached:
        assert get(path).status_code == 200
        assert get(path).headers.get("X-Cache") == "HIT", path
    phone_link = 'href="tel:+15035550177"'
    assert phone_link in get("/").text
    workers_before = worker_pids(server.pid)
    assert len(workers_before) >= 3  # gunicorn master + 2 workers

    server.cluster.stop()
    statuses = {}
    for path in cached:
        response = get(path)
        statuses[path] = response.status_code
        assert response.status_code == 200, path
        assert response.headers["X-Cache"] == "HIT"
        assert phone_link in response.text
    for path in uncached:
        response = get(path)
        statuses[path] = response.status_code
        assert response.status_code == 503, (path, response.status_code)
        assert response.headers["Retry-After"] == "60"
        assert response.headers["Cache-Control"] == "no-store"
        html = response.text
        assert "This page will be back in a few minutes" in html  # the static 503.html
        assert phone_link in html, "the 503 page shows the practice's current number"
        for marker in CRISIS_MARKERS:
            assert marker in html, (path, marker)
    post = session.post(server + "/contact/", data={"name": "x"}, timeout=20)
    statuses["POST /contact/"] = post.status_code
    assert post.status_code in (403, 503)  # no CSRF cookie: refused before the database
    health = get("/healthz")
    statuses["/healthz"] = health.status_code
    assert health.status_code == 503
    assert 500 not in statuses.values(), statuses
    assert worker_pids(server.pid) == workers_before, "a worker died or was replaced"

    server.cluster.start()
    deadline = time.monotonic() + 20
    while get("/healthz").status_code != 200:
        assert time.monotonic() < deadline, "the app did not reconnect to the database"
        time.sleep(0.5)
    for path in cached + uncached + ["/healthz"]:
        assert get(path).status_code == 200, path
    assert worker_pids(server.pid) == workers_before
    log = server.log_path.read_text(errors="replace")
    assert "Worker exiting" not in log and "WORKER TIMEOUT" not in log


# -- Cache (Redis) down ------------------------------------------------------------------------


@pytest.fixture
def cache_down(settings):
    """The default cache is a Redis URL where nothing listens."""
    settings.CACHES = {
        "default": {
            "BACKEND": "practice_site.cache_backends.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    yield caches["default"]


@pytest.mark.django_db
def test_cache_down_pages_render_and_the_form_still_takes_an_inquiry(client, cache_down, caplog):
    with pytest.raises(RedisConnectionError):
        cache_down._cache.get_client().ping()  # really down
    for path in ("/", "/about/", "/blog/", "/contact/"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.get("X-Cache") != "HIT"

    before = Inquiry.objects.count()
    marker = "Cache outage marker 4417"
    with caplog.at_level(logging.INFO):
        response = client.post(CONTACT_URL, form_data(name="Robin Cacheless", message=marker))
    assert response.status_code == 303
    assert response["Location"] == THANKS_URL
    assert Inquiry.objects.count() == before + 1
    saved = Inquiry.objects.latest("created_at")
    assert saved.message == marker and saved.status == Inquiry.Status.NEW

    assert marker not in caplog.text
    assert "Robin" not in caplog.text and "555-0142" not in caplog.text and "+1503" not in caplog.text


@pytest.mark.django_db
def test_cache_down_the_rate_limit_still_holds(client, cache_down, settings):
    """The counts are kept in the database, so a cache outage lifts no limit."""
    settings.CONTACT_RATE_LIMIT = "1/600"
    before = Inquiry.objects.count()
    assert client.post(CONTACT_URL, form_data(message="first")).status_code == 303
    for n in range(2):
        response = client.post(CONTACT_URL, form_data(message=f"try {n}"))
        assert response.status_code == 429
    assert Inquiry.objects.count() == before + 1


# -- Email down, end to end ------------------------------------------------------------------


@pytest.mark.django_db(transaction=False)
def test_email_down_inquiry_is_saved_pending_then_sent_once_when_email_returns(
    client, settings, django_capture_on_commit_callbacks
):
    from django.core import mail

    settings.INTAKE_NOTIFY_EMAILS = ["intake@practice.example"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = closed_port()
    settings.EMAIL_TIMEOUT = 2
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False

    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(CONTACT_URL, form_data(message="Email outage marker"))
    assert response.status_code == 303
    assert time.monotonic() - started < 10
    inquiry = Inquiry.objects.latest("created_at")
    assert inquiry.message == "Email outage marker"
    assert inquiry.notified_at is None

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox = []
    call_command("send_pending_notifications", stdout=open(os.devnull, "w"))
    mine = [m for m in mail.outbox if m.subject.endswith(f"#{inquiry.pk}")]
    assert len(mine) == 1
    assert "Email outage marker" not in mine[0].body
    inquiry.refresh_from_db()
    assert inquiry.notified_at is not None

    mail.outbox = []
    call_command("send_pending_notifications", stdout=open(os.devnull, "w"))
    assert mail.outbox == []


# -- Image uploads ---------------------------------------------------------------------------


def png_bytes(width, height):
    from io import BytesIO

    from PIL import Image

    buffer = BytesIO()
    Image.new("1", (width, height), 1).save(buffer, "PNG")  # 1 bit per pixel: small and quick
    return buffer.getvalue()


SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("imgadmin", "imgadmin@example.com", "a-long-password-1")
    log_in_verified(client, user)
    return client


def post_image(admin_client, name, content, content_type):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.images import get_image_model

    before = get_image_model().objects.count()
    response = admin_client.post(
        "/admin/images/add/",
        {"title": name, "file": SimpleUploadedFile(name, content, content_type=content_type)},
    )
    return response, get_image_model().objects.count() - before


@pytest.mark.django_db
def test_admin_image_upload_accepts_png_and_refuses_svg(admin_client):
    response, added = post_image(admin_client, "ok.png", png_bytes(20, 20), "image/png")
    assert response.status_code == 302 and added == 1

    response, added = post_image(admin_client, "drawing.svg", SVG, "image/svg+xml")
    assert added == 0
    assert response.status_code == 200
    assert "Not a supported image format" in response.content.decode()

    # An SVG renamed .png is not a PNG either.
    response, added = post_image(admin_client, "sneaky.png", SVG, "image/png")
    assert added == 0


@pytest.mark.django_db
def test_image_field_refuses_oversized_files_and_pixel_counts(settings):
    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.images.fields import WagtailImageField

    assert "svg" not in settings.WAGTAILIMAGES_EXTENSIONS
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 10 * 1024 * 1024
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 40_000_000

    def clean(name, content):
        return WagtailImageField().clean(SimpleUploadedFile(name, content, content_type="image/png"))

    assert clean("small.png", png_bytes(30, 30))
    with pytest.raises(ValidationError, match="too big"):
        clean("big.png", png_bytes(30, 30) + b"\0" * (10 * 1024 * 1024))
    # 50 million pixels (a small file: a blank PNG compresses well) is over the 40 million limit.
    with pytest.raises(ValidationError, match="too many pixels"):
        clean("huge.png", png_bytes(10_000, 5_000))
    with pytest.raises(ValidationError):
        clean("drawing.svg", SVG)
