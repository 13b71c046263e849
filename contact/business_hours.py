"""The response promise: when an inquiry is due, from the practice's business hours.

Business hours are the opening hours in Settings → Practice settings (days, opens, closes), read
in the practice's time zone (settings.TIME_ZONE). A *business day* is a day that has opening
hours. With no hours entered at all, Monday to Friday, 9 am to 5 pm is assumed. Public holidays
are not known: a holiday counts as a business day unless its weekday has no hours.

The promise is `INTAKE_RESPONSE_BUSINESS_DAYS` business days (default 1):

- An inquiry that arrives **within business hours** is due at the same time of day, that many
  business days later (Tuesday 10:15 → Wednesday 10:15; Friday 3 pm → Monday 3 pm). If that
  time is outside the later day's hours (shorter hours that day), it is due when that day's
  hours begin or end, whichever is nearer.
- An inquiry that arrives **outside business hours** (evening, night, early morning, weekend) is
  due at the close of the business day that many business days later, counting the first
  business day that begins after it arrived as the first (Monday 8 pm → close on Tuesday;
  Friday 11 pm or Saturday → close on Monday; Monday 7 am, before opening → close on Monday).
"""

import os
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
DEFAULT_WINDOWS = {day: [(time(9), time(17))] for day in range(5)}
# Far enough to find a business day in any week that has one.
SEARCH_DAYS = 400


def practice_zone():
    return ZoneInfo(settings.TIME_ZONE)


def promise_days():
    """The promise in business days: the INTAKE_RESPONSE_BUSINESS_DAYS setting, else the
    environment variable of that name, else 1 (what the thanks page tells visitors)."""
    configured = getattr(settings, "INTAKE_RESPONSE_BUSINESS_DAYS", None)
    if configured is None:
        configured = os.environ.get("INTAKE_RESPONSE_BUSINESS_DAYS") or 1
    try:
        return max(1, int(configured))
    except (TypeError, ValueError):
        return 1


def windows_from_opening_hours(opening_hours):
    """{weekday number: [(opens, closes), ...]} from PracticeSettings.opening_hours."""
    windows = {}
    for child in opening_hours or []:
        value = child.value
        opens, closes = value.get("opens"), value.get("closes")
        if not opens or not closes or closes <= opens:
            continue
        for day in value.get("days") or []:
            if day in WEEKDAYS:
                windows.setdefault(WEEKDAYS.index(day), []).append((opens, closes))
    return {day: sorted(spans) for day, spans in windows.items()} or DEFAULT_WINDOWS


def practice_windows():
    """The default site's business hours (DEFAULT_WINDOWS when there is no site or no hours)."""
    from wagtail.models import Site

    from practice_site.models import PracticeSettings

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return DEFAULT_WINDOWS
    return windows_from_opening_hours(PracticeSettings.for_site(site).opening_hours)


def _day_bounds(day, windows, zone):
    spans = windows.get(day.weekday())
    if not spans:
        return None
    start = datetime.combine(day, spans[0][0], tzinfo=zone)
    end = datetime.combine(day, max(close for _, close in spans), tzinfo=zone)
    return start, end


def is_within_hours(moment, windows, zone=None):
    zone = zone or practice_zone()
    local = moment.astimezone(zone)
    return any(opens <= local.time() < closes for opens, closes in windows.get(local.weekday(), []))


def _business_days_from(first_day, windows):
    day = first_day
    for _ in range(SEARCH_DAYS):
        if windows.get(day.weekday()):
            yield day
        day += timedelta(days=1)


def compute_due_at(arrived, windows=None, days=None, zone=None):
    """When an inquiry that arrived at `arrived` (aware datetime) is due: see the module's
    docstring for the rule. Returns an aware datetime in the practice's zone."""
    windows = windows or DEFAULT_WINDOWS
    days = promise_days() if days is None else days
    zone = zone or practice_zone()
    local = arrived.astimezone(zone)
    in_hours = is_within_hours(local, windows, zone)
    today = _day_bounds(local.date(), windows, zone)
    # The first business day counted: tomorrow's or later, except before today's opening.
    before_opening_today = not in_hours and today is not None and local < today[0]
    first = local.date() if before_opening_today else local.date() + timedelta(days=1)
    for counted, day in enumerate(_business_days_from(first, windows), start=1):
        if counted < days:
            continue
        start, end = _day_bounds(day, windows, zone)
        if not in_hours:
            return end
        same_time = datetime.combine(day, local.time(), tzinfo=zone)
        return min(max(same_time, start), end)
    raise ValueError("No business day found within a year: check the practice's opening hours.")
