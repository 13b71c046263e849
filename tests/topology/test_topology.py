"""The scale-out topology on this machine (deploy/topology.py): Varnish -> nginx -> two gunicorn
app servers with the production settings, one PostgreSQL database, one Redis, one S3 server.

- an image uploaded through app server 1 shows through app server 2 and through the edge;
- a publish made through app server 1 is served fresh at the edge within a second;
- 20 visitors at once each get their own form token through the edge and can each send it;
- with one app server killed, no request fails.

Needs PostgreSQL and Redis (CI's second pass): marked `postgres` and `redis`, so the SQLite pass
deselects it (never skips). The database is a scratch one of its own,
`<DJANGO_TEST_DB_NAME>_topology`, dropped afterwards; the cache keys have a prefix of their own."""

import io
import os
import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from deploy.topology import topology
from tests.s3_server import running_s3_server

pytestmark = [pytest.mark.postgres, pytest.mark.redis]

SIGN_IN = """
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
user = get_user_model().objects.create_superuser("topology-admin", "admin@practice.example", "a-long-pass-4417")
device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
session = SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session[DEVICE_ID_SESSION_KEY] = device.persistent_id
session.create()
print("SESSION", session.session_key)
"""


@pytest.fixture(autouse=True)
def _fresh_cache():
    """conftest's version empties this worker's Redis database between tests; the app servers
    share it (under a prefix of their own) and must keep their state across this module."""
    yield


@pytest.fixture(scope="module")
def site():
    base = os.environ.get("DJANGO_TEST_DB_NAME", "test_practice")
    with (
        running_s3_server() as s3,
        topology(
            database_url=os.environ["DATABASE_URL"],
            redis_url=os.environ["REDIS_URL"],
            s3_env=s3.env,
            extra_env={
                "CONTACT_RATE_LIMIT": "100/600",  # every visitor here comes from 127.0.0.1
                "CONTACT_MIN_FILL_SECONDS": "1",
            },
            db_name=f"{base}_topology{os.environ.get('PYTEST_XDIST_WORKER', '')}",
        ) as running,
    ):
        running.s3 = s3
        output = running.apps[0].manage("shell", "-c", SIGN_IN, capture=True).stdout
        running.session_key = re.search(r"SESSION (\w+)", output).group(1)
        yield running


def shell(app, code):
    return app.manage("shell", "--no-imports", "-c", code, capture=True).stdout


class Staff:
    """An administrator's browser talking to one app server directly (plain HTTP: the cookies'
    Secure flag is the browser's business, so they are sent by hand)."""

    def __init__(self, base, session_key):
        self.base = base
        self.cookies = {"__Host-sessionid": session_key}

    def request(self, method, path, **kwargs):
        cookie = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        response = requests.request(
            method, self.base + path, headers={"Cookie": cookie}, allow_redirects=False, timeout=30, **kwargs
        )
        for name, value in response.cookies.items():
            self.cookies[name] = value
        return response

    def csrf_token(self, path):
        page = self.request("GET", path)
        assert page.status_code == 200, (path, page.status_code)
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)


def png_bytes():
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (640, 480), (40, 120, 90)).save(buffer, "PNG")
    return buffer.getvalue()


def edge_get(site, path, **kwargs):
    return requests.get(site.edge + path, timeout=30, **kwargs)


def test_image_uploaded_through_one_app_server_shows_through_the_other_and_the_edge(site):
    app1, app2 = site.apps
    staff = Staff(app1, site.session_key)
    token = staff.csrf_token("/admin/images/add/")
    collection = shell(
        app1, "from wagtail.models import Collection; print(Collection.get_first_root_node().pk)"
    )
    uploaded = staff.request(
        "POST",
        "/admin/images/add/",
        data={"csrfmiddlewaretoken": token, "title": "Topology garden", "collection": collection.strip()},
        files={"file": ("garden.png", png_bytes(), "image/png")},
    )
    assert uploaded.status_code == 302, uploaded.text[:2000]

    # An editor (in a process of app server 2's) makes it a specialty page's hero and publishes.
    output = shell(
        app2,
        "from wagtail.images import get_image_model; from specialties.models import SpecialtyPage\n"
        "page = SpecialtyPage.objects.live().order_by('path').first()\n"
        "page.hero_image = get_image_model().objects.get(title='Topology garden')\n"
        "page.hero_alt = 'A green garden'\n"
        "page.save_revision().publish()\n"
        "print('PATH', page.get_url_parts()[2])",
    )
    path = re.search(r"PATH (\S+)", output).group(1)
    pattern = re.compile(rf"{re.escape(site.s3.endpoint_url)}/{site.s3.bucket}/images/[^\"'\s]+")
    seen = []
    for base in (app2, site.edge):
        page = requests.get(base + path, timeout=30)
        assert page.status_code == 200, (base + path, output)
        urls = set(pattern.findall(page.text))
        assert urls, f"no image from the bucket on the page served by {base}"
        seen.append(urls)
    # The renditions were made once, stored in the bucket, and both servers use those.
    assert seen[0] == seen[1]
    for url in seen[0]:
        image = requests.get(url, timeout=30)  # anonymous, as a visitor's browser
        assert image.status_code == 200, url
        assert image.headers["Content-Type"].startswith("image/") and len(image.content) > 100


