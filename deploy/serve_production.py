"""`make serve-production`: the whole site as production runs it, on this machine.

nginx (deploy/nginx.conf.template) terminates TLS at https://localhost:8443, redirects
http://localhost:8080 there, serves /static/ and /media/ from disk and passes everything else
to gunicorn (gunicorn.conf.py, production settings) on 127.0.0.1. First it runs `migrate`,
`createcachetable`, `collectstatic` and `load_demo_content`: bench/serve.py's
`production_server` does that and runs gunicorn; this script adds nginx in front. It stays in the
foreground; Ctrl-C or SIGTERM stops nginx, then gunicorn. Both also get SIGTERM if this process
dies, so neither outlives it.

Environment (all optional):

  HTTPS_PORT, HTTP_PORT    8443 and 8080
  APP_PORT                 gunicorn's port on 127.0.0.1 (default: a free one)
  LISTEN_ADDRESS           where nginx listens (default 127.0.0.1: this machine only)
  SERVE_PRODUCTION_DIR     the local state (default .serve-production/, git-ignored): the SQLite
                           database, the generated secret key, static/, media/ and the local CA
  DATABASE_URL, REDIS_URL, DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS, DJANGO_MEDIA_ROOT,
  DJANGO_STATIC_ROOT and every other DJANGO_* / GUNICORN_* variable: used as given; without
  them, the state directory's SQLite database, secret key and folders, and localhost
  TLS_CERTIFICATE, TLS_CERTIFICATE_KEY   a real certificate instead of the local CA's
  NGINX                    the nginx binary (default: nginx on PATH, else /usr/sbin/nginx)
"""

from __future__ import annotations

import contextlib
import datetime
import os
import pwd
import re
import secrets
import shutil
import signal
import socket
import ssl
import stat
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections import namedtuple
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

REPO = Path(__file__).resolve().parent.parent
DEPLOY = REPO / "deploy"
sys.path.insert(0, str(REPO))

from bench.serve import (  # noqa: E402
    PYTHON,
    _set_parent_death_signal,
    make_certificate,
    production_server,
)

Certificate = namedtuple("Certificate", "cert_file key_file ca_file renewed")
PLACEHOLDER = re.compile(r"\$\{([A-Z][A-Z0-9_]*)\}")
MIME_TYPES = "/etc/nginx/mime.types"  # Debian's nginx-common
NGINX_WORKER_USER = "www-data"  # Debian's web server user


def render(template: Path, values: dict) -> str:
    """The template with each ${NAME} replaced; a name without a value is an error, not a blank."""
    text = template.read_text()
    missing = sorted(set(PLACEHOLDER.findall(text)) - values.keys())
    if missing:
        raise KeyError(f"{template.name}: no value for {', '.join(missing)}")
    return PLACEHOLDER.sub(lambda match: str(values[match.group(1)]), text)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def find_nginx():
    for candidate in (os.environ.get("NGINX"), shutil.which("nginx"), "/usr/sbin/nginx"):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    sys.exit("nginx is not installed. On Debian: apt-get install nginx (or set NGINX=/path/to/nginx).")


def local_secret_key(state: Path):
    """A secret key made once and kept in the (git-ignored) state directory, readable by its
    owner only, so sessions and encrypted inquiries survive a restart."""
    path = state / "secret-key"
    with contextlib.suppress(FileExistsError):
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as file:
            file.write(secrets.token_urlsafe(50))
    return path.read_text().strip()


def local_certificate(state: Path):
    """A certificate for localhost from a local CA (bench/serve.py's, which lives two days): kept
    in state/tls and made again when it is about to expire."""
    from cryptography import x509

    tls = state / "tls"
    tls.mkdir(mode=0o700, exist_ok=True)
    cert, key, ca = tls / "server.pem", tls / "server.key", tls / "ca.pem"
    soon = datetime.datetime.now(datetime.UTC) + datetime.timedelta(hours=1)
    if cert.exists() and key.exists() and ca.exists():
        if x509.load_pem_x509_certificate(cert.read_bytes()).not_valid_after_utc > soon:
            return Certificate(str(cert), str(key), str(ca), renewed=False)
    return Certificate(*make_certificate(tls), renewed=True)


