"""The Spanish demo site (/es/): each English demo page, author and category gets its Spanish
translation through Wagtail's own i18n (`copy_for_translation`), written in Spanish, published
and clinically reviewed the way the English demo is.

`load_spanish_demo_content()` is safe to run again. Like the English loader it never overwrites
an editor's work: a translation is written only while it is missing, an alias Wagtail made as a
parent of another translation, or a draft no person has saved, published or unpublished (the
draft home page the locale migration creates). Anything else is left exactly as it is.

The prose lives beside each app's English demo: demo_pages_es.py, specialties/demo_es.py and
blog/demo_es.py; the home and contact pages are here. Slugs are Spanish (/es/especialidades/...):
Wagtail's i18n keeps a separate tree per locale, and each page finds its counterpart through
its translation key, never its slug."""

from django.db import transaction

from .demo import clinicians

SPANISH = "es"

HOME = {
    "title": "Inicio",
    "seo_title": "Terapia para las adicciones basada en la conexión",
    "search_description": (
        "Terapia para las adicciones con compasión y atención al trauma. Llame para una "
        "conversación gratis y confidencial, o envíe un mensaje corto y privado."
    ),
    "hero_heading": "No tiene que cargar con esto solo",
    "hero_text": (
        "Para mucha gente, la adicción empieza como una forma de aguantar el dolor. Aquí nadie le "
        "va a avergonzar por eso. Le ayudamos a sanar la herida de fondo y a volver a acercarse a "
        "la gente que quiere."
    ),
    "intro": (
        "<p>Somos un consultorio pequeño para adultos que viven con una adicción y para las "
        "familias que los quieren. Ofrecemos terapia, y medicamentos para el trastorno por consumo "
        "de opioides o de alcohol. Trabajamos con el consumo de alcohol y drogas, con una conducta "
        "sexual que se siente fuera de control, y con el trauma y la soledad que muchas veces hay "
        "debajo.</p>"
        "<p>A esa conducta sexual mucha gente la llama «adicción sexual». No es un diagnóstico en "
        "el DSM-5-TR; la CIE-11 de la OMS la llama <i>trastorno por comportamiento sexual "
        'compulsivo</i>. <a href="/es/especialidades/adiccion-sexual-y-apego/">Lea qué quiere '
        'decir</a>, o vea <a href="/es/somos-el-lugar-adecuado/">si somos el lugar adecuado para '
        "usted</a>.</p>"
        "<p>Hablamos español. Si nos llama o nos escribe en español, le respondemos en español.</p>"
    ),
    "cta_heading": "Pedir ayuda es lo más difícil. Nosotros le facilitamos lo demás.",
    "cta_text": (
        "Llame y una persona de verdad le va a escuchar y contestar sus preguntas. Si quiere, "
        "buscamos juntos una hora para vernos. La primera llamada es gratis y no tiene que dar su "
        "nombre."
    ),
}

CONTACT = {
    "title": "Contacto",
    "slug": "contacto",
    "search_description": "Llame o envíe un mensaje corto y privado. Le respondemos en un día hábil.",
    "intro": (
        "<p>Pedir ayuda requiere valor. No tiene que saber muy bien qué decir, ni estar seguro de "
        "querer terapia. Mucha gente empieza con una pregunta.</p>"
        "<p>Puede escribir por usted o por alguien que le importa. Escriba en español y le "
        "contestamos en español.</p>"
    ),
    "steps_heading": "Qué pasa después de que nos escribe",
    "steps": [
        (
            "step",
            {
                "heading": "Le respondemos en un día hábil.",
                "text": "Una persona de nuestro equipo de admisión le llama, le manda un texto o un "
                "correo, como usted eligió. Si no le encontramos, no dejamos detalles que usted no "
                "haya aceptado.",
            },
        ),
        (
            "step",
            {
                "heading": "Una conversación corta y gratis.",
                "text": "Dura unos quince minutos. Nos cuenta un poco lo que pasa, y pregunta lo "
                "que quiera sobre cómo trabajamos, el costo y el seguro.",
            },
        ),
        (
            "step",
            {
                "heading": "Buscamos juntos lo que le conviene.",
                "text": "Si uno de nuestros terapeutas es para usted, hacemos una primera cita. Si "
                "no, le ayudamos a encontrar a alguien que sí lo sea.",
            },
        ),
    ],
    "confidentiality_note": (
        "<p>Lo que nos envía llega solo a nuestro pequeño equipo de admisión. Se guarda cifrado. "
        "Nunca se comparte con anunciantes ni se usa para otra cosa que responderle. Lea nuestro "
        '<a href="/es/privacidad/">aviso de privacidad</a> para saber más.</p>'
    ),
    "thanks_text": (
        "Sabemos que no es fácil dar este paso. Una persona de nuestro equipo le responderá en "
        "español en un día hábil, de la forma que usted nos pidió."
    ),
}


