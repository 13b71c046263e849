"""Grade the home page with Mozilla's HTTP Observatory, run locally against the production server.

    .venv/bin/python bench/observatory.py [--port 8402] [--path / --path /contact/]

Installs `@mdn/mdn-http-observatory` (pinned) into bench/.observatory/ with
`npm install --ignore-scripts` (its postinstall would download the HSTS preload and TLD lists;
offline it gets the empty `conf/hsts-preload.json` and `conf/tld-list.json` instead), starts the
site with production settings under gunicorn with TLS on 127.0.0.1 (bench/serve.py), runs the
package's own `scan()` against https://127.0.0.1:<port>/ (the home page) and /contact/ (the
page with the form, which sets the CSRF cookie, so the cookie test has something to grade),
prints each grade, score and test, writes the JSON to bench/results/observatory-<timestamp>.json,
and exits 1 unless every scanned page grades A+ with a score of 100 or more.

TLS: the certificate comes from a throwaway local CA; node trusts that CA through
NODE_EXTRA_CA_CERTS, so the scanner sees a *verified* certificate (an unverified one fails its
HSTS and redirection tests, as it would on the public internet). NODE_TLS_REJECT_UNAUTHORIZED=0
is set as well, as the issue asks; the package pins verification on for its main request, so
it only relaxes its secondary requests.

Not exercised: the plain-HTTP-to-HTTPS redirect (the scanner probes http:// on the same port,
which speaks only TLS, and records "redirection-not-needed-no-http", worth 0 like
"redirection-to-https"); in production the TLS proxy and SECURE_SSL_REDIRECT do that.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from serve import production_server  # noqa: E402

PACKAGE = "@mdn/mdn-http-observatory"
VERSION = "1.4.8"
INSTALL_DIR = BENCH / ".observatory"
PACKAGE_DIR = INSTALL_DIR / "node_modules" / "@mdn" / "mdn-http-observatory"
RESULTS = BENCH / "results"

SCAN_JS = """
import { scan } from %(entry)s;
try {
  const result = await scan(%(host)s);
  const tests = Object.fromEntries(Object.entries(result.tests).map(([k, t]) => [k, { ...t }]));
  console.log(JSON.stringify({ scan: result.scan, tests }));
} catch (e) {
  console.log(JSON.stringify({ error: String(e && e.message || e) }));
  process.exit(1);
}
"""


def install():
    """npm install without scripts, then the two data files the postinstall would fetch."""
    if not (PACKAGE_DIR / "package.json").exists():
        INSTALL_DIR.mkdir(parents=True, exist_ok=True)
        package_json = INSTALL_DIR / "package.json"
        if not package_json.exists():
            package_json.write_text(json.dumps({"private": True}) + "\n")
        subprocess.run(
            ["npm", "install", "--ignore-scripts", "--no-audit", "--no-fund", f"{PACKAGE}@{VERSION}"],
            cwd=INSTALL_DIR,
            check=True,
            timeout=600,
        )
    conf = PACKAGE_DIR / "conf"  # src/analyzer/hsts.js and src/api/v2/utils.js read these
    conf.mkdir(exist_ok=True)
    for name, empty in (("hsts-preload.json", "{}"), ("tld-list.json", "[]")):
        if not (conf / name).exists():
            (conf / name).write_text(empty + "\n")


def run_scan(host, ca_file):
    entry = (PACKAGE_DIR / "src" / "index.js").as_uri()
    env = dict(
        os.environ, NODE_TLS_REJECT_UNAUTHORIZED="0", NODE_EXTRA_CA_CERTS=ca_file, NODE_NO_WARNINGS="1"
    )
    script = SCAN_JS % {"entry": json.dumps(entry), "host": json.dumps(host)}
    result = subprocess.run(
        ["node", "--input-type=module", "-e", script],
        cwd=INSTALL_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    try:
        return json.loads(result.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        return {
            "error": f"scanner failed (exit {result.returncode}): {result.stdout[-1000:]}{result.stderr[-2000:]}"
        }


def report(data):
    if data.get("error"):
        print(f"Observatory scan failed: {data['error']}")
        return False
    scan = data["scan"]
    print(
        f"Grade: {scan['grade']}   Score: {scan['score']}/100   "
        f"Tests passed: {scan['testsPassed']}/{scan['testsQuantity']}   Status: {scan['statusCode']}"
    )
    for name, test in sorted(data["tests"].items()):
        mark = "pass" if test.get("pass") else "FAIL"
        modifier = test.get("scoreModifier", 0)
        print(f"  {mark}  {name:32} {modifier:+4d}  {test.get('result')}")
    return scan["grade"] == "A+" and scan["score"] >= 100


def main(argv=None):
    parser = argparse.ArgumentParser(description="Local Mozilla HTTP Observatory scan of the site.")
    parser.add_argument("--port", type=int, default=8402)
    parser.add_argument("--path", action="append", help="page to grade (repeatable; default / and /contact/)")
    args = parser.parse_args(argv)
    paths = args.path or ["/", "/contact/"]

    install()
    results = {}
    with production_server(port=args.port, tls=True) as server:
        host = server.split("://", 1)[1]  # 127.0.0.1:<port>
        for path in paths:
            # scan(hostname) ignores its options (port, path) and builds
            # "https://" + hostname, so the port and the path ride along in the host string.
            results[path] = run_scan(host + path, server.ca_file)
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"observatory-{time.strftime('%Y%m%d-%H%M%S')}.json"
    data = {"package": f"{PACKAGE}@{VERSION}", "target": f"https://{host}", "pages": results}
    out.write_text(json.dumps(data, indent=2) + "\n")
    ok = True
    for path, result in results.items():
        print(f"== https://{host}{path}")
        ok = report(result) and ok
    print(f"JSON: {out.relative_to(BENCH.parent)}")
    if not ok:
        print("Below A+ / 100.")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
