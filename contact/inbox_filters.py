"""The inbox list's filters and its one-click views (Open, Mine, Unassigned, Overdue...).

With no status chosen and no search, the list shows the open inquiries; a search looks through
every status. Colleagues appear by their full name everywhere."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django_filters import (
    BooleanFilter,
    ChoiceFilter,
    DateFromToRangeFilter,
    ModelChoiceFilter,
    MultipleChoiceFilter,
)
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.widgets import BooleanRadioSelect

from .models import Inquiry
from .timeline import staff_name


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


class StaffChoiceField(forms.ModelChoiceField):
    """Colleagues by their full name (username when they have none), as everywhere else."""

    def label_from_instance(self, obj):
        return staff_name(obj)


class StaffChoiceFilter(ModelChoiceFilter):
    field_class = StaffChoiceField


class InquiryFilterSet(WagtailFilterSet):
    """With no status chosen (and no search), the list shows the open inquiries."""

    status = MultipleChoiceFilter(
        label="Status", choices=Inquiry.Status.choices, widget=forms.CheckboxSelectMultiple
    )
    who = ChoiceFilter(
        label="Whose",
        choices=[("mine", "Assigned to me"), ("unassigned", "Unassigned")],
        method="filter_who",
        widget=forms.RadioSelect,
        empty_label="Anyone's",
    )
    due = ChoiceFilter(
        label="Due",
        choices=[("overdue", "Overdue"), ("today", "Due today")],
        method="filter_due",
        widget=forms.RadioSelect,
        empty_label="Any time",
    )
    is_urgent = BooleanFilter(label="Urgent", widget=BooleanRadioSelect)
    # The language of the form they used: Spanish inquiries get a Spanish-speaking callback.
    language = ChoiceFilter(
        label="Language",
        choices=Inquiry.Language.choices,
        widget=forms.RadioSelect,
        empty_label="Any language",
    )
    assigned_to = StaffChoiceFilter(label="Assigned to", queryset=lambda request: intake_staff_choices())
    created_at = DateFromToRangeFilter(label="Received", widget=DateRangePickerWidget)

    class Meta:
        model = Inquiry
        fields = ["status", "who", "due", "is_urgent", "language", "assigned_to", "created_at"]

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and not data.getlist("status") and not (data.get("q") or "").strip():
            data = data.copy()
            data.setlist("status", Inquiry.OPEN_STATUSES)
        super().__init__(data, *args, **kwargs)

    def filter_who(self, queryset, name, value):
        if value == "mine":
            return queryset.filter(assigned_to=self.request.user)
        if value == "unassigned":
            return queryset.filter(assigned_to__isnull=True)
        return queryset

    def filter_due(self, queryset, name, value):
        if value == "overdue":
            return queryset.overdue()
        if value == "today":
            return queryset.due_today()
        return queryset


def quick_views(request):
    """The inbox's usual views, one click each: [(label, query string, is current)]."""
    views = [
        ("Open", ""),
        ("Mine", "who=mine"),
        ("Unassigned", "who=unassigned"),
        ("Overdue", "due=overdue"),
        ("Due today", "due=today"),
        ("Urgent", "is_urgent=true"),
        ("Spanish", "language=es"),
        ("Closed", "status=closed"),
        ("Spam", "status=spam"),
    ]
    current = request.GET.urlencode()
    return [(label, query, query == current) for label, query in views]
