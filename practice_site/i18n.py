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
