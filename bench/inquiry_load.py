"""Load test of the contact form: N concurrent visitors send M valid inquiries to the production
server on PostgreSQL; afterwards exactly M inquiries must exist, each marker once, no 5xx.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres python bench/inquiry_load.py
    python bench/inquiry_load.py --clients 20 --inquiries 500 --port 8750 --db-name bench_inquiry_load

How: `serve.production_server()` starts gunicorn with the production settings over HTTPS (the
CSRF cookie is `__Host-` and Secure, so plain HTTP would never send it back) on a scratch
PostgreSQL database, with the per-IP contact rate limit raised (every client here shares one
address). Each client, like a browser, GETs /contact/ once for its CSRF cookie and the form's
hidden fields (the CSRF token and the signed time the form was shown), waits out the minimum
fill time (CONTACT_MIN_FILL_SECONDS) once, then posts its share of inquiries, each with a
unique name and message marker, following nothing (a valid post answers 303). Then
`manage.py shell` (same environment, so the same decryption key) counts the saved inquiries
and decrypts their messages. Exit status 0 only if every check passes.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import threading
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from pathlib import Path

import requests

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from serve import production_server  # noqa: E402

MIN_FILL_SECONDS = 2

COUNT_SCRIPT = """
import json
from collections import Counter
from contact.models import Inquiry
rows = list(Inquiry.objects.values_list("pk", "name", "status"))
messages = [i.message or "" for i in Inquiry.objects.only("message")]
markers = Counter(m for m in messages if m.startswith("load-marker-"))
print(json.dumps({
    "total": len(rows),
    "names": len({name for _, name, _ in rows}),
    "statuses": dict(Counter(status for _, _, status in rows)),
    "markers": sorted(markers),
    "duplicated_markers": sum(1 for count in markers.values() if count > 1),
}))
"""


class HiddenInputs(HTMLParser):
    """The hidden fields of the inquiry form (csrfmiddlewaretoken, started_at, ...)."""

    def __init__(self):
        super().__init__()
        self.fields = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and attrs.get("type") == "hidden" and attrs.get("name"):
            self.fields[attrs["name"]] = attrs.get("value") or ""


def inquiry_data(hidden, client, n, run_id):
    return {
        **hidden,
        "name": f"Load {client:02d}-{n:03d}",
        "help_for": "myself",
        "contact_method": "call",
        "phone": "(503) 555-0142",
        "email": "",
        "best_time": "any",
        "message": f"load-marker-{run_id}-{client:02d}-{n:03d} I would like to talk to someone.",
        "consent": "on",
        "website": "",
    }


def run_client(server, client, count, run_id, results, lock):
    session = requests.Session()
    # Per request: a session-wide `verify` loses to REQUESTS_CA_BUNDLE in the environment.
    verify = server.ca_file  # the throwaway local CA that signed the server's certificate
    form_url = server + "/contact/"
    page = session.get(form_url, timeout=60, verify=verify)
    parser = HiddenInputs()
    parser.feed(page.text)
    hidden = parser.fields
    if page.status_code != 200 or "csrfmiddlewaretoken" not in hidden or "started_at" not in hidden:
        raise RuntimeError(f"client {client}: the form did not load ({page.status_code})")
    time.sleep(MIN_FILL_SECONDS + 0.5)  # a person takes longer than this to fill it in
    for n in range(count):
        started = time.perf_counter()
        try:
            response = session.post(
                form_url,
                data=inquiry_data(hidden, client, n, run_id),
                headers={"Referer": form_url},
                allow_redirects=False,
                timeout=60,
                verify=verify,
            )
            status = response.status_code
        except requests.RequestException as error:
            status = f"error: {type(error).__name__}"
        with lock:
            results.append((status, time.perf_counter() - started))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--inquiries", type=int, default=500)
    parser.add_argument("--port", type=int, default=8750)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--db-name", default="bench_inquiry_load")
    args = parser.parse_args(argv)
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        print("inquiry_load: set DATABASE_URL to a PostgreSQL server (a scratch database is made on it)")
        return 2

    shares = [
        args.inquiries // args.clients + (1 if i < args.inquiries % args.clients else 0)
        for i in range(args.clients)
    ]
    run_id = uuid.uuid4().hex[:8]
    extra_env = {
        "CONTACT_RATE_LIMIT": f"{args.inquiries * 10}/600",  # one address for every client here
        "CONTACT_MIN_FILL_SECONDS": str(MIN_FILL_SECONDS),
        "INTAKE_NOTIFY_EMAILS": "intake@practice.example",  # locmem backend: nothing leaves
    }
    print(f"starting the production server on PostgreSQL (database {args.db_name}) ...", flush=True)
    with production_server(
        port=args.port, tls=True, workers=args.workers, db_name=args.db_name, extra_env=extra_env
    ) as server:
        results, lock = [], threading.Lock()
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=args.clients) as pool:
            futures = [
                pool.submit(run_client, server, client, share, run_id, results, lock)
                for client, share in enumerate(shares)
            ]
            for future in futures:
                future.result()
        elapsed = time.perf_counter() - started - (MIN_FILL_SECONDS + 0.5)
        counted = json.loads(
            server.manage("shell", "-c", COUNT_SCRIPT, capture=True).stdout.strip().splitlines()[-1]
        )
        log = server.log_path.read_text(errors="replace")

    statuses = Counter(status for status, _ in results)
    latencies = sorted(seconds for _, seconds in results)
    expected = {
        f"load-marker-{run_id}-{client:02d}-{n:03d} I would like to talk to someone."
        for client, share in enumerate(shares)
        for n in range(share)
    }
    found = set(counted["markers"])
    checks = {
        f"{args.inquiries} posts answered 303": statuses.get(303, 0) == args.inquiries,
        "no 5xx or connection errors": not [s for s in statuses if not isinstance(s, int) or s >= 500],
        f"exactly {args.inquiries} inquiries saved": counted["total"] == args.inquiries,
        f"{args.inquiries} distinct names": counted["names"] == args.inquiries,
        "every marker saved and decrypted": found == expected,
        "no duplicated markers": counted["duplicated_markers"] == 0,
        "none stored as spam": counted["statuses"].get("spam", 0) == 0,
        "no worker timeouts or crashes": "WORKER TIMEOUT" not in log and "Traceback" not in log,
    }
    print(f"clients: {args.clients}, gunicorn workers: {args.workers}, inquiries sent: {len(results)}")
    print(f"time: {elapsed:.1f} s for the posts, {len(results) / elapsed:.1f} inquiries/s")
    median, p95 = statistics.median(latencies), latencies[int(len(latencies) * 0.95) - 1]
    print(
        f"latency: median {median * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, max {latencies[-1] * 1000:.0f} ms"
    )
    print(f"status counts: {dict(sorted(statuses.items(), key=str))}")
    print(
        f"saved: {counted['total']} inquiries, {counted['names']} distinct names, {len(found)} distinct markers, statuses {counted['statuses']}"
    )
    for name, ok in checks.items():
        print(f"  [{'ok' if ok else 'FAIL'}] {name}")
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
