"""Reading time from a StreamField's words, counted from its stored data (no rendering, no queries)."""

import math
import re

from django.utils.html import strip_tags

WORDS_PER_MINUTE = 200
_WORD = re.compile(r"[\w'’-]+")
# Keys of block values that hold settings rather than words a reader reads.
_NOT_PROSE = {"heading_level", "tone", "image", "source_url", "type", "id"}


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in _NOT_PROSE:
                yield from _strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)


def word_count(stream):
    """The number of words in a StreamField value (text in rich text counted without tags)."""
    raw = getattr(stream, "raw_data", None)
    data = list(raw) if raw is not None else []
    text = " ".join(strip_tags(s) for s in _strings([block.get("value") for block in data]))
    return len(_WORD.findall(text))


def reading_minutes(stream, words_per_minute=WORDS_PER_MINUTE):
    """Whole minutes at ~200 words a minute, never less than one."""
    return max(1, math.ceil(word_count(stream) / words_per_minute))
