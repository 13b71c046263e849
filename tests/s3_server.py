"""A real S3-compatible server for tests: moto in server mode, in a process of its own.

Interface
---------
In a test module (one server for the module)::

    from tests.s3_server import s3_server  # noqa: F401  (the module-scoped pytest fixture)

    def test_something(s3_server):
        s3_server.endpoint_url     # "http://127.0.0.1:<port>"
        s3_server.bucket           # a fresh bucket, already created
        s3_server.env              # AWS_STORAGE_BUCKET_NAME, AWS_S3_ENDPOINT_URL, AWS_S3_REGION_NAME,
                                   # AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: give them to a subprocess
                                   # (gunicorn, manage.py) and it stores media in this bucket
        s3_server.client()         # a boto3 S3 client holding those credentials
        s3_server.public_url(key)  # the unsigned path-style URL of an object
        s3_server.requests()       # every request the server received, oldest first (see below)
        s3_server.forget_requests()

Anywhere else (a fixture of another scope, a script)::

    with running_s3_server(bucket="some-name") as server:
        ...

From a shell (one server shared by several processes; Ctrl-C or SIGTERM stops it)::

    .venv/bin/python tests/s3_server.py --port 9000 --bucket wrenfield-media
    # prints one JSON line: {"endpoint_url": ..., "env": {...}} once it is ready

How it differs from plain moto
------------------------------
moto checks an anonymous GET of an object against the bucket policy and the object's ACL, but
answers anonymous bucket listings and anonymous uploads. Amazon S3 refuses any request that
carries no credentials unless the bucket policy allows it for everyone ("Principal": "*"). The
server here puts that rule in front of moto (`AnonymousAccessAsOnS3`), so a test that an
anonymous visitor can't list the bucket means what it says. Requests with credentials are not
checked (moto's default: any key works, as the app's own IAM user would).

Request log
-----------
`requests()` returns dicts ``{"method", "path", "query", "anonymous", "status"}`` for each request
to the S3 API (path-style: ``/<bucket>/<key>``), read from the server over HTTP, so it counts what
every process sent (the test process, gunicorn workers); the newest 10,000 are kept. The log
lives at ``/_s3_server/log`` (GET reads, DELETE clears); no bucket can have that name.
"""

import argparse
import fnmatch
import json
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections import deque
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import parse_qs, unquote
from urllib.request import Request, urlopen

import pytest

REGION = "us-east-1"
ACCESS_KEY_ID = "test-app-access-key"
SECRET_ACCESS_KEY = "test-app-secret-key"
LOG_PATH = "/_s3_server/log"
LOG_MAX_ENTRIES = 10_000
STARTUP_TIMEOUT_SECONDS = 30


class S3Server:
    """A running server and one bucket in it (see the module docstring)."""

    def __init__(self, endpoint_url, bucket):
        self.endpoint_url = endpoint_url
        self.bucket = bucket
        self.region = REGION

    @property
    def env(self):
        return {
            "AWS_STORAGE_BUCKET_NAME": self.bucket,
            "AWS_S3_ENDPOINT_URL": self.endpoint_url,
            "AWS_S3_REGION_NAME": REGION,
            "AWS_ACCESS_KEY_ID": ACCESS_KEY_ID,
            "AWS_SECRET_ACCESS_KEY": SECRET_ACCESS_KEY,
        }

    def client(self):
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.endpoint_url,
            region_name=REGION,
            aws_access_key_id=ACCESS_KEY_ID,
            aws_secret_access_key=SECRET_ACCESS_KEY,
        )

    def public_url(self, key):
        return f"{self.endpoint_url}/{self.bucket}/{key}"

    def requests(self):
        with urlopen(self.endpoint_url + LOG_PATH, timeout=10) as response:
            return json.load(response)

    def forget_requests(self):
        urlopen(Request(self.endpoint_url + LOG_PATH, method="DELETE"), timeout=10).close()


@contextmanager
def running_s3_server(bucket=None, host="127.0.0.1", port=0):
    """Start the server in a subprocess, create `bucket` (a fresh name by default), yield an
    `S3Server`; stop the server afterwards."""
    bucket = bucket or f"test-media-{uuid.uuid4().hex[:12]}"
    process = subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve()), "--host", host, "--port", str(port)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        endpoint_url = _read_endpoint(process)
        server = S3Server(endpoint_url, bucket)
        server.client().create_bucket(Bucket=bucket)
        server.forget_requests()
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stdout:
            process.stdout.close()


def _read_endpoint(process):
    result = {}

    def read():
        line = process.stdout.readline()
        if line:
            result.update(json.loads(line))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(STARTUP_TIMEOUT_SECONDS)
    if "endpoint_url" not in result:
        raise RuntimeError(f"the S3 server did not start (exit code {process.poll()})")
    return result["endpoint_url"]


@pytest.fixture(scope="module")
def s3_server():
    """One S3 server and a fresh bucket for the test module."""
    with running_s3_server() as server:
        yield server


# The server process ---------------------------------------------------------------------------


def _matches(patterns, value):
    patterns = [patterns] if isinstance(patterns, str) else patterns
    return any(fnmatch.fnmatchcase(value, pattern) for pattern in patterns)


