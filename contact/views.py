"""The intake inbox in the Wagtail admin: a ModelViewSet over Inquiry.

Access follows the model permissions (view/change inquiry), which only the "Intake staff" group
holds; everyone else gets 403 and never sees the menu item. Every opening of an inquiry, every
change and every export is written to Wagtail's audit log (who, when, which inquiry); what was
done (notes, call attempts, status and assignee changes) is the inquiry's timeline.

The list opens on the open inquiries (new, contacted, scheduled), urgent first, then oldest due
first. Changes go through contact.inbox.change_inquiry, which refuses a save made from an
out-of-date copy: the person sees what changed meanwhile and keeps what they typed."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Case, IntegerField, Q, Value, When
from django.urls import path
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.timesince import timesince
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.components import MediaContainer
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import AdminDateTimeInput
from wagtail.log_actions import log
from wagtail.permissions import policy_registry

from practice_site.phone import to_display, to_e164

from . import inbox
from .inbox_columns import columns, contact_links, due_badge, local_text, yes_no
from .inbox_export import EXPORT_FIELDS, FORMULA_PREFIXES, export_row, log_export
from .inbox_filters import InquiryFilterSet, StaffChoiceField, intake_staff_choices, quick_views
from .models import Inquiry, InquiryChanged
from .timeline import CallOutcome, InquiryOpening, staff_name

VIEW_ACTION = "contact.inquiry.view"


class ForbiddenForOthersMixin:
    """Refuse anyone without the permission this view needs before the view does anything, so
    the inbox is plainly closed, not merely hidden: a 403 in the admin's layout that says so
    (practice_site/admin_errors.py)."""

    def dispatch(self, request, *args, **kwargs):
        policy = policy_registry.get_by_type(Inquiry)
        needed = getattr(self, "any_permission_required", None) or [self.permission_required]
        if not policy.user_has_any_permission(request.user, needed):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class InquiryIndexView(ForbiddenForOthersMixin, generic.IndexView):
    """Urgent open inquiries first, then the one due soonest (the oldest promise) first."""

    default_ordering = ["urgent_rank", "due_at", "created_at"]
    template_name = "contact/admin/inbox_index.html"

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .annotate(
                urgent_rank=Case(
                    When(Q(is_urgent=True, status__in=Inquiry.OPEN_STATUSES), then=Value(0)),
                    default=Value(1),
                    output_field=IntegerField(),
                )
            )
            .select_related("assigned_to")
        )

    def get_valid_orderings(self):
        return super().get_valid_orderings() + [self.default_ordering]

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        # Phones are stored as +15035550123: let staff type them the way people say them.
        phone = to_e164(self.search_query)
        query = Q(name__icontains=self.search_query) | Q(email__icontains=self.search_query)
        query |= Q(phone__icontains=phone or self.search_query)
        return queryset.filter(query)

    def to_row_dict(self, item):
        return export_row(item)

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if field in ("name", "email") and isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
            return "'" + value
        return value

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["quick_views"] = quick_views(self.request)
        return context

    def render_to_response(self, context, **response_kwargs):
        if self.is_export:
            log_export(self.request.user, context["object_list"], self.request.GET.get("export"))
        return super().render_to_response(context, **response_kwargs)


class InquiryForm(WagtailAdminModelForm):
    """Status, assignee and handled date, plus a note and a call attempt to add to the timeline.
    `loaded_version` is the version of the inquiry this form was loaded with."""

    loaded_version = forms.IntegerField(widget=forms.HiddenInput)
    call_outcome = forms.ChoiceField(
        label="Log a call attempt", choices=[("", "No call to log")] + CallOutcome.choices, required=False
    )
    call_note = forms.CharField(label="About the call (optional)", required=False, max_length=500)
    note = forms.CharField(
        label="Add a note",
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Added to the timeline with your name and the time; notes can't be changed later. "
        "Only intake staff see them. Encrypted in the database.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "status" in self.fields:
            # Spam is filed with its own button (and a confirmation), not from this list.
            keep = [c for c in Inquiry.Status.choices if c[0] != Inquiry.Status.SPAM or self.instance.is_spam]
            self.fields["status"].choices = keep
        if "handled_at" in self.fields:
            self.fields["handled_at"].widget = AdminDateTimeInput()
        if "assigned_to" in self.fields:
            self.fields["assigned_to"] = StaffChoiceField(
                queryset=intake_staff_choices(), required=False, label="Assigned to", empty_label="Nobody yet"
            )
            self.fields["assigned_to"].initial = self.instance.assigned_to_id
        self.track_loaded_values()

    # The values this form was loaded with travel along (Django's hidden initial inputs), so
    # a save changes only what the person changed, and a refused save can tell theirs apart.
    TRACKED_FIELDS = ["status", "assigned_to", "handled_at"]

    def track_loaded_values(self):
        for name in self.TRACKED_FIELDS:
            if name in self.fields:
                self.fields[name].show_hidden_initial = True

    def loaded_value_inputs(self):
        """The hidden inputs holding the loaded values (Wagtail's panels render only widgets)."""
        return mark_safe(
            "".join(
                self[name].as_hidden(only_initial=True) for name in self.TRACKED_FIELDS if name in self.fields
            )
        )

    def changed_fields(self):
        return [name for name in self.TRACKED_FIELDS if name in self.changed_data]

    def clean_handled_at(self):
        handled_at = self.cleaned_data.get("handled_at")
        inbox.validate_handled_at(self.instance, handled_at)
        return handled_at


class InquiryEditView(ForbiddenForOthersMixin, generic.EditView):
    """The inquiry's page: what they sent and how to reach them, who else has it open, its
    timeline, and the form to change it. Opening it is recorded in the audit log (not the
    timeline) and refreshes "also open by"."""

    template_name = "contact/admin/inquiry_edit.html"

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        log(instance=self.object, action=VIEW_ACTION, user=request.user)
        InquiryOpening.record(self.object, request.user)
        return response

    def get_side_panels(self):
        # No publishing side panel ("Live", "Used 0 times"): an inquiry is not content.
        return MediaContainer([])

    def get_initial(self):
        return {**super().get_initial(), "loaded_version": self.object.version}

    def form_valid(self, form):
        self.form = form
        data = form.cleaned_data
        # Only what this person changed: a field they left alone is never written back.
        changed = {name: data.get(name) for name in form.changed_fields()}
        try:
            inquiry, entries = inbox.change_inquiry(
                self.object.pk,
                self.request.user,
                loaded_version=data["loaded_version"],
                **changed,
                note=data.get("note"),
                call_outcome=data.get("call_outcome"),
                call_note=data.get("call_note"),
            )
        except InquiryChanged as changed:
            return self.conflict(form, changed.loaded_version)
        except ValidationError as error:
            form.add_error("handled_at", error)
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)
        self.object = inquiry
        if entries:
            log(
                instance=inquiry,
                action="wagtail.edit",
                user=self.request.user,
                data={"changes": sorted({entry.kind for entry in entries})},
            )
            messages.success(self.request, f"{inquiry} saved: {', '.join(e.summary for e in entries)}.")
        else:
            messages.info(self.request, f"{inquiry}: nothing to save, nothing was changed.")
        return self.save_action_redirect()

    def save_action_redirect(self):
        from django.shortcuts import redirect

        return redirect(self.get_success_url())

    def conflict(self, form, loaded_version):
        """Someone saved this inquiry after this form was loaded: save nothing, say what changed,
        keep what the person typed, and let them save again against the current version."""
        self.object = Inquiry.objects.select_related("assigned_to").get(pk=self.object.pk)
        self.conflict_changes = inbox.changes_since(self.object.pk, int(loaded_version or 0))
        current = self.object
        now_values = {
            "status": current.status,
            "assigned_to": str(current.assigned_to_id or ""),
            "handled_at": timezone.localtime(current.handled_at).strftime("%Y-%m-%d %H:%M")
            if current.handled_at
            else "",
        }
        changed_by_them = form.changed_fields()
        data = form.data.copy()
        data["loaded_version"] = current.version
        for name, value in now_values.items():
            # What they changed stays as they typed it; the rest shows what is true now.
            if name not in changed_by_them:
                data[name] = value
            data[form.add_initial_prefix(name)] = value
        form.data = data
        self.produced_error_message = None
        messages.error(
            self.request,
            f"Not saved: someone else changed {self.object} while you had it open. "
            "Their changes are shown below and what you typed is still here. "
            "Check it, then save again.",
        )
        return self.render_to_response(self.get_context_data(form=form))

    def get_success_url(self):
        return self.get_edit_url()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        inquiry = self.object
        badge, modifier = due_badge(inquiry)
        context.update(
            inquiry=inquiry,
            contact_links=contact_links(inquiry),
            phone_display=to_display(inquiry.phone) if inquiry.phone else "",
            phone_e164=to_e164(inquiry.phone) or inquiry.phone,
            voicemail_ok=yes_no(inquiry.ok_to_leave_voicemail),
            received_text=local_text(inquiry.created_at),
            due_text=local_text(inquiry.due_at),
            first_contact_text=local_text(inquiry.first_contact_at),
            handled_text=local_text(inquiry.handled_at),
            due_badge=badge,
            due_badge_modifier=modifier,
            assignee_name=staff_name(inquiry.assigned_to),
            timeline=list(inquiry.timeline.select_related("author")),
            others_open=[
                (staff_name(opening.user), ago_text(opening.opened_at))
                for opening in InquiryOpening.others(inquiry, self.request.user)
            ],
            conflict_changes=getattr(self, "conflict_changes", None),
            spam_url=f"{self.get_edit_url()}spam/",
        )
        return context


