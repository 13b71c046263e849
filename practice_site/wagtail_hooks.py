"""The editors' dashboard panel: where to start, their own drafts, and what waits for them.

The site-wide app names no section here: each section contributes its shortcuts through the
`editor_dashboard_shortcuts` hook (a function of the request returning a list of
`{"order", "label", "description", "url"}`), as `blog` and `specialties` do in their own
`wagtail_hooks.py`. The panel is shown only to people who may write or edit pages."""

import swapper
from django.urls import reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.models import TaskState, WorkflowState, get_default_page_content_type
from wagtail.permissions import policy_registry

from .models import PracticeSettings
from .publishing import refuse_bulk_publish_without_alt_text, remind_about_hero_alt_text, uses_hero_alt_rule

SHORTCUTS_HOOK = "editor_dashboard_shortcuts"
PAGE_EDITING_ACTIONS = ["add", "change", "publish"]
DRAFTS_SHOWN = 5
WAITING_SHOWN = 5


def page_model():
    return swapper.load_model("wagtailcore", "Page")


def can_edit_pages(user):
    return policy_registry.get_by_type(page_model()).user_has_any_permission(user, PAGE_EDITING_ACTIONS)


@hooks.register(SHORTCUTS_HOOK)
def practice_settings_shortcut(request):
    """The practice's own details live in one settings page (header, footer, every call to action)."""
    if policy_registry.get_by_type(PracticeSettings).user_has_permission(request.user, "change"):
        return [
            {
                "order": 30,
                "label": "Change phone, hours or address",
                "description": "Settings → Practice settings. Every page shows what you save there.",
                "url": reverse("wagtailsettings:edit", args=["practice_site", "practicesettings"]),
            }
        ]
    return [
        {
            "order": 30,
            "label": "Change phone, hours or address",
            "description": "Your account can't change these. An administrator can, under "
            "Settings → Practice settings.",
            "url": None,
        }
    ]


def shortcuts(request):
    found = []
    for contribute in hooks.get_hooks(SHORTCUTS_HOOK):
        found.extend(contribute(request))
    return sorted(found, key=lambda shortcut: shortcut["order"])


def own_drafts(user, limit=DRAFTS_SHOWN):
    """Pages with changes not yet published whose latest version this user saved, newest first."""
    pages = (
        page_model()
        .objects.filter(has_unpublished_changes=True, latest_revision__user=user)
        .order_by("-latest_revision_created_at", "-pk")
        .only("id", "draft_title", "live", "latest_revision_created_at")[:limit]
    )
    return [
        {
            "title": page.draft_title,
            "edited_at": page.latest_revision_created_at,
            "status": "Live, with changes not published yet" if page.live else "Not published yet",
            "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
        }
        for page in pages
    ]


def waiting_for(user, limit=WAITING_SHOWN):
    """Pages whose review task this user may approve, and their own pages sent back with
    changes requested. Titles come from the saved revision, so no page is loaded."""
    page_type = get_default_page_content_type()
    to_review = (
        TaskState.objects.reviewable_by(user)
        .filter(workflow_state__base_content_type=page_type)
        .select_related("revision")
        .order_by("-started_at")[:limit]
    )
    sent_back = (
        WorkflowState.objects.filter(
            status=WorkflowState.STATUS_NEEDS_CHANGES, requested_by=user, base_content_type=page_type
        )
        .select_related("current_task_state__revision", "current_task_state__finished_by")
        .order_by("-created_at")[:limit]
    )
    items = [
        {
            "title": state.revision.object_str,
            "what": "Waiting for your review",
            "edit_url": reverse("wagtailadmin_pages:edit", args=[state.revision.object_id]),
        }
        for state in to_review
    ]
    for state in sent_back:
        task_state = state.current_task_state
        revision = task_state.revision if task_state else None
        reviewer = task_state.finished_by if task_state else None
        items.append(
            {
                "title": revision.object_str if revision else "A page you sent for review",
                "what": "Sent back to you with changes requested",
                "edit_url": reverse("wagtailadmin_pages:edit", args=[state.object_id]),
                # What the reviewer asked for, where the editor looks first (not only in History).
                "comment": task_state.comment if task_state else "",
                "comment_by": (reviewer.get_full_name() or reviewer.get_username()) if reviewer else "",
            }
        )
    return items[:limit]


def clinical_review_summary(user):
    """How many health pages wait for a clinical review (one count query per page type), for
    the people who can do something about it."""
    from .reports import review_due_count, review_due_url

    return {"count": review_due_count(), "url": review_due_url()}


class EditorStartPanel(Component):
    """Top of the dashboard for clinicians: plain shortcuts, their drafts, what waits for them."""

    name = "editor_start"
    order = 60  # after the intake panel (50), before Wagtail's own panels (210 and up)
    template_name = "practice_site/admin/editor_start_panel.html"

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        return {
            "shortcuts": shortcuts(request),
            "drafts": own_drafts(request.user),
            "waiting": waiting_for(request.user),
            "review_due": clinical_review_summary(request.user),
        }


@hooks.register("construct_homepage_panels")
def add_editor_start_panel(request, panels):
    if can_edit_pages(request.user):
        panels.append(EditorStartPanel())


@hooks.register("register_admin_urls")
def register_report_urls():
    from .reports import report_urls

    return report_urls()


class PageEditorsReportItem(MenuItem):
    """A report for everyone who writes or reviews pages (not only administrators)."""

    def is_shown(self, request):
        return can_edit_pages(request.user)


@hooks.register("register_reports_menu_item")
def register_clinical_review_due_report():
    return PageEditorsReportItem(
        "Clinical review due", reverse("clinical_review_due"), icon_name="help", order=100
    )


@hooks.register("register_reports_menu_item")
def register_plain_language_report():
    return PageEditorsReportItem(
        "Plain language", reverse("plain_language_report"), icon_name="glasses", order=101
    )


@hooks.register("register_reports_menu_item")
def register_missing_translations_report():
    return PageEditorsReportItem(
        "Pages without Spanish", reverse("missing_translations_report"), icon_name="globe", order=102
    )


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def remind_about_alt_text_after_save_draft(request, page):
    if uses_hero_alt_rule(type(page)):
        remind_about_hero_alt_text(request, page)


@hooks.register("before_bulk_action")
def refuse_bulk_publish_of_pages_without_alt_text(request, action_type, objects, action):
    return refuse_bulk_publish_without_alt_text(request, action_type, objects, action)


@hooks.register("after_create_page")
def put_new_content_pages_under_clinical_review(request, page):
    """A new top-level content page gets the "Clinical review" workflow like the demo's (pages
    in the specialty and blog sections inherit it from their index)."""
    from .models import StandardPage
    from .review_workflow import ensure_workflow

    if isinstance(page, StandardPage) and page.depth == 3:
        ensure_workflow()


@hooks.register("before_edit_page")
def tell_reviewers_without_a_profile_why_they_cannot_approve(request, page):
    """A reviewer without a clinician profile sees "Request changes" but no "Approve"
    (review_gate.install): say why, on the page waiting for them."""
    from django.contrib import messages

    from .clinical_review import CLINICAL_REVIEWERS_GROUP
    from .review_gate import NO_PROFILE_MESSAGE, has_public_credentials, is_clinical_review_task

    if request.method != "GET" or has_public_credentials(request.user):
        return None
    task_state = page.current_workflow_task_state
    if task_state is None or not request.user.groups.filter(name=CLINICAL_REVIEWERS_GROUP).exists():
        return None
    if is_clinical_review_task(task_state.task.specific):
        messages.warning(request, NO_PROFILE_MESSAGE)
    return None
