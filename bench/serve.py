"""Start the site as production runs it, on a scratch database, for benchmarks and scanners.

Library use (the benchmarks import this)::

    from bench.serve import production_server   # or `from serve import ...` inside bench/

    with production_server(port=8400, tls=True) as server:
        requests.get(server + "/", verify=server.ca_file)   # server is the base URL (a str)
        server.manage("shell", "-c", "...")                  # manage.py against the same db

What `production_server()` does, in order:

1. makes a scratch directory (temp) for the database file, STATIC_ROOT, MEDIA_ROOT, logs
   and the TLS certificate;
2. picks a scratch database: a SQLite file in that directory, or, when DATABASE_URL is set
   (PostgreSQL), a database of its own on the same server (``db_name``, default
   ``bench_scratch_<port>``), dropped and re-created at start and dropped again at the end;
3. runs ``migrate``, ``createcachetable``, ``collectstatic`` and ``load_demo_content`` with the
   production settings, then any ``setup_commands`` you pass (each a list of manage.py args);
4. starts ``gunicorn -c gunicorn.conf.py practice_site.wsgi`` on 127.0.0.1:<port> with
   DJANGO_SETTINGS_MODULE=practice_site.settings.production, a fresh random
   DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost and GUNICORN_WORKERS=2;
   with ``tls=True`` it listens with HTTPS using a certificate for 127.0.0.1/localhost issued
   by a throwaway local CA (``server.ca_file``: trust it, or don't verify); with ``tls=False``
   it sets DJANGO_SECURE_SSL_REDIRECT=0 (otherwise every page would redirect to https);
5. waits until ``/healthz`` answers 200 (``startup_timeout`` seconds at most);
6. on leaving the ``with`` block (or on error) stops gunicorn with SIGTERM (SIGKILL after
   15 s), drops the scratch PostgreSQL database and removes the scratch directory.

Bounded: gunicorn runs under ``timeout max_seconds`` (default 1800 s) and receives SIGTERM if
the Python process that started it dies, so no server outlives its benchmark.
REDIS_URL, when set, is passed on with a cache key prefix of its own. ``extra_env`` is applied
last and may override anything above.

``database_url`` serves an existing, ready database as is (no scratch database is made or
dropped); ``prepare=False`` skips step 3 (migrate, createcachetable, collectstatic,
load_demo_content) for a database and a DJANGO_STATIC_ROOT (pass it in ``extra_env``) that are
already prepared. The resilience tests use both to start in seconds on their own cluster.

CLI: ``python bench/serve.py --port 8400 [--tls] [--seconds 300]`` serves until Ctrl-C or the
given number of seconds, printing the base URL.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import datetime
import ipaddress
import os
import secrets
import shutil
import signal
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

REPO = Path(__file__).resolve().parent.parent
VENV_BIN = REPO / ".venv" / "bin"
PYTHON = str(VENV_BIN / "python") if (VENV_BIN / "python").exists() else sys.executable
GUNICORN = str(VENV_BIN / "gunicorn") if (VENV_BIN / "gunicorn").exists() else "gunicorn"
PRODUCTION_SETTINGS = "practice_site.settings.production"


class Server(str):
    """The base URL (e.g. ``https://127.0.0.1:8400``) plus what a caller may need."""

    env: dict
    ca_file: str | None
    log_path: Path
    pid: int

    def manage(self, *args, check=True, capture=False):
        """Run ``manage.py *args`` with the server's settings and database."""
        return run_manage(self.env, *args, check=check, capture=capture)


def run_manage(env, *args, check=True, capture=False):
    result = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    if check and result.returncode != 0:
        raise RuntimeError(
            f"manage.py {' '.join(args)} failed:\n{result.stdout[-2000:]}\n{result.stderr[-4000:]}"
        )
    return result if capture else None


def make_certificate(directory: Path):
    """A throwaway CA and a server certificate it signs for 127.0.0.1 and localhost.
    Returns (cert_file, key_file, ca_file). The CA lets clients verify the connection."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    now = datetime.datetime.now(datetime.UTC)
    start, end = now - datetime.timedelta(minutes=5), now + datetime.timedelta(days=2)

    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Practice bench local CA")])
    ca_cert = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                key_cert_sign=True,
                crl_sign=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )

    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )

    pem = serialization.Encoding.PEM
    cert_file, key_file, ca_file = directory / "server.pem", directory / "server.key", directory / "ca.pem"
    cert_file.write_bytes(cert.public_bytes(pem))
    ca_file.write_bytes(ca_cert.public_bytes(pem))
    key_file.write_bytes(
        key.private_bytes(pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    key_file.chmod(0o600)
    return str(cert_file), str(key_file), str(ca_file)


def _postgres_admin(database_url):
    import psycopg2

    parts = urlsplit(database_url)
    conn = psycopg2.connect(urlunsplit(parts._replace(path="/postgres")))
    conn.autocommit = True
    return conn


def _recreate_postgres_db(database_url, name, drop_only=False):
    from psycopg2 import sql

    conn = _postgres_admin(database_url)
    try:
        with conn.cursor() as cur:
            cur.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
            if not drop_only:
                cur.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    finally:
        conn.close()


def _set_parent_death_signal():
    """Runs in the child before exec: SIGTERM it when the starting process dies (Linux)."""
    with contextlib.suppress(Exception):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    os.setsid()


def _wait_healthy(url, proc, log_path, timeout):
    context = ssl._create_unverified_context()  # only to poll /healthz on our own listener
    deadline = time.monotonic() + timeout
    last_error = None
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            break
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=3, context=context) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError) as error:
            last_error = error
        time.sleep(0.25)
    tail = log_path.read_text(errors="replace")[-4000:] if log_path.exists() else ""
    raise RuntimeError(f"server at {url} did not become healthy ({last_error}); log tail:\n{tail}")


def _stop(proc):
    if proc.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)  # our own process group (setsid above)
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=5)


@contextlib.contextmanager
def production_server(
    port=8400,
    tls=False,
    extra_env=None,
    workers=2,
    db_name=None,
    setup_commands=(),
    max_seconds=1800,
    startup_timeout=60,
    quiet=True,
    database_url=None,
    prepare=True,
):
    """Yield a `Server` (the base URL string) for a production-configured gunicorn; see the
    module docstring. `port` must be free; `db_name` is only used with a PostgreSQL
    DATABASE_URL."""
    scratch = Path(tempfile.mkdtemp(prefix=f"practice-bench-{port}-"))
    log_path = scratch / "gunicorn.log"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "GUNICORN_"))}
    env.update(
        DJANGO_SETTINGS_MODULE=PRODUCTION_SETTINGS,
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_STATIC_ROOT=str(scratch / "static"),
        DJANGO_MEDIA_ROOT=str(scratch / "media"),
        DJANGO_EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        GUNICORN_WORKERS=str(workers),
        GUNICORN_BIND=f"127.0.0.1:{port}",
        GUNICORN_ACCESS_LOG=str(scratch / "access.log"),
        PYTHONUNBUFFERED="1",
    )
    if not tls:
        env["DJANGO_SECURE_SSL_REDIRECT"] = "0"
    pg_url = None
    own_database_url = database_url
    database_url = os.environ.get("DATABASE_URL", "")
    if own_database_url:
        env["DATABASE_URL"] = own_database_url  # the caller's own database, served as is
    elif database_url.startswith(("postgres://", "postgresql://")):
        db_name = db_name or f"bench_scratch_{port}"
        pg_url = urlunsplit(urlsplit(database_url)._replace(path=f"/{db_name}"))
        env["DATABASE_URL"] = pg_url
    else:
        env["DATABASE_URL"] = f"sqlite:///{scratch / 'db.sqlite3'}"
    if env.get("REDIS_URL"):
        env["CACHE_KEY_PREFIX"] = f"bench-{port}-{secrets.token_hex(4)}"
    env.update(extra_env or {})

    scheme = "https" if tls else "http"
    command = ["timeout", "--signal=TERM", "--kill-after=20", str(int(max_seconds))]
    command += [GUNICORN, "-c", "gunicorn.conf.py", "practice_site.wsgi"]
    ca_file = None
    if tls:
        cert_file, key_file, ca_file = make_certificate(scratch)
        command += ["--certfile", cert_file, "--keyfile", key_file]

    proc = None
    try:
        if pg_url:
            _recreate_postgres_db(database_url, db_name)
        if prepare:
            run_manage(env, "migrate", "--noinput")
            run_manage(env, "createcachetable")
            run_manage(env, "collectstatic", "--noinput")
            run_manage(env, "load_demo_content")
        for args in setup_commands:
            run_manage(env, *args)
        with open(log_path, "wb") as log:
            proc = subprocess.Popen(
                command,
                cwd=REPO,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                preexec_fn=_set_parent_death_signal,
            )
        server = Server(f"{scheme}://127.0.0.1:{port}")
        server.env, server.ca_file, server.log_path, server.pid = env, ca_file, log_path, proc.pid
        _wait_healthy(server, proc, log_path, startup_timeout)
        if not quiet:
            print(f"serving {server} (log: {log_path})", flush=True)
        yield server
    finally:
        if proc is not None:
            _stop(proc)
        if pg_url:
            with contextlib.suppress(Exception):
                _recreate_postgres_db(database_url, db_name, drop_only=True)
        shutil.rmtree(scratch, ignore_errors=True)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=8400)
    parser.add_argument("--tls", action="store_true", help="serve HTTPS with a throwaway certificate")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=300, help="stop after this long (default 300)")
    args = parser.parse_args(argv)
    with production_server(port=args.port, tls=args.tls, workers=args.workers, quiet=False) as server:
        if server.ca_file:
            print(f"CA certificate: {server.ca_file}", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            time.sleep(args.seconds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
