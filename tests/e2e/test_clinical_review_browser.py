"""An editor, who has no Publish button on a health page, submits a change to the "Clinical
review" workflow; a clinical reviewer signs in through the admin's login form and approves it;
the public page then shows the change and says who reviewed it."""

import re

import pytest
from django.contrib.auth.models import Group

from blog.models import Author
from practice_site.clinical_review import CLINICAL_REVIEWERS_GROUP
from specialties.models import SpecialtyPage
from tests.contact_helpers import editor_user, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-test-password-123"


def test_reviewer_approves_a_submitted_page_and_the_public_page_shows_the_review(live_demo, browser):
    reviewer = make_user("rivka", first_name="Rivka", last_name="Stone")
    reviewer.groups.add(Group.objects.get(name=CLINICAL_REVIEWERS_GROUP))
    Author.objects.create(name="Rivka Stone", slug="rivka-stone", credentials="PsyD", user=reviewer)
    editor = editor_user()
    page = SpecialtyPage.objects.get(slug="addiction-and-intimacy-framework")

    # The editor changes the page and, having no Publish button on a health page, submits it.
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        desk = context.new_page()
        desk.goto(live_demo.url + "/admin/login/")
        desk.fill("input[name=username]", editor.username)
        desk.fill("input[name=password]", PASSWORD)
        desk.locator("form button[type=submit], form input[type=submit]").first.click()
        desk.wait_for_url(re.compile(r".*/admin/$"))
        desk.goto(f"{live_demo.url}/admin/pages/{page.pk}/edit/")
        desk.fill("#id_summary", "A summary the reviewer checked.")
        assert desk.locator('button[name="action-publish"]').count() == 0
        desk.get_by_role("button", name="More actions").click()
        with desk.expect_navigation():
            desk.get_by_role("button", name="Submit to Clinical review").click()
        assert "submitted" in desk.content().lower()
        desk.close()
    finally:
        context.close()
    page.refresh_from_db()
    assert page.workflow_in_progress and page.summary != "A summary the reviewer checked."

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        admin = context.new_page()
        admin.goto(live_demo.url + "/admin/login/")
        admin.fill("input[name=username]", reviewer.username)
        admin.fill("input[name=password]", PASSWORD)
        admin.locator("form button[type=submit], form input[type=submit]").first.click()
        # Reviewers are not asked for a second factor (only inquiry readers, or editors when
        # STAFF_2FA_REQUIRED_FOR_EDITORS says so).
        admin.wait_for_url(re.compile(r".*/admin/$"))
        assert "Waiting for your review" in admin.content()
        admin.get_by_role("link", name="The Addiction and Intimacy Framework").first.click()
        admin.wait_for_url(f"**/admin/pages/{page.pk}/edit/")
        assert "Reading grade:" in admin.content()
        admin.get_by_role("button", name="More actions").click()
        with admin.expect_navigation():
            admin.get_by_role("button", name="Approve and Publish").click()
        assert "/admin/pages/" in admin.url and "/edit/" not in admin.url  # back to the listing

        visitor = context.new_page()
        visitor.goto(live_demo.url + "/specialties/addiction-and-intimacy-framework/")
        line = visitor.locator(".review-line__reviewed")
        assert re.fullmatch(
            r"Clinically reviewed by Rivka Stone, PsyD, on \w+ \d{1,2}, \d{4}\.", line.inner_text().strip()
        )
        assert "A summary the reviewer checked." in visitor.content()
    finally:
        context.close()

    page.refresh_from_db()
    assert page.reviewed_by == reviewer and page.review_state == "reviewed"