def spanish_locale():
    from wagtail.models import Locale

    return Locale.objects.get_or_create(language_code=SPANISH)[0]


def touched_by_a_person(page):
    """Whether anyone (not a loader or a migration) has saved, published or unpublished it."""
    from wagtail.models import PageLogEntry

    return (
        page.revisions.exclude(user=None).exists()
        or PageLogEntry.objects.filter(page=page).exclude(user=None).exists()
    )


def ensure_translation(page, locale, fields, prepare=None):
    """The translation of `page` into `locale`, written from `fields` (and `prepare(page)` for
    related objects) and published if nobody has worked on it yet. Returns (translation,
    written)."""
    from wagtail.actions.convert_alias import ConvertAliasPageAction

    existing = page.get_translation_or_none(locale)
    if existing is None:
        translation = page.copy_for_translation(locale, copy_parents=True).specific
    else:
        translation = existing.specific
        if translation.alias_of_id:
            ConvertAliasPageAction(translation).execute(skip_permission_checks=True)
            translation = type(translation).objects.get(pk=translation.pk)
        elif translation.live or touched_by_a_person(translation):
            return translation, False  # an earlier run's or an editor's: left as it is
    for name, value in fields.items():
        setattr(translation, name, value)
    if prepare is not None:
        prepare(translation)
    translation.save_revision().publish()
    return translation, True


def ensure_snippet_translation(obj, locale, fields):
    """The translation of a snippet (author, category), created from `fields` if missing."""
    existing = obj.get_translation_or_none(locale)
    if existing is not None:
        return existing
    translation = obj.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save()
    return translation


def in_locale(obj, locale):
    """`obj`'s translation into `locale`, or `obj` itself when it has none."""
    translation = obj.get_translation_or_none(locale) if hasattr(obj, "get_translation_or_none") else None
    return translation or obj


def child(parent, slug):
    found = parent.get_children().filter(slug=slug).first()
    return found.specific if found else None


def load_spanish_demo_content(stdout=None):
    """Write the Spanish demo site on top of the English one (load_demo_content)."""
    from wagtail.models import Locale

    from blog import demo_es as blog_es
    from specialties import demo_es as specialties_es

    from . import demo_pages_es
    from .demo import mark_demo_content_reviewed
    from .models import HomePage

    with transaction.atomic():
        home = HomePage.objects.filter(locale=Locale.get_default(), depth=2).first()
        if home is None:
            return []
        locale = spanish_locale()
        written = []

        def translate(page, fields, prepare=None):
            translation, was_written = ensure_translation(page, locale, fields, prepare)
            if was_written:
                written.append(translation)
            return translation

        home_es = translate(home, HOME, prepare=lambda page: setattr(page, "featured_specialties", []))
        authors, categories = load_blog(home, locale, translate, blog_es)
        load_specialties(home, locale, translate, specialties_es, categories)
        contact = child(home, "contact")
        if contact is not None:
            translate(contact, CONTACT)
        for slug, fields in demo_pages_es.STANDARD_PAGES.items():
            page = child(home, slug)
            if page is None:
                continue
            if slug == "about" and authors:  # after "A quién atendemos", as in English
                body = fields["body"]
                fields = {
                    **fields,
                    "body": [*body[:3], clinicians(authors, "Nuestro equipo clínico"), *body[3:]],
                }
            translate(page, fields)
        if home_es in written:
            feature_specialties(home, home_es, locale)
        # The same honest record as the English demo: the demo clinical director (who reads
        # Spanish) stands as reviewer of pages only the loader has written.
        from blog.demo import ensure_demo_reviewer

        mark_demo_content_reviewed(ensure_demo_reviewer())
    if stdout is not None:
        stdout.write(f"Spanish demo content: {len(written)} page(s) written, the rest left as they were.\n")
    return written


