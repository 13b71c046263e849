"""Health pages go live only through clinical review.

Editors hold Wagtail's "publish" page permission from the tree root (they publish the home page,
the contact page and other pages that carry no clinical claims). On a page under the "Clinical
review" workflow (the specialties, the articles and the top-level content pages), only a member of
the group that approves that workflow's review task, or an administrator, may publish directly.
Everyone else gets "Submit to Clinical review" in place of "Publish", and the approval publishes.

Wagtail asks a page for its permission tester (`Page.permissions_for_user`) everywhere it decides
about publishing: the edit and create views, the action menu, bulk publish, scheduling, copy. So
the rule lives in one tester subclass instead of in templates or hooks."""

from django.utils.functional import cached_property
from wagtail.models import PagePermissionTester

from .clinical_review import CLINICAL_REVIEWERS_GROUP


def reviewing_group_ids(workflow):
    """Ids of the groups that approve the clinical-review tasks of `workflow` (empty when the
    workflow has no such task: other workflows an administrator sets up are Wagtail's business)."""
    if workflow is None or not workflow.active:
        return set()
    from wagtail.models import GroupApprovalTask

    tasks = GroupApprovalTask.objects.filter(
        workflow_tasks__workflow=workflow, active=True, groups__name=CLINICAL_REVIEWERS_GROUP
    )
    return set(tasks.values_list("groups__id", flat=True))


def user_group_ids(user):
    """The user's group ids, fetched once per user object (a listing asks for every row)."""
    if not hasattr(user, "_review_gate_group_ids"):
        user._review_gate_group_ids = set(user.groups.values_list("id", flat=True))
    return user._review_gate_group_ids


class ReviewGatedPermissionTester(PagePermissionTester):
    """Wagtail's tester, except that publishing a page under clinical review needs a reviewer."""

    @cached_property
    def may_skip_clinical_review(self):
        if self.user.is_superuser:
            return True
        group_ids = reviewing_group_ids(self.page.get_workflow())
        return not group_ids or bool(group_ids & user_group_ids(self.user))

    def can_publish(self):
        return super().can_publish() and self.may_skip_clinical_review

    def can_publish_subpage(self):
        # A new child of this page falls under the same workflow (workflows apply to descendants).
        return super().can_publish_subpage() and self.may_skip_clinical_review

    def can_set_view_restrictions(self):
        # Making a page private or public again publishes no new words: editors keep it.
        return PagePermissionTester.can_publish(self)


# Approval needs a clinician profile -------------------------------------------------------------

NO_PROFILE_MESSAGE = (
    "You can request changes, but approving needs your clinician profile with your credentials "
    "(Blog → Authors: your profile, with “Admin account” set to you), because the page will say "
    "“Clinically reviewed by” your name and credentials."
)


def has_public_credentials(user):
    """True when the user's clinician profile (blog.Author.user) gives a name and credentials
    for the public "Clinically reviewed by NAME, CREDENTIALS" line."""
    from django.core.exceptions import ObjectDoesNotExist

    try:
        profile = user.author_profile
    except (ObjectDoesNotExist, AttributeError):
        return False
    return bool(profile.name.strip() and profile.credentials.strip())


def is_clinical_review_task(task):
    return task.groups.filter(name=CLINICAL_REVIEWERS_GROUP).exists()


def install():
    """A clinical review task offers "Approve" only to reviewers whose approval can be shown
    with their name and credentials. Wagtail asks the task for its actions everywhere (the edit
    view's menu, the dashboard's buttons, and the action view itself, which refuses an action
    not offered), so this one method is where the rule belongs."""
    from wagtail.models import GroupApprovalTask

    original = GroupApprovalTask.get_actions
    if getattr(original, "clinical_review_gate", False):
        return

    def get_actions(self, obj, user):
        actions = original(self, obj, user)
        if actions and is_clinical_review_task(self) and not has_public_credentials(user):
            return [action for action in actions if action[0] != "approve"]
        return actions

    get_actions.clinical_review_gate = True
    GroupApprovalTask.get_actions = get_actions
