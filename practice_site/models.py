"""Site-wide models: the practice's own settings, the home page and plain content pages."""

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.translation import get_language, pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, Site
from wagtail.search import index

from .blocks import CliniciansBlock, common_body_blocks, faq_pairs
from .clinical_review import ClinicallyReviewedPage
from .jsonld import breadcrumb_list, clinic_reference, faq_page, medical_clinic
from .page_cache import now_and_after_commit
from .phone import to_display, to_e164
from .plain_language import PlainLanguagePanel
from .publishing import saving_draft
from .review_gate import ReviewGatedPermissionTester

DAYS = [
    ("Monday", "Monday"),
    ("Tuesday", "Tuesday"),
    ("Wednesday", "Wednesday"),
    ("Thursday", "Thursday"),
    ("Friday", "Friday"),
    ("Saturday", "Saturday"),
    ("Sunday", "Sunday"),
]

# The days as visitors read them (DAYS stays the stored value, in English).
DAY_NAMES = {
    "Monday": pgettext_lazy("weekday", "Monday"),
    "Tuesday": pgettext_lazy("weekday", "Tuesday"),
    "Wednesday": pgettext_lazy("weekday", "Wednesday"),
    "Thursday": pgettext_lazy("weekday", "Thursday"),
    "Friday": pgettext_lazy("weekday", "Friday"),
    "Saturday": pgettext_lazy("weekday", "Saturday"),
    "Sunday": pgettext_lazy("weekday", "Sunday"),
}

PRACTICE_SNAPSHOT_CACHE_KEY = "practice-settings-snapshot"


class OpeningHoursBlock(blocks.StructBlock):
    days = blocks.MultipleChoiceBlock(choices=DAYS, help_text="Days with these hours.")
    opens = blocks.TimeBlock()
    closes = blocks.TimeBlock()
    note = blocks.CharBlock(max_length=80, required=False, help_text='e.g. "by appointment"')
    note_es = blocks.CharBlock(
        max_length=80,
        required=False,
        label="Note in Spanish",
        help_text='Shown on Spanish pages, e.g. "con cita previa".',
    )

    class Meta:
        icon = "time"


def validate_hero_alt_text(page):
    """A page with a hero image needs alt text (specialty pages and articles share this rule)
    before it is published. A draft (autosave, "Save draft", preview: see
    practice_site.publishing) may keep an image without it while the editor types."""
    if saving_draft(page):
        return
    if page.hero_image_id and not page.hero_alt.strip():
        raise ValidationError(
            {"hero_alt": "Describe the image for people who can't see it, or remove the image."}
        )


def validate_phone(value):
    if value and not to_e164(value):
        raise ValidationError("Enter a phone number like (503) 555-0123.")


class PageCacheEpoch(models.Model):
    """How many times public content has changed: one row, counted in the same transaction as
    each change. The page cache's safety net (practice_site.page_cache.Epoch)."""

    value = models.BigIntegerField(default=0)

    def __str__(self):
        return f"content change #{self.value}"


