"""Hostile input never crashes the site: every public URL, requested with the variants a crawler
or an attacker sends (huge paths and query strings, NUL bytes, broken UTF-8, path traversal, odd
methods, odd Host headers, huge or malformed bodies, garbage headers), answers with a 2xx, 3xx
or 4xx, never a 5xx.

`client.raise_request_exception = False` makes an unhandled exception show up as the 500 a
visitor would get, so each test can collect every failing URL and report them all at once."""

from urllib.parse import quote

import pytest
from django.test import Client
from wagtail.models import Page

# Public URLs that are not Wagtail pages (or are sub-pages of one).
FIXED_PATHS = [
    "/",
    "/search/?q=x",
    "/sitemap.xml",
    "/robots.txt",
    "/blog/feed/",
    "/healthz",
    "/contact/thanks/",
]
METHODS = ["PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "HEAD"]
FIVE_MB = 5 * 1024 * 1024

pytestmark = pytest.mark.django_db


@pytest.fixture
def public_paths(site):
    """Every live, public page of the demo site plus the fixed public URLs (no duplicates)."""
    paths = list(FIXED_PATHS)
    for page in Page.objects.live().public().specific().exclude(depth=1):
        url = page.get_url(current_site=site)
        if url and url not in paths:
            paths.append(url)
    return paths


@pytest.fixture
def hostile_client(client):
    client.raise_request_exception = False
    return client


def split(path):
    """('/search/', 'q=x') for '/search/?q=x'."""
    base, _, query = path.partition("?")
    return base, query


def with_query(path, extra):
    base, query = split(path)
    return f"{base}?{query + '&' if query else ''}{extra}"


def request_all(client, requests):
    """Send (method, path, kwargs) triples; return the ones that answered 5xx."""
    failures = []
    for method, path, kwargs in requests:
        response = client.generic(method, path, **kwargs)
        if response.status_code >= 500:
            failures.append(
                f"{method} {path[:120]}{'...' if len(path) > 120 else ''} -> {response.status_code}"
            )
    return failures


def gets(paths, **kwargs):
    return [("GET", path, kwargs) for path in paths]


# Variants that are costly to send to every URL are dealt out in turn (every URL gets one, every
# variant reaches several URLs), and sent in full to these three: a page, the form, a view.
CORE_PATHS = ["/", "/contact/", "/search/?q=x"]


def dealt(paths, variants, core=CORE_PATHS):
    """[(path, variant)]: each path with one variant in turn, plus every variant on `core`."""
    pairs = [(path, variants[i % len(variants)]) for i, path in enumerate(paths)]
    return pairs + [(path, variant) for path in core for variant in variants]


def test_crawler_finds_every_public_page_and_each_answers(hostile_client, public_paths):
    # The crawl must really cover the site: pages from every app, each answering normally.
    for expected in ("/", "/contact/", "/blog/", "/specialties/", "/about/"):
        assert expected in public_paths
    assert len(public_paths) >= 20, public_paths
    bad = []
    for path in public_paths:
        status = hostile_client.get(path).status_code
        if not (200 <= status < 400):
            bad.append(f"{path} -> {status}")
    assert bad == []


def test_very_long_paths_never_crash(hostile_client, public_paths):
    requests = gets([split(path)[0].rstrip("/") + "/" + "a" * 5000 + "/" for path in public_paths])
    requests += gets(["/" + "x" * 5000, "/" + "a/" * 2500, "/search/" + "%20" * 2000])
    assert request_all(hostile_client, requests) == []


def test_very_long_and_crowded_query_strings_never_crash(hostile_client, public_paths):
    long_value = "q=" + "z" * 20_000
    many_fields = "&".join(f"f{i}=1" for i in range(12_000))  # over DATA_UPLOAD_MAX_NUMBER_FIELDS
    requests = gets([with_query(path, long_value + "&" + many_fields) for path in public_paths])
    requests += gets(
        ["/search/?" + long_value, "/search/?q=" + quote("help " * 4000), "/search/?q=x&page=" + "9" * 5000]
    )
    failures = request_all(hostile_client, requests)
    assert failures == []
    # Too many fields is the client's fault: a 400, not a page.
    assert hostile_client.get("/search/?" + many_fields).status_code == 400


def test_nul_bytes_in_path_and_query_never_crash(hostile_client, public_paths):
    variants = [
        lambda path: split(path)[0].rstrip("/") + "%00/",
        lambda path: with_query(path, "q=%00&page=%00&%00=%00"),
    ]
    requests = gets([variant(path) for path, variant in dealt(public_paths, variants)])
    requests += gets(["/search/?q=a%00b&page=%00", "/%00", "/blog/%00feed/", "/healthz%00"])
    assert request_all(hostile_client, requests) == []


def test_invalid_utf8_percent_escapes_never_crash(hostile_client, public_paths):
    escapes = ["%ff%fe", "%c0%af", "%ed%a0%80", "%e2%82", "%80", "%%", "%zz"]
    every = "".join(escapes)
    query = "&".join(f"q={escape}&{escape}={escape}" for escape in escapes)
    variants = [lambda path: split(path)[0] + every + "/", lambda path: with_query(path, query)]
    requests = gets([variant(path) for path, variant in dealt(public_paths, variants)])
    requests += gets([f"/{escape}/" for escape in escapes] + [f"/search/?q={escape}" for escape in escapes])
    assert request_all(hostile_client, requests) == []


def test_search_survives_query_syntax_and_injection_payloads(hostile_client):
    # What scanners send (wapiti's sql/xss/exec payloads) and what full-text engines parse:
    # an unbalanced double quote used to crash SQLite's FTS5 ("unterminated string").
    payloads = [
        '"',
        'help"',
        '"help',
        "help\u00bf'\"(",
        "';--",
        "' OR '1'='1",
        '"; exit(md5(1)); //',
        '</title><object data="javascript:alert(1)">',
        "(",
        ")",
        "*",
        "help*",
        "NEAR(a b)",
        "a AND",
        "OR",
        "NOT help",
        "-",
        "^",
        ":",
        "col:help",
        "{a}",
        "\t",
        "\u00a0",
        "\u200b",
        "\\",
    ]
    failures = []
    for payload in payloads:
        for extra in ({}, {"page": "2"}):
            response = hostile_client.get("/search/", {"q": payload, **extra})
            if response.status_code != 200:
                failures.append(f"q={payload!r} -> {response.status_code}")
    assert failures == []
    # Results are still found when the query carries stray syntax around a real word.
    assert b'class="results"' in hostile_client.get("/search/", {"q": 'help"'}).content


def test_path_traversal_never_crashes_nor_leaks_files(hostile_client, public_paths):
    attempts = [
        "/..%2f..%2fetc/passwd",
        "/..%2f..%2f..%2f..%2fetc%2fpasswd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/static/..%2f..%2fpractice_site/settings/base.py",
        "/static/../../etc/passwd",
        "/media/..%2f..%2fmanage.py",
        "/documents/..%2f..%2fetc/passwd",
        "/..\\..\\etc\\passwd",
        "/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd",
        "/robots.txt/..%2f..%2fetc/passwd",
    ]
    attempts += [split(path)[0] + "..%2f..%2fetc/passwd" for path in public_paths]
    failures = []
    for path in attempts:
        response = hostile_client.get(path)
        body = response.content if not getattr(response, "streaming", False) else b"".join(response)
        if response.status_code >= 500 or b"root:x:" in body or b"SECRET_KEY" in body:
            failures.append(f"{path} -> {response.status_code}")
    assert failures == []


def test_odd_methods_never_crash(hostile_client, public_paths):
    requests = [(method, path, {}) for path, method in dealt(public_paths, METHODS)]
    assert request_all(hostile_client, requests) == []
    # Pages answer TRACE with a refusal, never an echo of the request.
    response = hostile_client.generic("TRACE", "/", HTTP_X_PROBE="echo-me")
    assert response.status_code >= 400 and b"echo-me" not in response.content


def test_odd_host_headers_get_400_not_500(hostile_client, public_paths):
    hosts = [
        "evil.example",
        "localhost:notaport",
        "a" * 300,
        "[::1",
        "testserver@evil.example",
        "testserver\r\nX-Injected: 1",
        "тест.example",
        "",
    ]
    failures = []
    for path, host in dealt(public_paths, hosts):
        status = hostile_client.get(path, HTTP_HOST=host).status_code
        if status != 400:
            failures.append(f"{path} Host={host[:40]!r} -> {status}")
    assert failures == []


def test_huge_and_malformed_bodies_to_contact_never_crash(hostile_client):
    huge = "message=" + "x" * FIVE_MB
    response = hostile_client.post("/contact/", data=huge, content_type="application/x-www-form-urlencoded")
    assert response.status_code in (400, 413)
    many_fields = "&".join(f"f{i}=1" for i in range(12_000))
    response = hostile_client.post(
        "/contact/", data=many_fields, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code in (400, 413)

    requests = [
        (
            "POST",
            "/contact/",
            {"data": b"\xff\xfe\x00" * 1000, "content_type": "application/x-www-form-urlencoded"},
        ),
        (
            "POST",
            "/contact/",
            {
                "data": "name=%ff%fe&email=%c0%af&message=%00",
                "content_type": "application/x-www-form-urlencoded",
            },
        ),
        (
            "POST",
            "/contact/",
            {"data": b"--nope\r\ngarbage", "content_type": "multipart/form-data; boundary=x"},
        ),
        ("POST", "/contact/", {"data": b"abc", "content_type": "multipart/form-data"}),
        ("POST", "/contact/", {"data": '{"name": "x"}', "content_type": "application/json"}),
        ("POST", "/contact/", {"data": b"x" * FIVE_MB, "content_type": "application/octet-stream"}),
        ("POST", "/contact/", {"data": b"", "content_type": "text/plain"}),
        (
            "POST",
            "/contact/",
            {"data": "name=" + "n" * 100_000, "content_type": "application/x-www-form-urlencoded"},
        ),
    ]
    # A 5 MB multipart upload: files stream to disk, so it is refused or ignored, never a crash.
    boundary = "BoUnDaRy"
    multipart = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="attachment"; filename="x.bin"\r\n'
        f"Content-Type: application/octet-stream\r\n\r\n".encode()
        + b"\0" * FIVE_MB
        + f"\r\n--{boundary}--\r\n".encode()
    )
    requests.append(
        (
            "POST",
            "/contact/",
            {"data": multipart, "content_type": f"multipart/form-data; boundary={boundary}"},
        )
    )
    assert request_all(hostile_client, requests) == []


def test_huge_posts_to_every_public_url_never_crash(hostile_client, public_paths):
    body = "q=" + "x" * (3 * 1024 * 1024)  # over DATA_UPLOAD_MAX_MEMORY_SIZE
    requests = [
        ("POST", path, {"data": body, "content_type": "application/x-www-form-urlencoded"})
        for path in public_paths
    ]
    assert request_all(hostile_client, requests) == []


def test_csrf_protected_posts_are_refused_not_crashed(public_paths):
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    requests = [
        (
            "POST",
            path,
            {"data": "name=a&email=b%40example.com", "content_type": "application/x-www-form-urlencoded"},
        )
        for path in public_paths
    ]
    assert request_all(client, requests) == []
    assert client.post("/contact/", {"name": "a"}).status_code == 403


def test_garbage_headers_never_crash(hostile_client, public_paths):
    headers = [
        {"HTTP_COOKIE": "sessionid=" + "x" * 4000 + "; csrftoken=%ff%fe; ===; ;;"},
        {"HTTP_COOKIE": '__Host-sessionid=\x00; a="unterminated'},
        {"HTTP_X_FORWARDED_FOR": "not-an-ip, , 999.999.999.999, " + "1," * 500},
        {"HTTP_X_FORWARDED_PROTO": "https, http", "HTTP_X_FORWARDED_HOST": "evil.example"},
        {"HTTP_ACCEPT_LANGUAGE": "xx-" + "y" * 2000 + ";q=abc"},
        {"HTTP_IF_MODIFIED_SINCE": "yesterday", "HTTP_IF_NONE_MATCH": '"' + "e" * 3000},
        {"HTTP_RANGE": "bytes=999999999-1", "HTTP_ACCEPT_ENCODING": "br;q=nan, *;q=-1"},
        {"HTTP_REFERER": "javascript:alert(1)", "HTTP_USER_AGENT": "\x00" * 100},
        {"CONTENT_LENGTH": "-1"},
    ]
    requests = [("GET", path, extra) for path, extra in dealt(public_paths, headers, core=["/"])]
    assert request_all(hostile_client, requests) == []
