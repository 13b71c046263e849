"""The scale-out topology on one machine: Varnish -> nginx -> two gunicorn app servers.

    visitor --HTTP--> Varnish (deploy/varnish.vcl)      the edge cache, purged on publish
                        |
                        v  nginx's edge listener (EDGE_LISTEN in deploy/nginx.conf.template)
                      nginx                              /static/ from disk, upstream of app servers
                      /    \\   (max_fails, proxy_next_upstream: a stopped server costs no request)
             gunicorn 1    gunicorn 2                    production settings, same secret key
                      \\    /
     PostgreSQL (one database), Redis (one cache), S3 (one bucket for media)

nginx also serves HTTPS itself (the local CA of bench/serve.py) as `make serve-production` does;
in front of Varnish a real site has TLS ended by a CDN or a TLS terminator.

Library use (tests/topology/, bench/edge.py)::

    with topology(database_url=..., redis_url=..., s3_env=...) as site:
        site.edge                  # http://127.0.0.1:<varnish>: what visitors reach
        site.apps                  # two bench.serve.Server (base URL str, .manage(), .pid)
        site.stop_app(1)           # SIGKILL one app server (master and workers)
        site.env                   # the environment both app servers share

CLI: ``python deploy/topology.py`` serves it until Ctrl-C (DATABASE_URL=postgres://... and
REDIS_URL are required; AWS_* for media on S3, else the app servers share one media folder).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEPLOY = REPO / "deploy"
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.serve import _set_parent_death_signal, make_certificate, production_server  # noqa: E402
from deploy.serve_production import (  # noqa: E402
    MIME_TYPES,
    find_nginx,
    free_port,
    nginx_running,
    nginx_worker_user,
    render,
)

VARNISHD = "/usr/sbin/varnishd"


def find_varnishd():
    for candidate in (os.environ.get("VARNISHD"), shutil.which("varnishd"), VARNISHD):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    raise RuntimeError("varnishd is not installed. On Debian: apt-get install varnish (or set VARNISHD=...).")


@dataclass
class Varnish:
    url: str
    port: int
    proc: subprocess.Popen


def wait_until_answers(url, proc=None, timeout=30, what="server"):
    """Until `url` answers anything over HTTP (a 404, a 503 from a backend still starting...)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"{what} exited with status {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=3):
                return
        except urllib.error.HTTPError:
            return
        except (urllib.error.URLError, OSError):
            time.sleep(0.1)
    raise RuntimeError(f"{what} did not answer at {url} within {timeout} s")


@contextlib.contextmanager
def varnish_running(backend_host, backend_port, port=None, memory="64m", check_path="/healthz"):
    """varnishd in the foreground (-F) with deploy/varnish.vcl in front of backend_host:port, as
    a process of our own (not the system service): its working directory is a scratch folder."""
    varnishd = find_varnishd()
    port = port or free_port()
    work = Path(tempfile.mkdtemp(prefix="practice-varnish-"))
    work.chmod(0o755)  # varnishd's unprivileged worker (vcache) reads the compiled VCL here
    vcl = work / "practice.vcl"
    vcl.write_text(
        render(DEPLOY / "varnish.vcl", {"BACKEND_HOST": backend_host, "BACKEND_PORT": backend_port})
    )
    vcl.chmod(0o644)
    command = [
        varnishd,
        "-F",
        "-a", f"127.0.0.1:{port}",
        "-f", str(vcl),
        "-n", str(work / "instance"),
        "-s", f"malloc,{memory}",
        "-p", "default_grace=0",
        "-p", "thread_pool_min=20",
    ]  # fmt: skip
    log = open(work / "varnishd.log", "wb")  # noqa: SIM115 - closed below
    proc = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                            preexec_fn=_set_parent_death_signal)  # fmt: skip
    try:
        try:
            wait_until_answers(f"http://127.0.0.1:{port}{check_path}", proc, what="varnishd")
        except RuntimeError as error:
            log.flush()
            raise RuntimeError(
                f"{error}\n{(work / 'varnishd.log').read_text(errors='replace')[-3000:]}"
            ) from None
        yield Varnish(f"http://127.0.0.1:{port}", port, proc)
    finally:
        if proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=5)
        log.close()
        shutil.rmtree(work, ignore_errors=True)


@dataclass
class Topology:
    edge: str
    https: str
    apps: list
    env: dict
    ca_file: str
    nginx_access_log: Path
    varnish: Varnish = None
    _stopped: set = field(default_factory=set)

    def stop_app(self, index):
        """Kill app server `index` at once (SIGKILL to its process group: master and workers)."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.apps[index].pid, signal.SIGKILL)
        self._stopped.add(index)


@contextlib.contextmanager
def _environ(**values):
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def site_setup_command(hostname, port):
    """The default Site answers at the edge's address, so purges carry the Host visitors use.
    Saving clears Wagtail's cached site root paths (in the shared cache); a cache that drops the
    write (Redis paused: the cache fails open) would leave the old ones, so it is checked."""
    code = f"""
import time
from wagtail.models import Site
site = Site.objects.get(is_default_site=True)
site.hostname, site.port = {hostname!r}, {int(port)}
site.save()
for _ in range(120):
    Site.clear_site_root_paths_cache()
    if any(root.root_url.endswith(":{int(port)}") for root in Site.get_site_root_paths()):
        break
    time.sleep(0.5)
