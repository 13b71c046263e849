"""Build the demo practice site. Safe to run again: existing pages are left untouched."""

from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Site

from blog import demo as blog_demo
from contact import demo as contact_demo
from practice_site import demo as site_demo
from practice_site import demo_es as site_demo_es
from practice_site.i18n import ensure_spanish_home
from specialties import demo as specialties_demo


class Command(BaseCommand):
    help = "Create the demo practice site (home, specialties, blog, contact and content pages)."

    @transaction.atomic
    def handle(self, *args, **options):
        home = site_demo.ensure_home()
        site_demo.ensure_practice_settings(Site.objects.get(is_default_site=True))
        specialties_demo.load(home)
        blog_demo.load(home)
        contact_demo.load(home)
        site_demo.load(home)  # last: the About page lists the blog's authors as clinicians
        site_demo.feature_specialties(home)
        # Last: the pages above are final, so the demo review covers what visitors see.
        site_demo.mark_demo_content_reviewed(blog_demo.ensure_demo_reviewer())
        # The Spanish site (/es/): the home page's translation, then the Spanish pages and
        # snippets written for it (practice_site/demo_es.py).
        ensure_spanish_home(home)
        site_demo_es.load_spanish_demo_content(stdout=self.stdout)
        self.stdout.write(
            self.style.SUCCESS(f"Demo content ready: {home.get_descendants().live().count() + 1} live pages.")
        )
