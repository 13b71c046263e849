"""Words that stigmatize people who use drugs, with person-first alternatives.

Based on NIDA's "Words Matter: Terms to Use and Avoid When Talking About Addiction" (2021,
nida.nih.gov). The plain-language check (plain_language.py) flags these in a page's own text;
first-person pain points and quotations are the speaker's own words and are not checked.

Add a term by adding a row: a regular expression (matched case-insensitively, on word
boundaries), the word as editors will see it, the alternatives, and an optional note."""

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    pattern: str
    term: str
    alternatives: tuple
    note: str = ""

    @property
    def regex(self):
        return re.compile(rf"\b(?:{self.pattern})\b", re.IGNORECASE)


TERMS = [
    Term(
        r"(?:sex |porn |drug |former |recovering |reformed )?addicts?",
        "addict",
        ("person with a substance use disorder", "person with an addiction", "person in recovery"),
    ),
    Term(
        r"alcoholics?(?! anonymous)",
        "alcoholic",
        ("person with alcohol use disorder", "person who drinks too much"),
    ),
    Term(r"abusers?", "abuser", ("person who uses drugs", "person with a substance use disorder")),
    Term(
        r"junkies?|druggies?|crackheads?|potheads?|stoners?|tweakers?",
        "junkie (and similar slang)",
        ("person who uses drugs",),
    ),
    Term(
        r"(?:drug|substance|iv|heroin|meth|opioid) users?",
        "drug user",
        ("person who uses drugs", "person who injects drugs"),
    ),
    Term(
        r"(?:substance|drug|alcohol|opioid|opiate|narcotics?) abuse",
        "substance abuse",
        ("substance use", "substance use disorder", "misuse (for prescription medicine)"),
    ),
    Term(r"drug habits?", "drug habit", ("substance use disorder", "regular substance use")),
    Term(
        r"clean",
        "clean",
        ("in recovery", "not using drugs", "testing negative"),
        "Only a problem when it describes a person or a test result.",
    ),
    Term(
        r"dirty",
        "dirty",
        ("actively using", "testing positive"),
        "Only a problem when it describes a person or a test result.",
    ),
    Term(r"relaps(?:e|es|ed|ing)", "relapse", ("return to use", "recurrence (of use)")),
    Term(
        r"(?:opioid )?(?:replacement|substitution) (?:therapy|treatment)",
        "replacement therapy",
        ("medication for opioid use disorder (MOUD)", "medication treatment"),
    ),
    Term(
        r"medication[- ]assisted treatment|(?-i:MAT)",
        "medication-assisted treatment (MAT)",
        ("medication for opioid use disorder (MOUD)", "medication treatment"),
        "Medication is treatment in its own right, not an add-on.",
    ),
    Term(
        r"(?:born )?addicted (?:babies|baby|newborns?)",
        "addicted baby",
        ("baby with neonatal opioid withdrawal syndrome", "baby exposed to substances"),
    ),
]


def find_terms(text):
    """[(Term, count)] for every term found in `text`, in the list's order."""
    found = []
    for term in TERMS:
        count = len(term.regex.findall(text))
        if count:
            found.append((term, count))
    return found
