"""The inbox list's columns: who, how to reach them and when, in words a coordinator reads at a
glance. Each cell carries its column's label (`data-label`), so at phone width every row turns
into a small card (contact/static/contact/inbox.css) instead of a table that scrolls sideways."""

from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.timesince import timesince
from wagtail.admin.ui.tables import Column

from practice_site.phone import to_display, to_e164

from .timeline import CallOutcome, staff_name

DATETIME_FORMAT = "%a %b %-d, %-I:%M %p"
URGENT_BADGE = mark_safe(' <span class="inbox-badge inbox-badge--urgent">URGENT</span>')


def local_text(value, fmt=DATETIME_FORMAT):
    return timezone.localtime(value).strftime(fmt) if value else ""


def yes_no(value):
    return "Yes" if value else "No"


def contact_links(inquiry):
    """[(label, href, text)] for the ways this person may be reached: the one they asked for
    first, then any other detail they gave. Phone as tel: and sms:, email as mailto:."""
    links = []
    phone = to_e164(inquiry.phone) or inquiry.phone
    shown = to_display(inquiry.phone)
    if inquiry.phone:
        call = ("Call", f"tel:{phone}", shown)
        text = ("Text", f"sms:{phone}", shown)
        links += [text, call] if inquiry.contact_method == "text" else [call, text]
    if inquiry.email:
        mail = ("Email", f"mailto:{inquiry.email}", inquiry.email)
        links = [mail, *links] if inquiry.contact_method == "email" else [*links, mail]
    return links


def due_badge(inquiry, now=None):
    """('Overdue' | 'Due today' | '', css modifier)."""
    if inquiry.is_overdue(now):
        return "Overdue", "overdue"
    if inquiry.is_due_today(now):
        return "Due today", "today"
    return "", ""


class InboxColumn(Column):
    """A column whose value is ready HTML, in a cell that carries its label."""

    cell_template_name = "contact/admin/cells/cell.html"

    def __init__(self, name, render=None, **kwargs):
        super().__init__(name, **kwargs)
        self.render = render

    def get_value(self, instance):
        return self.render(instance) if self.render else super().get_value(instance)


def render_name(inquiry):
    badge = URGENT_BADGE if inquiry.is_urgent else ""
    return format_html(
        '<a class="inbox-name" href="{}">{}</a>{}<span class="inbox-muted">#{} · {}</span>',
        reverse("inquiries:edit", args=[inquiry.pk]),
        inquiry.name,
        badge,
        inquiry.pk,
        inquiry.get_status_display(),
    )


def render_language(inquiry):
    """ "Spanish" stands out: the callback happens in Spanish."""
    if inquiry.language == "es":
        return format_html("<strong>{}</strong>", inquiry.get_language_display())
    return inquiry.get_language_display()


def render_reach(inquiry):
    """The method they chose, the number or address as links, best time and voicemail."""
    links = contact_links(inquiry)
    method = format_html('<span class="inbox-method">{}</span>', inquiry.get_contact_method_display())
    reach = format_html_join(
        "",
        '<a class="inbox-reach" href="{}"><span class="inbox-reach__how">{}</span> {}</a>',
        ((href, label, text) for label, href, text in links),
    )
    when = format_html(
        '<span class="inbox-detail-line">Best time: {}</span><span class="inbox-detail-line">Voicemail OK: {}</span>',
        inquiry.get_best_time_display(),
        yes_no(inquiry.ok_to_leave_voicemail),
    )
    return method + reach + when


def render_received(inquiry):
    """How long they have been waiting, then the date."""
    return format_html(
        '<span class="inbox-waiting">{} ago</span><time class="inbox-muted" datetime="{}">{}</time>',
        timesince(inquiry.created_at).split(",")[0],
        inquiry.created_at.isoformat(),
        local_text(inquiry.created_at),
    )


def render_due(inquiry):
    if not inquiry.due_at:
        return ""
    label, modifier = due_badge(inquiry)
    badge = (
        format_html('<span class="inbox-badge inbox-badge--{}">{}</span> ', modifier, label) if label else ""
    )
    return format_html(
        '{}<time datetime="{}">{}</time>', badge, inquiry.due_at.isoformat(), local_text(inquiry.due_at)
    )


class QuickActionsColumn(Column):
    """Assign to me, log a call attempt, mark contacted: small POST forms (CSRF-protected)."""

    cell_template_name = "contact/admin/cells/quick_actions.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        context.update(
            inquiry=instance,
            csrf_token=get_token(request) if request else "",
            next_url=request.get_full_path() if request else "",
            is_mine=bool(request and instance.assigned_to_id == request.user.pk),
            call_outcomes=CallOutcome.choices,
        )
        return context


def columns():
    return [
        InboxColumn("name", label="Name", render=render_name, sort_key="name"),
        InboxColumn("help_for", label="For", render=lambda i: i.get_help_for_display()),
        InboxColumn("language", label="Language", render=render_language, sort_key="language"),
        InboxColumn("reach", label="How to reach", render=render_reach),
        InboxColumn("created_at", label="Received", render=render_received, sort_key="created_at"),
        InboxColumn("due_at", label="Due", render=render_due, sort_key="due_at"),
        InboxColumn(
            "assigned_to", label="Assigned to", render=lambda i: staff_name(i.assigned_to) or "Nobody yet"
        ),
        QuickActionsColumn("actions", label="Quick actions"),
    ]
