"""Specialty pages: the practice's approaches, written in the visitor's own words.

Clinicians edit these in the Wagtail admin under Home → Specialties. Each page opens with a
"pain point" in the visitor's own voice, then explains the approach with structured blocks
(sections, principles, framework steps, scenarios, quotes, questions and answers)."""

from django import forms
from django.db import models
from django.db.models import QuerySet
from django.utils.html import strip_tags
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from practice_site.clinical_review import ClinicallyReviewedPage
from practice_site.models import BasePage, validate_hero_alt_text
from practice_site.publishing import DraftFriendlyPageForm

from .blocks import specialty_body_blocks


class SpecialtyIndexPage(BasePage):
    """/specialties/: lists every live, public specialty in the admin's order."""

    intro = RichTextField(
        features=["bold", "italic", "link"],
        blank=True,
        help_text="One or two sentences shown above the list of specialties.",
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["practice_site.HomePage"]
    subpage_types = ["specialties.SpecialtyPage"]
    max_count_per_parent = 1  # one per language: its home page is its parent

    def summary_text(self):
        return strip_tags(self.intro)

    def specialties(self):
        """Live children without view restrictions, in the order editors set in the admin."""
        return SpecialtyPage.objects.child_of(self).live().public().order_by("path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["specialties"] = self.specialties()
        return context


class SpecialtyPage(ClinicallyReviewedPage, BasePage):
    """One approach or specialty (e.g. The Addiction and Intimacy Framework).

    Appears at /specialties/<slug>/, as a card on the specialty index and, when featured,
    on the home page."""

    summary = models.TextField(
        max_length=400,
        help_text="One paragraph, shown under the title, on cards and as the description "
        "for search engines (unless a search description is set).",
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional. A calm photo shown under the title. Avoid faces and anything "
        "that looks like drugs, alcohol or a clinic.",
    )
    hero_alt = models.CharField(
        "Hero image alt text",
        max_length=250,
        blank=True,
        help_text="Describe the image for people who can't see it. Needed before you publish a "
        "page with an image (a draft saves without it).",
    )
    pain_point_heading = models.CharField(
        max_length=120,
        default="Maybe this sounds familiar",
        help_text="The heading of the pain point box.",
    )
    pain_point = models.TextField(
        max_length=1200,
        blank=True,
        help_text="Written in the visitor's own voice (“I keep promising myself…”), so "
        "they feel understood before we explain anything. First person, short sentences, "
        "no labels. Leave a blank line between paragraphs.",
    )
    body = StreamField(
        specialty_body_blocks(),
        blank=True,
        help_text="The approach, in blocks. Every specialty page ends with a call to action "
        "(the practice phone number and a link to the contact page), so you don't need to add "
        "one at the end. If you do end with your own “Call to action” block, it takes the place "
        "of the standard one.",
    )
    related_categories = ParentalManyToManyField(
        "blog.BlogCategory",
        blank=True,
        related_name="+",
        help_text="Blog categories whose newest articles appear under this page.",
    )
    related_tags = ClusterTaggableManager(
        through="specialties.SpecialtyPageTag",
        blank=True,
        verbose_name="Related tags",
        help_text="Blog tags whose newest articles appear under this page.",
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_alt")],
            heading="Hero image",
        ),
        MultiFieldPanel(
            [FieldPanel("pain_point_heading"), FieldPanel("pain_point")],
            heading="Pain point (the visitor's own words)",
        ),
        FieldPanel("body"),
        FieldPanel("references"),
        MultiFieldPanel(
            [
                InlinePanel("related_posts", label="Chosen article", max_num=3),
                FieldPanel("related_categories", widget=forms.CheckboxSelectMultiple),
                FieldPanel("related_tags"),
            ],
            heading="Related articles",
            help_text="Chosen articles come first; the newest articles in these categories or "
            "with these tags fill the rest (three in all).",
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("pain_point"),
        index.SearchField("body"),
    ]
    parent_page_types = ["specialties.SpecialtyIndexPage"]
    subpage_types = []
    base_form_class = DraftFriendlyPageForm

    def clean(self):
        super().clean()
        validate_hero_alt_text(self)

    @property
    def ends_with_call_to_action(self):
        """True when the editor's last body block is a call to action: it then stands in for
        the page's standard closing one, so a visitor never sees two phone boxes in a row."""
        return bool(self.body) and self.body[-1].block_type == "cta"

    def summary_text(self):
        return self.summary

    def related_articles(self):
        """Up to three live blog articles: the chosen ones, then the newest on these subjects."""
        from blog.related import related_posts

        chosen = self.related_posts.all()
        if not isinstance(chosen, QuerySet):  # a preview holds them in memory
            chosen = [link.post_id for link in chosen]
        return related_posts(chosen, self.related_categories.all(), self.related_tags.all())

    def web_page_data(self, request, practice, schema_type="MedicalWebPage"):
        """A MedicalWebPage about the treatment this page describes, published by the practice."""
        data = super().web_page_data(request, practice, schema_type=schema_type)
        data["about"] = {
            "@type": "PsychologicalTreatment",
            "name": self.title,
            "description": self.summary,
        }
        data["audience"] = {"@type": "Patient"}
        return data


class SpecialtyPageRelatedPost(Orderable):
    """A blog article an editor chose to show under a specialty page (related articles)."""

    page = ParentalKey(SpecialtyPage, on_delete=models.CASCADE, related_name="related_posts")
    post = models.ForeignKey("blog.BlogPage", on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("post", "blog.BlogPage")]


class SpecialtyPageTag(TaggedItemBase):
    """The blog tags a specialty page matches related articles on."""

    content_object = ParentalKey(SpecialtyPage, on_delete=models.CASCADE, related_name="tagged_items")
