"""Clinical review of health pages: who checked a page, when, and whether that still holds.

Specialty pages, articles and content pages carry `ClinicallyReviewedPage`: a numbered
reference list, and the reviewer and date that the "Clinical review" workflow records by itself
when a member of the "Clinical reviewers" group approves a page (nobody types them). A change
published after that approval, or an approval older than CLINICAL_REVIEW_MAX_AGE_DAYS, makes
the review due again: the admin says so (report, dashboard) and the public page then shows only
"Last updated".

The reviewer is a Wagtail user; their public name and credentials come from the clinician
profile linked to that user (blog.Author.user, reverse name `author_profile`), so a clinician's
credentials are written once."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.dispatch import receiver
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.fields import StreamField
from wagtail.signals import copy_for_translation_done, workflow_approved

from .blocks import reference_blocks, reference_link

CLINICAL_REVIEWERS_GROUP = "Clinical reviewers"
CLINICAL_REVIEW_WORKFLOW = "Clinical review"
CLINICAL_REVIEW_TASK = "Clinical review"
REVIEW_FIELDS = ["last_reviewed_at", "reviewed_by", "reviewed_revision"]

REVIEWED = "reviewed"
NEVER_REVIEWED = "never"
CHANGED_SINCE_REVIEW = "changed"
REVIEW_EXPIRED = "expired"
REVIEW_STATE_LABELS = {
    REVIEWED: "Reviewed",
    NEVER_REVIEWED: "Never reviewed",
    CHANGED_SINCE_REVIEW: "Changed since review",
    REVIEW_EXPIRED: "Review out of date",
}


def review_max_age():
    return datetime.timedelta(days=getattr(settings, "CLINICAL_REVIEW_MAX_AGE_DAYS", 365))


def review_due(queryset):
    """The pages of `queryset` whose clinical review is due: never reviewed, changed (a version
    other than the approved one is live) or approved longer ago than the maximum age."""
    cutoff = timezone.now() - review_max_age()
    return queryset.filter(
        models.Q(last_reviewed_at__isnull=True)
        | models.Q(reviewed_revision__isnull=True)
        | ~models.Q(live_revision=models.F("reviewed_revision"))
        | models.Q(last_reviewed_at__lt=cutoff)
    )


class ClinicallyReviewedPage(models.Model):
    """References and clinical review for a page type (mixed in before BasePage)."""

    references = StreamField(
        reference_blocks(),
        blank=True,
        help_text="The sources for this page's facts, in APA style. Shown as a numbered list at "
        "the end of the page.",
    )
    # Set by the approval of the "Clinical review" workflow, never in the form (editable=False).
    last_reviewed_at = models.DateTimeField("Clinically reviewed on", null=True, blank=True, editable=False)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        verbose_name="clinically reviewed by",
    )
    reviewed_revision = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        help_text="The version the reviewer approved.",
    )

    # A copy has not been reviewed.
    exclude_fields_in_copy = REVIEW_FIELDS

    class Meta:
        abstract = True

    def with_content_json(self, content):
        """Revisions don't carry the review: publishing or editing a version keeps what the
        last approval recorded on the page itself."""
        obj = super().with_content_json(content)
        for name in ("last_reviewed_at", "reviewed_by_id", "reviewed_revision_id"):
            setattr(obj, name, getattr(self, name))
        return obj

    # State -----------------------------------------------------------------------------------

    @property
    def review_state(self):
        if self.last_reviewed_at is None or self.reviewed_revision_id is None:
            return NEVER_REVIEWED
        if self.live_revision_id and self.live_revision_id != self.reviewed_revision_id:
            return CHANGED_SINCE_REVIEW
        if self.last_reviewed_at < timezone.now() - review_max_age():
            return REVIEW_EXPIRED
        return REVIEWED

    @property
    def review_state_label(self):
        return REVIEW_STATE_LABELS[self.review_state]

    @property
    def review_is_current(self):
        return self.review_state == REVIEWED

    @cached_property
    def reviewer(self):
        """The reviewing user with their clinician profile, in one query."""
        if not self.reviewed_by_id:
            return None
        return (
            get_user_model()
            .objects.select_related("author_profile", "author_profile__photo")
            .filter(pk=self.reviewed_by_id)
            .first()
        )

    @property
    def reviewer_profile(self):
        """The reviewer's clinician profile (name and credentials), or None."""
        try:
            return self.reviewer.author_profile if self.reviewer else None
        except ObjectDoesNotExist:
            return None

    @property
    def reviewer_display_name(self):
        profile = self.reviewer_profile
        if profile is not None:
            return profile.display_name
        if self.reviewer is None:
            return ""
        return self.reviewer.get_full_name() or self.reviewer.get_username()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        self.reviewer  # noqa: B018 - one query whatever the review's state, so every render costs the same
        return context

    @property
    def last_updated_on(self):
        """The day the visible version was published (local date)."""
        when = self.last_published_at or self.latest_revision_created_at
        return timezone.localtime(when).date() if when else None

    def record_clinical_review(self, user, revision, when=None):
        """Stamp the review on the page row (not on a revision) and refresh cached pages.
        The workflow's approval and the demo loader both come through here."""
        self.last_reviewed_at = when or timezone.now()
        self.reviewed_by = user
        self.reviewed_revision = revision
        self.__dict__.pop("reviewer", None)
        type(self).objects.filter(pk=self.pk).update(
            last_reviewed_at=self.last_reviewed_at, reviewed_by=user, reviewed_revision=revision
        )
        from .signals import _invalidate  # the page cache's one way to say "content changed"

        _invalidate(type(self))

    # Structured data -------------------------------------------------------------------------

    def citation_data(self):
        """The references as schema.org CreativeWork items."""
        items = []
        for child in self.references:
            value = child.value
            work = {"@type": "CreativeWork", "name": value["title"], "author": value["authors"]}
            if value["year"] and value["year"].strip().isdigit():
                work["datePublished"] = value["year"].strip()
            if value["source"]:
                work["publisher"] = value["source"]
            link = reference_link(value)
            if link:
                work["url"] = link
            items.append(work)
        return items

    def review_data(self):
        """`reviewedBy` and `lastReviewed` (schema.org WebPage properties) while the review holds."""
        if not self.review_is_current:
            return {}
        profile = self.reviewer_profile
        if profile is not None and hasattr(profile, "schema_person"):
            person = profile.schema_person()
        else:
            person = {"@type": "Person", "name": self.reviewer_display_name}
        return {
            "reviewedBy": person,
            "lastReviewed": timezone.localtime(self.last_reviewed_at).date().isoformat(),
        }

    def web_page_data(self, request, practice, schema_type="WebPage"):
        data = super().web_page_data(request, practice, schema_type=schema_type)
        data.update(self.review_data())
        citations = self.citation_data()
        if citations:
            data["citation"] = citations
        return data


