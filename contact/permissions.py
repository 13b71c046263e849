"""The two staff groups and what they may do.

- "Intake staff": log in to the admin, view and change inquiries (not add or delete them).
  Nothing else: no pages, no settings.
- "Editors": log in to the admin, add/change/publish pages (from the tree root down; health pages
  under the "Clinical review" workflow only through a reviewer's approval, see
  practice_site/review_gate.py), manage
  snippets and images, and change the practice's public details (Settings → Practice
  settings: name, phone, email, address, hours, crisis notice). Never anything on inquiries,
  nor on where intake notifications go (Settings → Intake notifications, IntakeSettings):
  whatever routes health information is for administrators (superusers) only.

`ensure_groups()` is idempotent and only adds permissions (an administrator's additions
survive), except that it always strips the inquiry and intake-notification permissions from
Editors (group-wide and per-site). It is used by the data migrations (with the historical
`apps`), after every `migrate` (post_migrate, so snippet models added later are covered) and by
test fixtures."""

from django.apps import apps as global_apps
from django.db.models import Q

INTAKE_GROUP = "Intake staff"
EDITORS_GROUP = "Editors"

INQUIRY_PERMISSIONS = [("contact", "inquiry", "view"), ("contact", "inquiry", "change")]
PAGE_PERMISSION_CODENAMES = ["add_page", "change_page", "publish_page"]
IMAGE_PERMISSION_ACTIONS = ["add", "change", "choose"]
SNIPPET_ACTIONS = ["add", "change", "delete", "view"]
# Site settings Editors may change. Wagtail's Settings menu and edit view ask only for "change".
EDITOR_SETTINGS_PERMISSIONS = [("practice_site", "practicesettings", "change")]
# Models whose permissions Editors must never hold, whoever granted them.
EDITORS_NEVER = [("contact", "inquiry"), ("contact", "intakesettings")]


def _snippet_model_keys():
    """(app_label, model_name) of every registered snippet model except inquiries."""
    try:
        from wagtail.snippets.models import get_snippet_models

        models = get_snippet_models()
    except Exception:  # the registry is not ready (early in a migration run)
        return []
    return [(m._meta.app_label, m._meta.model_name) for m in models if m._meta.app_label != "contact"]


def _ensure_all_permissions(apps):
    """Make sure every model's permissions exist (Django creates them only after migrate)."""
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        had_models_module = getattr(app_config, "models_module", None)
        app_config.models_module = had_models_module or True
        try:
            create_permissions(app_config, verbosity=0, apps=apps)
        finally:
            app_config.models_module = had_models_module


def _model_permissions(apps, app_label, model_name, actions):
    Permission = apps.get_model("auth", "Permission")
    return list(
        Permission.objects.filter(
            content_type__app_label=app_label,
            content_type__model=model_name,
            codename__in=[f"{action}_{model_name}" for action in actions],
        )
    )


def _strip_forbidden_permissions(apps, editors):
    """Whatever else happens to the Editors group, it never reaches inquiries or the intake
    notification addresses: not group-wide, and not for one site (Wagtail's site permissions)."""
    Permission = apps.get_model("auth", "Permission")
    GroupSitePermission = apps.get_model("wagtailcore", "GroupSitePermission")
    forbidden = Q()
    for app_label, model_name in EDITORS_NEVER:
        forbidden |= Q(content_type__app_label=app_label, content_type__model=model_name)
    forbidden_permissions = Permission.objects.filter(forbidden)
    editors.permissions.remove(*forbidden_permissions)
    GroupSitePermission.objects.filter(group=editors, permission__in=forbidden_permissions).delete()


def ensure_groups(apps=global_apps):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    _ensure_all_permissions(apps)

    access_admin = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).first()

    intake, _ = Group.objects.get_or_create(name=INTAKE_GROUP)
    inquiry_permissions = []
    for app_label, model_name, action in INQUIRY_PERMISSIONS:
        inquiry_permissions += _model_permissions(apps, app_label, model_name, [action])
    intake.permissions.add(*inquiry_permissions, *([access_admin] if access_admin else []))

    editors, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    editor_permissions = [access_admin] if access_admin else []
    editor_permissions += _model_permissions(apps, "wagtailimages", "image", IMAGE_PERMISSION_ACTIONS)
    for app_label, model_name in _snippet_model_keys():
        editor_permissions += _model_permissions(apps, app_label, model_name, SNIPPET_ACTIONS)
    for app_label, model_name, action in EDITOR_SETTINGS_PERMISSIONS:
        editor_permissions += _model_permissions(apps, app_label, model_name, [action])
    editors.permissions.add(*editor_permissions)
    _strip_forbidden_permissions(apps, editors)

    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    root = Page.objects.filter(depth=1).order_by("path").first()
    if root is not None:
        for permission in Permission.objects.filter(
            content_type__app_label="wagtailcore", codename__in=PAGE_PERMISSION_CODENAMES
        ):
            GroupPagePermission.objects.get_or_create(group=editors, page=root, permission=permission)
    return intake, editors
