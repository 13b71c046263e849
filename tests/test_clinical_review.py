"""Clinical review as a Wagtail workflow: an editor submits, a clinical reviewer approves or sends
the page back with a comment; approval records the reviewer and date on the page by itself; a
change published afterwards makes the review due (admin report, dashboard, public line)."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import TaskState, WorkflowState

from blog.models import Author, BlogPage
from practice_site.clinical_review import (
    CHANGED_SINCE_REVIEW,
    CLINICAL_REVIEWERS_GROUP,
    NEVER_REVIEWED,
    REVIEW_EXPIRED,
    REVIEWED,
)
from practice_site.models import StandardPage
from practice_site.reports import pages_due_for_review, review_due_count
from practice_site.wagtail_hooks import EditorStartPanel
from specialties.models import SpecialtyPage
from tests.contact_helpers import editor_user, make_user
from tests.helpers import parse_page, text_of
from tests.staff_helpers import log_in_verified

SPECIALTY = "/specialties/addiction-and-intimacy-framework/"


def words(html):
    """The page's text as a reader sees it (no space before punctuation after a link)."""
    return re.sub(r"\s+([,.])", r"\1", text_of(html))


@pytest.fixture
def reviewer(db):
    user = make_user("rivka", first_name="Rivka", last_name="Stone")
    user.groups.add(Group.objects.get(name=CLINICAL_REVIEWERS_GROUP))
    Author.objects.create(
        name="Rivka Stone", slug="rivka-stone", credentials="PsyD", license_type="Psychologist", user=user
    )
    return user


@pytest.fixture
def editor(db):
    return editor_user()


@pytest.fixture
def specialty(db):
    return SpecialtyPage.objects.get(url_path__endswith="/addiction-and-intimacy-framework/")


def submit(page, user, summary="A clearer summary."):
    """What "Submit to Clinical review" does: save a revision, start the page's workflow."""
    page = page.get_latest_revision_as_object()
    page.summary = summary
    revision = page.save_revision(user=user)
    workflow = page.get_workflow()
    assert workflow.name == "Clinical review"
    return workflow.start(page, user), revision


def act(workflow_state, user, action, **kwargs):
    task_state = workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, user, action, **kwargs)


@pytest.mark.django_db
def test_workflow_is_assigned_to_the_health_sections_and_content_pages():
    for page in [
        SpecialtyPage.objects.first(),
        BlogPage.objects.first(),
        StandardPage.objects.get(slug="about"),
        StandardPage.objects.get(slug="is-this-the-right-place"),
    ]:
        workflow = page.get_workflow()
        assert workflow.name == "Clinical review", page
        [task] = [t.specific for t in workflow.tasks.all()]
        assert [g.name for g in task.groups.all()] == [CLINICAL_REVIEWERS_GROUP]


@pytest.mark.django_db
def test_approval_publishes_and_stamps_reviewer_and_date(client, specialty, editor, reviewer):
    state, revision = submit(specialty, editor)
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    before = timezone.now()
    act(state, reviewer, "approve", comment="Checked against NASEM 2019.")

    specialty.refresh_from_db()
    assert specialty.live_revision_id == revision.pk and specialty.summary == "A clearer summary."
    assert specialty.reviewed_by == reviewer
    assert specialty.reviewed_revision_id == revision.pk
    assert before <= specialty.last_reviewed_at <= timezone.now()
    assert specialty.review_state == REVIEWED

    html = client.get(SPECIALTY).content.decode()
    today = timezone.localdate().strftime("%B %-d, %Y")
    assert f"Clinically reviewed by Rivka Stone, PsyD, on {today}." in words(html)
    assert f"Last updated {today}." in words(html)
    web_page = next(b for b in parse_page(html).json_ld if b["@type"] == "MedicalWebPage")
    assert web_page["reviewedBy"]["name"] == "Rivka Stone"
    assert web_page["reviewedBy"]["honorificSuffix"] == "PsyD"
    assert web_page["lastReviewed"] == timezone.localdate().isoformat()


