"""Permission errors in the Wagtail admin: a 403 page inside the admin's own layout that says
what was refused, who can help, and offers the way back (the dashboard, and the screen the
person came from).

Wagtail wraps every admin view in `require_admin_access`, which turns a PermissionDenied into a
redirect to the dashboard with a one-line "Sorry, you do not have permission to access this
area." through `wagtail.admin.auth.permission_denied`. That leaves a person who followed a link
(an inquiry email, a bookmark) on the dashboard with no idea why. Wagtail has no setting or hook
for it, so `install()` (called from PracticeSiteConfig.ready) replaces that one function; the
admin's own scripts (XMLHttpRequest) keep Wagtail's behaviour, and handler403
(practice_site.views.permission_denied) renders the same page for a PermissionDenied that
reaches Django."""

from urllib.parse import urlsplit

import wagtail.admin.auth
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from wagtail.contrib.settings.registry import registry

TEMPLATE = "practice_site/admin/permission_denied.html"


def is_admin_request(request):
    return request.path_info.startswith(reverse("wagtailadmin_home"))


def refused_action(request):
    """What the person tried to do, in plain words: "change Intake notifications", "work with
    inquiries", else "open this page"."""
    match = getattr(request, "resolver_match", None)
    if match is None:
        return "open this page"
    if match.view_name.startswith("wagtailsettings:"):
        model = registry.get_by_natural_key(
            match.kwargs.get("app_name", ""), match.kwargs.get("model_name", "")
        )
        if model is not None:
            return f"change {model._meta.verbose_name}"
    view_class = getattr(match.func, "view_class", None)
    model = getattr(match.func, "view_initkwargs", {}).get("model") or getattr(view_class, "model", None)
    if model is not None:
        return f"work with {model._meta.verbose_name_plural}"
    return "open this page"


def back_url(request):
    """The admin screen the person came from, when the browser said so and it is one of ours
    (and not this same screen or the login form)."""
    referer = request.headers.get("referer", "")
    if not referer or not url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return ""
    path = urlsplit(referer).path
    if path == request.path or path.startswith(reverse("wagtailadmin_login")):
        return ""
    return referer


def admin_permission_denied(request):
    """A 403 in the admin's layout: what was refused, ask an administrator, links back."""
    response = TemplateResponse(
        request,
        TEMPLATE,
        {
            "action": refused_action(request),
            "dashboard_url": reverse("wagtailadmin_home"),
            "back_url": back_url(request),
            "header_title": "Permission needed",
            "page_title": "Permission needed",
            "header_icon": "lock",
        },
        status=403,
    )
    response["Cache-Control"] = "no-store"
    return response


def wagtail_permission_denied(request):
    """Stands in for `wagtail.admin.auth.permission_denied`: same contract (raise for the
    admin's scripts, answer a response otherwise), a 403 page instead of a redirect."""
    if request.headers.get("x-requested-with") == "XMLHttpRequest":
        raise PermissionDenied
    return admin_permission_denied(request)


def install():
    wagtail.admin.auth.permission_denied = wagtail_permission_denied
