"""Small helpers for reading rendered pages in tests."""

import json
import re
from html.parser import HTMLParser

CRISIS_MARKERS = ["911", "988", "1-800-662-4357", "1-800-487-4889"]


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.h1_count = 0
        self.tel_links = []
        self.json_ld = []
        self._in_json_ld = False
        self._buffer = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "h1":
            self.h1_count += 1
        if tag == "a" and (attrs.get("href") or "").startswith("tel:"):
            self.tel_links.append(attrs["href"])
        if tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_json_ld = True
            self._buffer = []

    def handle_endtag(self, tag):
        if tag == "script" and self._in_json_ld:
            self._in_json_ld = False
            self.json_ld.append(json.loads("".join(self._buffer)))

    def handle_data(self, data):
        if self._in_json_ld:
            self._buffer.append(data)


def parse_page(html):
    """h1 count, tel: links and parsed JSON-LD blocks of an HTML page."""
    collector = _Collector()
    collector.feed(html)
    return collector


def json_ld_types(html):
    return [block.get("@type") for block in parse_page(html).json_ld]


def text_of(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
