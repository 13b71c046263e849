"""Demo specialty pages, written in original prose from the ideas in the seeds.

Between them the pages use every block a specialty page offers: section, principles, framework
steps, scenario, quote, questions and answers, callout and call to action."""

from practice_site.demo import callout, cta, ensure_page, faq, quote, section
from practice_site.demo_references import (
    APA_AUD_2018,
    APA_DSM5TR_2022,
    ASAM_ALCOHOL_WITHDRAWAL_2020,
    FDA_BENZODIAZEPINES_2020,
    FELITTI_1998,
    HARI_TED_2015,
    KELLY_2020,
    KRAUS_2018,
    NASEM_2019,
    PART_2,
    SCHWARTZ_2020,
    SIEGEL_BRYSON_2020,
    WHO_ICD11,
)

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
        "For many people, addiction began as a way to cope with pain. We use Internal Family "
        "Systems (IFS) therapy, alongside medical care, to heal what lies underneath."
    ),
    summary=(
        "For many people, addiction began as a way to cope with pain. We use Internal Family "
        "Systems therapy to meet that pain with kindness, not force, and to help you find new "
        "ways to cope."
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
            "<p>Addiction has many causes, and no two stories are the same. But for many people, "
            "it began as a way through. When pain, fear or loneliness felt too big, something "
            "gave relief, and it helped you get by.</p>"
            "<p>That doesn't mean it is good for you now. It means you are not weak or bad. A "
            "part of you found a way to survive, and it has been working hard ever since.</p>",
        ),
        section(
            "Getting to know your parts",
            "<p>We use Internal Family Systems therapy, or IFS. The psychologist Richard "
            "Schwartz developed it (Schwartz &amp; Sweezy, 2020). IFS sees the mind as made of "
            "parts. Each part has its own feelings and its own job.</p>"
            "<ul><li><b>Protective parts</b> try to keep you safe. One of them may reach for a "
            "drink, a screen or a pill when feelings get too strong.</li>"
            "<li><b>Wounded parts</b> carry old hurts, such as shame, fear or grief.</li>"
            "<li>Beneath the parts is what IFS calls the <b>Self</b>: a calm, curious and kind "
            "center that every person has.</li></ul>"
            "<p>In therapy, we don't fight the part that uses. We get curious about it. What is it "
            "afraid would happen if it stopped? When a protective part feels understood, it often "
            "has less need to take over.</p>",
        ),
        callout(
            "<p>IFS is one of the ways we work. Research on IFS for addiction is still early, "
            "so we use it alongside care with strong evidence, such as medication for opioid "
            "and alcohol use disorder (NASEM, 2019; American Psychiatric Association, 2018). "
            "We will never try to shame or scare you into change.</p>",
            heading="No force, no shame",
        ),
        section(
            "A path that sees the whole person",
            "<p>You are more than your addiction. You have a story, people you care about and "
            "hopes of your own. So we look at the whole picture, not just the habit.</p>"
            "<p>Along with IFS, your care may include:</p>"
            "<ul><li><b>Medication</b> for opioid or alcohol use disorder, from our physician. "
            "For opioid use disorder, it is the first-line treatment and it saves lives.</li>"
            "<li><b>Mindfulness</b>, to notice cravings and feelings without being swept away "
            "by them.</li>"
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
            "<p>Healing takes time, and it rarely goes in a straight line. A return to use can "
            "happen. It is a chance to learn and adjust the plan, not a reason to give up.</p>"
            "<p>As old wounds heal, many people find the pull of the habit loosens. They find "
            "new ways to cope. They rebuild trust with themselves and with others. We can't "
            "promise how your path will go. We can promise to walk it with you, with respect.</p>",
        ),
        faq(
            "Questions people ask about this approach",
            [
                (
                    "Do I need to stop using before I start therapy?",
                    "<p>No. Many people start therapy while they are still using. We begin where "
                    "you are. Stopping alcohol or some drugs, such as benzodiazepines, all at "
                    "once can be dangerous. If that is a risk for you, we will help you get "
                    'medical support first. See <a href="/is-this-the-right-place/">Is this the '
                    "right place for you?</a></p>",
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
    references=[
        SCHWARTZ_2020,
        NASEM_2019,
        APA_AUD_2018,
        ASAM_ALCOHOL_WITHDRAWAL_2020,
        FDA_BENZODIAZEPINES_2020,
    ],
)

INTIMACY_FRAMEWORK = dict(
    title="The Addiction and Intimacy Framework",
    search_description=(
        "How addiction, trauma and intimacy can be linked, and three steps toward healing "
        "through safe, close relationships."
    ),
    summary=(
        "For many people, addiction is tied up with trauma and disconnection. This framework "
        "puts safe, close relationships at the center of healing, with three steps you can "
        "start on with support."
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
            "<p>The heart of this framework is simple: people heal with other people. Willpower "
            "on its own is rarely enough.</p>"
            "<p>The Addiction and Intimacy Framework is the way our team works. It looks at how "
            "addiction, trauma and closeness can be linked. It sees addiction as something that "
            "happens between people, not only inside one person. So the work is about "
            "relationships, including the one you have with yourself.</p>",
        ),
        principles(
            "What the framework believes",
            [
                "Addiction has many causes. For many people, deeper pain from trauma or hurt in "
                "relationships is one of them.",
                "Trauma and disconnection sit at the root of many addictions.",
                "Lasting recovery means tending to those roots, not only the habit.",
                "Closeness and connection are a key part of healing.",
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
            "Sam has used alcohol for years to get through lonely nights. With our physician, Sam "
            "starts a medicine that eases cravings. In therapy, Sam looks at the hurt of growing up "
            "in a home that never felt safe. Little by little, Sam reaches out to an old friend and "
            "joins a peer group. The urge to drink still comes. But now there is someone to call.",
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
            "<p>The framework grew from what therapists see again and again. Large studies link "
            "hard childhood events, such as abuse and neglect, with a higher risk of substance "
            "use problems later (Felitti et al., 1998). And support from other people, such as "
            "peer groups, helps many people stay well (Kelly et al., 2020). The framework puts "
            "those two ideas at the center of our care.</p>"
            "<p>It is a way of working, not a separate treatment tested in trials. We use it "
            "together with proven care, including medication when it fits.</p>",
        ),
    ],
    references=[FELITTI_1998, KELLY_2020, NASEM_2019, APA_AUD_2018],
)

SEX_ADDICTION_AND_ATTACHMENT = dict(
    title="Sex Addiction and Attachment",
    search_description=(
        "Sexual behavior that feels out of control is often a search for connection. What the "
        "diagnosis manuals say, and how attachment and shared recovery fit together."
    ),
    summary=(
        "Sexual behavior that feels out of control is often less about sex and more about a "
        "longing to feel close to someone. We help people find the real connection that a "
        "stand-in can't give."
    ),
    pain_point=(
        "Nobody knows how much time I lose to this. I tell myself it's harmless. Afterward I feel "
        "empty and ashamed, and I swear I'll stop.\n\n"
        "I've tried to beat it on my own, again and again. Part of me thinks I'm a sex addict, "
        "and there's no way back.\n\n"
        "What I really want is to feel close to someone. I'm just scared of what they would see."
    ),
    body=[
        callout(
            "<p>Many people say “sex addiction”, so we use the phrase too. But it is not a "
            "diagnosis in the DSM-5-TR, the manual most US clinicians use (American Psychiatric "
            "Association, 2022). The World Health Organization's ICD-11 lists <i>compulsive "
            "sexual behaviour disorder</i> (6C72) as an impulse control disorder, not an "
            "addiction (World Health Organization, 2019).</p>",
            heading="About the words we use",
            tone="note",
        ),
        section(
            "We are made to connect",
            "<p>People need to bond with others. It is how we are built. When we feel safe and "
            "cared for, we turn toward the people around us.</p>"
            "<p>When people don't feel safe, the need for comfort doesn't go away. So some people "
            "turn to something that can't let them down in the same way: a phone, games, "
            "gambling, drugs, or porn. That is not a moral failure. It is a very human way of "
            "looking for relief.</p>",
        ),
        section(
            "It isn't really about sex",
            "<p>For many people we see, the sexual behavior works as a stand-in for closeness. "
            "We sometimes call it a <i>counterfeit</i> relationship. It can seem safer than a "
            "real person, because it asks nothing of you and can't turn you away.</p>"
            "<p>If you grew up where people weren't safe or couldn't be counted on, this makes "
            "sense. And the stand-in never quite gives what it seems to promise. Many people "
            "feel emptier afterward, which points back to the need for real connection.</p>",
        ),
        callout(
            "<p>Sexual behavior that feels out of control often comes with deep shame. Shame "
            "tells a person to hide, and hiding makes the loneliness worse. Here, you can talk "
            "about it without being judged.</p>",
            heading="Shame keeps people stuck",
            tone="important",
        ),
        section(
            "Recovery is “we”, not “me”",
            "<p>Recovery is often pictured as something a person does alone. We build it around "
            "people instead: empathy, acceptance, encouragement and healthy relationships.</p>"
            "<p>This is one reason peer groups and sponsors help so many people. They give a "
            "person someone who will pick up the phone.</p>",
        ),
        quote(
            "The opposite of addiction is not sobriety. The opposite of addiction is connection.",
            "Johann Hari",
            source="Everything you think you know about addiction is wrong (TED talk, 2015)",
            source_url="https://www.ted.com/talks/johann_hari_everything_you_think_you_know_about_addiction_is_wrong",
        ),
        section(
            "Connection as the goal",
            "<p>The goal is more than stopping a behavior. It is real, honest closeness with "
            "people who show up when you reach out. The authors Daniel Siegel and Tina Payne "
            "Bryson describe what children need from the adults around them as being seen, "
            "safe, soothed and secure (Siegel &amp; Bryson, 2020). Adults in recovery need "
            "those things too.</p>",
        ),
        faq(
            "Common questions",
            [
                (
                    "Is sex addiction a real condition?",
                    "<p>The problem is real, even though the name is debated. “Sex addiction” is "
                    "not a diagnosis in the DSM-5-TR. ICD-11 has <i>compulsive sexual behaviour "
                    "disorder</i>: a lasting pattern of failing to control strong sexual urges, "
                    "which leads to serious distress or problems at home, at work or in other "
                    "parts of life. Distress that comes only from moral judgments about sex is "
                    "not enough for this diagnosis (World Health Organization, 2019; Kraus et "
                    "al., 2018).</p>"
                    "<p>If your worry is mostly about your values or faith, you are still "
                    "welcome. We will listen, and we won't put a label on you.</p>",
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
                    "<p>What you share in therapy is private, and federal law adds extra "
                    "protection for substance use care (42 CFR Part 2). There are limits. We must "
                    "act if someone is at serious risk of harm, and the law requires us to report "
                    "suspected abuse or neglect of a child, an older adult or a dependent adult. "
                    "A court can also order records. We explain all of this at your first "
                    "session.</p>",
                ),
            ],
        ),
    ],
    references=[
        APA_DSM5TR_2022,
        WHO_ICD11,
        KRAUS_2018,
        HARI_TED_2015,
        SIEGEL_BRYSON_2020,
        PART_2,
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
        "for many people the habit that hurts now once helped them get through. Not sure we "
        'are the right fit? Read <a href="/is-this-the-right-place/">Is this the right place '
        "for you?</a></p>",
    )
    for slug, fields in DEMO_SPECIALTIES:
        ensure_page(index, SpecialtyPage, slug, **fields)
    return index
