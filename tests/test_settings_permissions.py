"""Who may change which site settings, and what people see when they may not.

Practice settings (what visitors see) are the Editors' to change; where intake notifications go
(IntakeSettings) is for administrators only. Permission errors in the admin are a 403 page in
the admin's layout with the way back; outside the admin, a page in the site's look."""

import datetime
import zoneinfo

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import path
from wagtail.models import GroupSitePermission
from wagtail.test.utils.form_data import nested_form_data, streamfield

from contact.models import IntakeSettings
from contact.notifications import recipients
from contact.permissions import EDITORS_GROUP, INTAKE_GROUP, ensure_groups
from practice_site.models import HomePage, PracticeSettings
from practice_site.urls import handler403  # noqa: F401  (Django reads it from this module)
from practice_site.urls import urlpatterns as site_urlpatterns
from tests.contact_helpers import editor_user, intake_user
from tests.helpers import CRISIS_MARKERS, parse_page
from tests.staff_helpers import log_in_verified

pytestmark = pytest.mark.django_db

PRACTICE_SETTINGS = "/admin/settings/practice_site/practicesettings/"
INTAKE_SETTINGS = "/admin/settings/contact/intakesettings/"


def forbidden_view(request):
    raise PermissionDenied


# This module doubles as a URLconf (for the public 403 test): the site's own URLs plus one
# public view that refuses everyone.
urlpatterns = [path("members-only/", forbidden_view), *site_urlpatterns]


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser(
        "boss", "boss@practice.example", "a-long-test-password-123"
    )


def practice_form_data(practice, **changes):
    """Everything the Practice settings form posts, with `changes` applied."""
    fields = {
        "practice_name": practice.practice_name,
        "tagline": practice.tagline,
        "accepting_new_clients": "on" if practice.accepting_new_clients else "",
        "phone": practice.phone,
        "text_number": practice.text_number,
        "email": practice.email,
        "street_address": practice.street_address,
        "locality": practice.locality,
        "region": practice.region,
        "postal_code": practice.postal_code,
        "crisis_notice": practice.crisis_notice,
    }
    hours = changes.pop(
        "hours",
        [(row.value["days"], row.value["opens"], row.value["closes"]) for row in practice.opening_hours],
    )
    fields.update(changes)
    data = nested_form_data(
        {
            **fields,
            "opening_hours": streamfield(
                [
                    (
                        "hours",
                        {"opens": opens.strftime("%H:%M"), "closes": closes.strftime("%H:%M"), "note": ""},
                    )
                    for _, opens, closes in hours
                ]
            ),
        }
    )
    for index, (days, _, _) in enumerate(hours):
        data[f"opening_hours-{index}-value-days"] = list(days)
    if not data["accepting_new_clients"]:
        del data["accepting_new_clients"]  # an unticked checkbox is not sent at all
    return data


def edit_url(base, site):
    return f"{base}{site.pk}/"


# Groups ------------------------------------------------------------------------------------------


def test_editors_may_change_practice_settings_and_nothing_about_intake():
    ensure_groups()
    editors = set(Group.objects.get(name=EDITORS_GROUP).permissions.values_list("codename", flat=True))
    intake = set(Group.objects.get(name=INTAKE_GROUP).permissions.values_list("codename", flat=True))
    assert "change_practicesettings" in editors
    assert not any("intakesettings" in codename or "inquiry" in codename for codename in editors)
    assert not any("settings" in codename for codename in intake)


def test_ensure_groups_takes_intake_settings_away_from_editors_however_they_were_given(site):
    editors = Group.objects.get(name=EDITORS_GROUP)
    change_intake = Permission.objects.get(codename="change_intakesettings")
    editors.permissions.add(change_intake)
    GroupSitePermission.objects.create(group=editors, site=site, permission=change_intake)
    ensure_groups()
    assert not editors.permissions.filter(codename="change_intakesettings").exists()
    assert not GroupSitePermission.objects.filter(group=editors, permission=change_intake).exists()


# Editors ----------------------------------------------------------------------------------------


