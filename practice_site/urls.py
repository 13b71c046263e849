import os

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from . import i18n, views
from .sitemap import SiteSitemap

handler403 = "practice_site.views.permission_denied"
handler500 = "practice_site.views.server_error"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": SiteSitemap}}, name="sitemap"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

if os.environ.get("BENCH_TRIVIAL_VIEW") == "1":
    # `make bench` only: the cheapest answer this Django project can give (no database, no
    # template, no page cache), the ceiling the benchmark compares every page against.
    from django.http import HttpResponse

    def bench_trivial(request):
        return HttpResponse(b"ok\n", content_type="text/plain")

    urlpatterns += [path("bench/trivial/", bench_trivial)]

# Pages in English at the root and in Spanish under /es/ (the search too, within the visitor's
# language). The URL alone decides the language (practice_site.i18n.PathOnlyLocaleMiddleware):
# no redirect from / to /es/, whatever Accept-Language or a cookie says.
urlpatterns += i18n_patterns(
    path("search/", views.search, name="search"),
    # Wagtail's page view, starting /es/ at the Spanish home in as few queries (i18n.serve).
    re_path(r"^((?:[\w\-]+/)*)$", i18n.serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
