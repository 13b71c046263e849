"""Backups restore: inquiries written to a real PostgreSQL database survive `pg_dump -Fc` and
`pg_restore` into a fresh database, messages intact, readable only with the same secret key.

Outside the test transaction on purpose: the inquiries are created and read back by separate
`manage.py shell` processes with the production settings, as an operator would."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest

REPO = Path(__file__).resolve().parent.parent

pytestmark = [
    # Backup and restore use pg_dump/pg_restore: only collected when DATABASE_URL is PostgreSQL
    # (tests/conftest.py); CI's PostgreSQL pass runs it.
    pytest.mark.postgres,
    # pytest-django only creates the test database when a collected test is marked for it;
    # the source database is copied from it.
    pytest.mark.django_db,
]

MESSAGES = [
    "I'd like to talk about my drinking.",
    "Two lines:\nmy brother and me. Évening calls are best — thank you 🙏",
    "x" * 1000,
    "Quotes ' \" and a backslash \\ survive too.",
]

CREATE = """
import json, sys
from contact.models import Inquiry, TimelineEntry
messages = json.loads(sys.stdin.read())
made = {}
for n, message in enumerate(messages):
    inquiry = Inquiry.objects.create(
        name=f"Backup {n}", help_for="myself", contact_method="call", phone="+15035550142",
        message=message, consent=True,
    )
    TimelineEntry.objects.create(inquiry=inquiry, kind="note", text=f"staff note {n}")
    made[inquiry.pk] = [inquiry.name, message, f"staff note {n}"]
print(json.dumps(made))
"""

READ = """
import json
from contact.models import Inquiry
print(json.dumps({i.pk: [i.name, i.message, i.timeline.get().text] for i in Inquiry.objects.all()}))
"""


def database_url(settings_dict, name):
    user = quote(settings_dict.get("USER") or "postgres")
    password = settings_dict.get("PASSWORD")
    auth = f"{user}:{quote(password)}@" if password else f"{user}@"
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = settings_dict.get("PORT") or "5432"
    return f"postgresql://{auth}{host}:{port}/{name}"


def run(command, **kwargs):
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, **kwargs)
    assert result.returncode == 0, f"{command[:3]} failed:\n{result.stdout[-2000:]}\n{result.stderr[-3000:]}"
    return result.stdout


def manage_shell(url, secret_key, script, stdin=""):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "REDIS_URL"))}
    env.update(
        DJANGO_SETTINGS_MODULE="practice_site.settings.production",
        DJANGO_SECRET_KEY=secret_key,
        DATABASE_URL=url,
    )
    out = run([sys.executable, "manage.py", "shell", "-c", script], cwd=REPO, env=env, input=stdin)
    return {int(pk): row for pk, row in json.loads(out.strip().splitlines()[-1]).items()}


@pytest.fixture
def scratch_databases(django_db_setup, django_db_blocker, tmp_path):
    """A source database holding the migrated demo site (copied from the test database, which
    is quicker than migrating from nothing) and an empty one to restore into; both dropped."""
    from django.db import connection

    settings_dict = connection.settings_dict
    suffix = secrets.token_hex(3)
    source, restored = f"helper_resilience_backup_{suffix}_src", f"helper_resilience_backup_{suffix}_restored"
    server = database_url(settings_dict, "postgres")
    seed = tmp_path / "seed.dump"
    run(["pg_dump", "-Fc", "-f", str(seed), "-d", database_url(settings_dict, settings_dict["NAME"])])
    try:
        run(["psql", "-q", "-d", server, "-c", f'CREATE DATABASE "{source}"'])
        run(
            [
                "pg_restore",
                "--no-owner",
                "--exit-on-error",
                "-d",
                database_url(settings_dict, source),
                str(seed),
            ]
        )
        run(["psql", "-q", "-d", database_url(settings_dict, source), "-c", "DELETE FROM contact_inquiry"])
        yield database_url(settings_dict, source), database_url(settings_dict, restored), server, restored
    finally:
        for name in (source, restored):
            subprocess.run(
                ["psql", "-q", "-d", server, "-c", f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'],
                capture_output=True,
                timeout=60,
            )


def test_pg_dump_and_restore_into_a_fresh_database_keeps_every_inquiry_readable(scratch_databases, tmp_path):
    source_url, restored_url, server, restored_name = scratch_databases
    secret_key = secrets.token_urlsafe(50)
    made = manage_shell(source_url, secret_key, CREATE, stdin=json.dumps(MESSAGES))
    assert len(made) == len(MESSAGES)

    # The backup, as the README tells operators to take it.
    dump = tmp_path / "practice.dump"
    run(["pg_dump", "--format=custom", "--no-owner", "--file", str(dump), "--dbname", source_url])
    # The dump alone does not reveal what anyone wrote (messages and notes are ciphertext).
    plain = run(["pg_restore", "--data-only", "--table", "contact_inquiry", "--file", "-", str(dump)])
    assert "Backup 0" in plain  # names stay searchable plain text
    assert "talk about my drinking" not in plain and "staff note" not in plain

    # Restore into a fresh, empty database.
    run(["psql", "-q", "-d", server, "-c", f'CREATE DATABASE "{restored_name}"'])
    run(["pg_restore", "--no-owner", "--exit-on-error", "--dbname", restored_url, str(dump)])

    restored = manage_shell(restored_url, secret_key, READ)
    assert restored == made, "every inquiry is back, with its decrypted message and notes"

    # Without the same DJANGO_SECRET_KEY the messages are unreadable (ciphertext comes back).
    other_key = manage_shell(restored_url, secrets.token_urlsafe(50), READ)
    assert set(other_key) == set(made)
    for pk, (name, message, _notes) in other_key.items():
        assert name == made[pk][0]
        assert message != made[pk][1] and message.startswith("gAAAA")
