"""The shared vocabulary of content blocks, used by standard pages, specialty pages and articles.

Every block renders through its own template in `templates/blocks/`. Headings inside the body
are limited to h2/h3 because the page title is the one h1."""

from django.utils.html import strip_tags
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

BODY_RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3"]
SHORT_RICH_TEXT_FEATURES = ["bold", "italic", "link"]


class SectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        max_length=120, help_text="A short heading for this part of the page (shown as h2)."
    )
    heading_level = blocks.ChoiceBlock(
        choices=[("h2", "Main section (h2)"), ("h3", "Sub-section (h3)")],
        default="h2",
        help_text="Use h3 only directly under an h2 section, so the outline stays valid.",
    )
    body = blocks.RichTextBlock(
        features=BODY_RICH_TEXT_FEATURES,
        help_text="Short paragraphs and everyday words read best on a phone.",
    )

    class Meta:
        icon = "doc-full"
        label = "Section"
        template = "blocks/section_block.html"


class CalloutBlock(blocks.StructBlock):
    tone = blocks.ChoiceBlock(
        choices=[("note", "Note"), ("important", "Important"), ("help", "Getting help")],
        default="note",
        help_text="Sets the label read out before the text and the colour of the box.",
    )
    heading = blocks.CharBlock(max_length=120, required=False)
    text = blocks.RichTextBlock(features=SHORT_RICH_TEXT_FEATURES + ["ul"])

    class Meta:
        icon = "warning"
        label = "Callout"
        template = "blocks/callout_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(max_length=800, help_text="The quoted words, without quote marks.")
    attribution = blocks.CharBlock(
        max_length=120, help_text="Who said or wrote it. Never a client: no testimonials."
    )
    source = blocks.CharBlock(max_length=200, required=False, help_text="Book, article or talk (optional).")
    source_url = blocks.URLBlock(required=False, help_text="Link to the source (optional).")

    class Meta:
        icon = "openquote"
        label = "Quote"
        template = "blocks/quote_block.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        max_length=250,
        help_text="Describe the image for people who can't see it. Required.",
    )
    caption = blocks.CharBlock(max_length=250, required=False)

    class Meta:
        icon = "image"
        label = "Image with caption"
        template = "blocks/image_block.html"


class FAQItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=200)
    answer = blocks.RichTextBlock(features=SHORT_RICH_TEXT_FEATURES + ["ul"])


class FAQBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, default="Common questions")
    items = blocks.ListBlock(FAQItemBlock(), min_num=1, max_num=30)

    class Meta:
        icon = "help"
        label = "Questions and answers"
        template = "blocks/faq_block.html"
        help_text = "Pages with this block tell search engines they hold an FAQ."


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, default="You don't have to do this alone")
    text = blocks.TextBlock(
        max_length=400,
        required=False,
        help_text="One or two sentences. The practice phone number and a link to the contact "
        "page are added automatically.",
    )

    class Meta:
        icon = "mail"
        label = "Call to action"
        template = "blocks/cta_block.html"


class CliniciansBlock(blocks.StructBlock):
    """Profiles of the practice's clinicians, taken from the blog's Author snippets so each
    person's name, credentials and bio are written once."""

    heading = blocks.CharBlock(max_length=120, default="Our clinicians")
    clinicians = blocks.ListBlock(SnippetChooserBlock("blog.Author"), min_num=1, max_num=20)

    class Meta:
        icon = "group"
        label = "Clinician profiles"
        template = "blocks/clinicians_block.html"


class ReferenceBlock(blocks.StructBlock):
    """One source, in APA 7th edition fields. Listed, numbered, under "References" at the end of
    the page, and given to search engines as the page's `citation`."""

    authors = blocks.CharBlock(
        max_length=400,
        help_text="As APA writes them: “Alexander, B. K., Coambs, R. B., & Hadaway, P. F.”, or an "
        "organization: “World Health Organization”.",
    )
    year = blocks.CharBlock(max_length=20, help_text="e.g. “2019”, or “n.d.” when there is no date.")
    title = blocks.CharBlock(max_length=300, help_text="The article, chapter, book or web page title.")
    source = blocks.CharBlock(
        max_length=200,
        required=False,
        help_text="Journal, publisher or website, e.g. “Psychopharmacology” or “The National "
        "Academies Press”.",
    )
    volume = blocks.CharBlock(
        max_length=40, required=False, help_text="Journal volume and issue, e.g. “58(2)”."
    )
    pages = blocks.CharBlock(
        max_length=40, required=False, help_text="e.g. “175–179”. Leave empty if unsure."
    )
    doi = blocks.CharBlock(
        max_length=200,
        required=False,
        label="DOI",
        help_text="e.g. “10.17226/25310” (without https://doi.org/).",
    )
    url = blocks.URLBlock(required=False, label="URL", help_text="Only when there is no DOI.")

    class Meta:
        icon = "link"
        label = "Reference"
        template = "blocks/reference_block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["link"] = reference_link(value)
        return context


def reference_link(value):
    """The DOI as a link (APA 7 prefers it), else the URL."""
    doi = (value.get("doi") or "").strip()
    if doi:
        return doi if doi.startswith("http") else f"https://doi.org/{doi}"
    return value.get("url") or ""


def reference_blocks():
    return [("reference", ReferenceBlock())]


def common_body_blocks():
    """The blocks every content page may use, as (name, block) pairs for a StreamField."""
    return [
        ("section", SectionBlock()),
        ("callout", CalloutBlock()),
        ("quote", QuoteBlock()),
        ("image", ImageBlock()),
        ("faq", FAQBlock()),
        ("cta", CallToActionBlock()),
    ]


def faq_pairs(stream):
    """(question, answer as plain text) for every FAQ block in a StreamField value."""
    pairs = []
    for child in stream:
        if child.block_type == "faq":
            for item in child.value["items"]:
                pairs.append((item["question"], strip_tags(item["answer"].source).strip()))
    return pairs


def stream_text(stream):
    """All the readable words of a StreamField value (for reading time and search)."""
    return strip_tags(stream.render_as_block() if stream else "")
