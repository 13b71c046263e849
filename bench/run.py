"""`make bench`: how fast the public pages answer, against the bare framework on this machine.

What it does (about 4-6 minutes):

1. starts the site as production runs it (gunicorn, 2 workers, production settings) on a
   scratch database with the demo content plus 1,000 generated articles, through
   bench/serve.py: SQLite by default; PostgreSQL when DATABASE_URL is set (a scratch database
   named after it, ending in ``_bench``) and Redis when REDIS_URL is set. The server also gets
   BENCH_TRIVIAL_VIEW=1, which adds /bench/trivial/: a constant response with no database,
   template or page-cache work, the ceiling for this Django project on this machine;
2. in a separate process with the same settings and database, renders every page with the
   Django test client and the page cache switched off: SQL queries and median render time of
   20 renders ("uncached");
3. drives load at concurrency 1, 8 and 32 with `wrk` (or, when it is missing, a small
   threaded Python load generator in a separate process: `apt-get install wrk` is better);
4. sends 100 concurrent valid contact-form submissions (each client first GETs the form for
   its CSRF cookie and signed start time, waits out the minimum fill time, then all POST at
   once; the rate limit is raised for the run) and counts what was saved;
5. prints one table and writes the same as JSON to bench/results/bench-<timestamp>.json.

Options: ``--duration 5`` seconds per load run, ``--concurrency 1,8,32``, ``--articles 1000``,
``--port 8500``, ``--skip-post``. See bench/README.md for how to read the numbers.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import http.client
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlencode, urlsplit

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
RESULTS_DIR = BENCH_DIR / "results"
sys.path.insert(0, str(BENCH_DIR))

TABLE_CONCURRENCY = 8  # p50/p99 and the fraction of the trivial view are read at this level
CONTACT_SUBMISSIONS = 100
RENDERS = 20


# --- In-process measurements (run in a child process with the server's environment) ----------


def inprocess_measure(deep_page=50):
    """Resolve the benchmark's URLs and measure queries, render time and size with the page
    cache off. Prints one JSON line."""
    sys.path.insert(0, str(REPO))
    import django

    django.setup()
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    from blog.models import BlogPage
    from specialties.models import SpecialtyPage

    specialty = SpecialtyPage.objects.live().public().order_by("path").first()
    article = BlogPage.visible().order_by("-date", "-pk").first()
    paths = {
        "home": "/",
        "specialty index": "/specialties/",
        "specialty page": specialty.url if specialty else "/specialties/",
        "blog index": "/blog/",
        f"blog page {deep_page}": f"/blog/?page={deep_page}",
        "article": article.url if article else "/blog/",
        "contact": "/contact/",
        "feed": "/blog/feed/",
        "trivial view": "/bench/trivial/",
    }
    from django.conf import settings

    default_cache = settings.CACHES["default"]
    cache_table = default_cache["LOCATION"] if default_cache["BACKEND"].endswith("DatabaseCache") else None
    results = {}
    with override_settings(PAGE_CACHE_ENABLED=False):
        client = Client(HTTP_HOST="127.0.0.1")
        for name, path in paths.items():
            client.get(path)  # warm Django's and Wagtail's own caches (site root, settings)
            with CaptureQueriesContext(connection) as queries:
                response = client.get(path)
            # Count now: the next request clears Django's query log. SQL that only reads or
            # writes the database cache table (production without Redis) is counted apart.
            cache_sql = sum(
                1
                for q in queries.captured_queries
                if (cache_table and cache_table in q["sql"]) or q["sql"] in ("BEGIN", "COMMIT", "ROLLBACK")
            )
            query_count = len(queries) - cache_sql
            timings = []
            for _ in range(RENDERS):
                started = time.perf_counter()
                client.get(path)
                timings.append((time.perf_counter() - started) * 1000)
            results[name] = {
                "path": path,
                "status": response.status_code,
                "queries_uncached": query_count,
                "cache_sql_queries": cache_sql,
                "render_ms_median": round(statistics.median(timings), 2),
                "bytes": len(response.content),
            }
    print(json.dumps(results))


# --- Load generation -------------------------------------------------------------------------

_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _ms(text):
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text.strip())
    if not match:
        return None
    value, unit = float(match.group(1)), match.group(2)
    return value * (60_000.0 if unit == "m" else _UNITS[unit])


def run_wrk(url, concurrency, duration):
    threads = max(1, min(concurrency, 2))
    out = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{concurrency}", f"-d{duration}s", "--latency", "--timeout", "10s", url],
        capture_output=True,
        text=True,
        timeout=duration + 60,
    ).stdout
    result = {"tool": "wrk", "rps": None, "p50_ms": None, "p99_ms": None, "errors": 0, "non_2xx": 0}
    for line in out.splitlines():
        line = line.strip()
        if line.startswith("Requests/sec:"):
            result["rps"] = float(line.split()[1])
        elif re.match(r"^50(\.0+)?%\s", line):
            result["p50_ms"] = _ms(line.split()[1])
        elif re.match(r"^99(\.0+)?%\s", line):
            result["p99_ms"] = _ms(line.split()[1])
        elif line.startswith("Non-2xx or 3xx responses:"):
            result["non_2xx"] = int(line.split(":")[1])
        elif line.startswith("Socket errors:"):
            result["errors"] = sum(int(n) for n in re.findall(r"\d+", line))
    if result["rps"] is None:
        result["raw"] = out[-2000:]
    return result


def python_load(url, concurrency, duration):
    """Threads + http.client with keep-alive (reconnecting when the server closes). Runs in
    its own process (see `--pyload`) so it doesn't share a GIL with anything measured."""
    parts = urlsplit(url)
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    deadline = time.perf_counter() + duration
    latencies, errors, non_2xx = [], [0], [0]
    lock = threading.Lock()

    def worker():
        conn = None
        mine = []
        while time.perf_counter() < deadline:
            try:
                if conn is None:
                    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
                started = time.perf_counter()
                conn.request("GET", target)
                response = conn.getresponse()
                response.read()
                mine.append((time.perf_counter() - started) * 1000)
                if response.status >= 400:
                    with lock:
                        non_2xx[0] += 1
                if response.will_close:
                    conn.close()
                    conn = None
            except (OSError, http.client.HTTPException):
                with lock:
                    errors[0] += 1
                conn = None
        with lock:
            latencies.extend(mine)

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    latencies.sort()

    def pct(p):
        return latencies[min(len(latencies) - 1, int(len(latencies) * p))] if latencies else None

    return {
        "tool": "python",
        "rps": len(latencies) / elapsed,
        "p50_ms": pct(0.50),
        "p99_ms": pct(0.99),
        "errors": errors[0],
        "non_2xx": non_2xx[0],
    }


