"""Health check, settings that refuse to start unsafely, and the deploy checklist."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "practice_site.settings.production",
    "DJANGO_SECRET_KEY": "x9!Qv7#mZ2@pL5&wR8^tY1*uK4(oN6)sD3-fG0_hJ9+cV2=bX7",
    "DJANGO_ALLOWED_HOSTS": "www.practice.example",
    "DJANGO_CSRF_TRUSTED_ORIGINS": "https://www.practice.example",
    "WAGTAILADMIN_BASE_URL": "https://www.practice.example",
}


def run_manage(args, env):
    clean_env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    clean_env.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=clean_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.django_db
def test_healthz_ok_when_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert response["Content-Type"].startswith("text/plain")


@pytest.mark.django_db
def test_healthz_503_when_database_is_unreachable(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise connection.OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", refuse)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert b"ok" not in response.content


def test_production_refuses_to_start_without_secret_key():
    env = dict(PRODUCTION_ENV)
    env.pop("DJANGO_SECRET_KEY")
    result = run_manage(["check"], env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_check_deploy_has_no_warnings_in_production():
    result = run_manage(["check", "--deploy", "--fail-level", "WARNING"], PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_production_cache_is_shared_between_processes_without_redis():
    env = dict(PRODUCTION_ENV)
    code = "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"
    result = run_manage(["shell", "-c", code], env | {"REDIS_URL": ""})
    assert result.stdout.strip().splitlines()[-1] == "django.core.cache.backends.db.DatabaseCache", (
        result.stderr
    )
    # Room for the pages and the rate-limit counts (Django's default culls at 300 entries).
    room = "from django.core.cache import cache; print(cache._max_entries)"
    result = run_manage(["shell", "-c", room], env | {"REDIS_URL": ""})
    assert int(result.stdout.strip().splitlines()[-1]) >= 5000, result.stderr
    result = run_manage(["shell", "-c", code], env | {"REDIS_URL": "redis://127.0.0.1:6379/3"})
    assert result.stdout.strip().splitlines()[-1] == "practice_site.cache_backends.ResilientRedisCache", (
        result.stderr
    )


def test_robots_txt_disallows_admin_and_names_sitemap(client):
    response = client.get("/robots.txt")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


@pytest.mark.django_db
def test_demo_loader_is_idempotent():
    from django.core.management import call_command
    from wagtail.models import Page

    before = Page.objects.count()
    call_command("load_demo_content", stdout=open(os.devnull, "w"))
    assert Page.objects.count() == before
