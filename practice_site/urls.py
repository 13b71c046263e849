import os

from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from . import views

handler403 = "practice_site.views.permission_denied"
handler500 = "practice_site.views.server_error"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("search/", views.search, name="search"),
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

urlpatterns += [path("", include(wagtail_urls))]
