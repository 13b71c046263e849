"""Building blocks for `load_demo_content`, and the site-wide demo pages.

Every app contributes its own demo content through a `demo.load(home)` function; they all use
`ensure_page` so a second run changes nothing and never overwrites what an editor changed."""

import datetime

from wagtail.models import Page, Site

from .models import HomePage, HomePageFeaturedSpecialty, PracticeSettings, StandardPage


def ensure_page(parent, model, slug, **fields):
    """Return the child of `parent` with `slug`, creating and publishing it if missing.

    An existing page is left exactly as it is, so re-running the demo loader never undoes an
    editor's work."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing:
        return existing.specific
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def section(heading, body, level="h2"):
    return ("section", {"heading": heading, "heading_level": level, "body": body})


def callout(text, heading="", tone="note"):
    return ("callout", {"tone": tone, "heading": heading, "text": text})


def quote(text, attribution, source="", source_url=""):
    return ("quote", {"text": text, "attribution": attribution, "source": source, "source_url": source_url})


def faq(heading, pairs):
    return ("faq", {"heading": heading, "items": [{"question": q, "answer": a} for q, a in pairs]})


def clinicians(authors, heading="Our clinicians"):
    return ("clinicians", {"heading": heading, "clinicians": authors})


def cta(heading, text=""):
    return ("cta", {"heading": heading, "text": text})


def ensure_tree_root():
    """Wagtail's root node and default locale, as its migrations create them. They are only
    missing after a test database flush (browser tests run against a flushed database)."""
    from django.conf import settings
    from django.contrib.contenttypes.models import ContentType
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Locale

    Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(
            instance=Page(title="Root", slug="root", content_type=ContentType.objects.get_for_model(Page))
        )
    return root


def ensure_home():
    """The home page at the site root, replacing Wagtail's placeholder 'Welcome' page."""
    root = ensure_tree_root()
    home = HomePage.objects.filter(depth=2).order_by("path").first()  # the English one: created first
    if home is None:
        # Wagtail's initial migration leaves a placeholder page (and a site pointing at it).
        for placeholder in root.get_children():
            if placeholder.specific_class is not HomePage:
                placeholder.delete()  # its Site goes with it (root_page cascades)
        home = HomePage(
            title="Home",
            slug="home",
            seo_title="Addiction therapy rooted in connection",
            search_description=(
                "Compassionate, trauma-informed addiction therapy. Call for a free, confidential "
                "conversation, or send a short private message."
            ),
            hero_heading="You don't have to carry this alone",
            hero_text=(
                "For many people, addiction starts as a way to survive pain. Here, nobody will "
                "shame you for it. We help people heal the hurt underneath, and find their way "
                "back to the people they love."
            ),
            intro=(
                "<p>We are a small outpatient practice for adults living with addiction and for "
                "the families who love them. We offer therapy, and medication for opioid and "
                "alcohol use disorder. We work with alcohol and drug use, sexual behavior that "
                "feels out of control, and the trauma and loneliness that often sit beneath "
                "them.</p>"
                "<p>Many people call that last one “sex addiction”. It is not a diagnosis in the "
                "DSM-5-TR; the WHO's ICD-11 calls it <i>compulsive sexual behaviour "
                'disorder</i>. <a href="/specialties/sex-addiction-and-attachment/">Read what '
                'that means</a>, or see <a href="/is-this-the-right-place/">whether we are the '
                "right place for you</a>.</p>"
            ),
            cta_heading="Reaching out is the hardest part. We'll make the rest easier.",
            cta_text=(
                "Call and a real person will listen, answer your questions and, if you like, "
                "find a time to meet. The first call is free and you can stay anonymous."
            ),
        )
        root.add_child(instance=home)
        home.save_revision().publish()
    if not Site.objects.filter(is_default_site=True).exists():
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="Wrenfield Counseling",
        )
    return HomePage.objects.get(pk=home.pk)


