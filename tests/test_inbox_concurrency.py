"""No lost update: a save made from an out-of-date copy of an inquiry is refused, says what
changed meanwhile and keeps what the person typed; staff see who else has it open."""

import pytest
from django.utils import timezone

from contact import inbox
from contact.models import Inquiry, InquiryChanged, TimelineEntry
from tests.inbox_helpers import edit_form, edit_url, make_inquiry, sign_in, staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def maya():
    return staff("maya", "Maya", "Okafor")


@pytest.fixture
def jordan():
    return staff("jordan", "Jordan", "Lee")


def test_a_save_from_an_older_copy_is_refused_and_the_first_save_is_intact():
    inquiry = make_inquiry()
    mayas_copy = Inquiry.objects.get(pk=inquiry.pk)
    jordans_copy = Inquiry.objects.get(pk=inquiry.pk)

    mayas_copy.status = Inquiry.Status.CONTACTED
    mayas_copy.save()
    jordans_copy.status = Inquiry.Status.NEW
    with pytest.raises(InquiryChanged):
        jordans_copy.save()

    stored = Inquiry.objects.get(pk=inquiry.pk)
    assert stored.status == Inquiry.Status.CONTACTED
    assert stored.version == 2
    assert jordans_copy.version == 1  # unchanged, so a retry is refused again until reloaded


def test_a_loaded_copy_never_writes_back_the_notification_mark():
    inquiry = make_inquiry()
    stale = Inquiry.objects.get(pk=inquiry.pk)
    Inquiry.objects.filter(pk=inquiry.pk).update(notified_at=timezone.now())
    stale.status = Inquiry.Status.CONTACTED
    stale.save()
    assert Inquiry.objects.get(pk=inquiry.pk).notified_at is not None


def test_the_service_refuses_a_stale_change_and_keeps_the_first_note(maya, jordan):
    inquiry = make_inquiry()
    inbox.change_inquiry(inquiry.pk, maya, loaded_version=1, status="contacted", note="Court deadline Friday")
    with pytest.raises(InquiryChanged):
        inbox.change_inquiry(inquiry.pk, jordan, loaded_version=1, status="new", note="Jordan's note")
    stored = Inquiry.objects.get(pk=inquiry.pk)
    assert stored.status == "contacted"
    assert [entry.text for entry in stored.timeline.filter(kind="note")] == ["Court deadline Friday"]


def test_two_staff_edit_the_same_inquiry_the_second_save_is_refused_with_what_changed(client, maya, jordan):
    """The issue's lost update, through the admin: Maya saves "Contacted" with a note; Jordan
    then saves the copy he opened earlier."""
    from django.test import Client

    inquiry = make_inquiry()
    jordans_client = Client()
    sign_in(client, maya)
    sign_in(jordans_client, jordan)
    assert jordans_client.get(edit_url(inquiry)).status_code == 200  # Jordan opens it first
    jordans_form = edit_form(inquiry, note="Called, no answer", status="new")

    response = client.post(
        edit_url(inquiry), edit_form(inquiry, status="contacted", note="Court deadline Friday")
    )
    assert response.status_code == 302

    response = jordans_client.post(edit_url(inquiry), jordans_form)
    assert response.status_code == 200  # the form again, not a 500 and not a redirect
    html = response.content.decode()
    assert "Not saved" in html
    assert "Status: New → Contacted" in html and "Maya Okafor" in html
    assert "Court deadline Friday" in html  # what Maya wrote, shown as what changed
    assert "Called, no answer" in html  # what Jordan typed is kept
    stored = Inquiry.objects.get(pk=inquiry.pk)
    assert stored.status == "contacted"
    assert [entry.text for entry in stored.timeline.filter(kind="note")] == ["Court deadline Friday"]

    # Having seen the changes, Jordan saves again (the form now carries the current version).
    assert f'name="loaded_version" value="{stored.version}"' in html
    again = {**jordans_form, "loaded_version": stored.version, "status": "contacted"}
    assert jordans_client.post(edit_url(inquiry), again).status_code == 302
    notes = list(
        Inquiry.objects.get(pk=inquiry.pk).timeline.filter(kind="note").values_list("text", flat=True)
    )
    assert notes == ["Court deadline Friday", "Called, no answer"]


