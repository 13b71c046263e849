"""Admin hooks for specialty pages: the dashboard's "Edit a specialty page" shortcut and the
alt-text rule around drafts and publishing (see practice_site/publishing.py)."""

from django.urls import reverse
from wagtail import hooks

from practice_site.publishing import refuse_bulk_publish_without_alt_text, remind_about_hero_alt_text

from .models import SpecialtyIndexPage, SpecialtyPage


@hooks.register("editor_dashboard_shortcuts")
def edit_a_specialty_shortcut(request):
    """practice_site's dashboard panel lists what each section contributes."""
    index = SpecialtyIndexPage.objects.order_by("path").first()
    if index is None or not index.permissions_for_user(request.user).can_edit():
        return []
    return [
        {
            "order": 20,
            "label": "Edit a specialty page",
            "description": "Pick one of the practice's specialties from the list and change its text.",
            "url": reverse("wagtailadmin_explore", args=[index.pk]),
        }
    ]


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def remind_about_specialty_alt_text(request, page):
    if isinstance(page, SpecialtyPage):
        remind_about_hero_alt_text(request, page)


@hooks.register("before_bulk_action")
def refuse_bulk_publish_of_specialties_without_alt_text(request, action_type, objects, action):
    return refuse_bulk_publish_without_alt_text(request, action_type, objects, action, SpecialtyPage)
