"""Demo articles, authors and categories (original prose built from the seeds' ideas).

Safe to run again: authors, categories and articles that already exist are left as they are."""

import datetime

from practice_site.demo import callout, ensure_page, quote, section

from .models import Author, BlogCategory, BlogIndexPage, BlogPage, BlogPageAuthor

AUTHORS = [
    {
        "slug": "dana-whitfield",
        "name": "Dana Whitfield",
        "credentials": "LCSW, CSAT",
        "bio": (
            "Dana is a licensed clinical social worker and certified sex addiction therapist. "
            "She works with adults whose sexual behavior or substance use has started to cost "
            "them the relationships they care about, and with their partners. She has led "
            "recovery groups at Harbor Light for more than ten years."
        ),
    },
    {
        "slug": "marcus-hale",
        "name": "Marcus Hale",
        "honorific": "Dr.",
        "credentials": "MD, addiction medicine",
        "bio": (
            "Dr. Hale is a physician board certified in addiction medicine. He looks after the "
            "medical side of recovery at Harbor Light, including medication when it helps, and "
            "works closely with each person's therapist. He has cared for people with substance "
            "use disorders for over twenty years."
        ),
    },
]

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
        "Using to feel less",
        "<p>People often think addiction is about chasing a high. For most people we meet, it "
        "is closer to the opposite. They are not using to feel good. They are using to feel "
        "less: less stress, less sadness, less loneliness, less of an old hurt that never "
        "healed.</p>"
        "<p>That is why promises to stop so often fail. The person means it. But when the hard "
        "feelings come back, the substance or behavior is the one comfort that has always "
        "worked, at least for a little while. It keeps working even as it costs them their "
        "health, money, work and the people they love.</p>",
    ),
    section(
        "Addiction as a problem of closeness",
        "<p>Many people with an addiction learned early in life that other people were not "
        "safe. Someone who should have cared for them hurt them, left them, or was not there. "
        "So when life gets hard, reaching out to another person feels risky. A drink, a pill "
        "or a screen does not judge and does not leave.</p>"
        "<p>Seen this way, addiction is not a moral failing and it is not weakness. It is, at "
        "heart, a problem with intimacy: with letting other people close enough to help. That "
        "view changes what treatment should aim for. Stopping the behavior matters, but it is "
        "only the start. The deeper work is building safe, steady relationships that can give "
        "the comfort the addiction only ever seemed to offer.</p>",
    ),
    section(
        "What the Rat Park experiments showed",
        "<p>In the 1970s, most lab studies of addiction kept a rat alone in a small, bare cage "
        "with two bottles: plain water and water laced with morphine. The rats drank the drug "
        "water again and again. Many researchers took this as proof that the pull of pleasure "
        "drives addiction.</p>"
        "<p>Bruce Alexander, a psychologist at Simon Fraser University near Vancouver, noticed "
        "a problem. An isolated rat in an empty cage has nothing else to do. Around 1980, he "
        "and his team built what they called Rat Park: a home about 200 times larger than a "
        "standard cage, with room to explore, things to play with, plenty of food, and 16 to "
        "20 rats of both sexes living together.</p>"
        "<p>Given the same two bottles, the rats in Rat Park mostly left the morphine water "
        "alone. The isolated rats drank far more of it. Company, space and something to do "
        "made the drug much less appealing.</p>",
    ),
    quote(
        "The rats in Rat Park had a life worth staying present for. The isolated rats had only the bottle.",
        "Dana Whitfield, LCSW, CSAT",
    ),
    callout(
        "<p>Rat Park is one study, in rats, and later attempts to repeat it had mixed results. "
        "It does not prove that loneliness causes every addiction. It is a helpful picture of "
        "something we see every day: people use more when they feel cut off, and less when "
        "they feel connected.</p>",
        heading="A note on the research",
        tone="note",
    ),
    section(
        "People need more than a bigger cage",
        "<p>A rat placed in a lively colony joins in quickly. People take longer. If you have "
        "learned that closeness leads to hurt, a room full of kind people can still feel "
        "unsafe. Trust has to be built a little at a time.</p>"
        "<p>That is what good treatment does. Therapy gives a person one steady relationship "
        "to practice in. Recovery groups and 12-step meetings add people who understand from "
        "the inside. Over time, many people find they can turn to a partner, a friend or a "
        "sponsor on a hard night instead of turning to the old habit.</p>",
    ),
    section(
        "Healing happens with other people",
        "<p>Willpower, shame and threats rarely lead to lasting change. Connection often does. "
        "Recovery is slow work, and setbacks are common. But we have watched many people move "
        "from hiding and using alone to a life with real friends and honest closeness.</p>"
        "<p>If you see yourself in this article, you do not have to start by fixing "
        "everything. You can start with one conversation.</p>",
    ),
]

