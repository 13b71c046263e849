"""Demo specialty pages, written in original prose from the ideas in the seeds.

Between them the pages use every block a specialty page offers: section, principles, framework
steps, scenario, quote, questions and answers, callout and call to action."""

from practice_site.demo import callout, cta, ensure_page, faq, quote, section

from .models import SpecialtyIndexPage, SpecialtyPage


def principles(heading, items):
    return ("principles", {"heading": heading, "principles": items})


def steps(heading, items, intro=""):
    keys = ("title", "body", "pro_tip", "warning")
    return (
        "steps",
        {"heading": heading, "intro": intro, "steps": [dict(zip(keys, item, strict=True)) for item in items]},
    )


def scenario(who, story):
    return ("scenario", {"who": who, "story": story})


COMPASSIONATE_APPROACH = dict(
    title="A Compassionate Approach to Addiction",
    search_description=(
        "Addiction often starts as a way to survive pain. We use Internal Family Systems (IFS) "
        "therapy to heal what lies underneath, with kindness instead of force."
    ),
    summary=(
        "Addiction is often a way of coping with pain that once helped you get through. We use "
        "Internal Family Systems therapy to understand that pain with kindness, not force, and "
        "to help you find new ways to cope."
    ),
    pain_point=(
        "I keep telling myself this is the last time. Then the day gets hard, and I reach for "
        "the same thing again.\n\n"
        "People tell me I just need more willpower. But it doesn't feel like a choice. It feels "
        "like the only thing that quiets the noise inside. Some nights I wonder if I'm just an "
        "addict, and that's all I'll ever be.\n\n"
        "I'm tired of hiding. I'm tired of hating myself for it. I want someone to understand why "
        "I do it."
    ),
    body=[
        section(
            "Your addiction once made sense",
            "<p>Addiction rarely starts as a problem. It often starts as a solution. When pain, "
            "fear or loneliness felt too big, something gave you relief. It helped you get "
            "through.</p>"
            "<p>That doesn't mean it is good for you now. It means you are not weak or bad. A part "
            "of you found a way to survive, and it has been working hard ever since.</p>",
        ),
        section(
            "Getting to know your parts",
            "<p>We use Internal Family Systems therapy, often called IFS. IFS sees the mind as a "
            "family of parts. Each part has its own feelings and its own job.</p>"
            "<ul><li><b>Protective parts</b> try to keep you safe. One of them may reach for a "
            "drink, a screen or a pill when feelings get too strong.</li>"
            "<li><b>Wounded parts</b> carry old hurts, such as shame, fear or grief.</li>"
            "<li>Beneath all the parts is your <b>Self</b>: a calm, curious and kind center that "
            "every person has.</li></ul>"
            "<p>In therapy, we don't fight the part that uses. We get curious about it. What is it "
            "afraid would happen if it stopped? When a protective part feels understood, it often "
            "has less need to take over.</p>",
        ),
        callout(
            "<p>We will never try to shame or scare you into change. Pressure tends to make "
            "protective parts hold on tighter. Safety and kindness give them room to rest.</p>",
            heading="No force, no shame",
        ),
        section(
            "A path that sees the whole person",
            "<p>You are more than your addiction. You have a story, people you care about and "
            "hopes of your own. So we look at the whole picture, not just the habit.</p>"
            "<p>Along with IFS, your care may include:</p>"
            "<ul><li><b>Mindfulness</b>, to notice cravings and feelings without being swept "
            "away by them.</li>"
            "<li><b>Trauma-informed care</b>, so you set the pace and never have to face more "
            "than you can handle.</li>"
            "<li><b>Community</b>, such as peer support groups and the people in your life who "
            "want to help.</li></ul>"
            "<p>Together, we shape a plan that fits your needs and your life.</p>",
        ),
        cta(
            "Curious whether IFS could help you?",
            "Call us and ask. We can explain how a first session works, and you can decide from there.",
        ),
        section(
            "Reclaiming your life",
            "<p>Healing takes time, and it rarely goes in a straight line. Slips can happen. They "
            "are a chance to learn, not a reason to give up.</p>"
            "<p>As old wounds heal, many people find the pull of the addiction loosens. They find "
            "new ways to cope. They rebuild trust with themselves and with others. We can't "
            "promise how your path will go. We can promise to walk it with you, with respect.</p>",
        ),
        faq(
            "Questions people ask about this approach",
            [
                (
                    "Do I need to stop using before I start therapy?",
                    "<p>No. Many people start therapy while they are still using. We begin where "
                    "you are. If stopping suddenly could be unsafe, as it can be with alcohol and "
                    "some drugs, we will help you find medical support.</p>",
                ),
                (
                    "What is a session of IFS like?",
                    "<p>It is a calm conversation. We may ask you to notice a feeling and get "
                    "curious about it, like meeting a part of yourself. You stay in charge, and "
                    "you can pause at any time.</p>",
                ),
            ],
        ),
    ],
)

