"""Demo articles, authors and categories (original prose built from the seeds' ideas).

Safe to run again: authors, categories and articles that already exist are left as they are."""

import datetime

from wagtail.models import Locale

from practice_site.demo import callout, ensure_page, quote, section
from practice_site.demo_references import (
    ALEXANDER_1978,
    ALEXANDER_1981,
    ALEXANDER_2008,
    APA_AUD_2018,
    FDA_NALOXONE_2023,
    FELITTI_1998,
    HARI_2015,
    HARI_TED_2015,
    KELLY_2020,
    LIFELINE_988,
    NASEM_2019,
    PETRIE_1996,
    SORDO_2017,
    WEEKS_1962,
    WEISS_2018,
)

from .models import Author, BlogCategory, BlogIndexPage, BlogPage, BlogPageAuthor

AUTHORS = [
    {
        "slug": "dana-whitfield",
        "name": "Dana Whitfield",
        "credentials": "LCSW, CSAT",
        "degree": "Master of Social Work (MSW)",
        "license_type": "Licensed Clinical Social Worker (LCSW)",
        "license_number": "DEMO-L1047",
        "license_states": "Oregon",
        "training": "Certified Sex Addiction Therapist (CSAT)\nIFS Level 1 (IFS Institute)",
        "languages": "English",
        "bio": (
            "Dana is a licensed clinical social worker and certified sex addiction therapist. "
            "She works with adults whose sexual behavior or substance use has started to cost "
            "them the relationships they care about, and with their partners. She has led "
            "recovery groups at the practice for more than ten years."
        ),
    },
    {
        "slug": "marcus-hale",
        "name": "Marcus Hale",
        "honorific": "Dr.",
        "credentials": "MD",
        "degree": "Doctor of Medicine (MD)",
        "license_type": "Physician (MD), board certified in addiction medicine",
        "license_number": "DEMO-MD20931",
        "license_states": "Oregon, Washington",
        "training": "Board certified in addiction medicine (American Board of Preventive Medicine)",
        "languages": "English",
        "bio": (
            "Dr. Hale is a physician board certified in addiction medicine. He looks after the "
            "medical side of care at the practice. That includes medication for opioid and "
            "alcohol use disorder, which he can start at the first visit. He works closely with "
            "each person's therapist."
        ),
    },
    {
        "slug": "naomi-castillo",
        "name": "Naomi Castillo",
        "honorific": "Dr.",
        "credentials": "MD",
        "degree": "Doctor of Medicine (MD)",
        "license_type": "Physician (MD), psychiatrist, board certified in addiction psychiatry",
        "license_number": "DEMO-MD18452",
        "license_states": "Oregon",
        "training": "Board certified in psychiatry and addiction psychiatry\nIFS Level 1 (IFS Institute)",
        "languages": "English, Spanish",
        "bio": (
            "Dr. Castillo is our clinical director. She is a psychiatrist who treats addiction "
            "together with depression, anxiety and trauma. She checks every health page on "
            "this site before it goes live, and again at least once a year."
        ),
    },
]

# The clinician whose account reviews the demo content (see practice_site/demo.py).
DEMO_REVIEWER_SLUG = "naomi-castillo"

CATEGORIES = [
    (
        "sex-and-intimacy",
        "Sex and Intimacy",
        "Sexual behavior, intimacy and trust: how addiction affects them and how they heal.",
    ),
    ("recovery", "Recovery", "What recovery looks like, what helps, and what to expect along the way."),
    (
        "family-and-relationships",
        "Family and Relationships",
        "For partners, parents and friends of someone who is using, and for couples in recovery.",
    ),
]