def ensure_practice_settings(site):
    practice = PracticeSettings.for_site(site)
    if practice.street_address:
        return practice
    practice.practice_name = "Wrenfield Counseling"
    practice.tagline = "Addiction therapy rooted in connection"
    practice.phone = "(503) 555-0123"
    practice.text_number = "(503) 555-0147"
    practice.email = "hello@wrenfield.example"
    practice.street_address = "418 Linden Avenue, Suite 210"
    practice.locality = "Fairview"
    practice.region = "OR"
    practice.postal_code = "97024"
    practice.opening_hours = [
        (
            "hours",
            {
                "days": ["Monday", "Tuesday", "Wednesday", "Thursday"],
                "opens": datetime.time(9),
                "closes": datetime.time(19),
                "note": "",
            },
        ),
        ("hours", {"days": ["Friday"], "opens": datetime.time(9), "closes": datetime.time(16), "note": ""}),
        (
            "hours",
            {
                "days": ["Saturday"],
                "opens": datetime.time(10),
                "closes": datetime.time(13),
                "note": "calls only",
                "note_es": "solo llamadas",
            },
        ),
    ]
    practice.save()
    return practice


def load(home):
    """About, Fees & insurance, FAQ, For families and Privacy. Runs after the blog's demo so the
    About page can show the clinicians' profiles (the blog's Author snippets)."""
    from django.apps import apps
    from wagtail.models import Locale

    from .demo_pages import STANDARD_PAGES

    clinician_list = list(
        apps.get_model("blog", "Author").objects.filter(locale=Locale.get_default()).order_by("name")
    )
    for page in STANDARD_PAGES:
        fields = dict(page)
        if fields["slug"] == "about" and clinician_list:
            fields["body"] = fields["body"][:3] + [clinicians(clinician_list)] + fields["body"][3:]
        ensure_page(home, StandardPage, **fields)


def mark_demo_content_reviewed(reviewer):
    """Put the demo's health pages under the Clinical review workflow and have the demo reviewer
    approve them through it, as a reviewer does in the admin: the loader submits each page, the
    reviewer's approval publishes it, and the approval stamps the review
    (clinical_review.stamp_clinical_review). Nobody types a reviewer or a date.

    Only pages the loader alone has written (no revision by a person), never reviewed and not
    already in a workflow are submitted: an editor's change, or a real review, is never
    overwritten or marked reviewed."""
    from django.apps import apps

    from .clinical_review import ClinicallyReviewedPage
    from .review_workflow import ensure_workflow

    ensure_workflow()
    if reviewer is None:
        return
    for model in apps.get_models():
        if not issubclass(model, ClinicallyReviewedPage):
            continue
        pages = model.objects.live().filter(last_reviewed_at__isnull=True).select_related("live_revision")
        for page in pages:
            if page.live_revision is None or page.revisions.exclude(user=None).exists():
                continue
            if page.workflow_in_progress:
                continue
            approve_through_workflow(page, reviewer)


def approve_through_workflow(page, reviewer):
    """Submit `page` (by the loader, no user) to its clinical review workflow and approve every
    task as `reviewer`; the last approval publishes the page and stamps the review."""
    workflow = page.get_workflow()
    if workflow is None:
        return
    state = workflow.start(page, user=None)
    while state.status == state.STATUS_IN_PROGRESS and state.current_task_state is not None:
        task_state = state.current_task_state
        task_state.task.specific.on_action(task_state, reviewer, "approve", comment="Demo content review.")
        state.refresh_from_db()


def feature_specialties(home):
    """Feature the demo specialties on a freshly created home page. A home page an editor has
    already revised is left alone."""
    from specialties.models import SpecialtyPage

    if home.featured_specialties.exists() or home.revisions.count() > 1:
        return
    for specialty in SpecialtyPage.objects.live().filter(locale=home.locale_id).order_by("path")[:3]:
        home.featured_specialties.add(HomePageFeaturedSpecialty(specialty=specialty))
    home.save_revision().publish()