def settle(base_url, timeout=20.0):
    """Wait until the server answers the trivial view promptly: after a run at high
    concurrency against a slow page, requests wrk gave up on are still queued in gunicorn, and
    the next run would measure their backlog."""
    deadline = time.monotonic() + timeout
    quick = 0
    while time.monotonic() < deadline and quick < 3:
        started = time.monotonic()
        with contextlib.suppress(OSError):
            urllib.request.urlopen(base_url + "/bench/trivial/", timeout=10).close()
        quick = quick + 1 if time.monotonic() - started < 0.1 else 0
        time.sleep(0.1)


def run_load(url, concurrency, duration, use_wrk):
    if use_wrk:
        return run_wrk(url, concurrency, duration)
    out = subprocess.run(
        [sys.executable, __file__, "--pyload", url, str(concurrency), str(duration)],
        capture_output=True,
        text=True,
        timeout=duration + 60,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


# --- Contact POST check ----------------------------------------------------------------------

_INPUT = re.compile(r"<input[^>]*>", re.I)


def _hidden_value(html, name):
    for tag in _INPUT.findall(html):
        if re.search(rf'name="{re.escape(name)}"', tag):
            match = re.search(r'value="([^"]*)"', tag)
            return match.group(1) if match else ""
    return None


def contact_post_check(server, submissions, min_fill_seconds):
    parts = urlsplit(server)
    prepared = [None] * submissions

    def fetch_form(i):
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        conn.request("GET", "/contact/")
        response = conn.getresponse()
        html = response.read().decode()
        conn.close()
        cookies = [
            header.split(";", 1)[0] for name, header in response.getheaders() if name.lower() == "set-cookie"
        ]
        prepared[i] = {
            "cookie": "; ".join(cookies),
            "csrf": _hidden_value(html, "csrfmiddlewaretoken"),
            "started_at": _hidden_value(html, "started_at"),
        }

    fetchers = [threading.Thread(target=fetch_form, args=(i,)) for i in range(submissions)]
    for n in range(0, submissions, 8):  # 8 visitors at a time open the form
        for thread in fetchers[n : n + 8]:
            thread.start()
        for thread in fetchers[n : n + 8]:
            thread.join()
    if not all(p and p["csrf"] and p["started_at"] and p["cookie"] for p in prepared):
        return {"error": "the contact form did not give a CSRF cookie, token and start time"}
    time.sleep(min_fill_seconds + 1.2)  # a person takes a while to fill the form

    statuses = [None] * submissions
    barrier = threading.Barrier(submissions)

    def submit(i):
        data = {
            "csrfmiddlewaretoken": prepared[i]["csrf"],
            "started_at": prepared[i]["started_at"],
            "website": "",
            "name": f"Bench visitor {i}",
            "help_for": "myself",
            "contact_method": "call",
            "phone": "(503) 555-0142",
            "email": "",
            "ok_to_leave_voicemail": "on",
            "best_time": "evening",
            "message": "I'd like to talk about how things are going.",
            "consent": "on",
        }
        body = urlencode(data)
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": prepared[i]["cookie"]}
        barrier.wait()
        try:
            conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
            conn.request("POST", "/contact/", body=body, headers=headers)
            response = conn.getresponse()
            response.read()
            statuses[i] = response.status
            conn.close()
        except (OSError, http.client.HTTPException) as error:
            statuses[i] = f"error: {error.__class__.__name__}"

    started = time.perf_counter()
    threads = [threading.Thread(target=submit, args=(i,)) for i in range(submissions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    counts = {}
    for status in statuses:
        counts[str(status)] = counts.get(str(status), 0) + 1
    return {
        "submissions": submissions,
        "seconds": round(elapsed, 2),
        "statuses": counts,
        "server_errors": sum(1 for s in statuses if not isinstance(s, int) or s >= 500),
    }


INQUIRY_COUNT = (
    "import json; from contact.models import Inquiry; "
    "qs = Inquiry.objects.filter(name__startswith='Bench visitor '); "
    "print(json.dumps({'saved': qs.count(), 'non_spam': qs.exclude(status='spam').count(), "
    "'distinct_names': qs.values('name').distinct().count()}))"
)


# --- The run ---------------------------------------------------------------------------------


def scratch_db_name():
    """Never the database DATABASE_URL names (serve.py drops and re-creates it): a sibling."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        return "bench_scratch"
    name = urlsplit(url).path.lstrip("/") or "practice"
    return name if name.endswith("_bench") else f"{name}_bench"


def fmt(value, pattern="{:.0f}"):
    return "-" if value is None else pattern.format(value)


def print_table(rows, concurrencies):
    heads = ["page", "path"] + [f"req/s c={c}" for c in concurrencies]
    heads += [f"p50 ms c={TABLE_CONCURRENCY}", f"p99 ms c={TABLE_CONCURRENCY}", "x trivial"]
    heads += ["queries", "+cache SQL", "render ms", "bytes"]
    lines = []
    for name, row in rows.items():
        load = row["load"]
        line = [name, row["path"][:24]]
        line += [fmt(load.get(str(c), {}).get("rps")) for c in concurrencies]
        at = load.get(str(TABLE_CONCURRENCY), {})
        line += [fmt(at.get("p50_ms"), "{:.1f}"), fmt(at.get("p99_ms"), "{:.1f}")]
        failed = any((run or {}).get("non_2xx") or (run or {}).get("errors") for run in load.values())
        line += [fmt(row.get("fraction_of_trivial"), "{:.2f}") + (" !" if failed else "")]
        line += [str(row.get("queries_uncached", "-")), str(row.get("cache_sql_queries", "-"))]
        line += [fmt(row.get("render_ms_median"), "{:.1f}")]
        line += [str(row.get("bytes", "-"))]
        lines.append(line)
    widths = [max(len(str(x)) for x in col) for col in zip(heads, *lines, strict=False)]
    sep = "  "
    print(
        sep.join(
            h.ljust(w) if i < 2 else h.rjust(w) for i, (h, w) in enumerate(zip(heads, widths, strict=True))
        )
    )
    for line in lines:
        print(
            sep.join(
                x.ljust(w) if i < 2 else x.rjust(w) for i, (x, w) in enumerate(zip(line, widths, strict=True))
            )
        )


def main(argv=None):
    parser = argparse.ArgumentParser(description="Benchmark the public pages (see module docstring).")
    parser.add_argument("--duration", type=int, default=5)
    parser.add_argument("--concurrency", default="1,8,32")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--port", type=int, default=8500)
    parser.add_argument("--skip-post", action="store_true")
    args = parser.parse_args(argv)
    concurrencies = [int(c) for c in args.concurrency.split(",")]
    if TABLE_CONCURRENCY not in concurrencies:
        concurrencies.append(TABLE_CONCURRENCY)

    use_wrk = shutil.which("wrk") is not None
    if not use_wrk:
        print("wrk is not installed: `apt-get install wrk` (Debian/Ubuntu) for accurate numbers.")
        print("Falling back to a threaded Python load generator (it saturates before the server).")

    from serve import production_server

    started = time.perf_counter()
    database = "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"
    cache = "redis" if os.environ.get("REDIS_URL") else "database"
    print(f"Starting production server on {database} (cache: {cache}) with {args.articles} extra articles...")
    min_fill = int(os.environ.get("CONTACT_MIN_FILL_SECONDS", "3"))
    extra_env = {
        "BENCH_TRIVIAL_VIEW": "1",
        "CONTACT_RATE_LIMIT": f"{CONTACT_SUBMISSIONS * 100}/600",
        "CONTACT_MIN_FILL_SECONDS": str(min_fill),
        "GUNICORN_LOG_LEVEL": "warning",
        "PAGE_CACHE_ENABLED": "true",
        # Production recycles each worker after ~2,000 requests; a fresh worker takes seconds
        # to import Django and Wagtail here, so recycling mid-run stalls the whole server and
        # measures start-up, not pages. Off for the run (noted in the JSON).
        "GUNICORN_CMD_ARGS": "--max-requests 0",
    }
    setup = [["shell", "-c", f"from bench.generate_articles import generate; generate({args.articles})"]]
    with production_server(
        port=args.port, extra_env=extra_env, db_name=scratch_db_name(), setup_commands=setup, workers=2
    ) as server:
        print(
            f"Server ready at {server} after {time.perf_counter() - started:.0f} s; measuring uncached renders..."
        )
        measured = subprocess.run(
            [sys.executable, __file__, "--inprocess", str(max(1, min(50, args.articles // 20)))],
            cwd=REPO,
            env=server.env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        if measured.returncode != 0:
            raise SystemExit(f"in-process measurement failed:\n{measured.stderr[-3000:]}")
        rows = json.loads(measured.stdout.strip().splitlines()[-1])
        bad = {name: row["status"] for name, row in rows.items() if row["status"] != 200}
        if bad:
            raise SystemExit(f"pages did not answer 200: {bad}")

        for row in rows.values():  # fill the page cache, as a visitor would
            for _ in range(3):
                with urllib.request.urlopen(server + row["path"], timeout=30) as response:
                    row["bytes_served"] = len(response.read())
                    row["x_cache"] = response.headers.get("X-Cache")
                    row["cache_control"] = response.headers.get("Cache-Control")

        print(f"Load: {len(rows)} URLs x concurrency {concurrencies} x {args.duration} s each...")
        # The trivial view runs first and last; its reference is the mean of both (the machine
        # may be busier at one end of the run than at the other).
        trivial = rows["trivial view"]
        for name, key in [("trivial view", "load_first")] + [(name, "load") for name in rows]:
            row = rows[name]
            row[key] = {}
            for concurrency in concurrencies:
                settle(server)
                row[key][str(concurrency)] = run_load(
                    server + row["path"], concurrency, args.duration, use_wrk
                )
            rps = row[key][str(TABLE_CONCURRENCY)].get("rps") or 0
            print(f"  {name}: {rps:.0f} req/s at c={TABLE_CONCURRENCY}")
        for concurrency in map(str, concurrencies):
            first, last = trivial["load_first"][concurrency], trivial["load"][concurrency]
            if first.get("rps") and last.get("rps"):
                last["rps_last_only"] = last["rps"]
                last["rps"] = round((first["rps"] + last["rps"]) / 2, 2)
        trivial_rps = trivial["load"][str(TABLE_CONCURRENCY)]["rps"] or 0
        for row in rows.values():
            rps = row["load"][str(TABLE_CONCURRENCY)]["rps"]
            row["fraction_of_trivial"] = round(rps / trivial_rps, 3) if rps and trivial_rps else None

        contact = None
        if not args.skip_post:
            print(f"Contact form: {CONTACT_SUBMISSIONS} concurrent valid submissions...")
            contact = contact_post_check(server, CONTACT_SUBMISSIONS, min_fill)
            counted = (
                server.manage("shell", "-c", INQUIRY_COUNT, capture=True).stdout.strip().splitlines()[-1]
            )
            contact.update(json.loads(counted))
            contact["ok"] = (
                contact.get("saved") == CONTACT_SUBMISSIONS
                and contact.get("non_spam") == CONTACT_SUBMISSIONS
                and contact.get("distinct_names") == CONTACT_SUBMISSIONS
                and contact.get("server_errors") == 0
            )

    total = time.perf_counter() - started
    print()
    print(
        f"Benchmark: production settings, gunicorn 2 sync workers, {database}, cache {cache}, "
        f"{'wrk' if use_wrk else 'python load generator'}, {args.duration} s per run, "
        f"{os.cpu_count()} CPUs; queries/render ms are uncached (page cache off, in-process)."
    )
    print_table(rows, concurrencies)
    failed_pages = [
        name
        for name, row in rows.items()
        if any((run or {}).get("non_2xx") or (run or {}).get("errors") for run in row["load"].values())
    ]
    if failed_pages:
        print(f"! non-2xx answers or socket errors under load (numbers not valid): {', '.join(failed_pages)}")
    if contact:
        print()
        print(
            f"Contact POST: {contact.get('submissions')} concurrent submissions in {contact.get('seconds')} s, "
            f"statuses {contact.get('statuses')}, saved {contact.get('saved')} "
            f"(non-spam {contact.get('non_spam')}, distinct {contact.get('distinct_names')}), "
            f"5xx/errors {contact.get('server_errors')}: {'OK' if contact.get('ok') else 'FAILED'}"
        )
    print(f"Total time {total:.0f} s")

    RESULTS_DIR.mkdir(exist_ok=True)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    out = RESULTS_DIR / f"bench-{database}-{stamp}.json"
    out.write_text(
        json.dumps(
            {
                "when": datetime.datetime.now().isoformat(timespec="seconds"),
                "database": database,
                "cache": cache,
                "load_tool": "wrk" if use_wrk else "python",
                "duration_s": args.duration,
                "concurrency": concurrencies,
                "table_concurrency": TABLE_CONCURRENCY,
                "articles_generated": args.articles,
                "gunicorn": "2 sync workers; max_requests 0 for the run (production: 2000)",
                "load_average_after": os.getloadavg(),
                "cpus": os.cpu_count(),
                "pages": rows,
                "contact_post": contact,
                "total_seconds": round(total, 1),
            },
            indent=2,
        )
    )
    print(f"Wrote {out.relative_to(REPO)}")
    return 0 if (contact is None or contact.get("ok")) and not failed_pages else 1


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--inprocess":
        inprocess_measure(int(sys.argv[2]))
    elif len(sys.argv) > 1 and sys.argv[1] == "--pyload":
        print(json.dumps(python_load(sys.argv[2], int(sys.argv[3]), float(sys.argv[4]))))
    else:
        sys.exit(main())