@pytest.mark.django_db
def test_reviewer_sends_a_page_back_with_a_comment_and_nothing_is_published(specialty, editor, reviewer):
    live_before = specialty.live_revision_id
    reviewed_before = specialty.last_reviewed_at
    state, _ = submit(specialty, editor, summary="Medication is only a crutch.")
    act(state, reviewer, "reject", comment="Medication is first-line care: see NASEM 2019.")

    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    task_state = TaskState.objects.filter(workflow_state=state).latest("started_at")
    assert task_state.status == TaskState.STATUS_REJECTED
    assert task_state.get_comment() == "Medication is first-line care: see NASEM 2019."
    specialty.refresh_from_db()
    assert specialty.live_revision_id == live_before and specialty.summary != "Medication is only a crutch."
    assert specialty.last_reviewed_at == reviewed_before  # a rejection records no review


@pytest.mark.django_db
def test_the_review_fields_are_not_in_the_form_and_survive_an_edit(client, specialty, reviewer):
    form_class = specialty.get_edit_handler().get_form_class()
    assert not {"last_reviewed_at", "reviewed_by", "reviewed_revision"} & set(form_class.base_fields)
    specialty.reviewed_by = reviewer  # what a revision may carry is ignored: the page row wins
    specialty.save_revision()
    specialty.refresh_from_db()
    assert specialty.get_latest_revision_as_object().reviewed_by != reviewer


@pytest.mark.django_db
def test_a_change_published_after_the_review_makes_it_due(client, specialty, editor, reviewer):
    assert specialty.review_state == REVIEWED  # the demo's review
    page = specialty.get_latest_revision_as_object()
    page.summary = "Edited after the review."
    page.save_revision(user=editor).publish()

    specialty.refresh_from_db()
    assert specialty.review_state == CHANGED_SINCE_REVIEW
    html = client.get(SPECIALTY).content.decode()
    assert "Clinically reviewed by" not in html and "Last updated" in words(html)
    web_page = next(b for b in parse_page(html).json_ld if b["@type"] == "MedicalWebPage")
    assert "reviewedBy" not in web_page and "lastReviewed" not in web_page
    assert specialty.pk in [p.pk for p in pages_due_for_review()]

    # Approving the new version makes it current again.
    state, _ = submit(specialty, editor, summary="Edited, then reviewed.")
    act(state, reviewer, "approve")
    specialty.refresh_from_db()
    assert specialty.review_state == REVIEWED
    assert specialty.pk not in [p.pk for p in pages_due_for_review()]


@pytest.mark.django_db
def test_reviews_expire_after_the_configured_age(settings, specialty):
    settings.CLINICAL_REVIEW_MAX_AGE_DAYS = 30
    SpecialtyPage.objects.filter(pk=specialty.pk).update(
        last_reviewed_at=timezone.now() - datetime.timedelta(days=31)
    )
    specialty.refresh_from_db()
    assert specialty.review_state == REVIEW_EXPIRED
    assert specialty.pk in [p.pk for p in pages_due_for_review()]
    settings.CLINICAL_REVIEW_MAX_AGE_DAYS = 365
    assert specialty.pk not in [p.pk for p in pages_due_for_review()]


@pytest.mark.django_db
def test_a_new_page_is_never_reviewed_and_due(editor):
    page = StandardPage(title="New health page", slug="new-health-page", summary="Facts.")
    StandardPage.objects.get(slug="about").get_parent().add_child(instance=page)
    page.save_revision(user=editor).publish()
    page.refresh_from_db()
    assert page.review_state == NEVER_REVIEWED
    assert page.pk in [p.pk for p in pages_due_for_review()]


@pytest.mark.django_db
def test_demo_content_is_reviewed_and_nothing_is_due():
    assert review_due_count() == 0
    castillo = Author.objects.get(slug="naomi-castillo", locale__language_code="en")
    for page in [*SpecialtyPage.objects.live(), *BlogPage.objects.live(), *StandardPage.objects.live()]:
        assert page.review_state == REVIEWED, page
        assert page.reviewer_profile == castillo


