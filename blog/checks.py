"""Launch checks for the clinicians' public credentials.

The demo content gives its fictional clinicians license numbers starting with "DEMO-". A real
practice must never go live showing them: `manage.py check --deploy --database default` warns
for every clinician profile that still carries one (the README's launch steps run it)."""

from django.core.checks import Tags, Warning, register

DEMO_LICENSE_PREFIX = "DEMO-"


@register(Tags.database, deploy=True)
def demo_license_numbers(app_configs=None, databases=None, **kwargs):
    if not databases:
        return []
    from .models import Author

    warnings = []
    for alias in databases:
        profiles = Author.objects.using(alias).filter(license_number__istartswith=DEMO_LICENSE_PREFIX)
        for author in profiles.only("pk", "name", "license_number"):
            warnings.append(
                Warning(
                    f"{author.name}'s profile shows the demo license number {author.license_number}.",
                    hint="Enter the number the licensing board lists (Blog → Authors), or "
                    "leave it blank, before the site goes live.",
                    obj=author,
                    id="blog.W001",
                )
            )
    return warnings
