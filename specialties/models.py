"""Specialty pages: the practice's approaches, written in the visitor's own words."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from practice_site.blocks import common_body_blocks
from practice_site.models import BasePage


class SpecialtyIndexPage(BasePage):
    """/specialties/: lists every live specialty in the admin's order."""

    intro = RichTextField(features=["bold", "italic", "link"], blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["practice_site.HomePage"]
    subpage_types = ["specialties.SpecialtyPage"]
    max_count = 1

    def specialties(self):
        return SpecialtyPage.objects.child_of(self).live().public().order_by("path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["specialties"] = self.specialties()
        return context


class SpecialtyPage(BasePage):
    """One approach or specialty (e.g. The Addiction and Intimacy Framework)."""

    summary = models.TextField(
        max_length=400, help_text="One paragraph, shown on cards and as the description."
    )
    body = StreamField(common_body_blocks(), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("summary"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["specialties.SpecialtyIndexPage"]
    subpage_types = []

    def summary_text(self):
        return self.summary
