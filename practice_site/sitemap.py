"""/sitemap.xml: every live, public page in every language, each with its hreflang alternates.

Wagtail's own sitemap lists the pages under the site's root page only, which is the English
home; the Spanish tree hangs under the root page's translation (/es/)."""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class SiteSitemap(Sitemap):
    def items(self):
        site = self.get_wagtail_site()
        roots = site.root_page.get_translations(inclusive=True).live()
        under_a_root = Q()
        for root in roots:
            under_a_root |= Q(path__startswith=root.path)
        if not under_a_root:
            return Page.objects.none()
        return (
            Page.objects.filter(under_a_root).live().public().order_by("path").defer_streamfields().specific()
        )
