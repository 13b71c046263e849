"""Dynamic vulnerability scan of the production server with wapiti3.

    .venv/bin/python bench/wapiti_scan.py [--port 8403] [--max-scan-time 300] [--http]

Installs wapiti3 (pinned) into its own virtualenv, bench/.wapiti-venv (its pins clash with the
site's), starts the site with production settings under gunicorn on 127.0.0.1 with TLS
(bench/serve.py; --http for plain HTTP), and runs wapiti with the modules the hardening issue
names: xss, sql, exec, file, crlf, redirect, csrf, http_headers, cookieflags, permanentxss.
The crawl starts at / and /contact/ (and the admin login form, which is public), stays in
scope "folder", and is bounded by --max-scan-time and by --max-attack-time per module (wapiti
3.2.3 lets the attack phase run past --max-scan-time, so the real bound is about
max-scan-time + 10 x max-attack-time; a hard timeout above that ends it). About 10 minutes
here, most of it the xss/sql/exec/file modules on the search box and the contact form. Writes the JSON report to bench/results/wapiti-<timestamp>.json, prints the
number of findings per category, and exits 1 if wapiti reports any vulnerability or any
"Internal Server Error" anomaly (a 500 provoked by its payloads).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from serve import production_server  # noqa: E402

WAPITI_VERSION = "3.2.3"
VENV = BENCH / ".wapiti-venv"
WAPITI = VENV / "bin" / "wapiti"
RESULTS = BENCH / "results"
MODULES = "xss,sql,exec,file,crlf,redirect,csrf,http_headers,cookieflags,permanentxss"
START_PATHS = ["/contact/", "/search/?q=help", "/admin/login/"]


def install():
    if WAPITI.exists():
        return
    subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    subprocess.run(
        [str(VENV / "bin" / "pip"), "install", "--quiet", f"wapiti3=={WAPITI_VERSION}"],
        check=True,
        timeout=900,
    )


def run_wapiti(base_url, report_path, max_scan_time, max_attack_time):
    with tempfile.TemporaryDirectory(prefix="wapiti-") as state:
        command = [str(WAPITI), "-u", base_url + "/", "--scope", "folder", "-m", MODULES]
        for path in START_PATHS:
            command += ["-s", base_url + path]
        command += ["-x", base_url + "/static/*"]  # hashed files, nothing to inject into
        command += [
            "--flush-session",
            "--store-session", state,
            "--store-config", state,
            "--max-scan-time", str(max_scan_time),
            "--max-attack-time", str(max_attack_time),
            "--timeout", "10",
            "--tasks", "8",
            "--verify-ssl", "0",
            "--no-bugreport",
            "-v", "1",
            "-f", "json",
            "-o", str(report_path),
        ]  # fmt: skip
        print("$ " + " ".join(command), flush=True)
        log_path = report_path.with_suffix(".log")
        with open(log_path, "w") as log:
            result = subprocess.run(
                command,
                stdout=log,
                stderr=subprocess.STDOUT,
                timeout=max_scan_time + 10 * max_attack_time + 300,
                cwd=state,
            )
        return result.returncode, log_path


def summarise(report):
    vulnerabilities = {name: len(items) for name, items in report.get("vulnerabilities", {}).items()}
    anomalies = {name: len(items) for name, items in report.get("anomalies", {}).items()}
    print("Vulnerabilities per category:")
    for name, count in sorted(vulnerabilities.items()):
        if count:
            print(f"  {count:4d}  {name}")
    print(f"  total {sum(vulnerabilities.values())} in {len(vulnerabilities)} categories checked")
    print("Anomalies per category:")
    for name, count in sorted(anomalies.items()):
        if count:
            print(f"  {count:4d}  {name}")
    print(f"  total {sum(anomalies.values())}")
    for kind in ("vulnerabilities", "anomalies"):
        for name, items in report.get(kind, {}).items():
            for item in items:
                print(
                    f"  - [{name}] {item.get('method')} {item.get('path')} {item.get('parameter', '')}: "
                    f"{item.get('info', '')[:200]}"
                )
    crawled = report.get("infos", {}).get("crawled_pages_nbr") or len(
        report.get("infos", {}).get("crawled_pages", [])
    )
    print(f"Crawled pages: {crawled}")
    return sum(vulnerabilities.values()), anomalies.get("Internal Server Error", 0)


def main(argv=None):
    parser = argparse.ArgumentParser(description="wapiti3 scan of the production server.")
    parser.add_argument("--port", type=int, default=8403)
    parser.add_argument("--max-scan-time", type=int, default=300)
    parser.add_argument("--max-attack-time", type=int, default=90)
    parser.add_argument("--http", action="store_true", help="plain HTTP instead of TLS")
    args = parser.parse_args(argv)

    install()
    RESULTS.mkdir(exist_ok=True)
    report_path = RESULTS / f"wapiti-{time.strftime('%Y%m%d-%H%M%S')}.json"
    started = time.monotonic()
    with production_server(port=args.port, tls=not args.http) as server:
        returncode, log_path = run_wapiti(server, report_path, args.max_scan_time, args.max_attack_time)
    print(f"wapiti finished in {time.monotonic() - started:.0f} s (exit {returncode}); log: {log_path}")
    if not report_path.exists():
        print(Path(log_path).read_text()[-3000:])
        print("No report written.")
        return 2
    report = json.loads(report_path.read_text())
    vulnerabilities, server_errors = summarise(report)
    print(f"JSON: {report_path.relative_to(BENCH.parent)}")
    if vulnerabilities or server_errors:
        print(f"FAIL: {vulnerabilities} vulnerabilities, {server_errors} internal server errors.")
        return 1
    print("No vulnerability found.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
