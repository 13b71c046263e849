"""Words and phrases that mean an inquiry may come from someone in danger right now.

Matched case-insensitively on whole words/phrases (so "overdose" matches but "overdosed" needs
its own entry, and "cutting" alone does not match). Keep the list short and specific: a match
makes the inquiry urgent for intake staff and leads the thanks page with 911 and 988; a false
positive costs little, a miss costs much more. Review it with the clinical team now and then."""

import re
import unicodedata

CRISIS_PHRASES = [
    # suicide
    "suicide",
    "suicidal",
    "kill myself",
    "killing myself",
    "end my life",
    "ending my life",
    "take my own life",
    "taking my own life",
    "want to die",
    "wanna die",
    "better off dead",
    "don't want to live",
    "dont want to live",
    "no reason to live",
    # self-harm
    "self-harm",
    "self harm",
    "selfharm",
    "hurt myself",
    "hurting myself",
    "harm myself",
    "cutting myself",
    "cut myself",
    # overdose
    "overdose",
    "overdosed",
    "overdosing",
    "od'd",
    "od’d",
    "o.d.",
    # Spanish (the form at /es/contact/), with and without accents as people type on a phone
    "suicidio",
    "suicida",
    "suicidarme",
    "matarme",
    "quitarme la vida",
    "acabar con mi vida",
    "terminar con mi vida",
    "quiero morir",
    "quiero morirme",
    "me quiero morir",
    "no quiero vivir",
    "no quiero seguir viviendo",
    "mejor muerto",
    "mejor muerta",
    "hacerme daño",
    "hacerme dano",
    "lastimarme",
    "cortarme",
    "autolesión",
    "autolesion",
    "autolesiones",
    "sobredosis",
]


def _normalise(text):
    """Fold Unicode look-alikes and typographic apostrophes, collapse whitespace."""
    text = unicodedata.normalize("NFKC", str(text or "")).replace("\u2019", "'").casefold()
    return " ".join(text.split())


def _phrase_pattern(phrase):
    words = [re.escape(word) for word in _normalise(phrase).split()]
    # Hyphens/spaces between words are interchangeable ("self harm", "self-harm").
    body = r"[\s\-]+".join(words)
    return rf"(?<![\w']){body}(?![\w'])"


_CRISIS_RE = re.compile("|".join(_phrase_pattern(p) for p in CRISIS_PHRASES))


def is_crisis_message(text):
    """True when the text mentions suicide, self-harm or overdose (see CRISIS_PHRASES)."""
    if not text:
        return False
    return bool(_CRISIS_RE.search(_normalise(text)))
