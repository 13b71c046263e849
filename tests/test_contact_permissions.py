"""Who may see inquiries (intake staff only) and the audit trail of everything they do."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import ModelLogEntry

from contact.models import Inquiry
from contact.permissions import EDITORS_GROUP, INTAKE_GROUP
from tests.contact_helpers import editor_user, intake_user
from tests.staff_helpers import log_in_verified

pytestmark = pytest.mark.django_db

INDEX = "/admin/inquiries/"


@pytest.fixture
def inquiries(db):
    return [
        Inquiry.objects.create(
            name="Old New", help_for="myself", contact_method="call", phone="+15035550142"
        ),
        Inquiry.objects.create(
            name="Done", help_for="myself", contact_method="call", phone="+15035550143", status="closed"
        ),
        Inquiry.objects.create(
            name="=HYPERLINK(1)",
            help_for="loved_one",
            contact_method="email",
            email="u@example.org",
            is_urgent=True,
            message="private words",
        ),
    ]


def edit_url(inquiry):
    return f"/admin/inquiries/edit/{inquiry.pk}/"


def test_groups_exist_with_the_right_permissions():
    intake = Group.objects.get(name=INTAKE_GROUP)
    editors = Group.objects.get(name=EDITORS_GROUP)
    intake_codenames = set(intake.permissions.values_list("codename", flat=True))
    assert {"view_inquiry", "change_inquiry", "access_admin"} <= intake_codenames
    assert "delete_inquiry" not in intake_codenames
    editor_codenames = set(editors.permissions.values_list("codename", flat=True))
    assert "access_admin" in editor_codenames and "change_image" in editor_codenames
    assert not any("inquiry" in codename for codename in editor_codenames)
    assert "change_practicesettings" in editor_codenames
    assert not any("intakesettings" in codename for codename in editor_codenames)
    page_codenames = set(editors.page_permissions.values_list("permission__codename", flat=True))
    assert {"add_page", "change_page", "publish_page"} <= page_codenames


def test_editor_gets_403_on_the_inbox_its_export_and_an_inquiry(client, inquiries):
    client.force_login(editor_user())
    assert client.get(INDEX).status_code == 403
    assert client.get(INDEX + "?export=csv").status_code == 403
    assert client.get(edit_url(inquiries[0])).status_code == 403
    assert client.post(edit_url(inquiries[0]), {"status": "closed"}).status_code == 403
    assert Inquiry.objects.get(pk=inquiries[0].pk).status == "new"


def test_editor_sees_no_menu_item_and_no_dashboard_panel(client, inquiries):
    client.force_login(editor_user())
    html = client.get("/admin/").content.decode()
    assert "Inquiries" not in html
    assert INDEX not in html


def test_intake_staff_see_the_menu_item_and_dashboard_counts(client, inquiries):
    log_in_verified(client, intake_user())
    html = client.get("/admin/").content.decode()
    assert INDEX in html
    assert "<strong>2</strong> new" in html and "<strong>1</strong> urgent" in html


def test_intake_staff_list_shows_urgent_and_new_first(client, inquiries, django_assert_max_num_queries):
    log_in_verified(client, intake_user())
    with django_assert_max_num_queries(40):
        response = client.get(INDEX)
    assert response.status_code == 200
    names = [inquiry.name for inquiry in response.context["object_list"]]
    # The default view is the open inquiries (the closed one is under "Closed").
    assert names == ["=HYPERLINK(1)", "Old New"]


def test_intake_staff_can_filter_and_search(client, inquiries):
    log_in_verified(client, intake_user())
    assert [i.name for i in client.get(INDEX + "?status=closed").context["object_list"]] == ["Done"]
    assert [i.name for i in client.get(INDEX + "?is_urgent=true").context["object_list"]] == ["=HYPERLINK(1)"]
    assert [i.name for i in client.get(INDEX + "?q=503-555-0143").context["object_list"]] == ["Done"]
    assert [i.name for i in client.get(INDEX + "?q=u@example").context["object_list"]] == ["=HYPERLINK(1)"]


def test_opening_an_inquiry_is_audited(client, inquiries):
    user = intake_user()
    log_in_verified(client, user)
    response = client.get(edit_url(inquiries[2]))
    assert response.status_code == 200
    assert "private words" in response.content.decode()
    entry = ModelLogEntry.objects.get(action="contact.inquiry.view")
    assert entry.user == user and entry.object_id == str(inquiries[2].pk)
    assert entry.label == f"Inquiry #{inquiries[2].pk}"


def test_changing_an_inquiry_is_audited(client, inquiries):
    user = intake_user()
    log_in_verified(client, user)
    response = client.post(
        edit_url(inquiries[0]),
        {"status": "contacted", "assigned_to": user.pk, "note": "Left a voicemail", "handled_at": "", "loaded_version": 1},
    )
    assert response.status_code == 302
    inquiry = Inquiry.objects.get(pk=inquiries[0].pk)
    assert inquiry.status == "contacted" and inquiry.assigned_to == user
    assert inquiry.timeline.get(kind="note").text == "Left a voicemail"  # notes are timeline entries now
    assert inquiry.name == "Old New"  # read-only contents cannot be changed through the form
    entry = ModelLogEntry.objects.get(action="wagtail.edit")
    assert entry.user == user and entry.object_id == str(inquiry.pk)
    assert "voicemail" not in str(entry.data) and "Old New" not in entry.label


def test_export_is_csv_of_the_filtered_listing_without_messages_and_is_audited(client, inquiries):
    user = intake_user()
    log_in_verified(client, user)
    response = client.get(INDEX + "?export=csv&status=new")
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode()
    lines = body.strip().splitlines()
    assert lines[0].startswith("Inquiry,")
    assert len(lines) == 3
    assert "Done" not in body
    assert "private words" not in body
    assert "'=HYPERLINK(1)" in body
    exported = set(
        ModelLogEntry.objects.filter(action="contact.inquiry.export", user=user).values_list(
            "object_id", flat=True
        )
    )
    assert exported == {str(inquiries[0].pk), str(inquiries[2].pk)}


def test_superusers_can_open_the_inbox(client, inquiries):
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_superuser(
        "boss", "boss@practice.example", "a-long-test-password-123"
    )
    log_in_verified(client, admin)
    assert client.get(INDEX).status_code == 200


def test_the_inquiry_string_never_includes_contents(inquiries):
    assert str(inquiries[2]) == f"Inquiry #{inquiries[2].pk}"
    assert "HYPERLINK" not in repr(inquiries[2])
