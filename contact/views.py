"""The intake inbox in the Wagtail admin: a ModelViewSet over Inquiry.

Access follows the model permissions (view/change inquiry), which only the "Intake staff" group
holds; everyone else gets 403 and never sees the menu item. Every opening of an inquiry, every
change and every export is written to Wagtail's audit log (who, when, which inquiry)."""

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.http import HttpResponseForbidden
from django.utils import timezone
from django_filters import BooleanFilter, ChoiceFilter, DateFromToRangeFilter, ModelChoiceFilter
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn, UserColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import BooleanRadioSelect
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry
from wagtail.permissions import policy_registry

from practice_site.phone import to_e164

from .models import Inquiry

VIEW_ACTION = "contact.inquiry.view"
EXPORT_ACTION = "contact.inquiry.export"
# Values a spreadsheet would run as a formula (CSV injection): name and email are typed by
# the public, so they are defused with a leading apostrophe.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def intake_staff_choices():
    """Users who may handle inquiries: superusers and holders of the change permission."""
    User = get_user_model()
    return (
        User.objects.filter(is_active=True)
        .filter(
            Q(is_superuser=True)
            | Q(
                groups__permissions__codename="change_inquiry",
                groups__permissions__content_type__app_label="contact",
            )
            | Q(user_permissions__codename="change_inquiry")
        )
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


class InquiryFilterSet(WagtailFilterSet):
    status = ChoiceFilter(choices=Inquiry.Status.choices, widget=forms.RadioSelect, empty_label="All")
    is_urgent = BooleanFilter(label="Urgent", widget=BooleanRadioSelect)
    created_at = DateFromToRangeFilter(label="Received", widget=DateRangePickerWidget)
    assigned_to = ModelChoiceFilter(label="Assigned to", queryset=lambda request: intake_staff_choices())

    class Meta:
        model = Inquiry
        fields = ["status", "is_urgent", "created_at", "assigned_to"]


class ForbiddenForOthersMixin:
    """Answer 403 (Wagtail would redirect to the dashboard) to anyone without the permission
    this view needs, so the inbox is plainly closed, not merely hidden."""

    def dispatch(self, request, *args, **kwargs):
        policy = policy_registry.get_by_type(Inquiry)
        needed = getattr(self, "any_permission_required", None) or [self.permission_required]
        if not policy.user_has_any_permission(request.user, needed):
            return HttpResponseForbidden(
                "You do not have permission to see inquiries.", content_type="text/plain"
            )
        return super().dispatch(request, *args, **kwargs)


class InquiryIndexView(ForbiddenForOthersMixin, generic.IndexView):
    """Urgent new inquiries first, then new ones, then those in progress; newest first within."""

    default_ordering = ["priority", "-created_at"]

    def get_base_queryset(self):
        return super().get_base_queryset().with_priority().select_related("assigned_to")

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

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if field in ("name", "email") and isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
            return "'" + value
        return value

    def render_to_response(self, context, **response_kwargs):
        if self.is_export:
            log_export(self.request.user, context["object_list"], self.request.GET.get("export"))
        return super().render_to_response(context, **response_kwargs)


def log_export(user, queryset, export_format):
    """One audit entry per exported inquiry (which inquiries left the system, and to whom)."""
    content_type_id = ContentType.objects.get_for_model(Inquiry).pk
    now = timezone.now()
    entries = [
        ModelLogEntry(
            content_type_id=content_type_id,
            object_id=str(pk),
            label=f"Inquiry #{pk}",
            action=EXPORT_ACTION,
            user=user,
            timestamp=now,
            data={"format": export_format},
        )
        for pk in queryset.order_by().values_list("pk", flat=True)
    ]
    ModelLogEntry.objects.bulk_create(entries, batch_size=500)


class InquiryEditView(ForbiddenForOthersMixin, generic.EditView):
    """Opening an inquiry is itself an event worth recording."""

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        log(instance=self.object, action=VIEW_ACTION, user=request.user)
        return response

    def get_success_message(self):
        return f"{self.object} updated."


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

    list_display = [
        "__str__",
        BooleanColumn("is_urgent", label="Urgent"),
        Column("status", label="Status", accessor="get_status_display"),
        "name",
        Column("contact_method", label="Method", accessor="get_contact_method_display"),
        DateColumn("created_at", label="Received"),
        UserColumn("assigned_to", label="Assigned to"),
    ]
    filterset_class = InquiryFilterSet
    search_fields = ["name", "email", "phone"]
    search_backend_name = None
    list_per_page = 50
    # Minimum necessary: who to call and how, never what they wrote.
    list_export = [
        "id",
        "created_at",
        "status",
        "is_urgent",
        "name",
        "help_for",
        "contact_method",
        "phone",
        "email",
    ]
    export_headings = {"id": "Inquiry", "contact_method": "Method", "is_urgent": "Urgent"}
    export_filename = "inquiries"

    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldRowPanel(
                        [FieldPanel("name", read_only=True), FieldPanel("help_for", read_only=True)]
                    ),
                    FieldRowPanel(
                        [
                            FieldPanel("contact_method", read_only=True),
                            FieldPanel("best_time", read_only=True),
                        ]
                    ),
                    FieldRowPanel([FieldPanel("phone", read_only=True), FieldPanel("email", read_only=True)]),
                    FieldRowPanel(
                        [
                            FieldPanel("ok_to_leave_voicemail", read_only=True),
                            FieldPanel("is_urgent", read_only=True),
                        ]
                    ),
                    FieldPanel("message", read_only=True),
                    FieldPanel("created_at", read_only=True),
                ],
                heading="What they sent",
            ),
            MultiFieldPanel(
                [
                    FieldPanel("status"),
                    FieldPanel("assigned_to"),
                    FieldPanel("handled_at"),
                    FieldPanel("notes"),
                ],
                heading="Handling",
            ),
        ]
    )

    def formfield_for_dbfield(self, db_field, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, **kwargs)
        if db_field.name == "assigned_to" and formfield is not None:
            formfield.queryset = intake_staff_choices()
        return formfield
