"""The Spanish locale, and the Spanish home page as the translation of the English one (issue 17).

Wagtail's model of a translated site: one Site whose root page is the English home; the Spanish
tree is a copy of it under the tree root, in the `es` locale, served at /es/. The copy starts as a
draft holding the English text for an editor (or `load_demo_content`) to write in Spanish; a
site without a home page yet gets its Spanish home from `load_demo_content`
(practice_site.i18n.ensure_spanish_home)."""

from django.db import migrations

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's materialised-path alphabet
STEPLEN = 4

COPIED_FIELDS = [
    "seo_title",
    "search_description",
    "show_in_menus",
    "hero_heading",
    "hero_text",
    "intro",
    "cta_heading",
    "cta_text",
]


def next_step(step):
    value = 0
    for char in step:
        value = value * len(ALPHABET) + ALPHABET.index(char)
    value += 1
    out = ""
    for _ in range(STEPLEN):
        value, digit = divmod(value, len(ALPHABET))
        out = ALPHABET[digit] + out
    return out


def forwards(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Page = apps.get_model("wagtailcore", "Page")
    HomePage = apps.get_model("practice_site", "HomePage")
    spanish, _ = Locale.objects.get_or_create(language_code="es")
    for home in HomePage.objects.filter(depth=2).exclude(locale=spanish):
        if Page.objects.filter(translation_key=home.translation_key, locale=spanish).exists():
            continue
        root = Page.objects.get(depth=1, path=home.path[:STEPLEN])
        last = Page.objects.filter(depth=2, path__startswith=root.path).order_by("-path").first()
        slug = "home-es"
        while Page.objects.filter(depth=2, slug=slug).exists():
            slug += "-1"
        spanish_home = HomePage(
            content_type_id=home.content_type_id,
            path=root.path + next_step(last.path[STEPLEN:]),
            depth=2,
            numchild=0,
            title="Inicio",
            draft_title="Inicio",
            slug=slug,
            url_path=f"/{slug}/",
            live=False,
            has_unpublished_changes=True,
            locale=spanish,
            translation_key=home.translation_key,
            owner_id=home.owner_id,
            **{name: getattr(home, name) for name in COPIED_FIELDS},
        )
        spanish_home.save()
        Page.objects.filter(pk=root.pk).update(numchild=root.numchild + 1)


class Migration(migrations.Migration):
    dependencies = [
        ("practice_site", "0009_spanish_settings"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
