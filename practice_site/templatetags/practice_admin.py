"""Template tags for the admin's own screens (login page, permission errors)."""

from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def wagtail_site_name():
    """The practice's name as the admin knows it (settings.WAGTAIL_SITE_NAME)."""
    return settings.WAGTAIL_SITE_NAME
