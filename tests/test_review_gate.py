"""Health pages reach the public only through clinical review: Editors submit them, the Clinical
reviewers' approval publishes them (practice_site/review_gate.py). Pages without clinical claims
(home, contact) Editors still publish themselves."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import TaskState, WorkflowState

from blog.checks import demo_license_numbers
from blog.models import Author, BlogIndexPage, BlogPage
from contact.models import ContactPage
from practice_site.clinical_review import CLINICAL_REVIEWERS_GROUP, ClinicallyReviewedPage
from practice_site.models import HomePage, StandardPage
from specialties.models import SpecialtyPage
from tests.contact_helpers import editor_user, make_user
from tests.staff_helpers import log_in_verified


@pytest.fixture
def editor(db):
    return editor_user()


@pytest.fixture
def reviewer(db):
    user = make_user("rivka")
    user.groups.add(Group.objects.get(name=CLINICAL_REVIEWERS_GROUP))
    return user


@pytest.fixture
def specialty(db):
    return SpecialtyPage.objects.live().filter(locale__language_code="en").order_by("path").first()


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def test_editors_may_not_publish_health_pages_but_may_publish_the_rest(editor, specialty):
    health_pages = [
        specialty,
        *specialty.get_translations(),  # the Spanish page too
        BlogPage.objects.live().filter(locale__language_code="en").first(),
        StandardPage.objects.get(slug="about", locale__language_code="en"),
        StandardPage.objects.get(slug="is-this-the-right-place", locale__language_code="en"),
    ]
    for page in health_pages:
        permissions = page.permissions_for_user(editor)
        assert not permissions.can_publish(), page
        assert permissions.can_edit() and permissions.can_submit_for_moderation(), page
        # Making a page private publishes no new words: editors keep that, and unpublishing.
        assert permissions.can_set_view_restrictions() and permissions.can_unpublish(), page
    for page in [
        HomePage.objects.get(locale__language_code="en"),
        ContactPage.objects.get(locale__language_code="en"),
    ]:
        assert page.permissions_for_user(editor).can_publish(), page
    # A new article or specialty page can't be published on creation either.
    assert (
        not BlogIndexPage.objects.get(locale__language_code="en")
        .permissions_for_user(editor)
        .can_publish_subpage()
    )
    assert not specialty.get_parent().permissions_for_user(editor).can_publish_subpage()


def test_reviewers_and_administrators_may_publish_health_pages(reviewer, specialty, admin_user):
    for user in (reviewer, admin_user):
        assert specialty.permissions_for_user(user).can_publish()
        assert (
            BlogIndexPage.objects.get(locale__language_code="en")
            .permissions_for_user(user)
            .can_publish_subpage()
        )


def test_the_editor_sees_submit_for_review_and_no_publish_button(client, editor, specialty):
    log_in_verified(client, editor)
    html = client.get(edit_url(specialty)).content.decode()
    assert 'name="action-submit"' in html
    assert 'name="action-publish"' not in html
    contact_html = client.get(edit_url(ContactPage.objects.get(locale__language_code="en"))).content.decode()
    assert 'name="action-publish"' in contact_html


def test_a_publish_forged_by_an_editor_publishes_nothing(client, editor, specialty):
    """A POST with "action-publish" (an old tab, a crafted request) saves a draft at most."""
    from tests.test_editor_friction import specialty_form

    log_in_verified(client, editor)
    live_revision = specialty.live_revision_id
    data = specialty_form(title=specialty.title, slug=specialty.slug, summary="Published without review?")
    client.post(edit_url(specialty), {**data, "action-publish": "action-publish"})
    specialty.refresh_from_db()
    assert specialty.live_revision_id == live_revision
    assert specialty.summary != "Published without review?"
    assert specialty.review_is_current


def test_bulk_publish_by_an_editor_publishes_no_health_page(client, editor, specialty):
    log_in_verified(client, editor)
    draft = specialty.get_latest_revision_as_object()
    draft.summary = "A draft awaiting review."
    draft.save_revision(user=editor)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    explorer = reverse("wagtailadmin_explore", args=[specialty.get_parent().pk])
    client.post(f"{url}?id={specialty.pk}&next={explorer}", {}, follow=True)
    specialty.refresh_from_db()
    assert specialty.summary != "A draft awaiting review."


@pytest.mark.django_db
def test_demo_pages_were_approved_through_the_workflow():
    """The demo's reviews are real workflow approvals by the demo clinical reviewer, not stamps."""
    from django.apps import apps

    castillo = Author.objects.get(slug="naomi-castillo", locale__language_code="en")
    pages = [  # English and Spanish
        page
        for model in apps.get_models()
        if issubclass(model, ClinicallyReviewedPage)
        for page in model.objects.live()
    ]
    assert len(pages) >= 8
    for page in pages:
        state = WorkflowState.objects.for_instance(page).get(status=WorkflowState.STATUS_APPROVED)
        task_state = TaskState.objects.get(workflow_state=state, status=TaskState.STATUS_APPROVED)
        assert task_state.finished_by == castillo.user == page.reviewed_by, page
        assert page.reviewed_revision_id == page.live_revision_id == task_state.revision_id, page