@pytest.mark.django_db
def test_report_lists_pages_due_and_the_dashboard_counts_them(client, specialty, editor, reviewer):
    page = specialty.get_latest_revision_as_object()
    page.summary = "Changed without review."
    page.save_revision(user=editor).publish()
    assert review_due_count() == 1

    log_in_verified(client, editor)
    response = client.get(reverse("clinical_review_due"))
    assert response.status_code == 200
    html = response.content.decode()
    assert specialty.title in html and "Changed since review" in html
    assert "Healing Happens in Community" not in html  # reviewed, unchanged

    request = RequestFactory().get("/admin/")
    request.user = editor
    EditorStartPanel().render_html({"request": request})  # warm permissions and content types
    with CaptureQueriesContext(connection) as queries:
        panel = EditorStartPanel().render_html({"request": request})
    assert 'data-clinical-review-due="1"' in panel
    assert "1 health page due for clinical review" in panel
    review_queries = [q for q in queries.captured_queries if "last_reviewed_at" in q["sql"]]
    assert len(review_queries) == 1  # one count, whatever the number of pages or page types
    menu = client.get("/admin/").content.decode()
    assert reverse("clinical_review_due") in menu


@pytest.mark.django_db
def test_reviewers_see_what_waits_for_them_and_need_no_second_factor(client, specialty, editor, reviewer):
    from practice_site.staff_security.policy import second_factor_required

    submit(specialty, editor)
    assert not second_factor_required(reviewer)
    client.force_login(reviewer)
    html = client.get("/admin/").content.decode()
    assert "Waiting for your review" in html
    assert client.get(reverse("wagtailadmin_pages:edit", args=[specialty.pk])).status_code == 200


@pytest.mark.django_db
def test_a_new_top_level_content_page_gets_the_workflow(home):
    from practice_site.wagtail_hooks import put_new_content_pages_under_clinical_review

    page = StandardPage(title="Grief and loss", slug="grief-and-loss", summary="Loss hurts.")
    home.add_child(instance=page)
    assert page.get_workflow() is None  # none from the home page or the root
    put_new_content_pages_under_clinical_review(None, page)
    assert StandardPage.objects.get(pk=page.pk).get_workflow().name == "Clinical review"


@pytest.mark.django_db
def test_demo_loader_never_overwrites_an_editor_or_marks_their_change_reviewed(specialty, editor):
    import os

    from django.core.management import call_command

    page = specialty.get_latest_revision_as_object()
    page.summary = "An editor's own summary."
    page.save_revision(user=editor).publish()
    about = StandardPage.objects.get(slug="about")
    draft = about.get_latest_revision_as_object()
    draft.summary = "A draft nobody has published."
    draft.save_revision(user=editor)
    author = Author.objects.get(slug="dana-whitfield", locale__language_code="en")
    author.bio = "Written by Dana herself."
    author.save()

    call_command("load_demo_content", stdout=open(os.devnull, "w"))

    specialty.refresh_from_db()
    assert specialty.summary == "An editor's own summary."
    assert specialty.review_state == CHANGED_SINCE_REVIEW  # not stamped as reviewed by the loader
    about.refresh_from_db()
    assert about.get_latest_revision_as_object().summary == "A draft nobody has published."
    assert (
        Author.objects.get(slug="dana-whitfield", locale__language_code="en").bio
        == "Written by Dana herself."
    )
    assert review_due_count() == 1


@pytest.mark.django_db
def test_the_edit_form_says_when_the_review_is_due(client, specialty, editor):
    log_in_verified(client, editor)
    url = reverse("wagtailadmin_pages:edit", args=[specialty.pk])
    assert 'data-clinical-review-state="reviewed"' in client.get(url).content.decode()
    page = specialty.get_latest_revision_as_object()
    page.summary = "Changed after the review."
    page.save_revision(user=editor).publish()
    html = client.get(url).content.decode()
    assert 'data-clinical-review-state="changed"' in html
    assert "review due (changed since review)" in html


@pytest.mark.django_db
def test_the_editor_sees_the_reviewers_comment_on_the_dashboard(specialty, editor, reviewer):
    state, _ = submit(specialty, editor, summary="Medication is only a crutch.")
    act(state, reviewer, "reject", comment="Medication is first-line care: see NASEM 2019.")
    request = RequestFactory().get("/admin/")
    request.user = editor
    panel = words(EditorStartPanel().render_html({"request": request}))
    assert "Sent back to you with changes requested" in panel
    assert "“Medication is first-line care: see NASEM 2019.” (Rivka Stone)" in panel
