"""The blog in a real browser: an article at phone width, and the index's pagination."""

import datetime

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_article_fits_a_phone_and_shows_author_box_and_call_link(live_demo, phone_page):
    phone_page.goto(live_demo.url + "/blog/healing-happens-in-community/")
    assert phone_page.evaluate("document.scrollingElement.scrollWidth <= innerWidth")
    author_box = phone_page.locator(".author-box")
    assert author_box.is_visible()
    assert "Dana Whitfield" in author_box.inner_text()
    cta_call = phone_page.locator(".cta a[href^='tel:']")
    assert cta_call.get_attribute("href") == "tel:+15035550123"
    cta_call.scroll_into_view_if_needed()
    assert cta_call.is_visible()
    assert "Cite this article" in phone_page.locator(".citation").inner_text()


def test_blog_index_paginates_when_clicked(live_demo, desktop_page):
    from blog.models import BlogIndexPage, BlogPage

    index = BlogIndexPage.objects.get(locale__language_code="en")
    for n in range(10):
        post = BlogPage(
            title=f"Browser article {n}",
            slug=f"browser-article-{n}",
            standfirst="A short summary.",
            date=datetime.date(2030, 1, 1) + datetime.timedelta(days=n),
        )
        index.add_child(instance=post)
        post.save_revision().publish()
    desktop_page.goto(live_demo.url + "/blog/")
    assert desktop_page.locator(".post-list > li").count() == 10
    desktop_page.get_by_role("link", name="Older articles").click()
    desktop_page.wait_for_url("**/blog/?page=2")
    titles = desktop_page.locator(".post-list .card__title").all_inner_texts()
    assert len(titles) == 3 and "Browser article 9" not in titles
    assert desktop_page.get_by_role("link", name="Newer articles").is_visible()