def test_publish_through_one_app_server_is_fresh_at_the_edge_within_a_second(site):
    app1, app2 = site.apps
    assert edge_get(site, "/about/").status_code == 200
    assert edge_get(site, "/about/").headers["X-Edge-Cache"] == "HIT"
    # A draft, saved by an editor working on app server 2.
    page_id = shell(
        app2,
        "from practice_site.models import StandardPage\n"
        "page = StandardPage.objects.get(slug='about')\n"
        "page.title = 'About us: a new team'\n"
        "page.save_revision()\n"
        "print(page.pk, page.get_full_url())",
    ).split()
    page_id, full_url = page_id
    assert full_url == site.edge + "/about/"  # purges carry the Host visitors use
    assert "About us: a new team" not in edge_get(site, "/about/").text

    staff = Staff(app1, site.session_key)
    path = f"/admin/bulk/wagtailcore/page/publish/?id={page_id}"
    token = staff.csrf_token(path)
    published = staff.request("POST", path, data={"csrfmiddlewaretoken": token})
    published_at = time.monotonic()
    assert published.status_code == 302, published.text[:2000]
    seen = []  # (seconds after the publish, edge, app's page cache, fresh)
    while time.monotonic() - published_at < 5:
        response = edge_get(site, "/about/")
        fresh = "About us: a new team" in response.text
        seen.append((round(time.monotonic() - published_at, 3), response.headers.get("X-Edge-Cache"),
                     response.headers.get("X-Cache"), fresh))  # fmt: skip
        if fresh:
            break
        time.sleep(0.05)
    assert seen[-1][3] and seen[-1][0] < 1, f"the edge served the old page: {seen}"
    assert edge_get(site, "/about/").headers["X-Edge-Cache"] == "HIT"


FORM_FIELDS = {
    "name": "Sam Rivera",
    "help_for": "myself",
    "contact_method": "call",
    "phone": "(503) 555-0142",
    "email": "",
    "ok_to_leave_voicemail": "on",
    "best_time": "evening",
    "message": "I'd like to talk about my drinking.",
    "consent": "on",
    "website": "",
}


def visit_and_send(site, number, barrier):
    """One visitor: loads the contact page through the edge, waits like a person, sends it."""
    page = edge_get(site, "/contact/")
    assert page.status_code == 200 and page.headers["X-Edge-Cache"] == "MISS"
    csrf_cookie = page.cookies.get("__Host-csrftoken")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    started = re.search(r'name="started_at" value="([^"]+)"', page.text).group(1)
    barrier.wait(timeout=60)
    time.sleep(1.2)  # CONTACT_MIN_FILL_SECONDS
    origin = site.edge.replace("http://", "https://")  # TLS ends at the edge
    sent = requests.post(
        site.edge + "/contact/",
        data={
            **FORM_FIELDS,
            "name": f"Visitor {number}",
            "csrfmiddlewaretoken": token,
            "started_at": started,
        },
        headers={
            "Cookie": f"__Host-csrftoken={csrf_cookie}",
            "Origin": origin,
            "Referer": origin + "/contact/",
        },
        allow_redirects=False,
        timeout=60,
    )
    return csrf_cookie, started, sent.status_code, sent.headers.get("Location")


def test_twenty_visitors_at_once_each_get_their_own_token_and_can_send_the_form(site):
    before = int(shell(site.apps[0], "from contact.models import Inquiry; print(Inquiry.objects.count())"))
    barrier = threading.Barrier(20)
    with ThreadPoolExecutor(max_workers=20) as pool:
        results = list(pool.map(lambda n: visit_and_send(site, n, barrier), range(20)))
    assert [status for _c, _s, status, _l in results] == [303] * 20, results
    assert all(location.endswith("/contact/thanks/") for _c, _s, _st, location in results)
    assert len({cookie for cookie, _s, _st, _l in results}) == 20
    assert len({started for _c, started, _st, _l in results}) == 20
    counts = shell(
        site.apps[1],
        "from contact.models import Inquiry\n"
        "real = Inquiry.objects.exclude(status=Inquiry.Status.SPAM)\n"
        "print(Inquiry.objects.count(), real.count())",
    ).split()
    assert int(counts[0]) - before == 20
    assert int(counts[1]) - before == 20  # none taken for a bot's (replayed or too fast)


def test_with_one_app_server_killed_no_request_fails(site):
    site.stop_app(1)
    time.sleep(0.2)
    with pytest.raises(requests.ConnectionError):
        requests.get(site.apps[1] + "/healthz", timeout=5)  # it is gone
    statuses = []
    # Pages the edge passes through to nginx every time (never cached), so each reaches an app
    # server: nginx finds the dead one (connection refused) and retries on the other.
    for _ in range(10):
        for path in ("/search/?q=family", "/contact/", "/healthz"):
            statuses.append(edge_get(site, path).status_code)
    assert statuses == [200] * len(statuses)
    sent = visit_and_send(site, 99, threading.Barrier(1))
    assert sent[2] == 303