HEALING_BODY = [
    section(
        "Why do some people recover?",
        "<p>Early in my medical training, I was taught that people with addictions rarely got "
        "better. Medicines and procedures that helped with other illnesses did little on their "
        "own for addiction. I believed it, until I began to meet people who had recovered.</p>"
        "<p>Most of them had not been helped by a pill or by private therapy alone. What they "
        "had in common was other people. Somewhere along the way, they had formed a real bond "
        "with someone who understood, very often someone who was already in recovery.</p>",
    ),
    section(
        "Alone in a crowded life",
        "<p>When people first come to see us, many seem to have full social lives. They have "
        "jobs, families, friends and busy calendars. Yet underneath, almost all of them feel "
        "deeply alone. They do not believe anyone truly knows them, or would stay if they "
        "did.</p>"
        "<p>That hidden loneliness feeds hopelessness, distrust and a harsh view of oneself. "
        "Those feelings push people back toward using, which makes them feel more alone. It "
        "can feel like being locked inside a cell.</p>",
    ),
    quote(
        "Joining a group can put the key in the lock. Making a real connection with one person "
        "who has been there is what turns it.",
        "Dr. Marcus Hale, MD",
    ),
    section(
        "Where medication fits",
        "<p>Medication can help a great deal. Buprenorphine eases cravings and withdrawal for "
        "many people with opioid use disorder. Disulfiram can help some people with alcohol "
        "use disorder stay on track. We offer these medicines when they make sense, and we "
        "think every program should.</p>"
        "<p>Still, medication works best as support, not as the main event. Think of how "
        "anesthesia supports surgery. It matters, and nobody would want to go without it, but "
        "it is not the surgery itself. In recovery, the main work is rebuilding trust and "
        "connection. Addiction is not only a brain problem; it involves the body, the mind and "
        "a person's relationships.</p>",
    ),
    callout(
        "<p>Stopping some medicines suddenly can be risky. Please talk with a doctor before "
        "you start, change or stop any medication.</p>",
        heading="Talk to your doctor first",
        tone="important",
    ),
    section(
        "Relationships are the foundation",
        "<p>People recover in many different ways, so we offer many kinds of help: individual "
        "and group therapy, family sessions, medication and links to peer support. What ties "
        "them together is the relationship. Everything else we do rests on it.</p>"
        "<p>Recovery is possible. It is rarely quick, and it is almost never done alone.</p>",
    ),
]

FAMILY_BODY = [
    section(
        "You are not overreacting",
        "<p>Worrying about someone's drinking, drug use or sexual behavior is exhausting. You "
        "may feel angry, scared and guilty all in the same day. You may wonder if you caused "
        "it, or if you are making too much of it. Your worry makes sense, and you deserve "
        "support too.</p>",
    ),
    section(
        "A few places to start",
        "<ul><li><b>Learn a little.</b> Addiction is often a way of coping with pain, not a "
        "choice to hurt you.</li><li><b>Pick a calm moment.</b> Talk when neither of you is "
        "upset or using. Say what you have seen and how you feel, without labels.</li>"
        "<li><b>Set limits you can keep.</b> Decide what you will and won't do, such as "
        "not covering for missed work, and follow through kindly.</li><li><b>Get your own "
        "support.</b> A therapist or a family group can help you stay steady whatever your "
        "loved one decides.</li></ul>",
    ),
    callout(
        "<p>If someone may have overdosed, or may harm themselves or others, call 911 now. "
        "For a mental health crisis, call or text 988.</p>",
        heading="In an emergency",
        tone="help",
    ),
    section(
        "Connection helps more than pressure",
        "<p>Shaming and threats tend to push people further into hiding. Staying connected, "
        "while still being honest about your limits, keeps the door open. Many people enter "
        "treatment because someone who loved them stayed close and kept inviting them.</p>",
    ),
]

ARTICLES = [
    {
        "slug": "healing-happens-in-community",
        "title": "Healing Happens in Community",
        "standfirst": (
            "Many people use to feel less, not to feel good. The Rat Park experiments, and our "
            "own work, suggest that safe connection is what makes lasting change possible."
        ),
        "search_description": (
            "Why addiction is often a problem of closeness, what Bruce Alexander's Rat Park "
            "experiments showed, and how healing happens through safe connection."
        ),
        "date": datetime.date(2025, 3, 4),
        "last_updated": datetime.date(2025, 9, 12),
        "body": COMMUNITY_BODY,
        "authors": ["dana-whitfield"],
        "categories": ["sex-and-intimacy", "recovery"],
        "tags": ["connection", "intimacy", "research"],
    },
    {
        "slug": "recovery-is-possible-healing-relationships",
        "title": "Recovery Is Possible: the Power of Healing Relationships",
        "standfirst": (
            "Medication can help, but the people who recover almost always have one thing in "
            "common: a real connection with someone who understands."
        ),
        "search_description": (
            "A doctor's view of why relationships are the foundation of addiction recovery, and "
            "where medication such as buprenorphine fits in."
        ),
        "date": datetime.date(2025, 5, 20),
        "body": HEALING_BODY,
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
        authors[data["slug"]], _ = Author.objects.get_or_create(slug=data["slug"], defaults=fields)
    return authors


def ensure_categories():
    categories = {}
    for slug, name, description in CATEGORIES:
        categories[slug], _ = BlogCategory.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description}
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
        specialty = SpecialtyPage.objects.filter(slug=slug).first()
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
        search_description="Articles on addiction, trauma, intimacy and recovery from our clinicians.",
        intro="<p>Plain-spoken articles about addiction, relationships and recovery.</p>",
    )
    authors = ensure_authors()
    categories = ensure_categories()
    for data in ARTICLES:
        ensure_article(index, data, authors, categories)
    link_specialty_topics(categories)
    return index
