"""English at the root, Spanish under /es/ (issue 17)."""

from django.conf import settings
from django.utils import translation


class PathOnlyLocaleMiddleware:
    """The language of a request comes from its URL alone: /es/... is Spanish, everything else
    English. Unlike Django's LocaleMiddleware it never reads Accept-Language or the language
    cookie, never redirects and never adds ``Vary: Accept-Language``: the page cache
    (practice_site/page_cache.py) and any cache in front of the site key pages on the URL, so
    the URL must be all that decides the language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
        return response


def ensure_spanish_home(home):
    """The Spanish home page: the translation of the English ``home`` (created as a draft copy
    by Wagtail's copy_for_translation when missing). The Spanish tree hangs below it, at /es/."""
    from wagtail.models import Locale

    spanish, _ = Locale.objects.get_or_create(language_code="es")
    existing = home.get_translation_or_none(spanish)
    if existing is not None:
        return existing.specific
    return home.copy_for_translation(spanish).specific


# -- Locales without a query on every request ------------------------------------------------
# Wagtail looks up the active Locale by language code on every page request (Locale.get_active,
# to route /es/ to the Spanish tree). Locales are created once and practically never change, so
# each process remembers them; saving or deleting a Locale forgets them (in this process; add
# or remove a language with a restart, as a settings change needs one anyway).

_locales_by_code = {}
_codes_by_id = {}


def forget_locales(**kwargs):
    _locales_by_code.clear()
    _codes_by_id.clear()


def locale_for_language(language_code):
    """The Locale for a language code (as Wagtail's LocaleManager.get_for_language), remembered."""
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Locale

    code = get_supported_content_language_variant(language_code)
    locale = _locales_by_code.get(code)
    if locale is None:
        locale = Locale.objects.get(language_code=code)  # DoesNotExist: not remembered
        _locales_by_code[code] = locale
        _codes_by_id[locale.pk] = code
    return locale


def locale_language(locale_id):
    """The language code of a Locale id ("en", "es")."""
    code = _codes_by_id.get(locale_id)
    if code is None:
        from wagtail.models import Locale

        code = Locale.objects.filter(pk=locale_id).values_list("language_code", flat=True).first()
        if code is not None:
            _codes_by_id[locale_id] = code
    return code


def active_locale():
    """The Locale of the language being rendered (the URL's)."""
    return locale_for_language(translation.get_language() or settings.LANGUAGE_CODE)


def install_locale_memo():
    """Route Wagtail's own lookups (Locale.objects.get_for_language, used by Locale.get_active and
    Page.localized) through the memo above. Called once from PracticeSiteConfig.ready()."""
    from django.db.models.signals import post_delete, post_migrate, post_save
    from wagtail.models import Locale

    manager_class = type(Locale.objects)
    if getattr(manager_class, "_practice_memo", False):
        return

    def get_for_language(self, language_code):
        return locale_for_language(language_code)

    manager_class.get_for_language = get_for_language
    manager_class._practice_memo = True
    post_save.connect(forget_locales, sender=Locale, dispatch_uid="practice-forget-locales-save")
    post_delete.connect(forget_locales, sender=Locale, dispatch_uid="practice-forget-locales-delete")
    # `migrate` and `flush` (the browser tests empty the database) send post_migrate.
    post_migrate.connect(forget_locales, dispatch_uid="practice-forget-locales-migrate")


# -- Counterparts: the same page in the other language -----------------------------------------
# One map per content generation (practice_site.page_cache: every publish, unpublish, move or
# snippet change starts a new one), kept in the shared cache: {translation key: {language:
# path}} for live, public pages that exist in more than one language. The language switcher,
# the hreflang alternates and the links in the header and footer read it; building it is one
# query, and only when the content changed.

COUNTERPARTS_CACHE_KEY = "i18n:counterparts:{generation}"


def language_path(language, url_path):
    """The public path of a page from its Wagtail url_path ("/home/about/" → "/about/" in
    English, "/es/about/" for "/home-es/about/" in Spanish): one site, its home at the root."""
    rest = url_path.strip("/").split("/")[1:]
    path = "/" + "/".join(rest) + ("/" if rest else "")
    if language == settings.LANGUAGE_CODE:
        return path
    return f"/{language}{path}"


def _build_counterparts():
    from django.db.models import Count
    from wagtail.models import Page

    from .models import visible_pages

    shared_keys = (
        Page.objects.live()
        .values("translation_key")
        .annotate(languages=Count("locale", distinct=True))
        .filter(languages__gt=1)
        .values("translation_key")
    )
    rows = visible_pages(Page.objects.filter(depth__gt=1, translation_key__in=shared_keys)).values_list(
        "translation_key", "locale_id", "url_path"
    )
    counterparts = {}
    for key, locale_id, url_path in rows:
        language = locale_language(locale_id)
        if language:
            counterparts.setdefault(str(key), {})[language] = language_path(language, url_path)
    return {key: paths for key, paths in counterparts.items() if len(paths) > 1}


def counterparts(request=None):
    """The map described above, for this request (read once per request)."""
    if request is not None and hasattr(request, "_i18n_counterparts"):
        return request._i18n_counterparts
    from django.core.cache import cache

    from .page_cache import current_generation

    try:
        key = COUNTERPARTS_CACHE_KEY.format(generation=current_generation())
        result = cache.get(key)
    except Exception:
        key, result = None, None
    if result is None:
        result = _build_counterparts()
        if key is not None:
            try:
                cache.set(key, result, settings.PAGE_CACHE_SECONDS)
            except Exception:
                pass
    if request is not None:
        request._i18n_counterparts = result
    return result


def page_alternates(request, page):
    """{language: path} of the live translations of ``page`` including itself; {} when the page
    exists in one language only (then there is no switcher and no hreflang)."""
    if page is None or not getattr(page, "translation_key", None):
        return {}
    return counterparts(request).get(str(page.translation_key), {})


def english_path_index(request):
    """{English path: {language: path}}: what the fixed links of the header and footer use."""
    if hasattr(request, "_i18n_by_english_path"):
        return request._i18n_by_english_path
    index = {}
    for paths in counterparts(request).values():
        english = paths.get(settings.LANGUAGE_CODE)
        if english:
            index[english] = paths
    if request is not None:
        request._i18n_by_english_path = index
    return index


def localized_path(request, english_path, language=None):
    """The link to an English page's counterpart in the language being rendered; the English
    page itself when it has no translation yet (a Spanish reader then still finds the page)."""
    language = language or translation.get_language()
    if language == settings.LANGUAGE_CODE:
        return english_path
    if english_path == "/search/":
        return f"/{language}/search/"
    path, _, rest = english_path.partition("?")
    paths = english_path_index(request).get(path)
    if paths and language in paths:
        return paths[language] + (f"?{rest}" if rest else "")
    return english_path


# -- Serving /es/... from the Spanish home in as many queries as English pages ----------------
# Wagtail routes a request from `site.root_page.localized.specific`: for English the site's root
# page (already loaded with the site) and one query for its specific page; for Spanish one query
# more, to find the root's translation. The translation's id and type are remembered per content
# generation (like the counterparts above), so a Spanish page costs what an English one does.

ROOTS_CACHE_KEY = "i18n:roots:{generation}:{root}"


def _translated_roots(root_page):
    """{language: (content type id, page id)} of the live translations of a site's root page."""
    from django.core.cache import cache
    from wagtail.models import Page

    from .page_cache import current_generation

    try:
        key = ROOTS_CACHE_KEY.format(generation=current_generation(), root=root_page.pk)
        roots = cache.get(key)
    except Exception:
        key, roots = None, None
    if roots is None:
        rows = Page.objects.filter(translation_key=root_page.translation_key, live=True).values_list(
            "locale_id", "content_type_id", "pk"
        )
        roots = {locale_language(locale_id): (content_type_id, pk) for locale_id, content_type_id, pk in rows}
        if key is not None:
            try:
                cache.set(key, roots, settings.PAGE_CACHE_SECONDS)
            except Exception:
                pass
    return roots


def serve(request, path):
    """Wagtail's page view; for a language other than English, the route starts from that
    language's home page (none live: a 404, never the English pages)."""
    from django.contrib.contenttypes.models import ContentType
    from django.http import Http404
    from wagtail import views as wagtail_views
    from wagtail.models import Site

    language = translation.get_language()
    if language != settings.LANGUAGE_CODE and not hasattr(request, "_wagtail_route_for_request"):
        request._wagtail_route_for_request = None
        site = Site.find_for_request(request)
        found = _translated_roots(site.root_page).get(language) if site else None
        if found is not None:
            content_type_id, pk = found
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            root = model.objects.filter(pk=pk, live=True).first()
            if root is not None:
                request.language_root = root  # the Spanish home, for breadcrumbs without a query
                try:
                    request._wagtail_route_for_request = root.route(
                        request, [component for component in path.split("/") if component]
                    )
                except Http404:
                    pass
    return wagtail_views.serve(request, path)
