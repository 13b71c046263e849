"""The contact page and (later) the inquiries it collects."""

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField

from practice_site.models import BasePage


class ContactPage(BasePage):
    """/contact/: the phone call-to-action first, then the private inquiry form."""

    intro = RichTextField(features=["bold", "italic", "link"], blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["practice_site.HomePage"]
    subpage_types = []
    max_count = 1

    def summary_text(self):
        return "Call or send a short, private message. We answer within one business day."