def others_can_reach(path: Path):
    """True when a user without any special rights may open files below `path`."""
    return all(part.stat().st_mode & stat.S_IXOTH for part in [path, *path.parents])


def nginx_worker_user(paths):
    """The `user` for nginx's worker processes when it is started as root (nginx ignores the
    directive otherwise): Debian's www-data, or root when www-data couldn't read the files
    (a state directory under /root, say)."""
    if os.geteuid() != 0:
        return None
    try:
        pwd.getpwnam(NGINX_WORKER_USER)
    except KeyError:
        return "root"
    unreachable = [str(path) for path in paths if not others_can_reach(path)]
    if unreachable:
        print(f"note: nginx's workers run as root: {NGINX_WORKER_USER} can't read {', '.join(unreachable)}")
        return "root"
    return NGINX_WORKER_USER


def without_password(url):
    parts = urlsplit(url)
    if not parts.password:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.replace(f":{parts.password}@", ":***@")))


def app_environment(state: Path, https_port: int):
    """What gunicorn and manage.py get on top of production_server's own environment: every
    DJANGO_* / GUNICORN_* variable given here, and local defaults for the rest."""
    given = os.environ
    env = {
        key: value
        for key, value in given.items()
        if key.startswith(("DJANGO_", "GUNICORN_")) and key not in ("DJANGO_SETTINGS_MODULE", "GUNICORN_BIND")
    }
    env.setdefault("DJANGO_SECRET_KEY", local_secret_key(state))
    hosts = [host.strip() for host in env.get("DJANGO_ALLOWED_HOSTS", "localhost").split(",") if host.strip()]
    if "127.0.0.1" not in hosts:  # production_server's health check asks http://127.0.0.1:<port>/
        hosts.append("127.0.0.1")
    env["DJANGO_ALLOWED_HOSTS"] = ",".join(hosts)
    env.setdefault("DJANGO_MEDIA_ROOT", str(state / "media"))
    env.setdefault("DJANGO_STATIC_ROOT", str(state / "static"))
    env.setdefault("DJANGO_SECURE_SSL_REDIRECT", "1")  # production_server turns it off for plain HTTP
    env.setdefault("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
    env.setdefault("GUNICORN_ACCESS_LOG", "-")  # with the rest of gunicorn's log, on this terminal
    env["WAGTAILADMIN_BASE_URL"] = given.get("WAGTAILADMIN_BASE_URL", f"https://localhost:{https_port}")
    if given.get("CACHE_KEY_PREFIX"):
        env["CACHE_KEY_PREFIX"] = given["CACHE_KEY_PREFIX"]
    return env


def nginx_values(run_dir: Path, env: dict, ports: dict, listen: str, tls: Certificate):
    server_names = [host for host in env["DJANGO_ALLOWED_HOSTS"].split(",") if host.strip() not in ("", "*")]
    return {
        "SERVER_NAME": " ".join(host.strip() for host in server_names) or "_",
        "HTTP_LISTEN": f"{listen}:{ports['http']}",
        "HTTPS_LISTEN": f"{listen}:{ports['https']}",
        "HTTPS_PORT_SUFFIX": "" if ports["https"] == 443 else f":{ports['https']}",
        "TLS_CERTIFICATE": tls.cert_file,
        "TLS_CERTIFICATE_KEY": tls.key_file,
        "STATIC_ROOT": env["DJANGO_STATIC_ROOT"],
        "MEDIA_ROOT": env["DJANGO_MEDIA_ROOT"],
        "APP_SERVER": f"127.0.0.1:{ports['app']}",
        "MORE_APP_SERVERS": "",
        # Unused here (no edge cache in front); deploy/topology.py puts Varnish on it.
        "EDGE_LISTEN": f"127.0.0.1:{ports.get('edge') or free_port()}",
        "ACME_ROOT": str(run_dir / "acme"),
        "ACCESS_LOG": str(run_dir / "access.log"),
        "RUN_DIR": str(run_dir),
        "MIME_TYPES": MIME_TYPES,
        "SITE_CONFIG": str(run_dir / "practice.conf"),
    }


@contextlib.contextmanager
def nginx_running(nginx: str, run_dir: Path, values: dict, user: str | None):
    """nginx as a foreground master process of its own session, error log on our stderr."""
    (run_dir / "acme").mkdir()
    (run_dir / "practice.conf").write_text(render(DEPLOY / "nginx.conf.template", values))
    (run_dir / "nginx.conf").write_text(render(DEPLOY / "nginx-local.conf.template", values))
    command = [nginx, "-p", str(run_dir), "-c", str(run_dir / "nginx.conf"), "-e", "stderr"]
    if user:
        command += ["-g", f"user {user};"]
    proc = subprocess.Popen(command, stdin=subprocess.DEVNULL, preexec_fn=_set_parent_death_signal)
    try:
        yield proc
    finally:
        stop_nginx(proc)


def stop_nginx(proc):
    """SIGQUIT: finish the requests in flight, then exit (workers too). SIGTERM, then SIGKILL
    for the whole process group (master and workers), if that takes too long."""
    for sig, wait in ((signal.SIGQUIT, 15), (signal.SIGTERM, 5), (signal.SIGKILL, 5)):
        if proc.poll() is not None:
            break
        with contextlib.suppress(ProcessLookupError):
            if sig == signal.SIGKILL:
                os.killpg(proc.pid, sig)
            else:
                proc.send_signal(sig)
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=wait)


