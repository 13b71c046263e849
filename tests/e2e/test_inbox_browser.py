"""The intake inbox in a real browser: two staff on the same inquiry (the second save is refused,
nothing of the first is lost), the open view and its quick actions at 360 px and 1280 px, the
dashboard's chart panel, and axe-core on the inbox pages.

Staff are signed in with the test client (password and second factor, tests.inbox_helpers)
and its session cookie is handed to the browser context."""

from datetime import timedelta

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.test import Client
from django.utils import timezone

from contact.models import Inquiry
from tests.inbox_helpers import make_inquiry, sign_in, staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def browser_as(browser, live_server, user, width, height=800):
    client = Client()
    sign_in(client, user)
    context = browser.new_context(viewport={"width": width, "height": height})
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    return context


def axe_violations(page):
    """axe-core on the whole page: our content and Wagtail's admin around it. Wagtail's flash
    message fades in; axe measures its contrast once it has (otherwise mid-fade)."""
    page.wait_for_timeout(800)
    results = Axe().run(
        page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    )
    return [
        f"{page.url}: {v['id']} on {', '.join(' '.join(n['target']) for n in v['nodes'][:5])}"
        for v in results.response["violations"]
    ]


@pytest.fixture
def inbox(live_demo):
    maya = staff("maya", "Maya", "Okafor")
    jordan = staff("jordan", "Jordan", "Lee")
    now = timezone.now()
    inquiries = {
        "urgent": make_inquiry("Robin Example", hours_ago=0.2, is_urgent=True, phone="+15035550177"),
        "old": make_inquiry(
            "Eli Navarro", hours_ago=96, due_at=now - timedelta(days=3), ok_to_leave_voicemail=True
        ),
        "email": make_inquiry(
            "Casey Brooks",
            hours_ago=20,
            contact_method="email",
            phone="",
            email="casey@example.org",
            status="contacted",
            assigned_to=jordan,
            first_contact_at=now - timedelta(hours=10),
        ),
    }
    return {"maya": maya, "jordan": jordan, **inquiries}


def test_two_staff_save_the_same_inquiry_the_second_is_refused_and_nothing_is_lost(browser, live_demo, inbox):
    inquiry = inbox["old"]
    url = f"{live_demo.url}/admin/inquiries/edit/{inquiry.pk}/"
    maya_context = browser_as(browser, live_demo, inbox["maya"], 1280)
    jordan_context = browser_as(browser, live_demo, inbox["jordan"], 1280)
    try:
        jordan = jordan_context.new_page()
        jordan.goto(url)  # Jordan opens it first and leaves it open
        maya = maya_context.new_page()
        maya.goto(url)
        assert "Also open by" in maya.locator(".inbox-presence").inner_text()
        assert "Jordan Lee" in maya.locator(".inbox-presence").inner_text()

        maya.get_by_role("combobox", name="Status").select_option("contacted")
        maya.get_by_role("textbox", name="Add a note").fill("Court deadline on Friday, call before noon.")
        maya.get_by_role("button", name="Save").click()
        maya.wait_for_url(url)
        assert "Court deadline on Friday" in maya.locator(".inbox-timeline").inner_text()

        jordan.get_by_role("textbox", name="Add a note").fill("Tried the number, no answer.")
        jordan.get_by_role("button", name="Save").click()
        jordan.wait_for_load_state()
        conflict = jordan.locator(".inbox-conflict")
        assert conflict.is_visible()
        text = conflict.inner_text()
        assert "Not saved" in text and "Status: New → Contacted" in text and "Maya Okafor" in text
        assert "Court deadline on Friday" in text
        assert (
            jordan.get_by_role("textbox", name="Add a note").input_value() == "Tried the number, no answer."
        )
        jordan.screenshot(path="/tmp/inbox-conflict-1280.png", full_page=True)

        stored = Inquiry.objects.get(pk=inquiry.pk)
        assert stored.status == "contacted"
        assert list(stored.timeline.filter(kind="note").values_list("text", flat=True)) == [
            "Court deadline on Friday, call before noon."
        ]

        # Jordan has seen what changed; saving again now adds his note and keeps Maya's work.
        jordan.get_by_role("button", name="Save").click()
        jordan.wait_for_url(url)
        stored = Inquiry.objects.get(pk=inquiry.pk)
        assert stored.status == "contacted"
        assert list(stored.timeline.filter(kind="note").values_list("text", flat=True)) == [
            "Court deadline on Friday, call before noon.",
            "Tried the number, no answer.",
        ]
        assert axe_violations(jordan) == []
        jordan.goto(url + "spam/")  # the confirmation step
        assert jordan.get_by_role("button", name="Yes, mark as spam").is_visible()
        assert axe_violations(jordan) == []
    finally:
        maya_context.close()
        jordan_context.close()