def test_editor_sees_practice_settings_in_the_settings_menu_but_not_intake_notifications(client):
    client.force_login(editor_user())
    html = client.get("/admin/").content.decode()
    assert PRACTICE_SETTINGS in html
    assert INTAKE_SETTINGS not in html


def test_editor_changes_the_phone_and_hours_and_the_public_site_shows_them(client, site, practice):
    visitor = Client()
    assert "tel:+15035550123" in visitor.get("/").content.decode()  # now in the page cache
    client.force_login(editor_user())
    opened = client.get(PRACTICE_SETTINGS)
    assert opened.status_code == 302 and opened["Location"] == edit_url(PRACTICE_SETTINGS, site)
    form = client.get(edit_url(PRACTICE_SETTINGS, site))
    assert form.status_code == 200
    assert "Phone and email" in form.content.decode()
    assert "notification" not in form.content.decode().lower()

    weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
    response = client.post(
        edit_url(PRACTICE_SETTINGS, site),
        practice_form_data(
            practice, phone="(503) 555-0188", hours=[(weekdays, datetime.time(8), datetime.time(18))]
        ),
    )
    assert response.status_code == 302, response.context["form"].errors if response.context else response

    saved = PracticeSettings.objects.get(site=site)
    assert saved.phone == "(503) 555-0188"
    assert saved.hours_rows == [("Monday–Friday", "8 AM – 6 PM", "")]
    public = visitor.get("/").content.decode()
    assert "tel:+15035550188" in public and "tel:+15035550123" not in public


def test_editor_gets_a_403_in_the_admin_layout_on_intake_notifications(client, site):
    IntakeSettings.objects.create(site=site, notification_emails="intake@practice.example")
    client.force_login(editor_user())
    for url in (INTAKE_SETTINGS, edit_url(INTAKE_SETTINGS, site)):
        response = client.get(url, HTTP_REFERER="http://testserver/admin/pages/")
        assert response.status_code == 403, url
        html = response.content.decode()
        assert "wagtail-sidebar" in html  # the admin's own layout, with its menu
        assert "You don't have permission to change Intake notifications" in html
        assert "ask an administrator" in html
        assert 'href="/admin/"' in html and "Go to the dashboard" in html
        assert 'href="http://testserver/admin/pages/"' in html and "Go back" in html
        assert "intake@practice.example" not in html
    refused = client.post(
        edit_url(INTAKE_SETTINGS, site), {"notification_emails": "someone@elsewhere.example"}
    )
    assert refused.status_code == 403
    assert IntakeSettings.objects.get(site=site).notification_emails == "intake@practice.example"


def test_the_inbox_refuses_editors_with_the_same_admin_page(client):
    client.force_login(editor_user())
    response = client.get("/admin/inquiries/")
    assert response.status_code == 403
    html = response.content.decode()
    assert "wagtail-sidebar" in html and "You don't have permission to work with inquiries" in html
    assert "Go back" not in html  # no previous screen to return to; the dashboard link stays
    assert "Go to the dashboard" in html


def test_go_back_never_points_at_another_site(client):
    client.force_login(editor_user())
    html = client.get(INTAKE_SETTINGS, HTTP_REFERER="https://evil.example/admin/").content.decode()
    assert "evil.example" not in html and "Go back" not in html


# Intake staff -----------------------------------------------------------------------------------


def test_intake_staff_can_change_neither_setting(client, site, practice):
    log_in_verified(client, intake_user())
    for url in (
        PRACTICE_SETTINGS,
        edit_url(PRACTICE_SETTINGS, site),
        INTAKE_SETTINGS,
        edit_url(INTAKE_SETTINGS, site),
    ):
        assert client.get(url).status_code == 403, url
    assert (
        client.post(
            edit_url(PRACTICE_SETTINGS, site), practice_form_data(practice, phone="(503) 555-0177")
        ).status_code
        == 403
    )
    assert PracticeSettings.objects.get(site=site).phone == practice.phone
    assert (
        client.post(
            edit_url(INTAKE_SETTINGS, site), {"notification_emails": "x@practice.example"}
        ).status_code
        == 403
    )
    assert not IntakeSettings.objects.filter(notification_emails="x@practice.example").exists()


