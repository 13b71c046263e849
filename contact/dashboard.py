"""The intake staff's dashboard panels: today's counts (with spam of the last 30 days, so an
inquiry filed as spam by mistake is noticed) and a picture of the last 12 weeks (inquiries per
week, and how fast the first contact came against the promise).

The chart is SVG drawn on the server with a table as its text alternative: no script at all."""

from datetime import timedelta
from statistics import median

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from wagtail.admin.ui.components import Component

from .business_hours import promise_days
from .models import Inquiry

WEEKS = 12
CHART_WIDTH, CHART_HEIGHT, CHART_TOP, CHART_BOTTOM = 600, 220, 26, 44


def hours_text(hours):
    if hours is None:
        return "—"
    if hours < 1:
        return f"{round(hours * 60)} min"
    if hours < 48:
        whole = int(hours)
        minutes = round((hours - whole) * 60)
        return f"{whole} h {minutes} min" if minutes else f"{whole} h"
    return f"{hours / 24:.1f} days"


def weekly_picture(now=None):
    """Per week (Monday to Sunday, practice time), oldest first: inquiries that arrived (not
    spam), how many got a first contact, the median hours to it, and how many by the due time."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    first_monday = today - timedelta(days=today.weekday()) - timedelta(weeks=WEEKS - 1)
    zone = timezone.get_current_timezone()
    start = timezone.make_aware(timezone.datetime.combine(first_monday, timezone.datetime.min.time()), zone)
    rows = (
        Inquiry.objects.exclude(status=Inquiry.Status.SPAM)
        .filter(created_at__gte=start)
        .values_list("created_at", "first_contact_at", "due_at")
    )
    weeks = [
        {"start": first_monday + timedelta(weeks=n), "count": 0, "waits": [], "on_time": 0}
        for n in range(WEEKS)
    ]
    all_waits, on_time, contacted = [], 0, 0
    for created_at, first_contact_at, due_at in rows:
        index = (timezone.localdate(created_at) - first_monday).days // 7
        if not 0 <= index < WEEKS:
            continue
        week = weeks[index]
        week["count"] += 1
        if first_contact_at:
            wait = max(0.0, (first_contact_at - created_at).total_seconds() / 3600)
            week["waits"].append(wait)
            all_waits.append(wait)
            contacted += 1
            if due_at is None or first_contact_at <= due_at:
                week["on_time"] += 1
                on_time += 1
    for week in weeks:
        week["median_hours"] = median(week["waits"]) if week["waits"] else None
        week["median_text"] = hours_text(week["median_hours"])
        week["contacted"] = len(week["waits"])
        week["label"] = week["start"].strftime("%b %-d")
    return {
        "weeks": weeks,
        "total": sum(week["count"] for week in weeks),
        "median_text": hours_text(median(all_waits)) if all_waits else None,
        "contacted": contacted,
        "on_time": on_time,
        "promise_days": promise_days(),
    }


def chart_bars(weeks):
    """Bar geometry for the SVG (no script: the server does the arithmetic)."""
    top = max([week["count"] for week in weeks] + [1])
    plot_height = CHART_HEIGHT - CHART_TOP - CHART_BOTTOM
    slot = CHART_WIDTH / len(weeks)
    bars = []
    for n, week in enumerate(weeks):
        height = round(plot_height * week["count"] / top, 1)
        x = round(n * slot + slot * 0.15, 1)
        bars.append(
            {
                "x": x,
                "width": round(slot * 0.7, 1),
                "y": round(CHART_TOP + plot_height - height, 1),
                "height": height,
                "label_x": round(n * slot + slot / 2, 1),
                "count": week["count"],
                "label": week["label"],
                "show_label": n % 2 == (len(weeks) - 1) % 2,
            }
        )
    return bars


class IntakeCountsPanel(Component):
    """New inquiries and the urgent ones, overdue, due today, and spam of the last 30 days."""

    name = "inquiries"
    order = 50

    def render_html(self, parent_context=None):
        now = timezone.now()
        new = Inquiry.objects.filter(status=Inquiry.Status.NEW)
        index_url = reverse("inquiries:index")
        context = {
            "new": new.count(),
            "urgent": new.filter(is_urgent=True).count(),
            "overdue": Inquiry.objects.overdue(now).count(),
            "due_today": Inquiry.objects.due_today(now).count(),
            "spam_30_days": Inquiry.objects.filter(
                status=Inquiry.Status.SPAM, created_at__gte=now - timedelta(days=30)
            ).count(),
            "new_url": f"{index_url}?status=new",
            "urgent_url": f"{index_url}?status=new&is_urgent=true",
            "overdue_url": f"{index_url}?due=overdue",
            "due_today_url": f"{index_url}?due=today",
            "spam_url": f"{index_url}?status=spam&created_at_after={(now - timedelta(days=30)).date().isoformat()}",
        }
        return mark_safe(render_to_string("contact/admin/inquiries_panel.html", context))


class WeeklyPicturePanel(Component):
    name = "inquiries_weekly"
    order = 60

    def render_html(self, parent_context=None):
        picture = weekly_picture()
        context = {
            **picture,
            "bars": chart_bars(picture["weeks"]),
            "chart_width": CHART_WIDTH,
            "chart_height": CHART_HEIGHT,
            "baseline_y": CHART_HEIGHT - CHART_BOTTOM,
            "label_y": CHART_HEIGHT - CHART_BOTTOM + 16,
        }
        return mark_safe(render_to_string("contact/admin/weekly_panel.html", context))
