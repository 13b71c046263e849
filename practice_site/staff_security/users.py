"""The Users list (Settings → Users) with each account's second-factor state next to Wagtail's
own "Last login" column: "Set up", or "Not set up" ("needed" for accounts that must have one).

Swapped in through StaffUsersAppConfig.user_viewset (see apps.py)."""

from django.db.models import Exists, OuterRef
from django.utils.functional import cached_property
from django.utils.html import format_html
from django_otp import device_classes
from django_otp.plugins.otp_static.models import StaticDevice
from wagtail.admin.ui.tables import Column
from wagtail.users.views.users import IndexView, UserViewSet

from .policy import annotate_second_factor_required


def with_second_factor_flag(queryset):
    """Annotate `second_factor_set`: a confirmed authenticator or passkey (one query for the
    whole page, not one per row)."""
    condition = None
    for model in device_classes():
        if model is StaticDevice:
            continue
        exists = Exists(model.objects.filter(user=OuterRef("pk"), confirmed=True))
        condition = exists if condition is None else condition | exists
    return queryset.annotate(second_factor_set=condition)


class SecondFactorColumn(Column):
    def get_value(self, instance):
        if instance.second_factor_set:
            return "Set up"
        if instance.second_factor_required:
            return format_html("<strong>{}</strong>", "Not set up (needed)")
        return "Not set up"


class StaffUserIndexView(IndexView):
    @cached_property
    def columns(self):
        columns = list(super().columns)
        columns.insert(
            len(columns) - 1,  # before "Last login"
            SecondFactorColumn(
                "second_factor", label="Second factor", sort_key="second_factor_set", width="12%"
            ),
        )
        return columns

    def get_base_queryset(self):
        return annotate_second_factor_required(with_second_factor_flag(super().get_base_queryset()))


class StaffUserViewSet(UserViewSet):
    index_view_class = StaffUserIndexView
