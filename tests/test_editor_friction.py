"""What a clinician new to Wagtail meets in the admin, as an Editor: plain labels, checkboxes for
categories, one call to action at the end of a specialty page, the articles in the Blog menu,
autosave that keeps going while they type alt text, and a dashboard panel to start from."""

import datetime
import json

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.admin.menu import admin_menu
from wagtail.models import GroupApprovalTask, GroupPagePermission, Page, Workflow, WorkflowTask
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from blog.models import Author, BlogCategory, BlogIndexPage, BlogPage
from contact.permissions import EDITORS_GROUP
from practice_site.clinical_review import CLINICAL_REVIEWERS_GROUP
from practice_site.demo import cta, section
from practice_site.wagtail_hooks import EditorStartPanel
from specialties.models import SpecialtyIndexPage, SpecialtyPage
from tests.contact_helpers import editor_user, intake_user, make_user
from tests.staff_helpers import log_in_verified

ALT_TEXT_MESSAGE = "Describe the image for people who can't see it, or remove the image."
PHONE_BOX = '<section class="cta"'


def sign_in(client, user):
    """Signed in as right after the password (and the second factor, where the admin asks for
    one: intake staff must verify it before the admin shows them anything)."""
    try:
        from tests.staff_helpers import log_in_verified
    except ImportError:  # a tree without the staff second factor
        client.force_login(user)
    else:
        log_in_verified(client, user)


@pytest.fixture
def editor(client, db):
    user = editor_user()
    sign_in(client, user)
    return user


@pytest.fixture
def image(db, settings, tmp_path):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    settings.MEDIA_ROOT = tmp_path
    return Image.objects.create(title="Harbor at dawn", file=get_test_image_file())


def reviewer_user():
    user = make_user("reviewer")
    user.groups.add(Group.objects.get(name=CLINICAL_REVIEWERS_GROUP))
    return user


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def new_article(slug="plain-words", publish=True):
    article = BlogPage(
        title="Plain words", slug=slug, standfirst="A short summary.", date=datetime.date(2024, 5, 1)
    )
    BlogIndexPage.objects.get(locale__language_code="en").add_child(instance=article)
    revision = article.save_revision()
    if publish:
        revision.publish()
    return BlogPage.objects.get(pk=article.pk)


def article_form(article, categories=(), **overrides):
    """The article edit form as the browser sends it (no action: a draft save, as autosave does)."""
    data = {
        "title": article.title,
        "slug": article.slug,
        "standfirst": article.standfirst,
        "author_links": inline_formset([{"author": Author.objects.order_by("pk").first().pk}]),
        "date": "2024-05-01",
        "last_updated": "",
        "hero_image": "",
        "hero_alt": "",
        "body": streamfield([]),
        "references": streamfield([]),
        "tags": "",
        "related_links": inline_formset([]),
        "original_source_name": "",
        "original_source_url": "",
        "original_date": "",
        "seo_title": "",
        "search_description": "",
    }
    data.update(overrides)
    return {**nested_form_data(data), "categories": list(categories)}  # one key, several values


def specialty_form(**overrides):
    data = {
        "title": "Gambling and connection",
        "slug": "gambling-and-connection",
        "summary": "Gambling can be a way to escape loneliness.",
        "hero_image": "",
        "hero_alt": "",
        "pain_point_heading": "Maybe this sounds familiar",
        "pain_point": "",
        "body": streamfield([]),
        "references": streamfield([]),
        "related_posts": inline_formset([]),
        "related_tags": "",
        "seo_title": "",
        "search_description": "",
    }
    data.update(overrides)
    return nested_form_data(data)


def add_specialty(slug, body):
    page = SpecialtyPage(title=slug.title(), slug=slug, summary="A summary.", body=body)
    SpecialtyIndexPage.objects.get(locale__language_code="en").add_child(instance=page)
    page.save_revision().publish()
    return page


# 1. Plain words for the article summary --------------------------------------------------------