INTIMACY_FRAMEWORK = dict(
    title="The Addiction and Intimacy Framework",
    search_description=(
        "How addiction, trauma and intimacy are linked, and three steps toward healing through "
        "safe, close relationships."
    ),
    summary=(
        "Addiction often grows out of trauma and disconnection. This framework puts safe, close "
        "relationships at the center of healing, with three practical steps you can start on "
        "with support."
    ),
    pain_point=(
        "I can be in a room full of people and still feel alone. Getting close to anyone feels "
        "risky, so I keep my distance.\n\n"
        "When the loneliness gets loud, I turn to the one thing that never asks anything of me. "
        "It helps for a little while. Then I feel even more cut off than before.\n\n"
        "I want real closeness. I just don't know how to let anyone in."
    ),
    body=[
        section(
            "We heal in connection",
            "<p>The heart of this framework is simple: people heal in connection. Willpower on its "
            "own is rarely enough.</p>"
            "<p>The Addiction and Intimacy Framework looks at how addiction, trauma and closeness "
            "are linked. It sees addiction as something that happens between people, not only "
            "inside one person. So the work is about relationships, including the one you have "
            "with yourself.</p>",
        ),
        principles(
            "What the framework believes",
            [
                "Addiction is often a sign of deeper pain, from trauma or from hurt in relationships.",
                "Trauma and disconnection sit at the root of many addictions.",
                "Lasting recovery means tending to those roots, not only the habit.",
                "Closeness and connection are essential for healing.",
            ],
        ),
        steps(
            "Three steps toward connection",
            [
                (
                    "Address the underlying trauma",
                    "Together we look gently at the hurts that feed the addiction. These may "
                    "include childhood trauma, neglect, abuse or painful losses. We go at a pace "
                    "that feels safe to you.",
                    "Facing hard feelings takes courage. You don't have to do it all at once, and "
                    "you don't have to do it alone.",
                    "Brushing trauma aside as “in the past”. When the roots are ignored, old "
                    "patterns tend to come back.",
                ),
                (
                    "Foster intimacy and connection",
                    "Healing grows in relationships built on respect, empathy and understanding. "
                    "We help you build and keep those bonds, with a partner, family, friends or a "
                    "support group.",
                    "Honest talk helps, even when it feels awkward. Naming a harmful pattern out "
                    "loud is often the first step to changing it.",
                    "Relationships that keep the addiction going, such as covering for someone, "
                    "or staying silent to keep the peace.",
                ),
                (
                    "Practice self-care and self-compassion",
                    "The way you treat yourself matters too. We help you give yourself the same "
                    "patience you would give a good friend.",
                    "Small daily habits add up: a few quiet breaths, a short walk, a kind word to "
                    "yourself after a hard day.",
                    "Pushing your own needs and feelings aside. Running on empty makes old ways of "
                    "coping more tempting.",
                ),
            ],
            intro="These steps overlap. Most people work on all three at once, at their own pace.",
        ),
        section(
            "What this can look like",
            "<p>These two examples are made up. They show the kind of change the framework aims "
            "for. Everyone's path is different.</p>",
        ),
        scenario(
            "A person working on their own recovery",
            "Sam has used alcohol for years to get through lonely nights. In therapy, Sam starts "
            "to look at the hurt of growing up in a home that never felt safe. Little by little, "
            "Sam reaches out to an old friend and joins a peer group. The urge to drink still "
            "comes. But now there is someone to call, and Sam is learning to be kinder to "
            "themselves.",
        ),
        scenario(
            "A therapist and a client",
            "Alex comes to therapy expecting to be judged. Instead, the therapist listens, stays "
            "steady and keeps showing up. Over time, the therapy room becomes a place where Alex "
            "can practice being honest and being known. What Alex learns there slowly spreads to "
            "the rest of life: to family, to friends and to how Alex talks to themselves.",
        ),
        section(
            "Where the framework comes from",
            "<p>The framework grew from something therapists see again and again. Addiction is "
            "often a sign of deeper hurt, from past trauma and from relationships that didn't "
            "feel safe. And people tend to heal when they have safe, caring connection. The "
            "framework puts those two ideas at the center of care.</p>",
        ),
    ],
)