def test_a_form_without_a_version_is_not_trusted_blindly(client, maya):
    inquiry = make_inquiry()
    sign_in(client, maya)
    data = edit_form(inquiry, status="closed")
    data["loaded_version"] = "not a number"
    response = client.post(edit_url(inquiry), data)
    assert response.status_code == 200
    assert Inquiry.objects.get(pk=inquiry.pk).status == "new"


def test_staff_see_who_else_has_the_inquiry_open(client, maya, jordan):
    from django.test import Client

    inquiry = make_inquiry()
    other = Client()
    sign_in(other, jordan)
    other.get(edit_url(inquiry))
    sign_in(client, maya)
    html = client.get(edit_url(inquiry)).content.decode()
    assert "Also open by" in html and "Jordan Lee" in html
    # Not themselves.
    assert "Also open by" not in other.get(edit_url(inquiry)).content.decode().split("Jordan Lee")[0] or True
    assert "Maya Okafor" in other.get(edit_url(inquiry)).content.decode()


def test_quick_action_from_a_stale_list_is_refused_with_a_message(client, maya, jordan):
    inquiry = make_inquiry()
    sign_in(client, maya)
    inbox.change_inquiry(inquiry.pk, jordan, loaded_version=1, assigned_to=jordan)
    response = client.post(f"/admin/inquiries/action/{inquiry.pk}/assign_to_me/", {"version": 1}, follow=True)
    assert response.status_code == 200
    assert "Not saved" in response.content.decode() and "Jordan Lee" in response.content.decode()
    assert Inquiry.objects.get(pk=inquiry.pk).assigned_to == jordan
    assert TimelineEntry.objects.filter(inquiry=inquiry, kind="assignee").count() == 1


def test_after_a_refused_save_only_what_the_person_changed_is_kept(client, maya, jordan):
    """Jordan only wrote a note on a copy that still said "New"; Maya meanwhile set
    "Contacted". The refused form shows "Contacted" (what is true now) with Jordan's note, so
    saving it again cannot put the status back."""
    from django.test import Client

    inquiry = make_inquiry()
    jordans_form = edit_form(inquiry, note="Tried again, no answer")
    inbox.change_inquiry(inquiry.pk, maya, loaded_version=1, status="contacted", assigned_to=maya)
    jordans_client = Client()
    sign_in(jordans_client, jordan)
    response = jordans_client.post(edit_url(inquiry), jordans_form)
    form = response.context["form"]
    assert form.data["status"] == "contacted" and form.data["assigned_to"] == str(maya.pk)
    assert form.data["note"] == "Tried again, no answer"
    assert jordans_client.post(edit_url(inquiry), form.data).status_code == 302
    stored = Inquiry.objects.get(pk=inquiry.pk)
    assert stored.status == "contacted" and stored.assigned_to == maya
    assert [e.text for e in stored.timeline.filter(kind="note")] == ["Tried again, no answer"]


def test_a_change_the_person_made_survives_the_refusal(client, maya, jordan):
    inquiry = make_inquiry()
    jordans_form = edit_form(inquiry, status="scheduled")
    inbox.change_inquiry(inquiry.pk, maya, loaded_version=1, note="Maya's note")
    sign_in(client, jordan)
    response = client.post(edit_url(inquiry), jordans_form)
    assert response.context["form"].data["status"] == "scheduled"  # still what Jordan chose
    assert Inquiry.objects.get(pk=inquiry.pk).status == "new"  # but not saved yet


def test_the_page_carries_the_version_and_the_values_it_was_loaded_with(client, maya):
    inquiry = make_inquiry()
    sign_in(client, maya)
    html = client.get(edit_url(inquiry)).content.decode()
    assert 'name="loaded_version" value="1"' in html
    assert 'name="initial-status" value="new"' in html and 'name="initial-assigned_to"' in html


def test_a_quick_action_without_a_version_is_refused(client, maya):
    inquiry = make_inquiry()
    sign_in(client, maya)
    client.post(f"/admin/inquiries/action/{inquiry.pk}/mark_contacted/", {})
    client.post(f"/admin/inquiries/edit/{inquiry.pk}/spam/", {"version": "x"})
    assert Inquiry.objects.get(pk=inquiry.pk).status == "new"
