"""One-click actions on an inquiry: from the list (assign to me, log a call attempt, mark
contacted) and from its page (mark as spam, not spam, each after a confirmation screen).

All are POST forms with Django's CSRF token, need the "change inquiry" permission (403 for
anyone else), go through contact.inbox.change_inquiry (timeline, first contact, no lost update)
and are written to Wagtail's audit log."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import View
from wagtail.log_actions import log
from wagtail.permissions import policy_registry

from . import inbox
from .models import Inquiry, InquiryChanged
from .timeline import CallOutcome

SPAM_ACTION = "contact.inquiry.spam"
NOT_SPAM_ACTION = "contact.inquiry.not_spam"


def _changes_text(inquiry_pk, loaded_version):
    changes = inbox.changes_since(inquiry_pk, loaded_version)
    if not changes:
        return ""
    return (
        " Meanwhile: "
        + "; ".join(f"{entry.summary} by {entry.author_name or 'someone'}" for entry in changes)
        + "."
    )


class InquiryActionMixin:
    """Only staff who may change inquiries; POST only for anything that changes one."""

    def dispatch(self, request, *args, **kwargs):
        policy = policy_registry.get_by_type(Inquiry)
        if not policy.user_has_permission(request.user, "change"):
            raise PermissionDenied
        self.inquiry = get_object_or_404(Inquiry, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def back(self, fallback):
        next_url = self.request.POST.get("next") or ""
        if next_url and url_has_allowed_host_and_scheme(next_url, {self.request.get_host()}):
            return redirect(next_url)
        return redirect(fallback)

    def loaded_version(self):
        """The version the person's page showed. Missing or garbled counts as out of date
        (version 0), so a change can never skip the check."""
        try:
            return int(self.request.POST.get("version", ""))
        except ValueError:
            return 0


class QuickActionView(InquiryActionMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk, action):
        inquiry = self.inquiry
        index_url = reverse("inquiries:index")
        try:
            if action == "assign_to_me":
                _, entries = inbox.change_inquiry(
                    pk, request.user, loaded_version=self.loaded_version(), assigned_to=request.user
                )
            elif action == "mark_contacted":
                _, entries = inbox.change_inquiry(
                    pk, request.user, loaded_version=self.loaded_version(), status=Inquiry.Status.CONTACTED
                )
            elif action == "log_call":
                outcome = request.POST.get("call_outcome", "")
                if outcome not in CallOutcome.values:
                    messages.error(
                        request, f"{inquiry}: choose what happened on the call, then press Log call."
                    )
                    return self.back(index_url)
                # Appending a call attempt can't overwrite anything: no version needed.
                _, entries = inbox.change_inquiry(
                    pk, request.user, call_outcome=outcome, call_note=request.POST.get("call_note", "")
                )
            else:
                raise Http404
        except InquiryChanged as changed:
            messages.error(
                request,
                f"Not saved: {inquiry} changed since this list was loaded."
                + _changes_text(pk, changed.loaded_version)
                + " The list below is up to date; try again if it still needs doing.",
            )
            return self.back(index_url)
        if entries:
            log(
                instance=inquiry,
                action="wagtail.edit",
                user=request.user,
                data={"changes": [e.kind for e in entries]},
            )
            messages.success(request, f"{inquiry}: " + "; ".join(entry.summary for entry in entries) + ".")
        return self.back(index_url)


class SpamView(InquiryActionMixin, View):
    """GET: "Mark #N as spam?" (or "Not spam?") with what happens; POST: do it."""

    template_name = "contact/admin/confirm_spam.html"

    def get(self, request, pk):
        return TemplateResponse(
            request,
            self.template_name,
            {
                "inquiry": self.inquiry,
                "is_spam": self.inquiry.is_spam,
                "edit_url": reverse("inquiries:edit", args=[pk]),
                "action_url": reverse("inquiries:spam", args=[pk]),
            },
        )

    def post(self, request, pk):
        inquiry = self.inquiry
        edit_url = reverse("inquiries:edit", args=[pk])
        try:
            if inquiry.is_spam:
                updated, _ = inbox.restore_from_spam(pk, request.user, loaded_version=self.loaded_version())
                log(instance=updated, action=NOT_SPAM_ACTION, user=request.user)
                messages.success(
                    request, f"{inquiry} is back in the inbox as “{updated.get_status_display()}”: not spam."
                )
            else:
                updated, _ = inbox.change_inquiry(
                    pk, request.user, loaded_version=self.loaded_version(), status=Inquiry.Status.SPAM
                )
                log(instance=updated, action=SPAM_ACTION, user=request.user)
                messages.success(
                    request,
                    f"{inquiry} was filed as spam. It is no longer in the open list; the dashboard "
                    "counts spam of the last 30 days, and “Not spam” on its page brings it back.",
                )
        except InquiryChanged as changed:
            messages.error(
                request,
                f"Not saved: {inquiry} changed since you opened it."
                + _changes_text(pk, changed.loaded_version),
            )
        return redirect(edit_url)