def load_blog(home, locale, translate, blog_es):
    """The Spanish blog index, authors, categories and articles. Returns the Spanish authors (in
    name order) and {Spanish slug: category}."""
    from blog.models import Author, BlogCategory

    authors = []
    for author in Author.objects.filter(locale=home.locale, slug__in=blog_es.AUTHORS):
        authors.append(ensure_snippet_translation(author, locale, blog_es.AUTHORS[author.slug]))
    categories = {}
    for category in BlogCategory.objects.filter(locale=home.locale, slug__in=blog_es.CATEGORIES):
        slug, name, description = blog_es.CATEGORIES[category.slug]
        translation = ensure_snippet_translation(
            category, locale, {"slug": slug, "name": name, "description": description}
        )
        categories[translation.slug] = translation
    index = child(home, "blog")
    if index is None:
        return authors, categories
    translate(index, blog_es.INDEX)
    for slug, data in blog_es.ARTICLES.items():
        article = child(index, slug)
        if article is None:
            continue
        fields = {k: v for k, v in data.items() if k not in ("categories", "tags")}

        def prepare(page, article=article, data=data):
            page.author_links = [
                type(link)(author=in_locale(link.author, locale), sort_order=link.sort_order)
                for link in article.author_links.all()
            ]
            page.categories = [categories[slug] for slug in data["categories"] if slug in categories]
            page.tags.clear()
            page.tags.add(*data["tags"])

        translate(article, fields, prepare)
    return authors, categories


def load_specialties(home, locale, translate, specialties_es, categories):
    index = child(home, "specialties")
    if index is None:
        return
    translate(index, specialties_es.INDEX)
    for slug, fields in specialties_es.SPECIALTIES.items():
        specialty = child(index, slug)
        if specialty is None:
            continue
        category_slugs, tags = specialties_es.SPECIALTY_TOPICS[slug]

        def prepare(page, specialty=specialty, category_slugs=category_slugs, tags=tags):
            page.related_categories = [categories[c] for c in category_slugs if c in categories]
            page.related_tags.clear()
            page.related_tags.add(*tags)
            # Hand-picked related articles: their Spanish versions, where there are some.
            page.related_posts = [
                type(link)(post=link.post.get_translation(locale), sort_order=link.sort_order)
                for link in specialty.related_posts.all()
                if link.post.get_translation_or_none(locale) is not None
            ]

        translate(specialty, fields, prepare)


def feature_specialties(home, home_es, locale):
    """The Spanish home features the Spanish versions of the English home's specialties."""
    from .models import HomePageFeaturedSpecialty

    featured = []
    for link in home.featured_specialties.all():
        translation = link.specialty.get_translation_or_none(locale)
        if translation is not None and translation.live:
            featured.append(HomePageFeaturedSpecialty(specialty=translation, sort_order=link.sort_order))
    if featured:
        # Fresh from the database: the instance in hand predates its children, and publishing a
        # stale copy would write its old child count back (and hide the Spanish tree).
        home_es = type(home_es).objects.get(pk=home_es.pk)
        home_es.featured_specialties = featured
        home_es.save_revision().publish()
