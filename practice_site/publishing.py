"""Rules that wait until a page is published: drafts keep whatever the editor has typed so far.

Wagtail 8 autosaves a draft while the editor types, and "Save draft" saves whatever is on the
form. Before validating either of those (and a preview) it calls the form's
`defer_required_fields()`; before publishing or submitting for review it doesn't.
`DraftFriendlyPageForm` passes that on to the page, so the page's `clean()` can leave a
publishing rule such as "an image needs alt text" until the editor publishes, instead of pausing
autosave the moment they choose the image. Publishing outside the edit form (the page
explorer's bulk "Publish") is checked by `refuse_bulk_publish_without_alt_text`.

Used by `blog.BlogPage` and `specialties.SpecialtyPage` (both with a hero image and the
alt-text rule in `practice_site.models`); practice_site/wagtail_hooks.py registers the hooks
once for every page type edited with `DraftFriendlyPageForm`."""

from django.contrib import messages
from django.shortcuts import redirect
from wagtail.admin.forms import WagtailAdminPageForm

DRAFT_FLAG = "_saving_draft"


def saving_draft(page):
    """True while the admin validates this page as a draft (autosave, "Save draft", preview)."""
    return getattr(page, DRAFT_FLAG, False)


class DraftFriendlyPageForm(WagtailAdminPageForm):
    """Publishing rules wait for publishing; everything else is checked as usual."""

    def defer_required_fields(self):
        super().defer_required_fields()
        setattr(self.instance, DRAFT_FLAG, True)

    def restore_required_fields(self):
        super().restore_required_fields()
        setattr(self.instance, DRAFT_FLAG, False)


def uses_hero_alt_rule(page_class):
    """True for the page types whose hero image must have alt text before publishing: those
    edited with DraftFriendlyPageForm (articles and specialty pages)."""
    form_class = getattr(page_class, "base_form_class", None)
    return isinstance(form_class, type) and issubclass(form_class, DraftFriendlyPageForm)


def hero_alt_text_missing(page):
    return bool(page.hero_image_id) and not (page.hero_alt or "").strip()


def remind_about_hero_alt_text(request, page):
    """After "Save draft": a gentle note that the image still needs alt text before publishing.

    Autosave asks for JSON and shows no messages, so it gets none (they would pile up in the
    session and appear all at once on the next page)."""
    if hero_alt_text_missing(page) and request.accepts("text/html"):
        messages.warning(
            request,
            "Your draft is saved. Before you publish, describe the hero image in "
            "“Hero image alt text” for people who can't see it, or remove the image.",
        )


def refuse_bulk_publish_without_alt_text(request, action_type, pages, action):
    """The explorer's bulk "Publish" publishes each page's latest draft without the edit form:
    refuse it, with a message saying which pages need alt text, rather than fail halfway."""
    if action_type != "publish":
        return None
    candidates = list(pages)
    form = getattr(action, "cleaned_form", None)
    if form is not None and form.cleaned_data.get("include_descendants"):
        for page in pages:
            candidates += page.get_descendants().not_live()
    candidates = [page for page in candidates if uses_hero_alt_rule(page.specific_class)]
    missing = []
    for page in candidates:
        draft = page.get_latest_revision_as_object()
        if hero_alt_text_missing(draft):
            missing.append(draft.get_admin_display_title())
    if not missing:
        return None
    messages.error(
        request,
        "Nothing was published. These pages have a hero image without alt text: "
        + ", ".join(f"“{title}”" for title in missing)
        + ". Open each one, describe the image, then publish.",
    )
    return redirect(action.next_url)