@register_setting(icon="site")
class PracticeSettings(BaseSiteSetting):
    """What visitors see about the practice: name, phone and text numbers, email, address,
    hours, crisis notice and whether new clients are accepted. The one place to change them.

    Every template reads these (header, footer, calls to action, JSON-LD). Clinicians in the
    "Editors" group edit them under Settings → Practice settings (contact/permissions.py);
    nothing here routes health information (where inquiry notifications go is
    contact.IntakeSettings, for administrators only)."""

    practice_name = models.CharField(max_length=120, default="Wrenfield Counseling")
    tagline = models.CharField(max_length=160, blank=True, default="Addiction therapy rooted in connection")
    tagline_es = models.CharField(
        "Tagline in Spanish",
        max_length=160,
        blank=True,
        default="Terapia para las adicciones basada en la conexión",
        help_text="Shown under the name on Spanish pages (/es/).",
    )
    phone = models.CharField(
        max_length=32,
        validators=[validate_phone],
        default="(503) 555-0123",
        help_text="The main number. Shown on every page as a tap-to-call link.",
    )
    text_number = models.CharField(
        max_length=32,
        blank=True,
        validators=[validate_phone],
        help_text="Optional number that accepts text messages.",
    )
    email = models.EmailField(blank=True, default="hello@practice.example")
    street_address = models.CharField(max_length=200, blank=True)
    locality = models.CharField("City", max_length=100, blank=True)
    region = models.CharField("State", max_length=50, blank=True)
    postal_code = models.CharField(max_length=20, blank=True)
    opening_hours = StreamField(
        [("hours", OpeningHoursBlock())],
        blank=True,
        help_text="When the phone is answered.",
    )
    accepting_new_clients = models.BooleanField(default=True)
    crisis_notice = models.TextField(
        max_length=600,
        default=(
            "If you are in danger right now, call 911. If you are thinking about suicide or "
            "are in crisis, call or text 988 any time."
        ),
        help_text="Shown above the crisis lines on every page. Keep it short and plain.",
    )
    crisis_notice_es = models.TextField(
        "Crisis notice in Spanish",
        max_length=600,
        blank=True,
        default=(
            "Si está en peligro ahora mismo, llame al 911. Si piensa en el suicidio o está en "
            "crisis, llame al 988 y oprima 2 para hablar en español, a cualquier hora."
        ),
        help_text="Shown above the crisis lines on Spanish pages (/es/). Keep it short and plain.",
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("practice_name"),
                FieldPanel("tagline"),
                FieldPanel("tagline_es"),
                FieldPanel("accepting_new_clients"),
            ],
            heading="Practice",
        ),
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("text_number"), FieldPanel("email")],
            heading="Phone and email",
        ),
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldPanel("locality"),
                FieldPanel("region"),
                FieldPanel("postal_code"),
            ],
            heading="Address",
        ),
        FieldPanel("opening_hours"),
        MultiFieldPanel(
            [FieldPanel("crisis_notice"), FieldPanel("crisis_notice_es")],
            heading="Crisis notice",
        ),
    ]

    class Meta:
        verbose_name = "Practice settings"

    @property
    def localized_tagline(self):
        """The tagline in the language of the page being rendered."""
        from django.utils.translation import get_language

        return (self.tagline_es or self.tagline) if get_language() == "es" else self.tagline

    @property
    def localized_crisis_notice(self):
        from django.utils.translation import get_language

        return (self.crisis_notice_es or self.crisis_notice) if get_language() == "es" else self.crisis_notice

    @property
    def phone_e164(self):
        return to_e164(self.phone)

    @property
    def phone_display(self):
        return to_display(self.phone)

    @property
    def text_e164(self):
        return to_e164(self.text_number)

    @property
    def text_display(self):
        return to_display(self.text_number)

    @property
    def address_lines(self):
        city_line = " ".join(
            part
            for part in [f"{self.locality}," if self.locality else "", self.region, self.postal_code]
            if part
        )
        return [line for line in [self.street_address, city_line.strip(", ")] if line]

    @property
    def hours_rows(self):
        """[(days label, '9 AM – 7 PM', note)] for display, in the language being rendered
        ('lunes–viernes', '9 a. m. – 7 p. m.' on Spanish pages)."""
        rows = []
        for child in self.opening_hours:
            value = child.value
            days = [str(DAY_NAMES.get(day, day)) for day in value["days"]]
            if len(days) > 2 and _consecutive(value["days"]):
                # "de lunes a jueves" reads as Spanish; "lunes–jueves" reads as a timetable.
                label = f"de {days[0]} a {days[-1]}" if get_language() == "es" else f"{days[0]}–{days[-1]}"
            else:
                label = ", ".join(days)
            note = value.get("note_es") if get_language() == "es" and value.get("note_es") else value["note"]
            rows.append((label, f"{_time(value['opens'])} – {_time(value['closes'])}", note))
        return rows

    @property
    def hours_sentence(self):
        """ "Monday–Thursday 9 AM – 7 PM; Friday 9 AM – 1 PM." as one sentence with one final
        period (Spanish times end in "p. m.", which already carries one)."""
        text = "; ".join(f"{days} {times}" for days, times, _note in self.hours_rows)
        return text if text.endswith(".") else f"{text}."

    def opening_hours_specification(self):
        return [
            {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": list(child.value["days"]),
                "opens": child.value["opens"].strftime("%H:%M"),
                "closes": child.value["closes"].strftime("%H:%M"),
            }
            for child in self.opening_hours
        ]

    def snapshot(self):
        """A plain dict for the error pages, which must render without the database."""
        return {
            "practice_name": self.practice_name,
            "phone_e164": self.phone_e164,
            "phone_display": self.phone_display,
        }

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        cache.set(PRACTICE_SNAPSHOT_CACHE_KEY, self.snapshot(), None)
        self._forget_cached()

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        self._forget_cached()
        return result

    @staticmethod
    def _cache_key(site_id):
        return f"practice-settings:site:{site_id}"

    def _forget_cached(self):
        key = self._cache_key(self.site_id)
        now_and_after_commit(lambda: cache.delete(key))

    @classmethod
    def for_request(cls, request):
        """Wagtail's per-request lookup, backed by the shared cache: every page shows these,
        so a render reads them from the cache instead of the database (one query fewer on every
        page). Saving or deleting the settings drops the cached copy in every process."""
        attr_name = cls.get_cache_attr_name()
        if hasattr(request, attr_name):
            return getattr(request, attr_name)
        site = Site.find_for_request(request)
        if site is None:
            return super().for_request(request)
        key = cls._cache_key(site.pk)
        instance = cache.get(key)
        if instance is None:
            instance = cls.for_site(site)
            cache.set(key, instance, 60 * 60)
        instance._request = request  # as Wagtail does, for page URLs
        setattr(request, attr_name, instance)
        return instance