def ago_text(moment):
    """'just now', '2 minutes ago'."""
    if timezone.now() - moment < timezone.timedelta(minutes=1):
        return "just now"
    return f"{timesince(moment).split(',')[0]} ago"


class InquiryViewSet(ModelViewSet):
    model = Inquiry
    name = "inquiries"
    url_prefix = "inquiries"
    icon = "mail"
    menu_label = "Inquiries"
    menu_order = 150
    add_to_admin_menu = True
    index_view_class = InquiryIndexView
    edit_view_class = InquiryEditView
    copy_view_enabled = False
    inspect_view_enabled = False

    filterset_class = InquiryFilterSet
    search_fields = ["name", "email", "phone"]
    search_backend_name = None
    list_per_page = 50
    # Minimum necessary: who to call and how, never what they wrote (contact.views.export_row).
    list_export = list(EXPORT_FIELDS)
    export_headings = EXPORT_FIELDS
    export_filename = "inquiries"

    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("status"), FieldPanel("assigned_to")]),
            FieldRowPanel([FieldPanel("call_outcome"), FieldPanel("call_note")]),
            FieldPanel("note"),
            FieldPanel("handled_at"),
        ],
        base_form_class=InquiryForm,
    )

    @property
    def list_display(self):
        return columns()

    def get_urlpatterns(self):
        from .inbox_actions import QuickActionView, SpamView

        return super().get_urlpatterns() + [
            path("action/<int:pk>/<slug:action>/", QuickActionView.as_view(), name="quick_action"),
            path("edit/<int:pk>/spam/", SpamView.as_view(), name="spam"),
        ]
