"""Admin reports for the clinical director: health pages whose clinical review is due, live
pages that read above grade 8 or use stigmatizing words, and live pages a Spanish reader can't
read yet (no live Spanish translation) (Reports menu, wagtail_hooks.py).

The site has tens of pages, not thousands, so each report gathers its rows in Python (a few
queries, one per page type) and shows them all on one screen."""

from django.apps import apps
from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.reports import PageReportView

from .clinical_review import ClinicallyReviewedPage, review_due
from .plain_language import plain_language_report


def reviewed_page_models():
    return [model for model in apps.get_models() if issubclass(model, ClinicallyReviewedPage)]


def pages_due_for_review():
    """Live health pages never reviewed, changed since their review, or reviewed too long ago:
    never reviewed first, then the oldest review."""
    pages = []
    for model in reviewed_page_models():
        pages += review_due(model.objects.live()).select_related("reviewed_by")
    return sorted(
        pages, key=lambda page: (page.last_reviewed_at is not None, page.last_reviewed_at or 0, page.title)
    )


def review_due_count():
    """How many health pages wait for a clinical review, in one query (a subquery per page type)."""
    from django.db.models import Q
    from wagtail.models import Page

    due = Q(pk__in=[])
    for model in reviewed_page_models():
        due |= Q(pk__in=review_due(model.objects.live()).values("pk"))
    return Page.objects.filter(due).count()


class ListReportView(PageReportView):
    """A page report over a short list of specific pages built in Python."""

    any_permission_required = ["add", "change", "publish"]
    paginate_by = 100

    def get_filtered_queryset(self):
        return self.get_rows()

    def get_rows(self):
        raise NotImplementedError


class ClinicalReviewDueView(ListReportView):
    page_title = _("Clinical review due")
    header_icon = "help"
    results_template_name = "practice_site/admin/clinical_review_due_results.html"
    index_url_name = "clinical_review_due"
    index_results_url_name = "clinical_review_due_results"
    list_export = ["title", "review_state_label", "last_reviewed_at", "reviewer_display_name", "url"]
    export_headings = {
        "review_state_label": "Review",
        "last_reviewed_at": "Last reviewed",
        "reviewer_display_name": "Reviewed by",
    }

    def get_rows(self):
        return pages_due_for_review()

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["max_age_days"] = settings.CLINICAL_REVIEW_MAX_AGE_DAYS
        return context


class PlainLanguageReportView(ListReportView):
    page_title = _("Plain language")
    header_icon = "glasses"
    results_template_name = "practice_site/admin/plain_language_results.html"
    index_url_name = "plain_language_report"
    index_results_url_name = "plain_language_report_results"
    list_export = ["title", "grade", "terms_text", "url"]
    export_headings = {"grade": "Reading grade", "terms_text": "Words to reconsider"}

    def get_rows(self):
        return plain_language_report(settings.PLAIN_LANGUAGE_MAX_GRADE)

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["max_grade"] = settings.PLAIN_LANGUAGE_MAX_GRADE
        return context


def pages_without_translation(language="es"):
    """Live pages in the default language (English) with no live translation in ``language``:
    what a Spanish-speaking visitor can't read yet, in tree order. One query."""
    from django.db.models import Exists, OuterRef, Subquery
    from wagtail.models import Locale, Page

    default = Locale.get_default()
    translations = Page.objects.filter(
        translation_key=OuterRef("translation_key"), locale__language_code=language
    )
    return list(
        Page.objects.live()
        .filter(depth__gt=1, locale=default)
        .filter(~Exists(translations.filter(live=True)))
        # A draft translation already started: the report links to it instead of "Translate".
        .annotate(draft_translation_id=Subquery(translations.values("pk")[:1]))
        .order_by("path")
    )


class MissingTranslationsView(ListReportView):
    page_title = _("Live pages without a Spanish translation")
    header_icon = "globe"
    results_template_name = "practice_site/admin/missing_translations_results.html"
    index_url_name = "missing_translations_report"
    index_results_url_name = "missing_translations_report_results"
    list_export = ["title", "url"]

    def get_rows(self):
        return pages_without_translation("es")


def report_urls():
    from django.urls import path

    return [
        path("reports/clinical-review-due/", ClinicalReviewDueView.as_view(), name="clinical_review_due"),
        path(
            "reports/clinical-review-due/results/",
            ClinicalReviewDueView.as_view(results_only=True),
            name="clinical_review_due_results",
        ),
        path("reports/plain-language/", PlainLanguageReportView.as_view(), name="plain_language_report"),
        path(
            "reports/plain-language/results/",
            PlainLanguageReportView.as_view(results_only=True),
            name="plain_language_report_results",
        ),
        path(
            "reports/missing-translations/",
            MissingTranslationsView.as_view(),
            name="missing_translations_report",
        ),
        path(
            "reports/missing-translations/results/",
            MissingTranslationsView.as_view(results_only=True),
            name="missing_translations_report_results",
        ),
    ]


def review_due_url():
    return reverse("clinical_review_due")
