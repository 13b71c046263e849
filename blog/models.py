"""The blog: articles by the practice's clinicians."""

from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from practice_site.blocks import common_body_blocks
from practice_site.models import BasePage


class BlogIndexPage(BasePage):
    """/blog/: newest articles first."""

    intro = RichTextField(features=["bold", "italic", "link"], blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["practice_site.HomePage"]
    subpage_types = ["blog.BlogPage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["posts"] = BlogPage.objects.child_of(self).live().public().order_by("-date")
        return context


class BlogPage(BasePage):
    """One article."""

    date = models.DateField("Publication date", default=timezone.localdate)
    standfirst = models.TextField(max_length=400, help_text="A one- or two-sentence summary.")
    body = StreamField(common_body_blocks(), blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("date"),
        FieldPanel("standfirst"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("standfirst"), index.SearchField("body")]
    parent_page_types = ["blog.BlogIndexPage"]
    subpage_types = []

    def summary_text(self):
        return self.standfirst

    @classmethod
    def latest(cls, limit=3):
        """The newest live, public articles (used by the home page)."""
        return list(cls.objects.live().public().order_by("-date", "-pk")[:limit])