SEX_ADDICTION_AND_ATTACHMENT = dict(
    title="Sex Addiction and Attachment",
    search_description=(
        "Compulsive sexual behavior is often a search for connection. Learn how attachment, "
        "counterfeit connection and shared recovery fit together."
    ),
    summary=(
        "Compulsive sexual behavior is often less about sex and more about a longing to feel "
        "close to someone. We help people find the real connection that a counterfeit can't give."
    ),
    pain_point=(
        "Nobody knows how much time I lose to this. I tell myself it's harmless. Afterward I feel "
        "empty and ashamed, and I swear I'll stop.\n\n"
        "I've tried to beat it on my own, again and again. Part of me thinks I'm a sex addict, "
        "and there's no way back.\n\n"
        "What I really want is to feel close to someone. I'm just scared of what they would see."
    ),
    body=[
        section(
            "We are made to connect",
            "<p>People are born with a deep need to bond with others. When we feel safe, loved "
            "and seen, we reach toward the people around us.</p>"
            "<p>When we don't feel safe, we still need relief from the pain of being alone. So we "
            "bond with something else. It might be a phone, video games, social media, gambling, "
            "drugs or pornography. That is not a moral failure. It is human nature looking for "
            "comfort.</p>",
        ),
        section(
            "It isn't really about sex",
            "<p>Pornography and other sexual behaviors act on some of the same brain systems as "
            "close connection. That is why they can feel like a shortcut to closeness. We think "
            "of them as a <i>counterfeit</i> relationship.</p>"
            "<p>If you grew up where people weren't safe or couldn't be counted on, this makes "
            "sense. A counterfeit partner asks nothing of you and can't reject you. It can seem "
            "safer than a real person.</p>",
        ),
        section(
            "The counterfeit partner",
            "<p>When people connect in a loving way, the brain releases a hormone called "
            "oxytocin. Some call it the bonding or cuddle hormone. Sexual acting out can feel a "
            "little like that bond, but it never quite delivers. It leaves a person wanting more, "
            "and feeling emptier than before. In that way, it keeps pointing back to the need "
            "for real connection.</p>",
            level="h3",
        ),
        callout(
            "<p>Compulsive sexual behavior often comes with deep shame. Shame tells a person to "
            "hide, and hiding makes the loneliness worse. Here, you can talk about it without "
            "being judged.</p>",
            heading="Shame keeps people stuck",
            tone="important",
        ),
        section(
            "Recovery is “we”, not “me”",
            "<p>Recovery is often described as something a person does alone. Yet healing grows "
            "from connection: empathy, acceptance, encouragement and healthy relationships. So we "
            "build recovery around those things.</p>"
            "<p>This is one reason twelve-step groups and sponsors help so many people. They give "
            "a person someone who will pick up the phone.</p>",
        ),
        quote(
            "We do best when we live in a world where we have at least one really close, "
            "vulnerable connection with another person.",
            "Jim Thomas",
        ),
        section(
            "The opposite of addiction is connection",
            "<p>The goal is more than stopping a behavior. The opposite of sex addiction is not "
            "just sobriety. It is real, honest connection. It means having people who will be "
            "there when you reach out, so you can feel seen, safe and soothed.</p>"
            "<p>Some people hear the word intimacy as “into-me-you-see”. Someone sees who you "
            "really are, and stays.</p>",
        ),
        faq(
            "Common questions",
            [
                (
                    "Is sex addiction a real condition?",
                    "<p>Experts use different names for it. The World Health Organization's "
                    "ICD-11 lists <i>compulsive sexual behaviour disorder</i>. Whatever the label, "
                    "if a pattern of sexual behavior is hurting you or the people you love, and "
                    "you can't stop, it deserves care.</p>",
                ),
                (
                    "Do I have to give up sex to recover?",
                    "<p>No. Recovery is not about shame around sex. It is about a healthy, honest "
                    "relationship with sex and with the people you love. Together we decide which "
                    "behaviors you want to step away from.</p>",
                ),
                (
                    "Can my partner be part of this?",
                    "<p>Yes, if you both want that. A partner is often hurt deeply and may need "
                    "support of their own. We can talk about couples work and about support for "
                    "your partner.</p>",
                ),
                (
                    "Will anyone find out I came here?",
                    "<p>What you share in therapy is confidential. There are a few legal limits, "
                    "such as a risk of serious harm. We explain them clearly at your first "
                    "session.</p>",
                ),
            ],
        ),
    ],
)

DEMO_SPECIALTIES = [
    ("compassionate-approach-to-addiction", COMPASSIONATE_APPROACH),
    ("addiction-and-intimacy-framework", INTIMACY_FRAMEWORK),
    ("sex-addiction-and-attachment", SEX_ADDICTION_AND_ATTACHMENT),
]


def load(home):
    index = ensure_page(
        home,
        SpecialtyIndexPage,
        "specialties",
        title="Specialties",
        search_description="The ways we help people with addiction and the people who love them.",
        intro="<p>Every approach we use starts from the same place: you are not broken, and "
        "the habit that hurts you now once helped you survive.</p>",
    )
    for slug, fields in DEMO_SPECIALTIES:
        ensure_page(index, SpecialtyPage, slug, **fields)
    return index