@pytest.mark.parametrize("width", [360, 1280])
def test_open_view_quick_actions_and_chart_panel(browser, live_demo, inbox, width):
    context = browser_as(browser, live_demo, inbox["maya"], width, 740 if width == 360 else 800)
    try:
        page = context.new_page()
        page.goto(live_demo.url + "/admin/inquiries/")
        rows = page.locator("#listing-results tbody tr")
        assert rows.count() == 3
        first = rows.nth(0)
        assert "Robin Example" in first.inner_text() and "URGENT" in first.inner_text()
        assert "Eli Navarro" in rows.nth(1).inner_text()  # then the oldest due
        assert first.locator("a[href='tel:+15035550177']").is_visible()
        assert page.locator("a[href='mailto:casey@example.org']").is_visible()
        # Nothing needs sideways scrolling; every column's content is on screen.
        assert page.evaluate("document.scrollingElement.scrollWidth <= innerWidth")
        for label in ("Received", "Due", "Assigned to"):
            cell = first.locator(f"td[data-label='{label}']")
            box = cell.bounding_box()
            assert box and box["x"] >= 0 and box["x"] + 10 <= width, f"{label} is off screen at {width}px"
        assert axe_violations(page) == []
        page.screenshot(path=f"/tmp/inbox-list-{width}.png")

        # Quick actions on the old inquiry: assign to me, log a call, mark contacted.
        old = inbox["old"]
        row = page.locator("#listing-results tbody tr", has_text="Eli Navarro")
        row.get_by_role("button", name="Assign to me").click()
        page.wait_for_load_state()
        assert f"Inquiry #{old.pk}: Assigned: nobody → Maya Okafor" in page.content()
        row = page.locator("#listing-results tbody tr", has_text="Eli Navarro")
        assert "Maya Okafor" in row.locator("td[data-label='Assigned to']").inner_text()
        row.get_by_label(f"Call attempt outcome for inquiry #{old.pk}").select_option("voicemail")
        row.get_by_role("button", name="Log call").click()
        page.wait_for_load_state()
        row = page.locator("#listing-results tbody tr", has_text="Eli Navarro")
        assert "Overdue" not in row.inner_text()  # a call attempt is a first contact
        row.get_by_role("button", name="Mark contacted").click()
        page.wait_for_load_state()
        stored = Inquiry.objects.get(pk=old.pk)
        assert stored.status == "contacted" and stored.assigned_to == inbox["maya"]
        assert [e.kind for e in stored.timeline.all()] == ["assignee", "call", "status"]

        page.goto(f"{live_demo.url}/admin/inquiries/edit/{old.pk}/")
        assert [e.strip() for e in page.locator(".inbox-timeline li").all_inner_texts()][1:] != []
        assert page.evaluate("document.scrollingElement.scrollWidth <= innerWidth")
        assert axe_violations(page) == []
        page.screenshot(path=f"/tmp/inbox-inquiry-{width}.png")

        page.goto(live_demo.url + "/admin/")
        panel = page.locator("[aria-labelledby=inquiries-weekly-heading]")
        assert panel.locator("svg[role=img]").is_visible()
        assert "3 inquiries arrived in the last 12 weeks" in panel.inner_text()
        panel.locator("summary").click()
        assert panel.locator("table").is_visible()
        assert page.evaluate("document.scrollingElement.scrollWidth <= innerWidth")
        table_box, panel_box = panel.locator("table").bounding_box(), panel.bounding_box()
        assert table_box["x"] + table_box["width"] <= panel_box["x"] + panel_box["width"] + 1
        assert page.locator("script:not([src])", has_text="inquir").count() == 0
        assert axe_violations(page) == []
        page.screenshot(path=f"/tmp/inbox-dashboard-{width}.png")
    finally:
        context.close()
