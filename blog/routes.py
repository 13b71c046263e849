"""The blog index's sub-pages: the paginated index, category, tag and author listings, the feed.

Every listing paginates the same way: `?page=N` with N from 1 to the last page. Anything else
(0, -1, 'abc', a page past the end) is a 404 rather than a guess, so each listing page has
exactly one URL for search engines and no bad input can cause a 500."""

from dataclasses import dataclass, field

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext
from taggit.models import Tag
from wagtail.contrib.routable_page.models import path

from practice_site import page_cache
from practice_site.jsonld import breadcrumb_list, clinic_reference

PER_PAGE = 10


@dataclass
class Listing:
    """What one listing is: its h1, description, path below the index, and breadcrumb."""

    heading: str
    description: str
    subpath: str = ""
    crumb: str = ""
    extra: dict = field(default_factory=dict)


def page_number(request):
    """The requested page number, or Http404 for anything that isn't a whole number from 1 up."""
    page_cache.uses_query_param(request, "page")  # each listing page is cached on its own
    raw = request.GET.get("page", "1")
    if not raw.isascii() or not raw.isdigit() or len(raw) > 6 or int(raw) < 1:
        raise Http404("No such page of articles.")
    return int(raw)


class PostsPage:
    """One page of a listing, fetched with a single query and no COUNT: it asks for one row
    more than it shows to know whether an older page exists."""

    def __init__(self, queryset, number, per_page=PER_PAGE):
        self.number = number
        offset = (number - 1) * per_page
        rows = list(queryset[offset : offset + per_page + 1])
        self.object_list = rows[:per_page]
        self.has_next = len(rows) > per_page
        self.has_previous = number > 1
        self.has_other_pages = self.has_next or self.has_previous
        self.next_page_number = number + 1
        self.previous_page_number = number - 1

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self):
        return len(self.object_list)


class BlogRoutesMixin:
    """Routes for `BlogIndexPage` (mixed in before `RoutablePageMixin`)."""

    listing = None
    crumb_base = None  # [(home title, url), (blog title, url)] when known without a query

    def route(self, request, path_components):
        self.crumb_base = self._crumb_base(request)
        if len(path_components) == 1 and self.live:
            try:
                self.resolve_subpage(f"/{path_components[0]}/")
            except Http404:
                # An article: fetch it as a BlogPage in one query, rather than Wagtail's generic
                # child lookup followed by a second query for the specific page.
                from .models import BlogPage

                post = (
                    BlogPage.objects.filter(
                        path__startswith=self.path, depth=self.depth + 1, slug=path_components[0]
                    )
                    .select_related("hero_image")  # its renditions: BlogPage.get_context
                    .first()
                )
                if post is None:
                    raise
                post.blog_index = self
                return post.route(request, [])
        return super().route(request, path_components)

    def _crumb_base(self, request):
        """Home and blog crumbs from the site Wagtail already looked up for this request."""
        from wagtail.models import Site

        site = Site.find_for_request(request)
        # The home page of this language: the site's root page, or its translation that
        # practice_site.i18n.serve routed the request from.
        root = getattr(request, "language_root", None) or (site.root_page if site else None)
        if root is None or self.depth != root.depth + 1 or not self.path.startswith(root.path):
            return None
        return [(root.title, root.get_url(request)), (self.title, self.get_url(request))]

    @path("", name="index")
    def index_view(self, request):
        listing = Listing(
            heading=self.title,
            description=self.search_description or self.summary_text(),
        )
        return self.render_listing(request, listing, self.posts())

    @path("category/<slug:slug>/", name="category")
    def category_view(self, request, slug):
        from .models import BlogCategory

        category = get_object_or_404(BlogCategory, slug=slug, locale_id=self.locale_id)
        listing = Listing(
            heading=gettext("Articles about %(category)s") % {"category": category.name},
            description=category.description
            or gettext("Articles from our clinicians about %(category)s.")
            % {"category": category.name.lower()},
            subpath=f"category/{category.slug}/",
            crumb=category.name,
        )
        return self.render_listing(request, listing, self.posts().filter(categories=category))

    @path("tag/<slug:slug>/", name="tag")
    def tag_view(self, request, slug):
        from .models import BlogPageTag

        tag = get_object_or_404(Tag.objects.filter(pk__in=BlogPageTag.objects.values("tag_id")), slug=slug)
        listing = Listing(
            heading=gettext("Articles tagged “%(tag)s”") % {"tag": tag.name},
            description=gettext("Articles from our clinicians tagged %(tag)s.") % {"tag": tag.name},
            subpath=f"tag/{tag.slug}/",
            crumb=gettext("Tagged %(tag)s") % {"tag": tag.name},
        )
        return self.render_listing(request, listing, self.posts().filter(tagged_items__tag=tag))

    @path("author/<slug:slug>/", name="author")
    def author_view(self, request, slug):
        from .models import Author

        author = get_object_or_404(Author, slug=slug, locale_id=self.locale_id)
        listing = Listing(
            heading=gettext("Articles by %(name)s") % {"name": author.name},
            description=author.bio[:300]
            or gettext("Articles written by %(name)s.") % {"name": author.display_name},
            subpath=f"author/{author.slug}/",
            crumb=author.name,
            extra={"author": author},
        )
        return self.render_listing(request, listing, self.posts().filter(author_links__author=author))

    @path("feed/", name="feed")
    def feed_view(self, request):
        from .feeds import BlogFeed

        return BlogFeed(self)(request)

    # Rendering ---------------------------------------------------------------------------------

    def render_listing(self, request, listing, queryset):
        number = page_number(request)
        posts = PostsPage(queryset, number)
        if number > 1 and not posts:
            raise Http404("No such page of articles.")
        self.listing = listing
        self.listing_page_number = number
        return self.render(
            request,
            context_overrides={
                "listing": listing,
                "posts": posts,
                "index_url": self.get_url(request),
                "canonical_url": self.listing_url(request, number),
            },
        )

    def listing_url(self, request, number=1):
        url = self.get_full_url(request) + (self.listing.subpath if self.listing else "")
        return url if number == 1 else f"{url}?page={number}"

    def meta_description(self):
        if self.listing:
            return self.listing.description[:300]
        return super().meta_description()

    def breadcrumbs(self):
        crumbs = list(self.crumb_base) if self.crumb_base else super().breadcrumbs()
        if self.listing and self.listing.crumb:
            crumbs.append((self.listing.crumb, self.url + self.listing.subpath))
        return crumbs

    def get_structured_data(self, request, practice):
        number = getattr(self, "listing_page_number", 1)
        data = {
            "@context": "https://schema.org",
            "@type": "CollectionPage",
            "name": self.listing.heading if self.listing else self.title,
            "url": self.listing_url(request, number),
            "description": self.meta_description(),
            "isPartOf": {"@type": "Blog", "name": self.title, "url": self.get_full_url(request)},
            "publisher": clinic_reference(practice, request),
        }
        return [data, breadcrumb_list(request, self.breadcrumbs())]