def _consecutive(days):
    names = [d for d, _ in DAYS]
    indexes = [names.index(d) for d in days]
    return indexes == list(range(indexes[0], indexes[0] + len(indexes)))


def _time(value):
    text = value.strftime("%I:%M %p").lstrip("0")
    if get_language() == "es":
        # US Spanish style (RAE): "9 a. m.", "5:30 p. m."
        text = text.replace("AM", "a. m.").replace("PM", "p. m.")
    return text.replace(":00 ", " ")


class BasePage(Page):
    """Behaviour every public page shares: meta description and JSON-LD.

    Subclasses override `summary_text()` (a plain-text fallback for the meta description) and
    `get_structured_data()`."""

    # Every page's edit form opens with the plain-language check (reading grade, words to
    # reconsider); it reads the saved text and never blocks publishing.
    content_panels = Page.content_panels + [PlainLanguagePanel()]

    class Meta:
        abstract = True

    def summary_text(self):
        return ""

    def permissions_for_user(self, user):
        """Wagtail's page permissions, except that pages under clinical review are published
        by their reviewers (practice_site.review_gate)."""
        return ReviewGatedPermissionTester(user, self)

    def meta_description(self):
        return (self.search_description or self.summary_text() or "").strip()[:300]

    def breadcrumbs(self):
        """[(title, url)] from the home page down to this page (not the tree root). Fetched once
        per page object: the template and the JSON-LD both use them."""
        if not hasattr(self, "_breadcrumbs"):
            ancestors = self.get_ancestors().filter(depth__gt=1)
            self._breadcrumbs = [(p.title, p.url) for p in ancestors] + [(self.title, self.url)]
        return self._breadcrumbs

    def get_sitemap_urls(self, request=None):
        """The page's URL with its translations as hreflang alternates (x-default: English)."""
        from urllib.parse import urlsplit

        from django.conf import settings as django_settings

        from .i18n import page_alternates

        urls = super().get_sitemap_urls(request)
        alternates = page_alternates(request, self)
        if alternates and urls:
            parts = urlsplit(urls[0]["location"])
            base = f"{parts.scheme}://{parts.netloc}"
            links = [{"lang_code": code, "location": base + path} for code, path in alternates.items()]
            if django_settings.LANGUAGE_CODE in alternates:
                links.append(
                    {"lang_code": "x-default", "location": base + alternates[django_settings.LANGUAGE_CODE]}
                )
            for url in urls:
                url["alternates"] = links
        return urls

    def get_structured_data(self, request, practice):
        """The web page, its breadcrumbs, and an FAQPage when the page's body has FAQ blocks."""
        data = [self.web_page_data(request, practice)]
        if self.depth > 2:
            data.append(breadcrumb_list(request, self.breadcrumbs()))
        pairs = faq_pairs(getattr(self, "body", None) or [])
        if pairs:
            data.append(faq_page(pairs))
        return data

    def web_page_data(self, request, practice, schema_type="WebPage"):
        return {
            "@context": "https://schema.org",
            "@type": schema_type,
            "name": self.seo_title or self.title,
            "url": self.get_full_url(request),
            "description": self.meta_description(),
            "dateModified": (
                self.last_published_at or self.latest_revision_created_at or timezone.now()
            ).isoformat(),
            "publisher": clinic_reference(practice, request),
        }


def practice_clinic_data(request, practice):
    """The practice's MedicalClinic JSON-LD, listing every live, public specialty."""
    from specialties.models import SpecialtyPage

    from .i18n import active_locale

    specialties = visible_pages(SpecialtyPage.objects.filter(locale=active_locale())).order_by("path")
    return medical_clinic(practice, request, specialties)


