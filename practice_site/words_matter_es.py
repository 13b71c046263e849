"""Spanish words that label or shame people who use drugs, with person-first alternatives.

The Spanish counterpart of words_matter.py, after the same NIDA guidance ("Words Matter", 2021)
and the way US public-health agencies write in Spanish ("una persona con un trastorno por consumo
de sustancias", "una persona en recuperación"). The plain-language check uses this list on pages
whose locale is Spanish; as in English, first-person pain points and quotations are the
speaker's own words and are not checked.

Patterns are matched case-insensitively on word boundaries (Python's `\\b` knows accented
letters), so "adicción" and "adictiva" are not caught by the pattern for "adicto"."""

from .words_matter import Term

PERSON_FIRST = (
    "persona con un trastorno por consumo de sustancias",
    "persona con una adicción",
    "persona en recuperación",
)

TERMS = [
    Term(r"(?:drog)?adict[oa]s?", "adicto / drogadicto", PERSON_FIRST),
    Term(
        # "bebidas alcohólicas" describes drinks and "Alcohólicos Anónimos" is a name: both fine.
        r"(?<!bebida )(?<!bebidas )alcohólic[oa]s?(?! anónim)",
        "alcohólico",
        ("persona con un trastorno por consumo de alcohol", "persona que bebe demasiado"),
        "Como etiqueta para una persona. «Alcohólicos Anónimos» y «bebida alcohólica» están bien.",
    ),
    Term(
        r"yonquis?|yonkis?|tecat[oa]s?|drogatas?|borrach[oa]s?|marihuan[oa]s?",
        "yonqui, tecato, borracho (y jerga parecida)",
        ("persona que consume drogas", "persona que bebe demasiado"),
    ),
    Term(r"abusador(?:es|as?)?", "abusador", ("persona que consume drogas", PERSON_FIRST[0])),
    Term(
        r"abuso de (?:sustancias|drogas|alcohol|opioides|opiáceos|estupefacientes)",
        "abuso de sustancias",
        ("consumo de sustancias", "trastorno por consumo de sustancias", "uso indebido (de un medicamento)"),
        "«Abuso» de un niño o de una persona mayor es otra cosa y no se marca.",
    ),
    Term(
        r"consumidor(?:es|as?)? de (?:drogas|sustancias|heroína|metanfetamina|opioides|cocaína)",
        "consumidor de drogas",
        ("persona que consume drogas", "persona que se inyecta drogas"),
    ),
    Term(r"vicios[oa]s?|vicios?", "vicio / vicioso", ("consumo", "adicción", "hábito que hace daño")),
    Term(r"drogadicción", "drogadicción", ("adicción", "trastorno por consumo de drogas")),
    Term(
        r"limpi[oa]s?",
        "limpio",
        ("en recuperación", "que no consume", "resultado negativo"),
        "Solo es un problema cuando describe a una persona o el resultado de una prueba.",
    ),
    Term(
        r"suci[oa]s?",
        "sucio",
        ("que consume ahora", "resultado positivo"),
        "Solo es un problema cuando describe a una persona o el resultado de una prueba.",
    ),
    Term(
        r"reca(?:ídas?|er|yó|yeron|yendo)",
        "recaída",
        ("volver a consumir", "retomar el consumo"),
    ),
    Term(
        r"terapias? (?:de )?(?:sustitución|reemplazo)|tratamientos? (?:de )?(?:sustitución|reemplazo)",
        "terapia de sustitución",
        ("medicamentos para el trastorno por consumo de opioides", "tratamiento con medicamentos"),
        "El medicamento es un tratamiento en sí mismo, no un sustituto.",
    ),
]


def find_terms(text):
    """[(Term, count)] for every Spanish term found in `text`, in the list's order."""
    found = []
    for term in TERMS:
        count = len(term.regex.findall(text))
        if count:
            found.append((term, count))
    return found
