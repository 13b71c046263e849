"""APA (7th edition) style references for articles, built from the page's own metadata."""

from django.utils.dateformat import format as format_date
from django.utils.translation import get_language


def apa_name(name):
    """ "Dana Whitfield" -> "Whitfield, D."; "Mary Ann de la Cruz" -> "de la Cruz, M. A."."""
    parts = name.replace(",", " ").split()
    if not parts:
        return ""
    if len(parts) == 1:
        return parts[0]
    # Lower-case particles (de, van, la) belong to the surname.
    cut = len(parts) - 1
    while cut > 1 and parts[cut - 1][0].islower():
        cut -= 1
    given, surname = parts[:cut], " ".join(parts[cut:])
    initials = " ".join(f"{g[0].upper()}." for g in given for g in g.split("-"))
    return f"{surname}, {initials}"


def apa_authors(names):
    names = [apa_name(n) for n in names if n]
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    if len(names) <= 20:
        return ", ".join(names[:-1]) + ", & " + names[-1]
    return ", ".join(names[:19]) + ", . . . " + names[-1]


def apa_citation(authors, date, title, site_name, url):
    """`Whitfield, D., & Hale, M. (2025, March 4). Title. Site. https://...`; on Spanish pages
    `Whitfield, D., y Hale, M. (2025, 4 de marzo). ...`."""
    who = apa_authors([a.name for a in authors]) or site_name
    if get_language() == "es":  # APA in Spanish: "(2025, 4 de marzo)", "s. f." (sin fecha), "y"
        who = who.replace(", & ", ", y ")
        when = f"{date.year}, {date.day} de {format_date(date, 'F')}" if date else "s. f."
    else:
        when = f"{date.year}, {format_date(date, 'F j')}" if date else "n.d."
    title = title.rstrip(".")
    end = "" if title.endswith(("?", "!")) else "."
    return f"{who} ({when}). {title}{end} {site_name}. {url}"
