"""The public side of /contact/: show the form, take a submission, answer bots and floods.

Kept thin: validation lives on InquiryForm, bot checks in contact.spam, staff emails in
contact.notifications."""

import logging

from django.db import transaction
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers

from practice_site import page_cache
from practice_site.i18n import locale_language

from .forms import InquiryForm
from .models import URGENT_SESSION_KEY
from .notifications import notify_staff_after_commit
from .spam import STARTED_AT_HOLE, rate_limit, rate_limited, record_submission, visitor_ip

logger = logging.getLogger(__name__)


class HttpResponseSeeOther(HttpResponseRedirect):
    status_code = 303


def contact_form_view(request, page):
    """GET shows the form; a valid POST saves the inquiry and answers 303 to the thanks page.

    What a visitor receives is always marked never-cached: it carries their own CSRF token and
    start time. For a visitor the page cache serves, the form is rendered with *holes* for those
    two values instead (``practice_site.page_cache``): that copy is cached, and the cache fills
    in each visitor's own values and marks the response never-cached itself."""
    if request.method == "POST":
        response = _handle_post(request, page)
    elif page_cache.visitor_holes(request):
        form = InquiryForm(initial={"started_at": page_cache.hole(STARTED_AT_HOLE)})
        response = _render_form(request, page, form, csrf_hole=page_cache.hole("csrf_token"))
        response.page_cache_holes = ("csrf_token", STARTED_AT_HOLE)
        return response
    else:
        response = _render_form(request, page, InquiryForm())
    add_never_cache_headers(response)
    return response


def _handle_post(request, page):
    ip = visitor_ip(request)
    if rate_limited(ip):
        return _too_many(request, page)
    form = InquiryForm(request.POST)
    if not form.is_valid():
        if form.expired:
            form.fresh_start()
        return _render_form(request, page, form, status=200)
    if not record_submission(ip):
        return _too_many(request, page)
    with transaction.atomic():
        inquiry = form.save(language=locale_language(page.locale_id))
        if not inquiry.is_spam:
            notify_staff_after_commit(inquiry.pk)
    logger.info("inquiry %s saved (%s)", inquiry.pk, inquiry.status)
    _remember_urgency(request, inquiry.is_urgent)
    return HttpResponseSeeOther(page.url + page.thanks_subpath())


def _remember_urgency(request, urgent):
    """Tell the thanks page (only) whether to lead with 911 and 988: a flag, never contents.
    Nothing is written to the session unless it's needed."""
    session = getattr(request, "session", None)
    if session is None:
        return
    if urgent:
        session[URGENT_SESSION_KEY] = True
    elif URGENT_SESSION_KEY in session:
        del session[URGENT_SESSION_KEY]


def _render_form(request, page, form, status=200, csrf_hole=None):
    context = page.get_context(request)
    context["form"] = form
    context["csrf_hole"] = csrf_hole
    return TemplateResponse(request, "contact/contact_page.html", context, status=status)


def _too_many(request, page):
    logger.warning("inquiry rate limit reached for a visitor; nothing saved")
    context = page.get_context(request)
    response = TemplateResponse(request, "contact/too_many_requests.html", context, status=429)
    response["Retry-After"] = str(rate_limit()[1])
    return response