COMMUNITY_BODY = [
    section(
        "Relief, not pleasure",
        "<p>Many people picture addiction as a hunt for a high. That is not what most people "
        "tell us. What they describe is relief. A drink or a pill turns down stress, grief or "
        "fear for a while. A screen fills a lonely night.</p>"
        "<p>So a promise to quit is hard to keep. The person means it. But when the hard "
        "feelings return, the old habit is the one thing that has always eased them, at least "
        "for an hour. It keeps its hold even as it takes a toll on health, money, work and "
        "love.</p>",
    ),
    section(
        "Addiction and closeness",
        "<p>Addiction has many roots. Genes, stress, mental health, the people around us and "
        "how easy a drug is to get all play a part. For many of the people we meet, hurt from "
        "childhood is one of those roots. Large studies link hard childhood events with a "
        "higher risk of substance use problems later in life (Felitti et al., 1998).</p>"
        "<p>If the people who should have kept you safe hurt you or left, reaching out can feel "
        "risky. A bottle or a screen does not judge you and does not walk away. The therapist "
        "Robert Weiss describes addiction as, in part, a problem with intimacy: with letting "
        "people close enough to help (Weiss, 2018). This view does not replace medical care. "
        "It adds a goal: besides cutting down or stopping, build steady, safe bonds that give "
        "real comfort.</p>",
    ),
    section(
        "What the Rat Park experiments found",
        "<p>In the 1960s, researchers learned to let a lab rat give itself a drug through a thin "
        "tube into a vein, by pressing a lever (Weeks, 1962). In studies like these, rats often "
        "lived alone in small cages, and many took large amounts of drugs. Some saw this as "
        "proof that drugs alone cause addiction.</p>"
        "<p>Bruce Alexander, a psychologist at Simon Fraser University near Vancouver, "
        "wondered about the cage. From 1978 to 1981, he and his colleagues ran a new set of "
        "tests. Some rats lived alone in standard cages. Others lived in a large shared space, "
        "with room to explore and other rats to be with. The team called it Rat Park. Every "
        "rat could choose between two bottles: plain water, and sweet water with morphine in "
        "it. The rats in Rat Park drank much less of the morphine water than the rats living "
        "alone (Alexander et al., 1978, 1981).</p>",
    ),
    callout(
        "<p>Rat Park is a small set of studies, in rats. Other labs have not always found the "
        "same result (Petrie, 1996), and Alexander himself wrote that the findings need care "
        "(Alexander, 2008). It does not prove that loneliness causes addiction. It does fit "
        "what we see every day: many people use more when they feel cut off, and less when "
        "they feel connected.</p>",
        heading="A note on the research",
        tone="note",
    ),
    quote(
        "The opposite of addiction is not sobriety. The opposite of addiction is connection.",
        "Johann Hari",
        source="Everything you think you know about addiction is wrong (TED talk, 2015)",
        source_url="https://www.ted.com/talks/johann_hari_everything_you_think_you_know_about_addiction_is_wrong",
    ),
    section(
        "People need more than a bigger cage",
        "<p>People are not rats. If you have learned that being close to others leads to hurt, "
        "a room full of kind people can still feel unsafe. Trust grows a little at a time.</p>"
        "<p>Good care makes room for that. Therapy gives a person one steady relationship to "
        "practice in. Peer groups add people who understand from the inside. For alcohol use "
        "disorder, there is good evidence that 12-step groups help many people stay sober "
        "(Kelly et al., 2020). Over time, many people find they can call a partner, a friend or "
        "a sponsor on a hard night.</p>",
    ),
    section(
        "Healing happens with other people",
        "<p>Shame and threats rarely lead to lasting change. Support often does. Recovery is "
        "slow, and a return to use is common along the way. It is a reason to adjust the plan, "
        "not to give up.</p>"
        "<p>If you see yourself in this article, you don't have to fix everything at once. You "
        "can start with one conversation.</p>",
    ),
]

COMMUNITY_REFERENCES = [
    FELITTI_1998,
    WEISS_2018,
    WEEKS_1962,
    ALEXANDER_1978,
    ALEXANDER_1981,
    PETRIE_1996,
    ALEXANDER_2008,
    HARI_TED_2015,
    HARI_2015,
    KELLY_2020,
]

