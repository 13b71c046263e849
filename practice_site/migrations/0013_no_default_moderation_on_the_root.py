"""Take Wagtail's default "Moderators approval" workflow off the root page.

Wagtail puts it on the root when it is installed, for a "Moderators" group this site never uses.
Pages outside clinical review (the home and contact pages) then offered Editors "Submit to
Moderators approval": a submission nobody could approve, which locked the page until someone
cancelled it. Health pages have the "Clinical review" workflow of their own (0007). The workflow
itself is kept, inactive on no page, for an administrator who wants it back (Settings → Workflows)."""

from django.db import migrations

DEFAULT_WORKFLOW = "Moderators approval"


def forwards(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowState = apps.get_model("wagtailcore", "WorkflowState")
    roots = Page.objects.filter(depth=1).values_list("pk", flat=True)
    assigned = WorkflowPage.objects.filter(page_id__in=list(roots), workflow__name=DEFAULT_WORKFLOW)
    for row in assigned:
        # A submission already waiting on it would wait for ever: cancel it (the draft stays).
        WorkflowState.objects.filter(workflow_id=row.workflow_id, status="in_progress").update(
            status="cancelled"
        )
    assigned.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("practice_site", "0012_opening_hours_note_in_spanish"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