def visible_pages(queryset):
    """Live pages outside any private section of the site: Wagtail's ``.live().public()`` with
    the view restrictions as a subquery instead of a query of their own."""
    from django.db.models import Exists, OuterRef
    from django.db.models.functions import Length, Substr
    from wagtail.models import PageViewRestriction

    restrictions = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return queryset.live().filter(~Exists(restrictions))


class HomePageFeaturedSpecialty(Orderable):
    home = ParentalKey("practice_site.HomePage", related_name="featured_specialties")
    specialty = models.ForeignKey("specialties.SpecialtyPage", on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("specialty")]


class HomePage(BasePage):
    """The front door. One per site, at the root; everything else hangs below it."""

    hero_heading = models.CharField(max_length=120, default="You don't have to carry this alone")
    hero_text = models.TextField(max_length=600, blank=True)
    intro = RichTextField(features=["bold", "italic", "link"], blank=True)
    cta_heading = models.CharField(
        "Call-to-action heading",
        max_length=120,
        default="Reaching out is the first step",
        help_text="The heading of the box at the bottom of the home page that invites visitors "
        "to call or send a message (the phone number is added from Practice settings).",
    )
    cta_text = models.TextField(
        "Call-to-action text",
        max_length=400,
        blank=True,
        help_text="One or two sentences under that heading, above the Call and Send a private message "
        "buttons. Left empty, a standard sentence about a short, confidential first call is shown.",
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel([FieldPanel("hero_heading"), FieldPanel("hero_text")], heading="Hero"),
        FieldPanel("intro"),
        InlinePanel(
            "featured_specialties",
            label="Featured specialty",
            max_num=6,
            help_text="The specialty pages shown as cards under “How we help” on the home page, in "
            "this order (up to six). A new specialty page does not appear on the home page by "
            "itself: add it here once it is published. Unpublished or private pages are skipped. "
            "With none chosen, the home page leaves the “How we help” section out (the Specialties "
            "page still lists every specialty).",
        ),
        MultiFieldPanel([FieldPanel("cta_heading"), FieldPanel("cta_text")], heading="Call to action"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("hero_text"), index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "practice_site.StandardPage",
        "specialties.SpecialtyIndexPage",
        "blog.BlogIndexPage",
        "contact.ContactPage",
    ]
    # One home page per language: the English one and its translations (no max_count: the
    # Spanish home is a second HomePage under the tree root, made with "Translate").

    @classmethod
    def can_create_at(cls, parent):
        """A new home page only while a language has none (normally never: translations are
        made with "Translate", not "Add child page")."""
        from wagtail.models import Locale

        return super().can_create_at(parent) and cls.objects.count() < Locale.objects.count()

    def route(self, request, path_components):
        """Wagtail serves /es/... from the site root's translation in the active language, or
        from the English home when that translation is missing or not live. Then there is no
        Spanish page to show: a 404, never English pages under /es/."""
        from .i18n import locale_language

        if locale_language(self.locale_id) != get_language():
            raise Http404("No page in this language.")
        return super().route(request, path_components)

    def summary_text(self):
        return self.hero_text

    def specialties(self):
        """Featured specialty pages that are live and public, in the editor's order."""
        from specialties.models import SpecialtyPage

        # A translated home keeps the original's choices (Wagtail copies them as they are):
        # each is shown in this page's language, through its translation key.
        order = list(self.featured_specialties.values_list("specialty__translation_key", flat=True))
        pages = {
            page.translation_key: page
            for page in visible_pages(
                SpecialtyPage.objects.filter(locale_id=self.locale_id, translation_key__in=order)
            )
        }
        return [pages[key] for key in order if key in pages]

    def latest_articles(self, limit=3):
        from blog.models import BlogPage

        return BlogPage.latest(limit, locale_id=self.locale_id)

    def get_structured_data(self, request, practice):
        return [self.web_page_data(request, practice), practice_clinic_data(request, practice)]


class StandardPage(ClinicallyReviewedPage, BasePage):
    """About, Fees & insurance, FAQ, Privacy and similar plain pages (clinically reviewed, with
    references when they state health facts)."""

    summary = models.TextField(
        max_length=400, blank=True, help_text="One or two sentences; used as the description."
    )
    body = StreamField(common_body_blocks() + [("clinicians", CliniciansBlock())], blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("references"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("summary"), index.SearchField("body")]

    parent_page_types = ["practice_site.HomePage", "practice_site.StandardPage"]
    subpage_types = ["practice_site.StandardPage"]

    def summary_text(self):
        return self.summary
