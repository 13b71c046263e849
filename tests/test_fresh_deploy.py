"""A deploy that runs `migrate` and nothing else gives a working production site: the database
cache's table comes with the migrations (practice_site/migrations/0004), so no page and no
management command fails with "no such table: practice_cache"."""

import socket
import sys
from pathlib import Path

import requests

REPO = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_migrate_alone_gives_a_working_production_site_with_the_database_cache():
    sys.path.insert(0, str(REPO / "bench"))
    try:
        from serve import production_server

        steps = [["migrate", "--noinput"], ["collectstatic", "--noinput"], ["load_demo_content"]]
        with production_server(
            port=free_port(),
            db_name="practice_fresh_deploy",
            prepare=False,  # no createcachetable
            setup_commands=steps,
            extra_env={"REDIS_URL": ""},  # the database cache, as production has without Redis
            max_seconds=300,
        ) as server:
            tables = server.manage(
                "shell",
                "-c",
                "from django.db import connection; print(connection.introspection.table_names())",
                capture=True,
            ).stdout
            assert "practice_cache" in tables
            for path in ("/", "/about/", "/specialties/", "/blog/", "/contact/", "/faq/", "/robots.txt"):
                first = requests.get(server + path, timeout=20)
                assert first.status_code == 200, (path, first.status_code)
            again = requests.get(server + "/about/", timeout=20)
            assert again.headers.get("X-Cache") == "HIT"  # the database cache works
    finally:
        sys.path.remove(str(REPO / "bench"))