# Administrators ---------------------------------------------------------------------------------


def test_superuser_edits_both_and_notifications_follow_intake_settings(
    client, settings, site, practice, superuser
):
    settings.INTAKE_NOTIFY_EMAILS = []
    log_in_verified(client, superuser)
    html = client.get("/admin/").content.decode()
    assert PRACTICE_SETTINGS in html and INTAKE_SETTINGS in html

    response = client.post(
        edit_url(PRACTICE_SETTINGS, site), practice_form_data(practice, phone="(503) 555-0166")
    )
    assert response.status_code == 302
    assert PracticeSettings.objects.get(site=site).phone == "(503) 555-0166"

    assert client.get(edit_url(INTAKE_SETTINGS, site)).status_code == 200
    response = client.post(
        edit_url(INTAKE_SETTINGS, site),
        {"notification_emails": "lead@practice.example, intake@practice.example"},
    )
    assert response.status_code == 302
    assert recipients() == ["lead@practice.example", "intake@practice.example"]


def test_a_mistyped_notification_address_is_explained_and_nothing_is_saved(client, site, superuser):
    log_in_verified(client, superuser)
    response = client.post(
        edit_url(INTAKE_SETTINGS, site), {"notification_emails": "lead@practice.example, intake at practice"}
    )
    assert response.status_code == 200
    assert "intake at practice" in response.content.decode()
    assert "are not email addresses" in response.content.decode()
    assert IntakeSettings.for_site(site).notification_emails == ""


def test_intake_settings_show_nowhere_public_so_saving_them_keeps_cached_pages(site):
    assert "contact.IntakeSettings" not in django_settings.PAGE_CACHE_INVALIDATING_MODELS
    visitor = Client()
    assert visitor.get("/")["X-Cache"] == "MISS"
    intake = IntakeSettings.for_site(site)
    intake.notification_emails = "intake@practice.example"
    intake.save()
    assert visitor.get("/")["X-Cache"] == "HIT"


# Error pages, login, account --------------------------------------------------------------------


@pytest.mark.urls(__name__)
def test_a_public_403_is_a_page_in_the_sites_look_with_the_phone(client, practice):
    response = client.get("/members-only/")
    assert response.status_code == 403
    html = response.content.decode()
    page = parse_page(html)
    assert page.h1_count == 1
    assert f"tel:{practice.phone_e164}" in page.tel_links
    assert "Skip to main content" in html and "wagtail-sidebar" not in html
    for marker in CRISIS_MARKERS:
        assert marker in html
    assert "no-store" in response["Cache-Control"]


def test_login_page_names_the_practice(client):
    html = client.get("/admin/login/").content.decode()
    assert f"Sign in to {django_settings.WAGTAIL_SITE_NAME}" in html
    assert "Sign in to Wagtail" not in html
    assert f"<title>Sign in - {django_settings.WAGTAIL_SITE_NAME}</title>" in html


def test_account_time_zones_are_real_zone_names(client):
    zones = django_settings.WAGTAIL_USER_TIME_ZONES
    assert set(zones) <= zoneinfo.available_timezones()
    assert "localtime" not in zones
    assert {django_settings.TIME_ZONE, "America/Chicago", "America/Los_Angeles", "UTC"} <= set(zones)
    client.force_login(editor_user())
    response = client.get("/admin/account/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="America/Chicago"' in html and 'value="localtime"' not in html


def test_home_page_fields_have_labels_a_clinician_understands(client, home):
    field = HomePage._meta.get_field("cta_heading")
    assert field.verbose_name == "Call-to-action heading" and "bottom of the home page" in field.help_text
    assert HomePage._meta.get_field("cta_text").verbose_name == "Call-to-action text"
    client.force_login(editor_user())
    html = client.get(f"/admin/pages/{home.pk}/edit/").content.decode()
    assert "Call-to-action heading" in html and "Cta heading" not in html
    assert "does not appear on the home page by itself" in html