def _is_everyone(principal):
    return principal == "*" or (isinstance(principal, dict) and _matches(principal.get("AWS", []), "*"))


def anonymous_access_allowed(policy_json, action, resource):
    """S3's rule for a request without credentials: some statement of the bucket policy allows
    the action on the resource to everyone, and none denies it."""
    if not policy_json:
        return False
    allowed = False
    statements = json.loads(policy_json).get("Statement", [])
    for statement in [statements] if isinstance(statements, dict) else statements:
        if "Condition" in statement or not _is_everyone(statement.get("Principal")):
            continue  # conditions name things an anonymous request doesn't carry here
        if _matches(statement.get("Action", []), action) and _matches(
            statement.get("Resource", []), resource
        ):
            if statement.get("Effect") == "Deny":
                return False
            allowed = True
    return allowed


def _action_for(method, key, query):
    if not key:
        if method == "GET" and not (set(query) - {"list-type", "prefix", "delimiter", "marker", "max-keys"}):
            return "s3:ListBucket"
        return f"s3:{method.title()}Bucket:{'+'.join(sorted(query))}"  # no policy names these
    return {
        "GET": "s3:GetObject",
        "HEAD": "s3:GetObject",
        "PUT": "s3:PutObject",
        "DELETE": "s3:DeleteObject",
    }.get(method, f"s3:{method.title()}Object")


class AnonymousAccessAsOnS3:
    """WSGI middleware in front of moto: refuses requests without credentials that the bucket
    policy doesn't allow to everyone, and keeps the request log."""

    def __init__(self, app):
        self.app = app
        # The newest requests only, so a long-lived server (a benchmark's) doesn't grow forever.
        self.log = deque(maxlen=LOG_MAX_ENTRIES)
        self.lock = threading.Lock()

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        if path == LOG_PATH:
            return self.serve_log(environ, start_response)
        query = parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True)
        anonymous = "HTTP_AUTHORIZATION" not in environ and not (
            {"X-Amz-Signature", "Signature"} & set(query)
        )
        entry = {
            "method": environ["REQUEST_METHOD"],
            "path": unquote(path),
            "query": environ.get("QUERY_STRING", ""),
            "anonymous": anonymous,
            "status": None,
        }
        with self.lock:
            self.log.append(entry)

        def recording_start_response(status, headers, exc_info=None):
            entry["status"] = int(status.split()[0])
            return start_response(status, headers, exc_info)

        if anonymous and not path.startswith("/moto-api") and not self.anonymous_allowed(entry, query):
            body = (
                b'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code>'
                b"<Message>Access Denied</Message></Error>"
            )
            recording_start_response(
                "403 Forbidden", [("Content-Type", "application/xml"), ("Content-Length", str(len(body)))]
            )
            return [body]
        return self.app(environ, recording_start_response)

    def anonymous_allowed(self, entry, query):
        from moto.core import DEFAULT_ACCOUNT_ID
        from moto.s3.models import s3_backends

        bucket_name, _, key = entry["path"].lstrip("/").partition("/")
        if not bucket_name:
            return False  # ListBuckets
        bucket = s3_backends[DEFAULT_ACCOUNT_ID]["aws"].buckets.get(bucket_name)
        if bucket is None:
            return False
        policy = bucket.policy.decode() if bucket.policy else ""
        resource = f"arn:aws:s3:::{bucket_name}" + (f"/{key}" if key else "")
        return anonymous_access_allowed(policy, _action_for(entry["method"], key, query), resource)

    def serve_log(self, environ, start_response):
        with self.lock:
            if environ["REQUEST_METHOD"] == "DELETE":
                self.log.clear()
            body = json.dumps(list(self.log)).encode()
        start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
        return [body]


def serve(host, port, bucket=None):
    from moto.moto_server.werkzeug_app import (
        DomainDispatcherApplication,
        MotoRequestHandler,
        create_backend_app,
    )
    from werkzeug.serving import make_server

    app = AnonymousAccessAsOnS3(DomainDispatcherApplication(create_backend_app))
    server = make_server(host, port, app, threaded=True, request_handler=MotoRequestHandler)
    bound_host, bound_port = server.server_address[:2]
    info = S3Server(f"http://{bound_host}:{bound_port}", bucket)
    if bucket:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        info.client().create_bucket(Bucket=bucket)
        app.log.clear()
    print(json.dumps({"endpoint_url": info.endpoint_url, "env": info.env if bucket else {}}), flush=True)
    signal.signal(signal.SIGTERM, lambda *args: sys.exit(0))
    try:
        if bucket:
            while True:
                time.sleep(3600)
        else:
            server.serve_forever()
    except (KeyboardInterrupt, SystemExit):
        pass


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="A local S3-compatible server (moto) for tests.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0: a free port (printed)")
    parser.add_argument("--bucket", help="create this bucket before announcing the endpoint")
    arguments = parser.parse_args()
    # Quiet: werkzeug's access log would interleave with the announcement line.
    import logging

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    serve(arguments.host, arguments.port, arguments.bucket)
