"""Security headers: a strict Content-Security-Policy for the public site, a looser one for the
Wagtail admin (which needs inline styles and scripts), and Permissions-Policy everywhere."""

from csp.middleware import CSPMiddleware
from django.conf import settings

ADMIN_PREFIXES = ("/admin/", "/documents/")


def is_admin_path(path):
    return path.startswith(ADMIN_PREFIXES)


def is_admin_render(request):
    """The admin, or a page rendered for it: Wagtail's previews and moderation views render the
    page through a stand-in request for the page's own public URL (``is_dummy``), whose
    response the admin then shows in a frame of its own. Those get the admin's policy, which
    lets the admin frame them (frame-ancestors 'self'); public responses never can be."""
    return is_admin_path(request.path_info) or getattr(request, "is_dummy", False)


class SiteCSPMiddleware(CSPMiddleware):
    """django-csp with the admin's own policy (settings.ADMIN_CONTENT_SECURITY_POLICY)."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and is_admin_render(request):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts


class SecurityHeadersMiddleware:
    """Permissions-Policy and friends on every response. The admin may frame itself (Wagtail's
    live preview); public pages may never be framed (X_FRAME_OPTIONS = DENY)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        response.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        if is_admin_render(request):
            response.setdefault("X-Frame-Options", "SAMEORIGIN")
        return response


class RequestSizeLimitMiddleware:
    """Refuse request bodies larger than MAX_PUBLIC_REQUEST_BODY bytes outside the admin with a
    413 before anything reads them (Django's own limits don't cover streamed uploads)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.MAX_PUBLIC_REQUEST_BODY and not is_admin_path(request.path_info):
            from django.http import HttpResponse

            return HttpResponse(
                "That request is too large. If you were sending us a message, please shorten it "
                "or call us instead.",
                status=413,
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)
