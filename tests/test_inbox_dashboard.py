"""The intake dashboard: counts with spam of the last 30 days, and the 12-week picture drawn on
the server (SVG with a table as its text alternative, no script)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from contact.dashboard import hours_text, weekly_picture
from tests.contact_helpers import editor_user
from tests.inbox_helpers import make_inquiry, sign_in, staff

pytestmark = pytest.mark.django_db


def test_weekly_picture_counts_weeks_and_median_time_to_first_contact():
    now = timezone.now()
    for hours_ago, reached_after in [(1, 2), (3, 4), (24 * 7 + 1, 30), (24 * 100, 1)]:
        inquiry = make_inquiry(hours_ago=hours_ago)
        inquiry.first_contact_at = inquiry.created_at + timedelta(hours=reached_after)
        inquiry.save()
    make_inquiry("Spam", status="spam")
    picture = weekly_picture(now)
    assert len(picture["weeks"]) == 12
    assert picture["total"] == 3  # the 100-day-old one and the spam are left out
    assert picture["contacted"] == 3
    assert picture["median_text"] == "4 h"


def test_hours_text_reads_plainly():
    assert hours_text(0.5) == "30 min" and hours_text(5.25) == "5 h 15 min" and hours_text(72) == "3.0 days"


def test_intake_staff_see_the_chart_panel_with_a_text_alternative_and_no_script(client):
    make_inquiry()
    sign_in(client, staff("maya", "Maya", "Okafor"))
    html = client.get("/admin/").content.decode()
    panel = html.split('aria-labelledby="inquiries-weekly-heading"')[1].split("</section>")[0]
    assert '<svg viewBox="-16 0 632 220"' in panel and 'role="img"' in panel
    assert "<table>" in panel and "Median wait for first contact" in panel
    assert "1 inquiry arrived in the last 12 weeks" in panel
    assert "<script" not in panel
    assert "filed as spam in the last 30 days" in html


def test_editors_see_neither_panel(client):
    client.force_login(editor_user())
    html = client.get("/admin/").content.decode()
    assert "inquiries-weekly-heading" not in html and "filed as spam" not in html
