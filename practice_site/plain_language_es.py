"""The plain-language check for Spanish pages: Fernández-Huerta readability and the Spanish
"Words Matter" list (words_matter_es.py).

Fernández Huerta (1959) adapted Flesch's Reading Ease to Spanish:

    L = 206.84 - 0.60 * P - 1.02 * F

with P the syllables per 100 words. F is very often printed as "sentences per 100 words", but
that would make shorter sentences score *harder*; Fernández Huerta kept Flesch's sentence term,
so F is the average number of words per sentence (Gwillim Law, "Error in the Fernandez Huerta
Readability Formula", LINGUIST List 22.2332, 2011). Scores: 90-100 muy fácil, 80-90 fácil,
70-80 bastante fácil, 60-70 normal, below 60 difficult. Our pages aim for 70 or higher.

plain_language.py calls `check_lines` for any page whose locale is Spanish; it reads the same
lines (the page's own prose, without the first-person pain point and quotations)."""

import re
import unicodedata
from dataclasses import dataclass, field

from .plain_language import count_text
from .words_matter_es import find_terms

MIN_SCORE = 70  # "bastante fácil"
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’»)]*\s+")
WORD = re.compile(r"[a-záéíóúüñ]+(?:['’-][a-záéíóúüñ]+)*|\d+", re.IGNORECASE)

STRONG = set("aeoáéóíú")  # an accented í or ú is strong: "día", "país", "reúne" break in two
WEAK = set("iuü")
LETTERS = set("abcdefghijklmnopqrstuvwxyzáéíóúüñ")


def syllables(word):
    """Syllables in a Spanish word: one per vowel group, where two strong vowels side by side
    (hiatus: "le-er", "dí-a") belong to two syllables and a weak unaccented i/u joins its
    neighbours (diphthongs and triphthongs: "cie-lo", "buey"). The u of que/qui/gue/gui is
    silent, and y is a vowel only when no vowel follows ("hoy", "muy", "y")."""
    word = unicodedata.normalize("NFC", word.lower())
    word = "".join(ch for ch in word if ch in LETTERS)
    if not word:
        return 0
    word = re.sub(r"(?<=[qg])u(?=[eéií])", "", word)
    kinds = []
    for position, ch in enumerate(word):
        following = word[position + 1] if position + 1 < len(word) else ""
        if ch in STRONG:
            kinds.append("S")
        elif ch in WEAK or (ch == "y" and following not in STRONG | WEAK and position > 0):
            kinds.append("W")
        elif ch == "y" and len(word) == 1:
            kinds.append("W")
        else:
            kinds.append("C")
    count = 0
    previous = "C"
    for kind in kinds:
        if kind != "C" and (previous == "C" or (kind == "S" and previous == "S")):
            count += 1
        previous = kind
    return max(count, 1)


def fernandez_huerta(lines):
    """Fernández-Huerta score of `lines` (a line without a full stop, such as a heading or a list
    item, is one sentence), or None when there are no words."""
    sentences, words, syllable_count = count_text(
        lines, sentence_end=SENTENCE_END, word=WORD, count_syllables=syllables
    )
    if not words:
        return None
    score = 206.84 - 0.60 * (100 * syllable_count / words) - 1.02 * (words / sentences)
    return round(score, 1)


def level(score):
    """The usual Spanish name for a Fernández-Huerta score."""
    for floor, name in ((90, "muy fácil"), (80, "fácil"), (70, "bastante fácil"), (60, "normal")):
        if score >= floor:
            return name
    return "algo difícil" if score >= 50 else "difícil"


@dataclass
class SpanishPlainLanguageResult:
    score: float | None
    terms: list = field(default_factory=list)  # [(Term, count)]
    word_count: int = 0
    language_code = "es"

    @property
    def grade(self):
        """The report's "reading grade" column: the Spanish score with its name."""
        if self.score is None:
            return None
        return f"Fernández-Huerta {self.score} ({level(self.score)})"

    @property
    def readability_ok(self):
        return self.score is None or self.score >= MIN_SCORE

    grade_ok = readability_ok

    @property
    def terms_text(self):
        return "; ".join(f"{term.term} ({count})" for term, count in self.terms)


def check_lines(lines):
    text = "\n".join(lines)
    return SpanishPlainLanguageResult(
        score=fernandez_huerta(lines), terms=find_terms(text), word_count=len(WORD.findall(text))
    )


def panel_context(context):
    """What the Spanish panel (templates/practice_site/admin/plain_language_panel_es.html) needs
    beyond the shared panel's context: the target and the score's Spanish name."""
    check = context["check"]
    return {**context, "min_score": MIN_SCORE, "level": level(check.score) if check.score is not None else ""}
