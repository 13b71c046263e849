"""WCAG 2.2 AA in a real browser: axe-core on every page type at phone and desktop widths, touch
targets, reflow at 320 px and at 200% zoom, keyboard order with a visible focus indicator, and
reduced motion.

Each browser test pays for a database flush and a demo reload, so one test visits every page at
one width and collects every problem before asserting, with a message naming page, rule and
elements."""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# And axe's best-practice rules for structure: landmarks, one h1, heading order, a skip link.
STRUCTURE_RULES = [
    "page-has-heading-one",
    "heading-order",
    "empty-heading",
    "landmark-one-main",
    "landmark-unique",
    "landmark-no-duplicate-banner",
    "landmark-no-duplicate-contentinfo",
    "landmark-no-duplicate-main",
    "landmark-banner-is-top-level",
    "landmark-contentinfo-is-top-level",
    "landmark-main-is-top-level",
    "landmark-complementary-is-top-level",
    "region",
    "skip-link",
]
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": WCAG_TAGS},
    "rules": {rule: {"enabled": True} for rule in STRUCTURE_RULES},
    "resultTypes": ["violations"],
}

CONTACT_WITH_ERRORS = "/contact/ (submitted empty)"
# One page of every type a visitor meets (the ten the issue names, then two content pages). The
# article is whichever the blog index lists first.
PAGES = [
    "/",
    "/specialties/",
    "/specialties/addiction-and-intimacy-framework/",
    "/blog/",
    "article",
    "/blog/category/recovery/",
    CONTACT_WITH_ERRORS,
    "/contact/thanks/",
    "/search/?q=family",
    "/no-such-page/",
    "/about/",  # the standard content page, with clinician profiles
    "/faq/",  # the standard content page, with questions and answers
    "/is-this-the-right-place/",  # where to go instead: crisis lines, withdrawal, naloxone
    "/specialties/sex-addiction-and-attachment/",  # references and the reviewed-by line
]

# Interactive elements in the page furniture and forms, at least 24x24 CSS px (WCAG 2.5.8).
# A link inside a sentence is exempt (its size is set by the line of text around it), and so is
# anything the visitor cannot see (the skip link before it has focus, the spam trap).
SMALL_TARGETS_JS = """() => {
  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary';
  const scopes = 'header, nav, footer, form';
  const small = [];
  const inSentence = (el) => {
    const block = el.parentElement && el.parentElement.closest('p, li, dd, td, label, address');
    if (!block) return false;
    const own = el.textContent.replace(/\\s+/g, ' ').trim();
    const all = block.textContent.replace(/\\s+/g, ' ').trim();
    return el.tagName === 'A' && all.length > own.length;
  };
  for (const el of document.querySelectorAll(selector)) {
    if (!el.closest(scopes)) continue;
    if (!el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})) continue;
    const r = el.getBoundingClientRect();
    if (r.right <= 0 || r.bottom <= 0 || r.left >= innerWidth + scrollX + 1) continue;  // off screen
    if (inSentence(el)) continue;
    if (r.width < 24 || r.height < 24) {
      const name = (el.getAttribute('aria-label') || el.textContent || el.name || el.id || '').trim();
      small.push(`${el.tagName.toLowerCase()} "${name.slice(0, 40)}" ${r.width.toFixed(1)}x${r.height.toFixed(1)}`);
    }
  }
  return small;
}"""

OVERFLOW_JS = """() => {
  const doc = document.scrollingElement;
  if (doc.scrollWidth <= innerWidth) return [];
  // Name the elements that stick out past the right edge, to say what to fix.
  const wide = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.right > innerWidth + 1 && r.width > 0) {
      wide.push(el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ')[0] : ''));
    }
  }
  return [`scrollWidth ${doc.scrollWidth} > ${innerWidth}`, ...wide.slice(0, 5)];
}"""


