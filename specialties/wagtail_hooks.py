"""Admin hooks for specialty pages: the dashboard's "Edit a specialty page" shortcut (the
alt-text rule's hooks are practice_site's: see practice_site/publishing.py)."""

from django.urls import reverse
from wagtail import hooks

from .models import SpecialtyIndexPage


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
