"""`make bench-edge`: the edge cache against gunicorn, and how fast a publish reaches the edge.

Starts the scale-out topology (deploy/topology.py: Varnish -> nginx -> two gunicorn app servers,
production settings, on a scratch PostgreSQL database and Redis; needs DATABASE_URL=postgres://...
and REDIS_URL), then in one run:

1. requests per second and p99 latency of one cached public page (/about/) with `wrk`
   (2 threads, 32 connections, DURATION seconds each): through Varnish (an edge hit), and
   straight from one gunicorn app server (the app's own page cache hit, no proxy);
2. publish to fresh at the edge: an administrator publishes a draft of /about/ through app server
   1's admin (Wagtail's bulk publish, over HTTP) ROUNDS times while a reader polls the edge every
   10 ms; the time from sending the publish to the first edge response with the new title.

Prints a table and writes bench/results/edge-<time>.json. Environment: BENCH_EDGE_DURATION
(default 10 s), BENCH_EDGE_ROUNDS (default 5), BENCH_EDGE_CONNECTIONS (default 32).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import requests  # noqa: E402

from bench.run import run_wrk  # noqa: E402
from deploy.topology import topology  # noqa: E402
from tests.topology.test_topology import SIGN_IN, Staff  # noqa: E402

PAGE = "/about/"


def measure_publish(site, staff, page_id, rounds):
    """[(seconds until the POST returned, seconds until the edge served the new title)]"""
    results = []
    for number in range(rounds):
        title = f"About us, version {number} {time.time_ns()}"
        site.apps[1].manage(
            "shell",
            "--no-imports",
            "-c",
            "from practice_site.models import StandardPage\n"
            f"page = StandardPage.objects.get(pk={page_id}); page.title = {title!r}; page.save_revision()",
        )
        requests.get(site.edge + PAGE, timeout=10)  # the old version is in the edge
        path = f"/admin/bulk/wagtailcore/page/publish/?id={page_id}"
        token = staff.csrf_token(path)
        fresh_at = {}

        def reader(started, title=title, fresh_at=fresh_at):
            while time.perf_counter() - started < 10:
                if title in requests.get(site.edge + PAGE, timeout=10).text:
                    fresh_at["t"] = time.perf_counter() - started
                    return
                time.sleep(0.01)

        started = time.perf_counter()
        thread = threading.Thread(target=reader, args=(started,))
        thread.start()
        response = staff.request("POST", path, data={"csrfmiddlewaretoken": token})
        posted = time.perf_counter() - started
        thread.join()
        assert response.status_code == 302, response.status_code
        results.append((posted, fresh_at.get("t")))
    return results


def main():
    if not shutil.which("wrk"):
        sys.exit("bench-edge needs wrk: apt-get install wrk")
    database_url, redis_url = os.environ.get("DATABASE_URL", ""), os.environ.get("REDIS_URL", "")
    if not database_url.startswith(("postgres://", "postgresql://")) or not redis_url:
        sys.exit("bench-edge needs DATABASE_URL=postgres://... and REDIS_URL (two app servers share them)")
    duration = int(os.environ.get("BENCH_EDGE_DURATION", "10"))
    rounds = int(os.environ.get("BENCH_EDGE_ROUNDS", "5"))
    connections = int(os.environ.get("BENCH_EDGE_CONNECTIONS", "32"))
    print("Starting Varnish -> nginx -> 2 x gunicorn (migrate and demo content first) ...", flush=True)
    with topology(database_url, redis_url, db_name=f"bench_edge_{os.getpid()}") as site:
        app1 = site.apps[0]
        session_key = re.search(
            r"SESSION (\w+)", app1.manage("shell", "-c", SIGN_IN, capture=True).stdout
        ).group(1)
        staff = Staff(app1, session_key)
        for url in (site.edge + PAGE, app1 + PAGE):
            for _ in range(3):
                requests.get(url, timeout=10)  # warm: the page cache and the edge hold the page
        assert requests.get(site.edge + PAGE, timeout=10).headers["X-Edge-Cache"] == "HIT"
        loads = {
            "edge (Varnish hit)": run_wrk(site.edge + PAGE, connections, duration),
            "gunicorn (page cache hit)": run_wrk(app1 + PAGE, connections, duration),
        }
        page_id = app1.manage(
            "shell", "--no-imports", "-c",
            "from practice_site.models import StandardPage; print(StandardPage.objects.get(slug='about').pk)",
            capture=True,
        ).stdout.strip()  # fmt: skip
        publishes = measure_publish(site, staff, page_id, rounds)

    print(f"\n{PAGE}, {connections} connections, {duration} s each (wrk):")
    print(f"{'':28} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}")
    for name, result in loads.items():
        print(
            f"{name:28} {result['rps'] or 0:9.0f} {result['p50_ms'] or 0:8.2f} {result['p99_ms'] or 0:8.2f} "
            f"{result['errors'] + result['non_2xx']:7d}"
        )
    fresh = [t for _p, t in publishes if t is not None]
    posted = [p for p, _t in publishes]
    print(f"\nPublish through app server 1 -> fresh at the edge ({rounds} rounds):")
    print(
        f"  publish request (including the purge): median {statistics.median(posted) * 1000:.0f} ms, max {max(posted) * 1000:.0f} ms"
    )
    if fresh:
        print(
            f"  fresh at the edge after: median {statistics.median(fresh) * 1000:.0f} ms, max {max(fresh) * 1000:.0f} ms"
        )
    if len(fresh) < rounds:
        print(f"  NOT fresh within 10 s in {rounds - len(fresh)} round(s)")
    results_dir = REPO / "bench" / "results"
    results_dir.mkdir(exist_ok=True)
    out = results_dir / f"edge-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.write_text(json.dumps({"loads": loads, "publishes": publishes}, indent=2))
    print(f"\nwritten to {out.relative_to(REPO)}")
    return 0 if len(fresh) == rounds else 1


if __name__ == "__main__":
    sys.exit(main())