HEALING_BODY = [
    section(
        "Many paths to recovery",
        "<p>People recover from addiction in many ways. Some use medication. Some join a peer "
        "group. Some work with a therapist, and many do all three. There is no single right "
        "path, and you don't have to pick just one.</p>"
        "<p>What we do see again and again is that people rarely recover alone. Somewhere along "
        "the way, most find at least one person who understands. Often it is someone who has "
        "been there too.</p>",
    ),
    section(
        "Alone in a busy life",
        "<p>Many people who come to us have jobs, families and full calendars. From the outside, "
        "they look connected. Inside, many feel that nobody really knows them, or would stay if "
        "they did.</p>"
        "<p>That hidden loneliness can feed a sense of hopelessness and a harsh inner voice. "
        "Those feelings can pull a person back toward using, which deepens the loneliness. "
        "Breaking that loop is a big part of our work.</p>",
    ),
    section(
        "Medication saves lives",
        "<p>For opioid use disorder, medication is the first-line treatment. Buprenorphine and "
        "methadone ease cravings and withdrawal. Large studies show they cut the risk of dying "
        "by about half (NASEM, 2019; Sordo et al., 2017). Extended-release naltrexone is "
        "another option. These medicines should never be held back because someone is not in "
        "counseling (NASEM, 2019).</p>"
        "<p>For alcohol use disorder, the first medicines to consider are naltrexone and "
        "acamprosate (American Psychiatric Association, 2018). Other medicines may help some "
        "people. Your doctor can tell you which fit you.</p>"
        "<p>Our physician can start medication at your first visit. Therapy and peer support "
        "work well alongside it. You don't have to choose between them.</p>",
    ),
    callout(
        "<p>Please talk with a doctor before you start, change or stop any medicine. Stopping "
        "some medicines, or alcohol, all at once can be dangerous.</p>",
        heading="Talk to your doctor first",
        tone="important",
    ),
    section(
        "Relationships hold it together",
        "<p>We offer many kinds of help: individual and group therapy, family sessions, "
        "medication, and links to peer support. What ties them together is a steady, honest "
        "relationship with the people who care for you.</p>"
        "<p>Recovery is possible. It is rarely quick, and it is almost never done alone.</p>",
    ),
]

HEALING_REFERENCES = [NASEM_2019, SORDO_2017, APA_AUD_2018, KELLY_2020]

FAMILY_BODY = [
    section(
        "Your worry makes sense",
        "<p>Worrying about someone's drinking, drug use or sexual behavior is draining. You "
        "may feel angry, scared and guilty all in one day. You may wonder if you caused it, or "
        "if you are making too much of it. Your worry matters, and you deserve support too.</p>",
    ),
    section(
        "A few places to start",
        "<ul><li><b>Learn a little.</b> Addiction is a health condition, not a choice to hurt "
        "you.</li><li><b>Pick a calm moment.</b> Talk when neither of you is upset or using. "
        "Say what you have seen and how you feel, without labels.</li>"
        "<li><b>Set limits you can keep.</b> Decide what you will and won't do, such as "
        "not covering for missed work, and follow through kindly.</li><li><b>Get your own "
        "support.</b> A therapist or a family group can help you stay steady, whatever your "
        "loved one decides.</li><li><b>Keep naloxone at home</b> if anyone in your home uses "
        "opioids. It can reverse an overdose, and you can buy it without a prescription "
        "(U.S. Food and Drug Administration, 2023).</li></ul>",
    ),
    callout(
        "<p>If someone may have overdosed, or may harm themselves or others, call 911 now. "
        "For a mental health crisis, call or text 988.</p>",
        heading="In an emergency",
        tone="help",
    ),
    section(
        "Connection helps more than pressure",
        "<p>Shame and threats tend to push people further into hiding. Staying close, while "
        "being honest about your limits, keeps the door open. Many people start treatment "
        "because someone who loved them stayed near and kept inviting them.</p>",
    ),
]

FAMILY_REFERENCES = [FDA_NALOXONE_2023, LIFELINE_988]

ARTICLES = [
    {
        "slug": "healing-happens-in-community",
        "title": "Healing Happens in Community",
        "standfirst": (
            "Most people we meet use for relief, not for a high. Research, including Bruce "
            "Alexander's Rat Park studies, and our own work point to safe connection as a key "
            "part of lasting change."
        ),
        "search_description": (
            "How addiction and closeness are linked, what Bruce Alexander's Rat Park "
            "experiments did and did not show, and how healing happens with other people."
        ),
        "date": datetime.date(2025, 3, 4),
        "last_updated": datetime.date(2025, 9, 12),
        "body": COMMUNITY_BODY,
        "references": COMMUNITY_REFERENCES,
        "authors": ["dana-whitfield"],
        "categories": ["sex-and-intimacy", "recovery"],
        "tags": ["connection", "intimacy", "research"],
    },
    {
        "slug": "recovery-is-possible-healing-relationships",
        "title": "Recovery Is Possible: the Power of Healing Relationships",
        "standfirst": (
            "People recover in many ways. Medication saves lives, and steady, honest "
            "relationships help people keep going."
        ),
        "search_description": (
            "Why relationships matter in addiction recovery, and why medication for opioid and "
            "alcohol use disorder is first-line care that works alongside them."
        ),
        "date": datetime.date(2025, 5, 20),
        "body": HEALING_BODY,
        "references": HEALING_REFERENCES,
        "authors": ["marcus-hale", "dana-whitfield"],
        "categories": ["recovery"],
        "tags": ["connection", "medication", "peer support"],
    },
    {
        "slug": "when-someone-you-love-is-using",
        "title": "When Someone You Love Is Using: Where to Start",
        "standfirst": (
            "Worried about a partner, child or friend? A few calm first steps can help you both, "
            "whatever they decide."
        ),
        "search_description": (
            "First steps for partners, parents and friends of someone who is using: how to "
            "talk, set limits and find support for yourself."
        ),
        "date": datetime.date(2025, 8, 7),
        "body": FAMILY_BODY,
        "references": FAMILY_REFERENCES,
        "authors": ["dana-whitfield"],
        "categories": ["family-and-relationships"],
        "tags": ["families", "connection"],
    },
]