def test_article_form_calls_the_standfirst_a_summary_and_says_where_it_shows(client, editor):
    article = BlogPage.objects.live().first()
    response = client.get(edit_url(article))
    assert response.status_code == 200
    field = response.context["form"].fields["standfirst"]
    assert field.label == "Summary"
    assert "article lists and search results" in field.help_text
    assert "Standfirst" not in response.content.decode()


# 2. Categories are checkboxes ------------------------------------------------------------------


def test_article_categories_are_checkboxes_and_save_several_at_once(client, editor):
    article = new_article()
    html = client.get(edit_url(article)).content.decode()
    assert 'type="checkbox" name="categories"' in html
    assert '<select name="categories"' not in html

    chosen = list(BlogCategory.objects.order_by("pk").values_list("pk", flat=True)[:2])
    response = client.post(edit_url(article), article_form(article, categories=chosen))
    assert response.status_code == 302
    draft = BlogPage.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert sorted(category.pk for category in draft.categories.all()) == sorted(chosen)


def test_specialty_related_categories_are_checkboxes_too(client, editor):
    specialty = SpecialtyPage.objects.live().first()
    html = client.get(edit_url(specialty)).content.decode()
    assert 'type="checkbox" name="related_categories"' in html
    assert '<select name="related_categories"' not in html


# 3. One call to action at the end of a specialty page ------------------------------------------


@pytest.mark.django_db
def test_a_specialty_ending_with_its_own_call_to_action_shows_one_phone_box(client):
    add_specialty("ends-with-cta", [section("Why", "<p>Why.</p>"), cta("Talk to us", "We will listen.")])
    html = client.get("/specialties/ends-with-cta/").content.decode()
    assert html.count(PHONE_BOX) == 1
    assert "Talk to us" in html and "We will listen." in html
    assert "Ready when you are" not in html  # the editor's words replace the standard ones


@pytest.mark.django_db
def test_a_specialty_without_a_closing_call_to_action_keeps_the_standard_one(client):
    add_specialty("no-cta", [section("Why", "<p>Why.</p>")])
    html = client.get("/specialties/no-cta/").content.decode()
    assert html.count(PHONE_BOX) == 1
    assert "Ready when you are" in html


@pytest.mark.django_db
def test_a_call_to_action_in_the_middle_is_never_next_to_the_closing_one(client):
    add_specialty("cta-mid", [cta("Curious?"), section("Reclaiming your life", "<p>Slowly.</p>")])
    html = client.get("/specialties/cta-mid/").content.decode()
    assert html.count(PHONE_BOX) == 2
    first, second = html.index(PHONE_BOX), html.rindex(PHONE_BOX)
    assert "Reclaiming your life" in html[first:second]  # content between them, not in a row


def test_specialty_body_help_tells_the_editor_about_the_closing_call_to_action(client, editor):
    specialty = SpecialtyPage.objects.live().first()
    response = client.get(edit_url(specialty))
    help_text = response.context["form"].fields["body"].help_text
    assert "ends with a call to action" in help_text and "takes the place" in help_text


# 4. The articles in the Blog menu --------------------------------------------------------------