@pytest.mark.django_db
def test_a_title_and_a_degree_are_not_both_shown(client):
    castillo = Author.objects.get(slug="naomi-castillo", locale__language_code="en")
    assert castillo.display_name == "Naomi Castillo, MD"
    castillo.credentials = ""
    assert castillo.display_name == "Dr. Naomi Castillo"
    html = client.get("/about/").content.decode()
    assert "Dr. Naomi Castillo" not in html and "Naomi Castillo" in html


def test_launch_check_warns_about_demo_license_numbers(db):
    warnings = demo_license_numbers(databases=["default"])
    assert {w.obj.slug for w in warnings} == set(Author.objects.values_list("slug", flat=True))
    assert all(w.id == "blog.W001" and "DEMO-" in w.msg for w in warnings)
    Author.objects.update(license_number="")
    assert demo_license_numbers(databases=["default"]) == []
    assert demo_license_numbers(databases=None) == []  # not a database check run: nothing to say
    call_command("check", deploy=False, databases=["default"])  # the check is registered and runs


def test_a_new_translation_of_a_health_page_is_under_clinical_review_too(editor, specialty):
    """On a site whose Spanish tree has no workflow yet, translating a health page (the admin's
    Translate action uses copy_for_translation) puts the translation under review, so an Editor
    can't publish it directly."""
    from wagtail.models import Locale, WorkflowPage

    spanish = Locale.objects.get(language_code="es")
    WorkflowPage.objects.filter(page__locale=spanish).delete()
    page = SpecialtyPage(title="Gambling and connection", slug="gambling", summary="Loneliness.")
    specialty.get_parent().add_child(instance=page)
    page.save_revision().publish()

    translation = page.copy_for_translation(spanish, copy_parents=True)
    assert translation.get_workflow().name == "Clinical review"
    assert not translation.permissions_for_user(editor).can_publish()


def test_pages_outside_clinical_review_offer_no_submission_nobody_can_approve(client, editor):
    """Wagtail's default "Moderators approval" (for a group nobody is in) is off the root: the home
    and contact pages are published by Editors, with no "Submit to Moderators approval"."""
    for page in [
        HomePage.objects.get(locale__language_code="en"),
        ContactPage.objects.get(locale__language_code="en"),
    ]:
        assert page.get_workflow() is None, page
    log_in_verified(client, editor)
    html = client.get(edit_url(ContactPage.objects.get(locale__language_code="en"))).content.decode()
    assert 'name="action-publish"' in html and "Moderators approval" not in html


def test_only_reviewers_with_a_clinician_profile_may_approve(client, editor, reviewer, specialty):
    """The public line is "Clinically reviewed by NAME, CREDENTIALS": a reviewer without a
    clinician profile may request changes, but gets no Approve, in the menu or by a forged POST."""
    draft = specialty.get_latest_revision_as_object()
    draft.summary = "Checked by someone with credentials only."
    draft.save_revision(user=editor)
    state = specialty.get_workflow().start(specialty, editor)
    task_state = state.current_task_state
    task = task_state.task.specific
    assert [name for name, *_ in task.get_actions(specialty, reviewer)] == ["reject"]

    log_in_verified(client, reviewer)
    html = client.get(edit_url(specialty)).content.decode()
    assert "Approve" not in html and "approving needs your clinician profile" in html
    url = reverse("wagtailadmin_pages:workflow_action", args=[specialty.pk, "approve", task_state.pk])
    assert client.post(url, {"comment": ""}).status_code == 403
    specialty.refresh_from_db()
    assert specialty.summary != "Checked by someone with credentials only."

    Author.objects.create(name="Rivka Stone", slug="rivka-stone", credentials="PsyD", user=reviewer)
    reviewer = type(reviewer).objects.get(pk=reviewer.pk)
    assert "approve" in [name for name, *_ in task.get_actions(specialty, reviewer)]
