"""Create the "Clinical reviewers" group and the "Clinical review" workflow (one group approval
task), assigned to the specialty index, the blog index and top-level content pages that exist."""

from django.db import migrations


def create_workflow(apps, schema_editor):
    from practice_site.review_workflow import ensure_workflow

    ensure_workflow(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("practice_site", "0006_clinical_review_and_references"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_workflow, migrations.RunPython.noop)]
