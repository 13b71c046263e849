"""The "Clinical reviewers" group and the "Clinical review" workflow (one group approval task).

Used by the data migration (with historical models) and by the demo loader (which also assigns
the workflow to the pages it creates). Idempotent: running it again changes nothing, and it
never replaces a workflow an administrator chose for a page."""

from django.apps import apps as global_apps

from .clinical_review import CLINICAL_REVIEW_TASK, CLINICAL_REVIEW_WORKFLOW, CLINICAL_REVIEWERS_GROUP

# Reviewers open and comment on pages; approving publishes the page in the reviewer's name,
# which Wagtail allows only to people who may publish it.
REVIEWER_PAGE_PERMISSIONS = ["change_page", "publish_page"]
# Where the workflow applies: the sections holding health content, and top-level content pages.
REVIEWED_SECTION_TYPES = [("specialties", "specialtyindexpage"), ("blog", "blogindexpage")]
REVIEWED_CONTENT_PAGE_TYPE = ("practice_site", "standardpage")


def _content_type(apps, app_label, model):
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    return content_type


def ensure_reviewers_group(apps=global_apps):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")

    group, _ = Group.objects.get_or_create(name=CLINICAL_REVIEWERS_GROUP)
    access_admin = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).first()
    if access_admin:
        group.permissions.add(access_admin)
    root = Page.objects.filter(depth=1).order_by("path").first()
    if root is not None:
        page_type = _content_type(apps, "wagtailcore", "page")
        for codename in REVIEWER_PAGE_PERMISSIONS:
            permission, _ = Permission.objects.get_or_create(
                content_type=page_type,
                codename=codename,
                defaults={"name": f"Can {codename.replace('_', ' ')}"},
            )
            GroupPagePermission.objects.get_or_create(group=group, page=root, permission=permission)
    return group


def ensure_workflow(apps=global_apps):
    """The workflow and its one task, approved by the Clinical reviewers group."""
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")

    group = ensure_reviewers_group(apps)
    task = GroupApprovalTask.objects.filter(name=CLINICAL_REVIEW_TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(
            name=CLINICAL_REVIEW_TASK,
            active=True,
            content_type=_content_type(apps, "wagtailcore", "groupapprovaltask"),
        )
    task.groups.add(group)
    workflow, _ = Workflow.objects.get_or_create(name=CLINICAL_REVIEW_WORKFLOW, defaults={"active": True})
    if not WorkflowTask.objects.filter(workflow=workflow, task=Task.objects.get(pk=task.pk)).exists():
        WorkflowTask.objects.create(
            workflow=workflow, task_id=task.pk, sort_order=workflow.workflow_tasks.count()
        )
    assign_workflow(apps, workflow)
    return workflow


def assign_workflow(apps, workflow):
    """Put the workflow on the specialty index, the blog index and every top-level content page
    that has no workflow of its own yet."""
    Page = apps.get_model("wagtailcore", "Page")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")

    targets = []
    for app_label, model in REVIEWED_SECTION_TYPES:
        targets += Page.objects.filter(content_type=_content_type(apps, app_label, model))
    content_type = _content_type(apps, *REVIEWED_CONTENT_PAGE_TYPE)
    home_depth = 2
    targets += Page.objects.filter(content_type=content_type, depth=home_depth + 1)
    for page in targets:
        if not WorkflowPage.objects.filter(page_id=page.pk).exists():
            WorkflowPage.objects.create(page_id=page.pk, workflow=workflow)