def blog_submenu_labels(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    items = {item.name: item for item in admin_menu.menu_items_for_request(request)}
    if "blog" not in items:
        return None
    return [
        item.label
        for item in sorted(items["blog"].menu.menu_items_for_request(request), key=lambda i: i.order)
    ]


def test_blog_menu_lists_articles_first_for_editors(client, editor):
    assert blog_submenu_labels(editor) == ["Articles", "Authors", "Categories"]
    response = client.get(reverse("articles:index"))
    assert response.status_code == 200
    html = response.content.decode()
    for article in BlogPage.objects.all():
        assert article.title in html
    assert "Dr. Marcus Hale" not in html  # a list of articles, not of authors


@pytest.mark.django_db
def test_intake_staff_get_no_blog_menu_and_no_article_list(client):
    user = intake_user()
    log_in_verified(client, user)
    assert blog_submenu_labels(user) is None
    assert client.get(reverse("articles:index")).status_code in (302, 403)


# 5. Autosave keeps going while the editor types the alt text -----------------------------------


def test_autosave_keeps_an_article_image_without_alt_text_but_publishing_refuses_it(client, editor, image):
    article = new_article()

    # Autosave: a JSON POST with no action, while the alt text is still empty.
    response = client.post(
        edit_url(article), article_form(article, hero_image=image.pk), HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 200, response.content
    assert json.loads(response.content)["success"] is True
    draft = BlogPage.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert draft.hero_image_id == image.pk and draft.hero_alt == ""

    # Submitting the same thing for clinical review (an editor's way to publish an article) is
    # refused, with the alt text message next to the field.
    response = client.post(
        edit_url(article), article_form(article, hero_image=image.pk, **{"action-submit": "1"})
    )
    assert response.status_code == 200
    assert response.context["form"].errors["hero_alt"] == [ALT_TEXT_MESSAGE]
    assert not BlogPage.objects.get(pk=article.pk).workflow_in_progress
    live = BlogPage.objects.get(pk=article.pk)
    assert live.hero_image_id is None  # the public page never showed the image without alt text

    # With the alt text typed, it goes to review, and the reviewer's approval publishes it.
    response = client.post(
        edit_url(article),
        article_form(article, hero_image=image.pk, hero_alt="Calm water at dawn", **{"action-submit": "1"}),
    )
    assert response.status_code == 302
    article = BlogPage.objects.get(pk=article.pk)
    assert article.workflow_in_progress and article.hero_image_id is None
    task_state = article.current_workflow_task_state
    task_state.task.specific.on_action(task_state, reviewer_user(), "approve")
    live = BlogPage.objects.get(pk=article.pk)
    assert live.hero_image_id == image.pk and live.hero_alt == "Calm water at dawn"


def test_save_draft_keeps_a_new_specialty_image_without_alt_text_with_a_gentle_reminder(
    client, editor, image
):
    index = SpecialtyIndexPage.objects.get(locale__language_code="en")
    add_url = reverse("wagtailadmin_pages:add", args=["specialties", "specialtypage", index.pk])
    response = client.post(add_url, specialty_form(hero_image=image.pk), follow=True)
    assert response.status_code == 200
    page = SpecialtyPage.objects.get(slug="gambling-and-connection")
    assert not page.live and page.hero_image_id == image.pk
    html = response.content.decode()
    assert "Your draft is saved. Before you publish, describe the hero image" in html

    response = client.post(edit_url(page), specialty_form(hero_image=image.pk, **{"action-submit": "1"}))
    assert response.status_code == 200
    assert response.context["form"].errors["hero_alt"] == [ALT_TEXT_MESSAGE]
    assert not SpecialtyPage.objects.get(pk=page.pk).live


def test_bulk_publish_from_the_explorer_refuses_a_draft_without_alt_text(client, editor, image):
    # Bulk "Publish" of an article is for those who may publish it directly: its reviewers.
    editor.groups.add(Group.objects.get(name=CLINICAL_REVIEWERS_GROUP))
    article = new_article(slug="bulk-publish")
    article.hero_image = image
    article.save_revision(user=editor, clean=False)  # as autosave saves it
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    explorer = reverse("wagtailadmin_explore", args=[article.get_parent().pk])
    response = client.post(f"{url}?id={article.pk}&next={explorer}", {}, follow=True)
    assert response.redirect_chain[-1][0] == explorer
    html = response.content.decode()
    assert "Nothing was published" in html and "“Plain words”" in html
    assert BlogPage.objects.get(pk=article.pk).hero_image_id is None


def test_submitting_for_review_is_checked_like_publishing(client, editor, image):
    article = new_article(slug="for-review", publish=False)
    data = article_form(article, hero_image=image.pk, **{"action-submit": "1"})
    response = client.post(edit_url(article), data)
    assert response.status_code == 200
    assert response.context["form"].errors["hero_alt"] == [ALT_TEXT_MESSAGE]


# 6. The dashboard panel ------------------------------------------------------------------------


def test_dashboard_panel_gives_plain_shortcuts_that_open(client, editor):
    response = client.get("/admin/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Start here" in html
    blog_index = BlogIndexPage.objects.get(locale__language_code="en")
    write = reverse("wagtailadmin_pages:add", args=["blog", "blogpage", blog_index.pk])
    specialties = reverse("wagtailadmin_explore", args=[SpecialtyIndexPage.objects.get(locale__language_code="en").pk])
    assert f'href="{write}"' in html and "Write an article" in html
    assert f'href="{specialties}"' in html and "Edit a specialty page" in html
    assert "Change phone, hours or address" in html
    assert client.get(write).status_code == 200
    assert client.get(specialties).status_code == 200


def test_practice_settings_shortcut_links_only_for_those_who_may_change_them(client, db):
    writer_group = Group.objects.create(name="Page writers only")
    writer_group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=writer_group,
        page=Page.get_first_root_node(),
        permission=Permission.objects.get(codename="change_page"),
    )
    writer = make_user("writer", writer_group.name)
    sign_in(client, writer)
    settings_url = reverse("wagtailsettings:edit", args=["practice_site", "practicesettings"])
    html = client.get("/admin/").content.decode()
    assert "Change phone, hours or address" in html and "An administrator can" in html
    assert f'href="{settings_url}"' not in html

    writer.user_permissions.add(Permission.objects.get(codename="change_practicesettings"))
    sign_in(client, type(writer).objects.get(pk=writer.pk))
    html = client.get("/admin/").content.decode()
    assert f'href="{settings_url}"' in html
    assert client.get(settings_url, follow=True).status_code == 200


def test_dashboard_lists_the_editors_own_drafts_newest_first(client, editor):
    other = make_user("someone-else")
    older, newer, theirs = (new_article(slug=slug) for slug in ("older-draft", "newer-draft", "their-draft"))
    for page, user, title in (
        (older, editor, "Older draft"),
        (newer, editor, "Newer draft"),
        (theirs, other, "Theirs"),
    ):
        page.title = title
        page.save_revision(user=user)
    html = client.get("/admin/").content.decode()
    assert "Your drafts" in html
    assert html.index("Newer draft") < html.index("Older draft")
    assert "Theirs" not in html
    assert "Live, with changes not published yet" in html
    assert f'href="{edit_url(newer)}"' in html


def test_dashboard_says_when_nothing_waits(client, editor):
    html = client.get("/admin/").content.decode()
    assert "You have no unpublished drafts." in html
    assert "Nothing is waiting for you." in html


def test_dashboard_lists_pages_waiting_for_the_editors_review(client, editor):
    task = GroupApprovalTask.objects.create(name="Clinical review")
    task.groups.set([Group.objects.get(name=EDITORS_GROUP)])
    workflow = Workflow.objects.create(name="Clinical review")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    author = make_user("second-clinician")
    article = new_article(slug="needs-review", publish=False)
    article.title = "Please review me"
    article.save_revision(user=author)
    workflow.start(article, author)

    html = client.get("/admin/").content.decode()
    assert "Please review me" in html and "Waiting for your review" in html
    assert "Nothing is waiting for you." not in html


def test_dashboard_panel_is_not_shown_to_intake_staff(client, db):
    log_in_verified(client, intake_user())
    html = client.get("/admin/").content.decode()
    assert "Start here" not in html and "Write an article" not in html


def test_dashboard_panel_takes_few_queries_and_no_inline_script(editor):
    for n in range(8):
        page = new_article(slug=f"draft-{n}")
        page.title = f"Draft {n}"
        page.save_revision(user=editor)
    request = RequestFactory().get("/admin/")
    request.user = editor
    EditorStartPanel().render_html({"request": request})  # warm content types and permissions
    request.user = type(editor).objects.get(pk=editor.pk)
    with CaptureQueriesContext(connection) as queries:
        html = EditorStartPanel().render_html({"request": request})
    # Permissions (cached for the rest of the request), the two section indexes, the drafts,
    # Wagtail's active review tasks (one per task: "Moderators approval" and "Clinical review"),
    # pages sent back and the count of pages due for clinical review: none per draft.
    assert len(queries) <= 12, [q["sql"] for q in queries.captured_queries]
    assert html.count('href="/admin/pages/') >= 5 and "Draft 7" in html
    assert "Draft 2" not in html  # a handful, not all of them
    assert "<script" not in html and "style=" not in html
