"""The sources behind the demo content, in APA 7 fields (one place; pages pick what they cite).

Only real, checkable works. Where a page range or DOI was not certain it is left out rather than
guessed."""


def ref(authors, year, title, source="", volume="", pages="", doi="", url=""):
    return (
        "reference",
        {
            "authors": authors,
            "year": year,
            "title": title,
            "source": source,
            "volume": volume,
            "pages": pages,
            "doi": doi,
            "url": url,
        },
    )


NASEM_2019 = ref(
    "National Academies of Sciences, Engineering, and Medicine",
    "2019",
    "Medications for opioid use disorder save lives",
    "The National Academies Press",
    doi="10.17226/25310",
)
SORDO_2017 = ref(
    "Sordo, L., Barrio, G., Bravo, M. J., Indave, B. I., Degenhardt, L., Wiessing, L., Ferri, M., "
    "& Pastor-Barriuso, R.",
    "2017",
    "Mortality risk during and after opioid substitution treatment: Systematic review and "
    "meta-analysis of cohort studies",
    "BMJ",
    volume="357",
    pages="j1550",
    doi="10.1136/bmj.j1550",
)
APA_AUD_2018 = ref(
    "American Psychiatric Association",
    "2018",
    "The American Psychiatric Association practice guideline for the pharmacological treatment of "
    "patients with alcohol use disorder",
    "American Psychiatric Association Publishing",
    doi="10.1176/appi.books.9781615371969",
)
WEEKS_1962 = ref(
    "Weeks, J. R.",
    "1962",
    "Experimental morphine addiction: Method for automatic intravenous injections in unrestrained rats",
    "Science",
    volume="138(3537)",
    pages="143–144",
    doi="10.1126/science.138.3537.143",
)
ALEXANDER_1978 = ref(
    "Alexander, B. K., Coambs, R. B., & Hadaway, P. F.",
    "1978",
    "The effect of housing and gender on morphine self-administration in rats",
    "Psychopharmacology",
    volume="58(2)",
    pages="175–179",
    doi="10.1007/BF00426903",
)
ALEXANDER_1981 = ref(
    "Alexander, B. K., Beyerstein, B. L., Hadaway, P. F., & Coambs, R. B.",
    "1981",
    "Effect of early and later colony housing on oral ingestion of morphine in rats",
    "Pharmacology Biochemistry and Behavior",
    volume="15(4)",
    pages="571–576",
    doi="10.1016/0091-3057(81)90211-2",
)
PETRIE_1996 = ref(
    "Petrie, B. F.",
    "1996",
    "Environment is not the most important variable in determining oral morphine consumption in Wistar rats",
    "Psychological Reports",
    volume="78(2)",
    pages="391–400",
)
ALEXANDER_2008 = ref(
    "Alexander, B. K.",
    "2008",
    "The globalization of addiction: A study in poverty of the spirit",
    "Oxford University Press",
)
HARI_2015 = ref(
    "Hari, J.",
    "2015",
    "Chasing the scream: The first and last days of the war on drugs",
    "Bloomsbury",
)
HARI_TED_2015 = ref(
    "Hari, J.",
    "2015",
    "Everything you think you know about addiction is wrong [Video]",
    "TED Conferences",
    url="https://www.ted.com/talks/johann_hari_everything_you_think_you_know_about_addiction_is_wrong",
)
WEISS_2018 = ref(
    "Weiss, R.",
    "2018",
    "Prodependence: Moving beyond codependency",
    "Health Communications, Inc.",
)
SCHWARTZ_2020 = ref(
    "Schwartz, R. C., & Sweezy, M.",
    "2020",
    "Internal family systems therapy (2nd ed.)",
    "The Guilford Press",
)
SIEGEL_BRYSON_2020 = ref(
    "Siegel, D. J., & Bryson, T. P.",
    "2020",
    "The power of showing up: How parental presence shapes who our kids become and how their "
    "brains get wired",
    "Ballantine Books",
)
FELITTI_1998 = ref(
    "Felitti, V. J., Anda, R. F., Nordenberg, D., Williamson, D. F., Spitz, A. M., Edwards, V., "
    "Koss, M. P., & Marks, J. S.",
    "1998",
    "Relationship of childhood abuse and household dysfunction to many of the leading causes of "
    "death in adults: The Adverse Childhood Experiences (ACE) Study",
    "American Journal of Preventive Medicine",
    volume="14(4)",
    pages="245–258",
    doi="10.1016/S0749-3797(98)00017-8",
)
KELLY_2020 = ref(
    "Kelly, J. F., Humphreys, K., & Ferri, M.",
    "2020",
    "Alcoholics Anonymous and other 12-step programs for alcohol use disorder",
    "Cochrane Database of Systematic Reviews",
    volume="2020(3)",
    pages="CD012880",
    doi="10.1002/14651858.CD012880.pub2",
)
WHO_ICD11 = ref(
    "World Health Organization",
    "2019",
    "International classification of diseases, 11th revision (ICD-11): 6C72 Compulsive sexual "
    "behaviour disorder",
    "World Health Organization",
    url="https://icd.who.int/",
)
KRAUS_2018 = ref(
    "Kraus, S. W., Krueger, R. B., Briken, P., First, M. B., Stein, D. J., Kaplan, M. S., Voon, V., "
    "Abdo, C. H. N., Grant, J. E., Atalla, E., & Reed, G. M.",
    "2018",
    "Compulsive sexual behaviour disorder in the ICD-11",
    "World Psychiatry",
    volume="17(1)",
    pages="109–110",
    doi="10.1002/wps.20499",
)
APA_DSM5TR_2022 = ref(
    "American Psychiatric Association",
    "2022",
    "Diagnostic and statistical manual of mental disorders (5th ed., text rev.)",
    "American Psychiatric Association Publishing",
    doi="10.1176/appi.books.9780890425787",
)
FDA_NALOXONE_2023 = ref(
    "U.S. Food and Drug Administration",
    "2023",
    "FDA approves first over-the-counter naloxone nasal spray [Press release]",
    "U.S. Food and Drug Administration",
    url="https://www.fda.gov/news-events/press-announcements/fda-approves-first-over-counter-naloxone-nasal-spray",
)
FDA_BENZODIAZEPINES_2020 = ref(
    "U.S. Food and Drug Administration",
    "2020",
    "FDA requiring Boxed Warning updated to improve safe use of benzodiazepine drug class",
    "U.S. Food and Drug Administration",
    url="https://www.fda.gov/drugs/drug-safety-and-availability/"
    "fda-requiring-boxed-warning-updated-improve-safe-use-benzodiazepine-drug-class",
)
ASAM_ALCOHOL_WITHDRAWAL_2020 = ref(
    "American Society of Addiction Medicine",
    "2020",
    "The ASAM clinical practice guideline on alcohol withdrawal management",
    "Journal of Addiction Medicine",
    volume="14(3S)",
    doi="10.1097/ADM.0000000000000668",
)
SAMHSA_HELPLINE = ref(
    "Substance Abuse and Mental Health Services Administration",
    "n.d.",
    "SAMHSA's National Helpline",
    "SAMHSA",
    url="https://www.samhsa.gov/find-help/national-helpline",
)
FINDTREATMENT = ref(
    "Substance Abuse and Mental Health Services Administration",
    "n.d.",
    "FindTreatment.gov",
    "SAMHSA",
    url="https://findtreatment.gov/",
)
LIFELINE_988 = ref(
    "988 Suicide & Crisis Lifeline",
    "n.d.",
    "988 Suicide & Crisis Lifeline",
    "Substance Abuse and Mental Health Services Administration",
    url="https://988lifeline.org/",
)
POISON_HELP = ref(
    "Health Resources and Services Administration",
    "n.d.",
    "Poison Help",
    "U.S. Department of Health and Human Services",
    url="https://poisonhelp.hrsa.gov/",
)
PART_2 = ref(
    "U.S. Department of Health and Human Services",
    "2024",
    "Confidentiality of substance use disorder patient records (42 C.F.R. part 2)",
    "Electronic Code of Federal Regulations",
    url="https://www.ecfr.gov/current/title-42/chapter-I/subchapter-A/part-2",
)
NIDA_WORDS_MATTER = ref(
    "National Institute on Drug Abuse",
    "2021",
    "Words matter: Terms to use and avoid when talking about addiction",
    "National Institutes of Health",
    url="https://nida.nih.gov/nidamed-medical-health-professionals/health-professions-education/"
    "words-matter-terms-to-use-avoid-when-talking-about-addiction",
)
