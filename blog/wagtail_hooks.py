"""Admin registration for the blog: one "Blog" menu with the articles, authors and categories;
the dashboard's "Write an article" shortcut (the alt-text rule's hooks are practice_site's)."""

import swapper
from django.urls import reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.permissions import policy_registry
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Author, BlogCategory, BlogIndexPage, BlogPage

BLOG_MENU_HOOK = "register_blog_menu_item"
PAGE_EDITING_ACTIONS = ["add", "change", "publish"]


def page_permission_policy():
    return policy_registry.get_by_type(swapper.load_model("wagtailcore", "Page"))


class PageEditorsMenuItem(MenuItem):
    """Shown only to people who may write or edit pages (not to intake staff)."""

    def is_shown(self, request):
        return page_permission_policy().user_has_any_permission(request.user, PAGE_EDITING_ACTIONS)


class ArticleListingViewSet(PageListingViewSet):
    """Every article in one list, most recently changed first, with an "Add article" button."""

    model = BlogPage
    name = "articles"
    icon = "doc-full"
    menu_label = "Articles"
    menu_order = 0  # first in the Blog menu
    menu_hook = BLOG_MENU_HOOK
    menu_item_class = PageEditorsMenuItem


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    menu_label = "Authors"
    list_display = ["name", "credentials", "license_states", "slug"]
    search_fields = ["name", "credentials", "bio"]
    search_backend_name = None  # plain database search: no search index to keep up to date
    ordering = ["name"]


class BlogCategoryViewSet(SnippetViewSet):
    model = BlogCategory
    icon = "folder-open-inverse"
    menu_label = "Categories"
    list_display = ["name", "slug", "description"]
    search_fields = ["name", "description"]
    search_backend_name = None
    ordering = ["name"]


class BlogSnippetGroup(SnippetViewSetGroup):
    menu_label = "Blog"
    menu_icon = "doc-full-inverse"
    menu_order = 250
    # The articles are pages, not snippets: their listing joins this menu through the hook.
    submenu_hook = BLOG_MENU_HOOK
    items = (AuthorViewSet, BlogCategoryViewSet)


register_snippet(BlogSnippetGroup)


@hooks.register("register_admin_viewset")
def register_article_listing():
    return ArticleListingViewSet()


@hooks.register("editor_dashboard_shortcuts")
def write_an_article_shortcut(request):
    """practice_site's dashboard panel lists what each section contributes."""
    index = BlogIndexPage.objects.order_by("path").first()
    if index is None or not index.permissions_for_user(request.user).can_add_subpage():
        return []
    return [
        {
            "order": 10,
            "label": "Write an article",
            "description": "Start a new blog article. It stays a draft until you publish it.",
            "url": reverse("wagtailadmin_pages:add", args=["blog", "blogpage", index.pk]),
        }
    ]
