"""Error reports never carry what a visitor typed.

Inquiries are health information. Django's error emails and debug pages show POST data and the
local variables of every frame; this filter blanks all of both, on every URL, so no crash in
the contact form (or anywhere else) can mail an inquiry to an administrator."""

from django.views.debug import SafeExceptionReporterFilter

REDACTED = "********************"


class PrivacyExceptionReporterFilter(SafeExceptionReporterFilter):
    def get_post_parameters(self, request):
        if request is None:
            return {}
        return {key: REDACTED for key in request.POST}

    def get_traceback_frame_variables(self, request, tb_frame):
        return [(name, REDACTED) for name in tb_frame.f_locals]

    def get_safe_request_meta(self, request):
        meta = super().get_safe_request_meta(request)
        for key in ("HTTP_COOKIE", "QUERY_STRING", "HTTP_REFERER"):
            if key in meta:
                meta[key] = REDACTED
        return meta