def wait_for_nginx(url, proc, context, timeout=30):
    """Until nginx answers over TLS with anything from gunicorn (even a 400 for a host name
    DJANGO_ALLOWED_HOSTS doesn't list)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"nginx exited with status {proc.returncode} (its messages are above)")
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=3, context=context):
                return
        except urllib.error.HTTPError:
            return
        except (urllib.error.URLError, OSError):
            time.sleep(0.2)
    raise RuntimeError(f"nginx did not answer at {url} within {timeout} s")


def is_running(pid):
    """True while the process exists and is not a zombie waiting to be reaped."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (FileNotFoundError, IndexError):
        return False


class LogTail:
    """Copies what a log file gains to our stdout (gunicorn's log, access lines included)."""

    def __init__(self, path: Path):
        self.path, self.offset = path, 0

    def copy(self):
        with contextlib.suppress(FileNotFoundError), open(self.path, "rb") as log:
            log.seek(self.offset)
            data = log.read()
            self.offset += len(data)
            if data:
                sys.stdout.buffer.write(data)
                sys.stdout.flush()


def _stop_on_signal(signum, frame):
    # Once: a second Ctrl-C must not cut the orderly stop short.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    raise KeyboardInterrupt(signal.Signals(signum).name)


def main():
    signal.signal(signal.SIGINT, _stop_on_signal)
    signal.signal(signal.SIGTERM, _stop_on_signal)
    nginx = find_nginx()
    ports = {
        "https": int(os.environ.get("HTTPS_PORT", "8443")),
        "http": int(os.environ.get("HTTP_PORT", "8080")),
        "app": int(os.environ.get("APP_PORT") or free_port()),
    }
    listen = os.environ.get("LISTEN_ADDRESS", "127.0.0.1")
    state = Path(os.environ.get("SERVE_PRODUCTION_DIR", REPO / ".serve-production")).resolve()
    state.mkdir(parents=True, exist_ok=True)
    env = app_environment(state, ports["https"])
    database_url = os.environ.get("DATABASE_URL") or f"sqlite:///{state / 'db.sqlite3'}"
    for folder in ("DJANGO_MEDIA_ROOT", "DJANGO_STATIC_ROOT"):
        Path(env[folder]).mkdir(parents=True, exist_ok=True)

    if os.environ.get("TLS_CERTIFICATE"):
        tls = Certificate(os.environ["TLS_CERTIFICATE"], os.environ["TLS_CERTIFICATE_KEY"], None, False)
        check_context = ssl._create_unverified_context()  # a real name's certificate, polled as localhost
    else:
        tls = local_certificate(state)
        check_context = ssl.create_default_context(cafile=tls.ca_file)

    run_dir = Path(tempfile.mkdtemp(prefix="practice-nginx-"))
    run_dir.chmod(0o755)  # nginx's workers (www-data when started as root) keep request bodies here
    workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
    base = f"https://localhost:{ports['https']}"
    print("Preparing: migrate, createcachetable, collectstatic, load_demo_content ...", flush=True)
    try:
        with production_server(
            port=ports["app"],
            database_url=database_url,
            extra_env=env,
            workers=workers,
            max_seconds=0,  # no time limit: serve until stopped
            startup_timeout=120,
        ) as server:
            gunicorn_log = LogTail(server.log_path)
            user = nginx_worker_user(
                [Path(env["DJANGO_STATIC_ROOT"]), Path(env["DJANGO_MEDIA_ROOT"]), run_dir]
            )
            values = nginx_values(run_dir, env, ports, listen, tls)
            with nginx_running(nginx, run_dir, values, user) as nginx_proc:
                wait_for_nginx(base, nginx_proc, check_context)
                gunicorn_log.copy()
                print_banner(base, ports, tls, database_url, env, state, run_dir, nginx_proc.pid, server.pid)
                while True:
                    gunicorn_log.copy()
                    if nginx_proc.poll() is not None:
                        raise RuntimeError(f"nginx stopped (status {nginx_proc.returncode})")
                    if not is_running(server.pid):
                        raise RuntimeError("gunicorn stopped (its log is above)")
                    time.sleep(0.5)
    except KeyboardInterrupt as stop:
        print(f"Stopped ({stop or 'SIGINT'}): nginx and gunicorn have exited.", flush=True)
        return 0
    except RuntimeError as error:
        print(f"serve-production: {error}", file=sys.stderr, flush=True)
        return 1
    finally:
        shutil.rmtree(run_dir, ignore_errors=True)


