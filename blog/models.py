"""The blog: articles by the practice's clinicians.

`BlogIndexPage` (/blog/) lists articles and serves the category, tag and author listings and the
RSS feed (see `routes.py`); `BlogPage` is one article. `Author` and `BlogCategory` are snippets
(registered in `wagtail_hooks.py`); tags are free-form through `BlogPageTag`."""

import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch, QuerySet, prefetch_related_objects
from django.db.models.functions import Length, Substr
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, PageViewRestriction, TranslatableMixin
from wagtail.search import index

from practice_site.blocks import common_body_blocks
from practice_site.clinical_review import ClinicallyReviewedPage
from practice_site.jsonld import breadcrumb_list, clinic_reference
from practice_site.models import BasePage, validate_hero_alt_text
from practice_site.publishing import DraftFriendlyPageForm

from .citation import apa_citation
from .reading import reading_minutes, word_count
from .routes import BlogRoutesMixin


class Author(TranslatableMixin, models.Model):
    """A clinician: the one profile behind the author box, /blog/author/<slug>/, the About
    page's clinician profiles and the "Clinically reviewed by" line (through `user`)."""

    name = models.CharField(max_length=120, help_text='Full name without titles, e.g. "Dana Whitfield".')
    slug = models.SlugField(max_length=120, help_text="Used in /blog/author/<slug>/.")
    honorific = models.CharField(max_length=20, blank=True, help_text='Optional, e.g. "Dr."')
    credentials = models.CharField(
        max_length=120,
        blank=True,
        help_text='The letters shown after the name, e.g. "LCSW, CSAT" or "MD".',
    )
    degree = models.CharField(
        max_length=120, blank=True, help_text='Highest degree and field, e.g. "Master of Social Work (MSW)".'
    )
    license_type = models.CharField(
        max_length=120, blank=True, help_text='e.g. "Licensed Clinical Social Worker (LCSW)".'
    )
    license_number = models.CharField(max_length=40, blank=True, help_text="As the licensing board lists it.")
    license_states = models.CharField(
        "License state(s)",
        max_length=120,
        blank=True,
        help_text='Where the license is valid, e.g. "Oregon, Washington".',
    )
    training = models.TextField(
        blank=True,
        max_length=600,
        help_text='Further training and certifications, one per line, e.g. "IFS Level 1 (IFS Institute)".',
    )
    languages = models.CharField(
        max_length=120,
        blank=True,
        default="English",
        help_text='Languages sessions are offered in, e.g. "English, Spanish".',
    )
    bio = models.TextField("Short bio", max_length=800, blank=True, help_text="Two to four plain sentences.")
    photo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    photo_alt = models.CharField(
        "Photo alt text",
        max_length=250,
        blank=True,
        help_text='Describe the photo for people who can\'t see it, e.g. "Dana Whitfield smiling in her office".',
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="author_profile",
        verbose_name="admin account",
        help_text="The clinician's own admin login, if they have one. Their clinical reviews "
        "show this profile's name and credentials.",
    )

    panels = [
        FieldRowPanel([FieldPanel("honorific"), FieldPanel("name")]),
        FieldPanel("slug"),
        FieldPanel("credentials"),
        MultiFieldPanel(
            [
                FieldPanel("degree"),
                FieldPanel("license_type"),
                FieldRowPanel([FieldPanel("license_number"), FieldPanel("license_states")]),
                FieldPanel("training"),
                FieldPanel("languages"),
            ],
            heading="Qualifications",
        ),
        FieldPanel("bio"),
        MultiFieldPanel([FieldPanel("photo"), FieldPanel("photo_alt")], heading="Photo"),
        FieldPanel("user"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        # A translation keeps the slug: /es/blog/author/<slug>/ is the same clinician.
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.display_name

    def copy_for_translation(self, locale, exclude_fields=None):
        """A translation is the same clinician in another language: their admin account stays
        linked to the original profile only (it is one account, one profile)."""
        return super().copy_for_translation(locale, exclude_fields=[*(exclude_fields or []), "user"])

    def clean(self):
        super().clean()
        if self.photo_id and not self.photo_alt.strip():
            raise ValidationError(
                {"photo_alt": "Describe the photo for people who can't see it, or remove it."}
            )

    @property
    def display_name(self):
        """ "Marcus Hale, MD" / "Dana Whitfield, LCSW, CSAT" / "Dr. Ana Ruiz" (no credentials).
        A title and a degree never both: "Dr. Marcus Hale, MD" says the same thing twice."""
        if self.credentials:
            return f"{self.name}, {self.credentials}"
        return f"{self.honorific} {self.name}".strip()

    @property
    def license_line(self):
        """ "Licensed Clinical Social Worker (LCSW), Oregon, no. L1234" for profiles."""
        parts = [self.license_type, self.license_states]
        if self.license_number:
            parts.append(f"no. {self.license_number}")
        return ", ".join(part for part in parts if part)

    @property
    def training_list(self):
        return [line.strip() for line in self.training.splitlines() if line.strip()]

    def schema_person(self, url=None):
        """The clinician as a schema.org Person with their credentials (author, reviewedBy)."""
        person = {"@type": "Person", "name": self.name}
        if self.honorific:
            person["honorificPrefix"] = self.honorific
        if url:
            person["url"] = url
        if self.credentials:
            person["honorificSuffix"] = self.credentials
            person["jobTitle"] = self.credentials
        credentials = []
        if self.degree:
            credentials.append(
                {
                    "@type": "EducationalOccupationalCredential",
                    "credentialCategory": "degree",
                    "name": self.degree,
                }
            )
        if self.license_type:
            license = {
                "@type": "EducationalOccupationalCredential",
                "credentialCategory": "license",
                "name": self.license_type,
            }
            if self.license_number:
                license["identifier"] = self.license_number
            if self.license_states:
                license["recognizedBy"] = {
                    "@type": "Organization",
                    "name": f"Licensing board: {self.license_states}",
                }
            credentials.append(license)
        credentials += [
            {"@type": "EducationalOccupationalCredential", "credentialCategory": "certificate", "name": line}
            for line in self.training_list
        ]
        if credentials:
            person["hasCredential"] = credentials
        if self.languages:
            person["knowsLanguage"] = [lang.strip() for lang in self.languages.split(",") if lang.strip()]
        return person


class BlogCategory(TranslatableMixin, models.Model):
    """A broad subject (Recovery, Sex and Intimacy...). Listed at /blog/category/<slug>/."""

    name = models.CharField(max_length=80)
    slug = models.SlugField(max_length=80, help_text="Used in /blog/category/<slug>/.")
    description = models.TextField(
        max_length=300, blank=True, help_text="One or two sentences shown at the top of the listing."
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("name", "locale"), ("slug", "locale")]
        verbose_name = "blog category"
        verbose_name_plural = "blog categories"

    def __str__(self):
        return self.name


class BlogPageTag(TaggedItemBase):
    content_object = ParentalKey("blog.BlogPage", on_delete=models.CASCADE, related_name="tagged_items")


class BlogPageAuthor(Orderable):
    """One author of an article, in the order the editor gives."""

    page = ParentalKey("blog.BlogPage", on_delete=models.CASCADE, related_name="author_links")
    author = models.ForeignKey(Author, on_delete=models.PROTECT, related_name="article_links")

    panels = [FieldPanel("author")]


class BlogPageRelatedPost(Orderable):
    """An article the editor wants shown under this one (before the automatic suggestions)."""

    page = ParentalKey("blog.BlogPage", on_delete=models.CASCADE, related_name="related_links")
    post = models.ForeignKey("blog.BlogPage", on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("post", "blog.BlogPage")]


def author_links_prefetch():
    """Authors in order for listings (which show names, not photos): one query, any size."""
    return Prefetch(
        "author_links", queryset=BlogPageAuthor.objects.select_related("author").order_by("sort_order", "pk")
    )


class BlogIndexPage(BlogRoutesMixin, RoutablePageMixin, BasePage):
    """/blog/: newest articles first; also the category, tag and author listings and the feed."""

    intro = RichTextField(features=["bold", "italic", "link"], blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["practice_site.HomePage"]
    subpage_types = ["blog.BlogPage"]
    max_count_per_parent = 1  # one per language: its home page is its parent

    def summary_text(self):
        return gettext("Our clinicians write about addiction and the way back to the people you love.")

    def posts(self):
        """Live, public articles under this index, newest first, ready for a listing."""
        return BlogPage.listing().child_of(self)

    def get_cached_paths(self):
        """Every URL this index serves, for the edge cache's purge on publish
        (practice_site/edge_cache.py): the paginated index, each category, tag and author
        listing with its pages (one page past the end too: it may have been kept as a 404 and
        exist now), and the feed."""
        from .routes import PER_PAGE

        posts = BlogPage.visible().child_of(self)

        def paged(path, count):
            return [path] + [f"{path}?page={number}" for number in range(2, count // PER_PAGE + 3)]

        paths = paged("/", posts.count()) + ["/feed/"]
        for kind, field in (
            ("category", "categories__slug"),
            ("author", "author_links__author__slug"),
            ("tag", "tagged_items__tag__slug"),
        ):
            counts = posts.order_by().values_list(field).annotate(n=models.Count("pk", distinct=True))
            for slug, count in counts:
                if slug:
                    paths += paged(f"/{kind}/{slug}/", count)
        return paths


class BlogPage(ClinicallyReviewedPage, BasePage):
    """One article, written by one or more authors and filed under categories and tags, with its
    references and clinical review (practice_site/clinical_review.py)."""

    standfirst = models.TextField(
        "Summary",
        max_length=400,
        help_text="One or two sentences shown under the title and in article lists and search results.",
    )
    date = models.DateField("Publication date", default=timezone.localdate)
    last_updated = models.DateField(
        null=True, blank=True, help_text="Set when you make a meaningful change to the content."
    )
    categories = ParentalManyToManyField(
        BlogCategory,
        blank=True,
        related_name="posts",
        help_text="The first one (alphabetically) appears in the breadcrumbs.",
    )
    tags = ClusterTaggableManager(through=BlogPageTag, blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hero_alt = models.CharField(
        "Hero image alt text",
        max_length=250,
        blank=True,
        help_text="Describe the image for people who can't see it. Needed before you publish an "
        "article with an image (a draft saves without it).",
    )
    body = StreamField(common_body_blocks(), blank=True)
    original_source_name = models.CharField(
        max_length=120, blank=True, help_text="If this first appeared elsewhere: the publication's name."
    )
    original_source_url = models.URLField(blank=True)
    original_date = models.DateField("Originally published on", null=True, blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("standfirst"),
        InlinePanel("author_links", label="Author", min_num=1),
        FieldRowPanel([FieldPanel("date"), FieldPanel("last_updated")]),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_alt")], heading="Hero image"),
        FieldPanel("body"),
        FieldPanel("references"),
        MultiFieldPanel(
            [FieldPanel("categories", widget=forms.CheckboxSelectMultiple), FieldPanel("tags")],
            heading="Categories and tags",
        ),
        InlinePanel("related_links", label="Related article", max_num=3),
        MultiFieldPanel(
            [
                FieldPanel("original_source_name"),
                FieldPanel("original_source_url"),
                FieldPanel("original_date"),
            ],
            heading="Originally published",
            classname="collapsed",
        ),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("standfirst"), index.SearchField("body")]
    parent_page_types = ["blog.BlogIndexPage"]
    subpage_types = []
    base_form_class = DraftFriendlyPageForm

    class Meta:
        verbose_name = "article"
        verbose_name_plural = "articles"

    def clean(self):
        super().clean()
        validate_hero_alt_text(self)
        if self.last_updated and self.date and self.last_updated < self.date:
            raise ValidationError({"last_updated": "The update can't be before the publication date."})

    def summary_text(self):
        return self.standfirst

    # Queries ---------------------------------------------------------------------------------

    @classmethod
    def visible(cls):
        """Live articles outside any private section of the site. Like Wagtail's `.public()`
        but as a subquery rather than an extra query for the list of restrictions."""
        restrictions = PageViewRestriction.objects.filter(
            page__path=Substr(OuterRef("path"), 1, Length("page__path"))
        )
        return cls.objects.live().filter(~Exists(restrictions))

    @classmethod
    def listing(cls):
        """Live, public articles, newest first, with authors, categories and tags prefetched so a
        listing takes the same few queries for 3 articles or 3,000."""
        return (
            cls.visible()
            .order_by("-date", "-pk")
            .prefetch_related(author_links_prefetch(), "categories", "tags")
        )

    @classmethod
    def latest(cls, limit=3, locale_id=None):
        """The newest live, public articles (used by the home page, in its language): one query
        plus the view-restriction check, whatever the number of articles."""
        articles = cls.visible()
        if locale_id is not None:
            articles = articles.filter(locale_id=locale_id)
        return list(
            articles.order_by("-date", "-pk").only(
                "id", "title", "slug", "url_path", "date", "standfirst", "depth", "path", "locale_id"
            )[:limit]
        )

    @cached_property
    def authors(self):
        """The authors in the editor's order (from the listing's prefetch when there is one)."""
        links = self.author_links.all()
        if "author_links" not in getattr(self, "_prefetched_objects_cache", {}):
            # The author box shows photos: get_context() fetches their renditions together
            # with the hero's.
            links = links.select_related("author", "author__photo").order_by("sort_order", "pk")
        return [link.author for link in links]

    def prefetch_image_renditions(self):
        """The renditions of the hero image and of every author photo, in one query."""
        images = [author.photo for author in self.authors if author.photo_id]
        if self.hero_image_id:
            images.append(self.hero_image)
        images = [
            image for image in images if "renditions" not in getattr(image, "_prefetched_objects_cache", {})
        ]
        if images:
            prefetch_related_objects(images, "renditions")

    @cached_property
    def category_list(self):
        return list(self.categories.all())

    @cached_property
    def tag_list(self):
        return list(self.tags.all())

    @property
    def reading_minutes(self):
        return reading_minutes(self.body)

    @property
    def modified_date(self):
        """The date search engines and readers see as the last change."""
        if self.last_updated:
            return self.last_updated
        if self.last_published_at:
            return timezone.localtime(self.last_published_at).date()
        return self.date

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        from practice_site.models import PracticeSettings

        context["citation"] = self.citation(request, PracticeSettings.for_request(request))
        self.prefetch_image_renditions()
        context["related"] = self.related_articles()
        return context

    def edge_cache_related_pages(self):
        """Live articles whose page may show this one (practice_site/edge_cache.py): those that
        link to it as related, and those sharing a category or a tag with it."""
        shared = models.Q(categories__in=self.categories.all()) | models.Q(
            tagged_items__tag__in=self.tags.all()
        )
        linking = models.Q(related_links__post=self)
        return BlogPage.objects.live().filter(shared | linking).exclude(pk=self.pk).distinct()

    def related_articles(self):
        from .related import related_posts

        # Real querysets stay subqueries (one query in all); in a preview they are in memory.
        chosen = self.related_links.all()
        if not isinstance(chosen, QuerySet):
            chosen = [link.post_id for link in chosen]
        return related_posts(chosen, self.categories.all(), self.tags.all(), exclude_ids=[self.pk])

    # URLs and metadata ------------------------------------------------------------------------

    def index_url(self, request=None):
        """The blog index URL, derived from this page's own URL (no query for the parent)."""
        url = self.get_url(request) or ""
        return url[: len(url) - len(self.slug) - 1] if url.endswith(f"{self.slug}/") else "/blog/"

    def category_url(self, category, request=None):
        return f"{self.index_url(request)}category/{category.slug}/"

    def author_url(self, author, request=None):
        return f"{self.index_url(request)}author/{author.slug}/"

    def breadcrumbs(self):
        """Home › Blog › first category › title."""
        if not hasattr(self, "_crumbs"):
            index = getattr(self, "blog_index", None)
            crumbs = list(index.crumb_base) if index and index.crumb_base else super().breadcrumbs()[:-1]
            if self.category_list:
                first = self.category_list[0]
                crumbs.append((first.name, self.category_url(first)))
            self._crumbs = crumbs + [(self.title, self.url)]
        return self._crumbs

    def citation(self, request, practice):
        return apa_citation(
            self.authors, self.date, self.title, practice.practice_name, self.get_full_url(request)
        )

    def get_structured_data(self, request, practice):
        url = self.get_full_url(request)
        index_url = url[: len(url) - len(self.slug) - 1]
        posting = {
            "@context": "https://schema.org",
            "@type": "BlogPosting",
            "headline": self.title[:110],
            "description": self.meta_description(),
            "url": url,
            # reviewedBy and lastReviewed are WebPage properties: they go on the page.
            "mainEntityOfPage": {"@type": "WebPage", "@id": url, **self.review_data()},
            "datePublished": self.date.isoformat(),
            "dateModified": self.modified_date.isoformat(),
            "author": [_person(author, f"{index_url}author/{author.slug}/") for author in self.authors],
            "publisher": clinic_reference(practice, request),
            "wordCount": word_count(self.body),
            "articleSection": [c.name for c in self.category_list],
            "keywords": [t.name for t in self.tag_list],
            "inLanguage": "en-US",
        }
        citations = self.citation_data()
        if citations:
            posting["citation"] = citations
        if self.hero_image:
            rendition = self.hero_image.get_rendition("fill-1200x675")
            posting["image"] = request.build_absolute_uri(rendition.url)
        return [posting, breadcrumb_list(request, self.breadcrumbs())]


def _person(author, url):
    return author.schema_person(url)


def as_datetime(day):
    """Midnight in the practice's time zone on `day` (feeds want datetimes)."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))
