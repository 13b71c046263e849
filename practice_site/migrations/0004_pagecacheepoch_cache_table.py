"""The page cache's change count, and the database cache's table.

The production settings use Django's database cache (``practice_cache``) when there is no
Redis. Its table used to need ``manage.py createcachetable``; a deploy that ran only
``migrate`` then failed on every page. It now comes with the migrations."""

from django.core.management.commands.createcachetable import Command as CreateCacheTable
from django.db import migrations, models

CACHE_TABLE = "practice_cache"


def create_epoch_row(apps, schema_editor):
    apps.get_model("practice_site", "PageCacheEpoch").objects.using(
        schema_editor.connection.alias
    ).get_or_create(pk=1, defaults={"value": 0})


def create_cache_table(apps, schema_editor):
    # createcachetable's own code: the same columns and index, skipped when the table exists.
    command = CreateCacheTable()
    command.verbosity = 0
    command.create_table(schema_editor.connection.alias, CACHE_TABLE, dry_run=False)


def drop_cache_table(apps, schema_editor):
    schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.quote_name(CACHE_TABLE)}")


class Migration(migrations.Migration):
    dependencies = [
        ("practice_site", "0003_clinicians_block"),
    ]

    operations = [
        migrations.CreateModel(
            name="PageCacheEpoch",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("value", models.BigIntegerField(default=0)),
            ],
        ),
        migrations.RunPython(create_epoch_row, migrations.RunPython.noop),
        migrations.RunPython(create_cache_table, drop_cache_table),
    ]
