"""Admin registration for the blog's snippets: authors and categories, under one "Blog" menu."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Author, BlogCategory


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    menu_label = "Authors"
    list_display = ["name", "credentials", "slug"]
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
    items = (AuthorViewSet, BlogCategoryViewSet)


register_snippet(BlogSnippetGroup)
