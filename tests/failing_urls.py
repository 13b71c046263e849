"""A URLconf with a view that fails, to exercise the project's 500 handler."""

from django.urls import path

from practice_site.urls import handler500  # noqa: F401  (Django reads it from this module)


def explode(request):
    raise RuntimeError("deliberate failure for the 500-page test")


def database_gone(request):
    from django.db import OperationalError

    raise OperationalError("could not connect to server: Connection refused")


def crash_with_secrets(request):
    message = request.POST.get("message", "")  # noqa: F841  (a local the report must not show)
    raise RuntimeError("deliberate failure while handling a form")


def bad_query(request):
    from django.db import OperationalError

    raise OperationalError("fts5: syntax error near something")


urlpatterns = [
    path("bad-query/", bad_query),
    path("crash-form/", crash_with_secrets),
    path("explode/", explode),
    path("database-gone/", database_gone),
]
