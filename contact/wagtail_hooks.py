"""Admin registration for the intake inbox: the viewset, the dashboard panels and the audit-log
actions. Everything here is invisible to users without the inquiry permissions."""

from wagtail import hooks
from wagtail.permissions import policy_registry

from .dashboard import IntakeCountsPanel, WeeklyPicturePanel
from .inbox_actions import NOT_SPAM_ACTION, SPAM_ACTION
from .inbox_export import EXPORT_ACTION
from .models import Inquiry
from .views import VIEW_ACTION, InquiryViewSet

inquiry_viewset = InquiryViewSet()


def can_see_inquiries(user):
    policy = policy_registry.get_by_type(Inquiry)
    return policy.user_has_any_permission(user, ["view", "change"])


@hooks.register("register_admin_viewset")
def register_inquiry_viewset():
    return inquiry_viewset


@hooks.register("construct_homepage_panels")
def add_inquiries_panels(request, panels):
    if can_see_inquiries(request.user):
        panels.insert(0, WeeklyPicturePanel())
        panels.insert(0, IntakeCountsPanel())


@hooks.register("register_log_actions")
def register_inquiry_log_actions(actions):
    actions.register_action(VIEW_ACTION, "View inquiry", "Inquiry viewed")
    actions.register_action(EXPORT_ACTION, "Export inquiry", "Inquiry exported")
    actions.register_action(SPAM_ACTION, "Mark inquiry as spam", "Inquiry marked as spam")
    actions.register_action(NOT_SPAM_ACTION, "Mark inquiry as not spam", "Inquiry marked as not spam")
