"""A URLconf with a view that fails, to exercise the project's 500 handler."""

from django.urls import path

from practice_site.urls import handler500  # noqa: F401  (Django reads it from this module)


def explode(request):
    raise RuntimeError("deliberate failure for the 500-page test")


urlpatterns = [path("explode/", explode)]