else:
    raise SystemExit("the shared cache keeps the old site root paths")
"""
    return ["shell", "--no-imports", "-c", code]


@contextlib.contextmanager
def topology(database_url, redis_url, s3_env=None, extra_env=None, app_workers=2, db_name=None):
    """Start the whole topology (see the module docstring); everything stops on leaving."""
    if not database_url.startswith(("postgres://", "postgresql://")):
        raise RuntimeError("two app servers need a shared database: set DATABASE_URL=postgres://...")
    if not redis_url:
        raise RuntimeError("two app servers need a shared cache: set REDIS_URL")
    ports = {name: free_port() for name in ("edge", "https", "http", "edge_listen", "app1", "app2")}
    scratch = Path(tempfile.mkdtemp(prefix="practice-topology-"))
    scratch.chmod(0o755)
    static_root, media_root = scratch / "static", scratch / "media"
    media_root.mkdir()
    shared = {
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),  # sessions, CSRF, form tokens: both servers
        "CACHE_KEY_PREFIX": f"topology-{secrets.token_hex(4)}",  # one page cache, one generation
        "REDIS_URL": redis_url,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_STATIC_ROOT": str(static_root),
        "DJANGO_MEDIA_ROOT": str(media_root),  # unused with S3
        "FRONTEND_CACHE_URL": f"http://127.0.0.1:{ports['edge']}",
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{ports['edge']}",
        "DJANGO_TRUSTED_PROXY_COUNT": "1",
        **(s3_env or {}),
        **(extra_env or {}),
    }
    first_server = production_server(
        port=ports["app1"],
        extra_env=shared,
        workers=app_workers,
        db_name=db_name or f"topology_{ports['app1']}",
        setup_commands=[site_setup_command("127.0.0.1", ports["edge"])],
        max_seconds=3600,
        startup_timeout=120,
    )
    with contextlib.ExitStack() as stack:
        stack.callback(shutil.rmtree, scratch, ignore_errors=True)
        with _environ(DATABASE_URL=database_url):  # production_server makes `db_name` beside it
            app1 = stack.enter_context(first_server)
        if s3_env:
            app1.manage("configure_bucket")
        app2 = stack.enter_context(
            production_server(
                port=ports["app2"],
                extra_env=shared,
                workers=app_workers,
                database_url=app1.env["DATABASE_URL"],
                prepare=False,
                max_seconds=3600,
            )
        )
        run_dir = scratch / "nginx"
        run_dir.mkdir()
        cert_file, key_file, ca_file = make_certificate(scratch)
        values = {
            "SERVER_NAME": "127.0.0.1 localhost",
            "HTTP_LISTEN": f"127.0.0.1:{ports['http']}",
            "HTTPS_LISTEN": f"127.0.0.1:{ports['https']}",
            "HTTPS_PORT_SUFFIX": f":{ports['https']}",
            "TLS_CERTIFICATE": cert_file,
            "TLS_CERTIFICATE_KEY": key_file,
            "STATIC_ROOT": str(static_root),
            "MEDIA_ROOT": str(media_root),
            "APP_SERVER": f"127.0.0.1:{ports['app1']}",
            "MORE_APP_SERVERS": f"server 127.0.0.1:{ports['app2']} max_fails=1 fail_timeout=10s;",
            "EDGE_LISTEN": f"127.0.0.1:{ports['edge_listen']}",
            "ACME_ROOT": str(run_dir / "acme"),
            "ACCESS_LOG": str(run_dir / "access.log"),
            "RUN_DIR": str(run_dir),
            "MIME_TYPES": MIME_TYPES,
            "SITE_CONFIG": str(run_dir / "practice.conf"),
        }
        user = nginx_worker_user([static_root, media_root, run_dir])
        nginx_proc = stack.enter_context(nginx_running(find_nginx(), run_dir, values, user))
        wait_until_answers(f"http://127.0.0.1:{ports['edge_listen']}/healthz", nginx_proc, what="nginx")
        varnish = stack.enter_context(varnish_running("127.0.0.1", ports["edge_listen"], port=ports["edge"]))
        yield Topology(
            edge=varnish.url,
            https=f"https://127.0.0.1:{ports['https']}",
            apps=[app1, app2],
            env={**app1.env},
            ca_file=ca_file,
            nginx_access_log=run_dir / "access.log",
            varnish=varnish,
        )


def main():
    database_url = os.environ.get("DATABASE_URL", "")
    redis_url = os.environ.get("REDIS_URL", "")
    s3_env = {key: value for key, value in os.environ.items() if key.startswith("AWS_")} or None
    try:
        with topology(database_url, redis_url, s3_env=s3_env) as site:
            print(f"Edge (Varnish): {site.edge}/   nginx over HTTPS: {site.https}/ (CA {site.ca_file})")
            print(f"App servers: {', '.join(site.apps)}. Ctrl-C stops everything.", flush=True)
            while True:
                time.sleep(1)
    except KeyboardInterrupt:
        return 0
    except RuntimeError as error:
        print(f"topology: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