# Every error message is tied to its field (aria-describedby, on the input or its fieldset), every
# invalid field is described by its message, and the error summary links to fields that exist.
ERROR_WIRING_JS = """() => {
  const out = [];
  const describedBy = (el) => (el.getAttribute('aria-describedby') || '').split(/\\s+/).filter(Boolean);
  const isError = (id) => !!document.getElementById(id)?.classList.contains('field__error');
  for (const err of document.querySelectorAll('.field__error')) {
    if (!err.id || !document.querySelector(`[aria-describedby~="${err.id}"]`))
      out.push(`error "${err.textContent.trim()}" is not tied to a field`);
  }
  for (const el of document.querySelectorAll('input[aria-invalid="true"], select[aria-invalid="true"], textarea[aria-invalid="true"]')) {
    const group = el.closest('fieldset');
    if (!describedBy(el).some(isError) && !(group && describedBy(group).some(isError)))
      out.push(`#${el.id} is invalid but not described by its error`);
  }
  for (const a of document.querySelectorAll('#error-summary a')) {
    if (!document.getElementById((a.getAttribute('href') || '').replace(/^#/, '')))
      out.push(`the error summary links to a missing ${a.getAttribute('href')}`);
  }
  if (!document.querySelectorAll('[aria-invalid="true"]').length) out.push('no field is marked aria-invalid');
  return out;
}"""


def _open(page, base_url, path):
    """Open one page; the contact page is submitted empty so its error messages show."""
    if path == "article":
        page.goto(base_url + "/blog/")
        href = page.locator("main .post-list .card__title a").first.get_attribute("href")
        assert href and href.startswith("/blog/"), "the blog index lists no article"
        page.goto(base_url + href)
        return href
    if path == CONTACT_WITH_ERRORS:
        page.goto(base_url + "/contact/")
        page.get_by_role("button", name="Send my message").click()
        page.wait_for_load_state()
        assert page.locator("#error-summary").is_visible(), "the empty contact form showed no errors"
        assert page.locator(".field__error").count() >= 3
        # The page moves focus (and the view) to the error summary. Checked from the top like
        # every other page: scrolled, the masthead's links pass beneath the sticky top bar and
        # axe counts the half-hidden links as too small to tap, though nobody taps them there.
        page.wait_for_function("document.activeElement && document.activeElement.id === 'error-summary'")
        page.evaluate("window.scrollTo(0, 0)")
        return path
    response = page.goto(base_url + path)
    expected = 404 if path == "/no-such-page/" else 200
    assert response.status == expected, f"{path} answered {response.status}"
    return path


def _axe_problems(page, label, axe):
    problems = []
    for violation in axe.run(page, options=AXE_OPTIONS).response["violations"]:
        targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:6])
        problems.append(f"{label}: {violation['id']} ({violation['impact']}) on {targets}")
    return problems


def _check_every_page(page, base_url, width, narrow):
    """axe and touch targets at `width`, then reflow at the narrow width (320 px, or 640 px for
    1280 px at 200% zoom): every problem on every page, collected."""
    axe = Axe()
    problems = []
    for path in PAGES:
        page.set_viewport_size(width)
        label = _open(page, base_url, path) + f" @{width['width']}px"
        problems += _axe_problems(page, label, axe)
        problems += [f"{label}: target smaller than 24x24: {t}" for t in page.evaluate(SMALL_TARGETS_JS)]
        if path == CONTACT_WITH_ERRORS:
            problems += [f"{label}: {p}" for p in page.evaluate(ERROR_WIRING_JS)]
        page.set_viewport_size(narrow)
        problems += [
            f"{label}: cut off at {narrow['width']}px: {', '.join(o)}"
            for o in [page.evaluate(OVERFLOW_JS)]
            if o
        ]
    return problems


@pytest.fixture
def lifted_form_limits(settings):
    settings.CONTACT_MIN_FILL_SECONDS = 0
    settings.CONTACT_RATE_LIMIT = "1000/60"


def test_every_page_type_passes_axe_and_reflows_at_phone_width(live_demo, phone_page, lifted_form_limits):
    problems = _check_every_page(
        phone_page, live_demo.url, {"width": 360, "height": 740}, {"width": 320, "height": 740}
    )
    assert not problems, "Accessibility problems at phone width:\n" + "\n".join(problems)


def test_every_page_type_passes_axe_and_survives_200_percent_zoom_at_desktop_width(
    live_demo, desktop_page, lifted_form_limits
):
    # 1280 px at 200% zoom lays out exactly like a 640 px wide viewport.
    problems = _check_every_page(
        desktop_page, live_demo.url, {"width": 1280, "height": 800}, {"width": 640, "height": 400}
    )
    assert not problems, "Accessibility problems at desktop width:\n" + "\n".join(problems)