def print_banner(base, ports, tls, database_url, env, state, run_dir, nginx_pid, gunicorn_pid):
    manage = (
        f"DJANGO_SETTINGS_MODULE=practice_site.settings.production DATABASE_URL={database_url} "
        f'DJANGO_SECRET_KEY="$(cat {state / "secret-key"})" {PYTHON} manage.py createsuperuser'
    )
    lines = [
        "",
        f"Serving {base}/ (nginx pid {nginx_pid}: TLS, /static/, /media/)",
        f"  everything else goes to gunicorn on 127.0.0.1:{ports['app']} (pid {gunicorn_pid})",
        f"  http://localhost:{ports['http']}/ redirects to HTTPS",
        f"  database {without_password(database_url)}; media {env['DJANGO_MEDIA_ROOT']}",
        f"  nginx access log {run_dir / 'access.log'}",
    ]
    if tls.ca_file:
        renewed = " (made just now: trust it again if you trusted an earlier one)" if tls.renewed else ""
        lines += [
            f"Local CA certificate: {tls.ca_file}{renewed}",
            f"  curl --cacert {tls.ca_file} {base}/  ; or import it into your browser's authorities",
        ]
    if "DJANGO_SECRET_KEY" not in os.environ and "DATABASE_URL" not in os.environ:
        lines.append(f"An admin login: {manage}")
    lines.append("Ctrl-C stops nginx and gunicorn.")
    print("\n".join(lines), flush=True)


if __name__ == "__main__":
    sys.exit(main())
