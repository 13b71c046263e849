"""The plain-language check: a page's reading grade (Flesch-Kincaid) and the stigmatizing words
in it (words_matter.py), shown to editors at the top of the edit form and in a report.

It reads the page's own prose: title, summary, hero text and intro, and the body's blocks.
It leaves out the words of other people: the first-person pain point (SpecialtyPage.pain_point,
a separate field) and quotation blocks, and the reference list. It informs; it never blocks
saving or publishing.

Spanish pages (locale "es") get the Spanish formula and word list instead: plain_language_es.py."""

import html
import re
from dataclasses import dataclass, field

from django.utils.html import strip_tags
from wagtail import blocks
from wagtail.admin.panels import Panel

from .words_matter import find_terms

EXEMPT_BLOCK_TYPES = {"quote"}  # other people's words, quoted as they said them
TEXT_FIELDS = ["hero_heading", "hero_text", "intro"]
BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|dt|dd|summary|blockquote|figcaption|div|section)>|<br\s*/?>", re.I)
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+")
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d+")


def html_to_lines(markup):
    """Plain text, one line per paragraph, list item or heading."""
    text = BLOCK_END.sub("\n", str(markup))
    return [line.strip() for line in html.unescape(strip_tags(text)).splitlines() if line.strip()]


def syllables(word):
    """An estimate good enough for a reading grade (vowel groups, minus a silent final e)."""
    word = re.sub(r"[^a-z]", "", word.lower())
    if not word:
        return 0
    if len(word) <= 3:
        return 1
    word = re.sub(r"(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$", "", word)
    word = re.sub(r"^y", "", word)
    return max(1, len(re.findall(r"[aeiouy]{1,2}", word)))


def count_text(lines, *, sentence_end=SENTENCE_END, word=WORD, count_syllables=None):
    """(sentences, words, syllables) in `lines`, for a readability formula: a line without a full
    stop (a heading, a list item) is one sentence, and numbers are not words. The Spanish check
    passes its own patterns and syllable counter."""
    count_syllables = count_syllables or syllables
    sentences = words = syllable_count = 0
    for line in lines:
        for sentence in sentence_end.split(line):
            sentence_words = [w for w in word.findall(sentence) if not w.isdigit()]
            if not sentence_words:
                continue
            sentences += 1
            words += len(sentence_words)
            syllable_count += sum(count_syllables(w) for w in sentence_words)
    return sentences, words, syllable_count


def reading_grade(lines):
    """Flesch-Kincaid grade level of `lines`, or None when there are no words."""
    sentences, words, syllable_count = count_text(lines)
    if not words:
        return None
    grade = 0.39 * (words / sentences) + 11.8 * (syllable_count / words) - 15.59
    return round(max(grade, 0), 1)


def page_lines(page):
    """The page's own prose, as lines (see the module docstring for what is left out)."""
    lines = [page.title]
    summary = page.summary_text() if hasattr(page, "summary_text") else ""
    if summary:
        lines += html_to_lines(summary)
    for name in TEXT_FIELDS:
        value = getattr(page, name, "")
        if value and value != summary:
            lines += html_to_lines(value)
    body = getattr(page, "body", None)
    for child in body or []:
        if child.block_type in EXEMPT_BLOCK_TYPES:
            continue
        lines += block_lines(child.block, child.value)
    return lines


def block_lines(block, value):
    """The words in a block's value, read from the value itself (no template is rendered)."""
    if value is None:
        return []
    if isinstance(block, blocks.RichTextBlock):
        return html_to_lines(value.source)
    if isinstance(block, (blocks.ChoiceBlock, blocks.MultipleChoiceBlock, blocks.URLBlock)):
        return []
    if isinstance(block, (blocks.CharBlock, blocks.TextBlock)):
        return [line.strip() for line in str(value).splitlines() if line.strip()]
    if isinstance(block, blocks.StructBlock):
        lines = []
        for name, child_block in block.child_blocks.items():
            lines += block_lines(child_block, value.get(name))
        return lines
    if isinstance(block, blocks.ListBlock):
        return [line for item in value for line in block_lines(block.child_block, item)]
    if isinstance(block, blocks.StreamBlock):
        return [line for child in value for line in block_lines(child.block, child.value)]
    return []  # images, chosen snippets and pages: no prose of this page's own


@dataclass
class PlainLanguageResult:
    grade: float | None
    terms: list = field(default_factory=list)  # [(Term, count)]
    word_count: int = 0

    @property
    def grade_ok(self):
        from django.conf import settings

        return self.grade is None or self.grade <= settings.PLAIN_LANGUAGE_MAX_GRADE

    @property
    def terms_text(self):
        return "; ".join(f"{term.term} ({count})" for term, count in self.terms)


def is_spanish(page):
    """Whether the page is in the Spanish locale (a page not saved yet has none)."""
    return bool(getattr(page, "locale_id", None)) and page.locale.language_code == "es"


def check_page(page):
    if is_spanish(page):
        from django.utils import translation

        from .plain_language_es import check_lines

        with translation.override("es"):  # a fallback summary in the words visitors see
            return check_lines(page_lines(page))
    lines = page_lines(page)
    text = "\n".join(lines)
    return PlainLanguageResult(
        grade=reading_grade(lines), terms=find_terms(text), word_count=len(WORD.findall(text))
    )


def plain_language_report(max_grade):
    """Live pages reading above `max_grade` (Spanish pages: below the Fernández-Huerta minimum)
    or using flagged words; hard-to-read pages first, hardest first."""
    from wagtail.models import Page

    rows = []
    for page in Page.objects.live().filter(depth__gt=1).specific().order_by("path"):
        result = check_page(page)
        spanish = is_spanish(page)
        if result.grade is None:
            hard = False
        else:
            hard = not result.readability_ok if spanish else result.grade > max_grade
        if hard or result.terms:
            page.grade, page.terms, page.terms_text = result.grade, result.terms, result.terms_text
            # English: the grade, highest first; Spanish: the score, lowest first.
            difficulty = (result.score or 0) if spanish else -(result.grade or 0)
            rows.append((not hard, difficulty, page))
    return [page for *_, page in sorted(rows, key=lambda row: row[:2])]


class PlainLanguagePanel(Panel):
    """Read-only, at the top of every page's edit form: the reading grade of the saved text and
    the words to reconsider, each with person-first alternatives."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("heading", "Plain language check")
        super().__init__(*args, **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "practice_site/admin/plain_language_panel.html"

        def get_context_data(self, parent_context=None):
            from django.conf import settings

            context = super().get_context_data(parent_context)
            context["check"] = check_page(self.instance)
            context["max_grade"] = settings.PLAIN_LANGUAGE_MAX_GRADE
            # Health pages also say where their clinical review stands (clinical_review.py).
            context["review"] = (
                self.instance if hasattr(self.instance, "review_state") and self.instance.pk else None
            )
            return context

        def render_html(self, parent_context=None):
            if is_spanish(self.instance):
                from django.template.loader import render_to_string

                from .plain_language_es import panel_context

                context = panel_context(self.get_context_data(parent_context))
                return render_to_string("practice_site/admin/plain_language_panel_es.html", context)
            return super().render_html(parent_context)
