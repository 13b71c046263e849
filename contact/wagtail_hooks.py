"""Admin registration for the intake inbox: the viewset, the dashboard panel and the audit-log
actions. Everything here is invisible to users without the inquiry permissions."""

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.permissions import policy_registry

from .models import Inquiry
from .views import EXPORT_ACTION, VIEW_ACTION, InquiryViewSet

inquiry_viewset = InquiryViewSet()


def can_see_inquiries(user):
    policy = policy_registry.get_by_type(Inquiry)
    return policy.user_has_any_permission(user, ["view", "change"])


@hooks.register("register_admin_viewset")
def register_inquiry_viewset():
    return inquiry_viewset


class InquiriesPanel(Component):
    """Dashboard counts: new inquiries, and how many of them are urgent."""

    name = "inquiries"
    order = 50

    def render_html(self, parent_context=None):
        new = Inquiry.objects.filter(status=Inquiry.Status.NEW)
        counts = {"new": new.count(), "urgent": new.filter(is_urgent=True).count()}
        index_url = reverse("inquiries:index")
        return mark_safe(
            render_to_string(
                "contact/admin/inquiries_panel.html",
                {
                    **counts,
                    "new_url": f"{index_url}?status=new",
                    "urgent_url": f"{index_url}?status=new&is_urgent=true",
                },
            )
        )


@hooks.register("construct_homepage_panels")
def add_inquiries_panel(request, panels):
    if can_see_inquiries(request.user):
        panels.insert(0, InquiriesPanel())


@hooks.register("register_log_actions")
def register_inquiry_log_actions(actions):
    actions.register_action(VIEW_ACTION, "View inquiry", "Inquiry viewed")
    actions.register_action(EXPORT_ACTION, "Export inquiry", "Inquiry exported")