def clinical_review_task_states(workflow_state):
    """Approved task states of this workflow run whose task belongs to the Clinical reviewers."""
    from wagtail.models import TaskState

    return (
        TaskState.objects.filter(
            workflow_state=workflow_state,
            status=TaskState.STATUS_APPROVED,
            task__groupapprovaltask__groups__name=CLINICAL_REVIEWERS_GROUP,
        )
        .select_related("finished_by", "revision")
        .order_by("-finished_at")
    )


@receiver(workflow_approved, dispatch_uid="clinical-review-stamp")
def stamp_clinical_review(sender, instance, user=None, **kwargs):
    """When a workflow with a clinical reviewers' task is approved, record who approved that
    task and when, on the page it published."""
    page = instance.content_object
    page = getattr(page, "specific", page)
    if not isinstance(page, ClinicallyReviewedPage):
        return
    task_state = clinical_review_task_states(instance).first()
    if task_state is None:
        return
    page.refresh_from_db()
    # The approval publishes the page's latest version (the edit form may save the reviewer's own
    # last touches as a new revision as they approve), so that is the version reviewed.
    page.record_clinical_review(
        task_state.finished_by or user,
        page.latest_revision or task_state.revision,
        when=task_state.finished_at or timezone.now(),
    )


@receiver(copy_for_translation_done, dispatch_uid="clinical-review-translations")
def review_translations_too(sender, source_obj, target_obj, **kwargs):
    """A translation of a page under clinical review is under clinical review too: the translated
    tree (e.g. /es/) starts from its own root, where no workflow was assigned, so the translation
    gets the source's workflow directly when it would otherwise fall outside it."""
    from wagtail.models import Page, WorkflowPage

    if not isinstance(target_obj, Page) or not isinstance(source_obj, Page):
        return
    workflow = source_obj.get_workflow()
    if workflow is None or workflow.name != CLINICAL_REVIEW_WORKFLOW:
        return
    current = target_obj.get_workflow()
    if current is None or current.pk != workflow.pk:
        WorkflowPage.objects.update_or_create(page=target_obj, defaults={"workflow": workflow})