# Which subjects each demo specialty page's "related articles" match on (slug: categories, tags).
SPECIALTY_TOPICS = {
    "compassionate-approach-to-addiction": (["recovery"], ["connection"]),
    "addiction-and-intimacy-framework": (["sex-and-intimacy"], ["intimacy"]),
    "sex-addiction-and-attachment": (["sex-and-intimacy"], ["intimacy", "connection"]),
}


def ensure_authors():
    authors = {}
    for data in AUTHORS:
        fields = {k: v for k, v in data.items() if k != "slug"}
        # The English profiles (their Spanish translations share the slug: practice_site.demo_es).
        authors[data["slug"]], _ = Author.objects.get_or_create(
            slug=data["slug"], locale=Locale.get_default(), defaults=fields
        )
    return authors


def ensure_demo_reviewer():
    """The demo clinical director's admin account (no password: it can't sign in), in the
    Clinical reviewers group and linked to her clinician profile. Left alone if it exists."""
    from django.contrib.auth import get_user_model

    from practice_site.review_workflow import ensure_reviewers_group

    author = Author.objects.filter(slug=DEMO_REVIEWER_SLUG, locale=Locale.get_default()).first()
    if author is None:
        return None
    if author.user_id:
        return author.user
    user, created = get_user_model().objects.get_or_create(
        username="demo-clinical-reviewer",
        defaults={"first_name": author.name.split()[0], "last_name": author.name.split()[-1]},
    )
    if created:
        user.set_unusable_password()
        user.save()
        user.groups.add(ensure_reviewers_group())
    if not Author.objects.filter(user=user).exists():
        author.user = user
        author.save(update_fields=["user"])
    return user


def ensure_categories():
    categories = {}
    for slug, name, description in CATEGORIES:
        categories[slug], _ = BlogCategory.objects.get_or_create(
            slug=slug, locale=Locale.get_default(), defaults={"name": name, "description": description}
        )
    return categories


def ensure_article(index, data, authors, categories):
    existing = index.get_children().filter(slug=data["slug"]).first()
    if existing:
        return existing.specific
    fields = {k: v for k, v in data.items() if k not in ("authors", "categories", "tags")}
    page = BlogPage(**fields)
    page.author_links = [
        BlogPageAuthor(author=authors[slug], sort_order=position)
        for position, slug in enumerate(data["authors"])
    ]
    page.categories = [categories[slug] for slug in data["categories"]]
    page.tags.add(*data["tags"])
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def link_specialty_topics(categories):
    """Give the demo specialty pages subjects to match related articles on. Pages an editor has
    already given subjects, or has unpublished changes on, are left alone."""
    from specialties.models import SpecialtyPage

    for slug, (category_slugs, tags) in SPECIALTY_TOPICS.items():
        specialty = SpecialtyPage.objects.filter(slug=slug, locale=Locale.get_default()).first()
        if specialty is None or specialty.has_unpublished_changes or specialty.related_categories.exists():
            continue
        specialty.related_categories = [categories[c] for c in category_slugs]
        specialty.related_tags.add(*tags)
        specialty.save_revision().publish()


def load(home):
    index = ensure_page(
        home,
        BlogIndexPage,
        "blog",
        title="Blog",
        search_description="Our clinicians write about addiction and the way back to the people you love.",
        intro="<p>Short reads in plain words.</p>",
    )
    authors = ensure_authors()
    categories = ensure_categories()
    for data in ARTICLES:
        ensure_article(index, data, authors, categories)
    link_specialty_topics(categories)
    return index