FOCUS_STYLE_JS = """(el) => {
  const s = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  return {
    text: el.textContent.replace(/\\s+/g, ' ').trim(),
    href: el.getAttribute('href'),
    inNav: !!el.closest('nav[aria-label="Main"]'),
    outlineStyle: s.outlineStyle,
    outlineWidth: parseFloat(s.outlineWidth),
    boxShadow: s.boxShadow,
    inViewport: r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0
      && r.bottom <= innerHeight && r.right <= innerWidth,
  };
}"""


def _focus_is_visible(focused, unfocused):
    outline = focused["outlineStyle"] != "none" and focused["outlineWidth"] >= 2
    shadow = focused["boxShadow"] != "none" and focused["boxShadow"] != unfocused["boxShadow"]
    changed = (focused["outlineStyle"], focused["outlineWidth"], focused["boxShadow"]) != (
        unfocused["outlineStyle"],
        unfocused["outlineWidth"],
        unfocused["boxShadow"],
    )
    return (outline or shadow) and changed and focused["inViewport"]


# At one focus stop: an outline of at least 2 px with 3:1 contrast against what is behind it
# (1.4.11), and the focused element not covered by anything, such as the sticky top bar (2.4.11).
FOCUS_STOP_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el.id === 'main') return null;
  const lum = (c) => {
    const m = c.match(/[\\d.]+/g).map(Number);
    const [r, g, b] = m.slice(0, 3).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const bgOf = (node) => {
    for (let n = node; n; n = n.parentElement) {
      const c = getComputedStyle(n).backgroundColor;
      const a = c.match(/[\\d.]+/g).map(Number);
      if (a.length < 4 || a[3] > 0.5) return c;
    }
    return 'rgb(255, 255, 255)';
  };
  const name = `${el.tagName.toLowerCase()} "${(el.textContent || el.name || el.id).replace(/\\s+/g, ' ').trim().slice(0, 30)}"`;
  const out = [];
  // The ring is on the element itself, or on a card around it that shows :focus-within.
  const ringed = (n) => { const t = getComputedStyle(n); return t.outlineStyle !== 'none' && parseFloat(t.outlineWidth) >= 2; };
  let ring = el;
  while (ring && !ringed(ring)) ring = ring.parentElement;
  if (!ring || ring === document.body || ring === document.documentElement) {
    const s = getComputedStyle(el);
    out.push(`${name}: no outline (${s.outlineStyle} ${s.outlineWidth}, shadow ${s.boxShadow})`);
  } else {
    const s = getComputedStyle(ring);
    const behind = parseFloat(s.outlineOffset) > 0 ? bgOf(ring.parentElement) : bgOf(ring);
    const [a, b] = [lum(s.outlineColor), lum(behind)].sort((x, y) => y - x);
    const ratio = (a + 0.05) / (b + 0.05);
    if (ratio < 3) out.push(`${name}: focus outline ${s.outlineColor} on ${behind} is ${ratio.toFixed(2)}:1`);
  }
  const r = el.getBoundingClientRect();
  const bar = document.querySelector('.topbar');
  const barBottom = bar && getComputedStyle(bar).position === 'sticky' ? bar.getBoundingClientRect().bottom : 0;
  const top = document.elementFromPoint(Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1), Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1));
  if (top && !el.contains(top) && !top.contains(el)) out.push(`${name}: covered by ${top.tagName.toLowerCase()}.${top.className}`);
  if (r.top >= innerHeight || r.bottom <= 0) out.push(`${name}: off screen`);
  return out.length ? out : null;
}"""

FOCUSABLE_COUNT_JS = """() => [...document.querySelectorAll(
  'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])'
)].filter((el) => el.checkVisibility()).length"""


def _walk_every_focus_stop(page, url):
    """Tab through the whole page and Shift+Tab back to the top; the problems at each stop."""
    page.goto(url)
    stops = page.evaluate(FOCUSABLE_COUNT_JS) + 1  # + the skip link, hidden until focused
    problems = []
    for key in ["Tab"] * stops + ["Shift+Tab"] * stops:
        page.keyboard.press(key)
        problems += [f"{url} ({key}): {p}" for p in page.evaluate(FOCUS_STOP_JS) or []]
    return list(dict.fromkeys(problems))


def _tab_through_the_header(page, url):
    """Tab from the top of the page until the last main-navigation link; each stop must show a
    focus indicator. Returns what was focused, in order."""
    page.goto(url)
    nav_texts = page.locator("nav[aria-label='Main'] a").all_inner_texts()
    assert len(nav_texts) >= 4, "the main navigation has fewer than four links"
    seen = []
    for step in range(len(nav_texts) + 4):  # skip link, phone, perhaps the home link, the nav
        page.keyboard.press("Tab")
        handle = page.evaluate_handle("document.activeElement")
        focused = page.evaluate(FOCUS_STYLE_JS, handle)
        handle.evaluate("el => el.blur()")
        unfocused = page.evaluate(FOCUS_STYLE_JS, handle)
        handle.evaluate("el => el.focus()")
        assert _focus_is_visible(focused, unfocused), (
            f"Tab {step + 1} reached {focused['text']!r} without a visible focus indicator: "
            f"focused {focused}, unfocused {unfocused}"
        )
        seen.append(focused)
        if focused["inNav"] and focused["text"] == nav_texts[-1]:
            break
    assert seen[0]["text"] == "Skip to main content", f"the first Tab reached {seen[0]['text']!r}"
    assert (seen[1]["href"] or "").startswith("tel:"), f"the second Tab reached {seen[1]['text']!r}"
    nav_seen = [s["text"] for s in seen if s["inNav"]]
    assert nav_seen == nav_texts, f"Tab reached the navigation as {nav_seen}, expected {nav_texts}"
    # Nothing but the language switcher (issue 17: the same page in the other language, beside
    # the phone) and the home link (the practice name) sits between the phone and the navigation.
    switcher = page.locator("a.lang-switch")
    switch_hrefs = switcher.evaluate_all("links => links.map((a) => a.getAttribute('href'))")
    between = [s["href"] for s in seen[2:] if not s["inNav"] and s["href"] not in switch_hrefs]
    assert between in ([], ["/"]), f"Tab stopped at {between} between the phone link and the navigation"
    return seen


def test_keyboard_reaches_skip_link_phone_and_navigation_and_every_focus_stop_is_visible_and_motion_can_be_reduced(
    live_demo, browser
):
    problems = []
    for viewport in ({"width": 360, "height": 740}, {"width": 1280, "height": 800}):
        context = browser.new_context(viewport=viewport)
        try:
            page = context.new_page()
            _tab_through_the_header(page, live_demo.url + "/")
            for path in ["/", "/specialties/", "/contact/", "/blog/category/recovery/"]:
                problems += [
                    f"@{viewport['width']}px {p}" for p in _walk_every_focus_stop(page, live_demo.url + path)
                ]
        finally:
            context.close()
    assert not problems, "Focus problems:\n" + "\n".join(problems)

    viewport = {"width": 1280, "height": 800}
    # Someone who asked their system for less motion gets no animation or transition at all.
    context = browser.new_context(viewport=viewport, reduced_motion="reduce")
    try:
        page = context.new_page()
        moving = []
        for path in ["/", "/specialties/", "/contact/"]:
            page.goto(live_demo.url + path)
            moving += [
                f"{path}: {m}"
                for m in page.evaluate(
                    """() => {
                      const secs = (v) => Math.max(...v.split(',').map((x) => parseFloat(x) || 0));
                      const out = [];
                      for (const el of [document.documentElement, ...document.body.querySelectorAll('*')]) {
                        for (const pseudo of [null, '::before', '::after']) {
                          const s = getComputedStyle(el, pseudo);
                          if (secs(s.transitionDuration) > 0 || secs(s.animationDuration) > 0)
                            out.push(`${el.tagName.toLowerCase()}${pseudo || ''}.${el.className}`);
                        }
                      }
                      if (getComputedStyle(document.documentElement).scrollBehavior === 'smooth')
                        out.push('html scroll-behavior: smooth');
                      return out;
                    }"""
                )
            ]
            assert page.evaluate("matchMedia('(prefers-reduced-motion: reduce)').matches"), (
                "the browser did not report reduced motion"
            )
        assert not moving, "Animated with reduced motion on:\n" + "\n".join(moving[:20])
    finally:
        context.close()
