"""Demo prose for the site-wide pages (About, Fees & insurance, FAQ, For families, Privacy).

Written for this fictional practice in plain, person-first language. The practice phone number
never appears here: calls to action render it from PracticeSettings."""

from .demo import callout, cta, faq, section
from .demo_references import (
    APA_AUD_2018,
    APA_DSM5TR_2022,
    ASAM_ALCOHOL_WITHDRAWAL_2020,
    FDA_BENZODIAZEPINES_2020,
    FDA_NALOXONE_2023,
    FINDTREATMENT,
    LIFELINE_988,
    NASEM_2019,
    PART_2,
    POISON_HELP,
    SAMHSA_HELPLINE,
    SCHWARTZ_2020,
    WHO_ICD11,
)

RIGHT_PLACE_LINK = '<a href="/is-this-the-right-place/">Is this the right place for you?</a>'

ABOUT = {
    "title": "About us",
    "slug": "about",
    "search_description": (
        "Who we are, what we believe about addiction, and how we work with people and families."
    ),
    "summary": (
        "We are a small team of therapists who see addiction as a way of coping with pain, "
        "not a moral failing. We help people heal through safe, honest connection."
    ),
    "body": [
        section(
            "What we believe",
            "<p>Most people don't start using a substance or a behavior to ruin their lives. "
            "They start because it helps, at least for a while. It numbs a hurt, quiets a fear, "
            "or fills a lonely evening.</p>"
            "<p>Addiction has many causes: genes, stress, mental health, where and how a "
            "person lives. For many of the people we see, trauma and loneliness are a big part "
            "of it. So we don't treat addiction with shame or threats. We treat it with care, "
            "with proven medical treatment, and with relationships that feel safe enough to "
            "lean on.</p>",
        ),
        section(
            "How we work",
            "<ul><li><b>Medication when it helps.</b> Our physician can prescribe medication "
            "for opioid and alcohol use disorder. For opioid use disorder, it is the first-line "
            "treatment and it saves lives (NASEM, 2019). For alcohol, naltrexone and "
            "acamprosate come first (American Psychiatric Association, 2018).</li>"
            "<li><b>Trauma-informed therapy.</b> We go at your pace. You decide what you "
            "are ready to talk about.</li>"
            "<li><b>Internal Family Systems (IFS).</b> A therapy developed by Richard Schwartz "
            "(Schwartz &amp; Sweezy, 2020). We help you get to know the parts of you that use, "
            "and the parts that are hurting, without judging either.</li>"
            "<li><b>Couples and family work.</b> Addiction touches everyone close to it. Healing "
            "can include them too.</li>"
            "<li><b>Community.</b> We help you find groups and people who understand, because "
            "recovery is rarely a solo project.</li></ul>",
        ),
        section(
            "Who we see",
            "<p>Adults living with alcohol or drug use, gambling, or sexual behavior that feels "
            "out of control. Partners and family members who are worried, angry or worn out. "
            "People who aren't sure yet whether they have a problem are welcome too.</p>"
            "<p>A note on words: many people call out-of-control sexual behavior “sex "
            "addiction” or “porn addiction”. Neither is a diagnosis in the DSM-5-TR (American "
            "Psychiatric Association, 2022). The WHO's ICD-11 lists <i>compulsive sexual "
            "behaviour disorder</i> (6C72) as an impulse control disorder. Distress that comes "
            "only from moral judgments about sex does not count toward it (World Health "
            "Organization, 2019).</p>",
        ),
        callout(
            "<p>We are an outpatient practice for adults. We don't offer medically supervised "
            "withdrawal (detox), a hospital stay or care for people under 18. If you need any of "
            "these, we will help you find it and keep working with you alongside it. Read "
            f"{RIGHT_PLACE_LINK}</p>",
            heading="What we don't do",
            tone="important",
        ),
        cta("Curious whether we are a good fit?", "Call and ask. There is no wrong question."),
    ],
    "references": [NASEM_2019, APA_AUD_2018, SCHWARTZ_2020, APA_DSM5TR_2022, WHO_ICD11],
}

FEES = {
    "title": "Fees & insurance",
    "slug": "fees-and-insurance",
    "search_description": (
        "Session fees, insurance, sliding-scale spots and your right to a Good Faith Estimate."
    ),
    "summary": (
        "Clear prices, no surprises. Here is what sessions cost, how insurance works with us, "
        "and your right to a Good Faith Estimate."
    ),
    "body": [
        section(
            "Session fees",
            "<ul><li>First phone conversation (15 to 20 minutes): free</li>"
            "<li>First assessment session (75 minutes): $210</li>"
            "<li>Individual therapy (50 minutes): $165</li>"
            "<li>Couples or family session (75 minutes): $210</li></ul>"
            "<p>We keep a few lower-fee spots open for people who need them. Ask us when you "
            "call. Money should not be the reason you go without help.</p>",
        ),
        section(
            "Insurance",
            "<p>We are in network with several common plans and can give you the paperwork to "
            "claim out-of-network benefits from others. When you call, we can check your "
            "benefits with you before your first session, so you know what you will pay.</p>"
            "<p>Some people choose to pay for themselves so that nothing goes through their "
            "insurance. That is your choice, and we will explain the trade-offs.</p>",
        ),
        callout(
            "<p>You have the right to receive a “Good Faith Estimate” explaining how much your "
            "medical care will cost.</p>"
            "<p>Under the law, health care providers need to give patients who don't have "
            "insurance or who are not using insurance an estimate of the bill for medical items "
            "and services.</p>"
            "<ul><li>You have the right to receive a Good Faith Estimate for the total expected "
            "cost of any non-emergency items or services. This includes related costs like "
            "medical tests, prescription drugs, equipment, and hospital fees.</li>"
            "<li>Make sure your health care provider gives you a Good Faith Estimate in writing "
            "at least 1 business day before your medical service or item. You can also ask your "
            "health care provider, and any other provider you choose, for a Good Faith Estimate "
            "before you schedule an item or service.</li>"
            "<li>If you receive a bill that is at least $400 more than your Good Faith "
            "Estimate, you can dispute the bill.</li>"
            "<li>Make sure to save a copy or picture of your Good Faith Estimate.</li></ul>"
            "<p>For questions or more information about your right to a Good Faith Estimate, "
            'visit <a href="https://www.cms.gov/nosurprises">www.cms.gov/nosurprises</a> or '
            "call 1-800-985-3059.</p>",
            heading="Your right to a Good Faith Estimate",
            tone="important",
        ),
        section(
            "Missed sessions",
            "<p>Life with addiction can be messy, and we know that. We ask for 24 hours' notice "
            "when you need to cancel. If something comes up, call us and we will work it out "
            "together.</p>",
        ),
        cta("Questions about cost?", "Call us. We'll talk it through before you commit to anything."),
    ],
}

FAQ = {
    "title": "Questions & answers",
    "slug": "faq",
    "search_description": (
        "Answers to the questions people ask most before they call: privacy, cost, family, "
        "and what happens next."
    ),
    "summary": "The questions people most often ask before they reach out, answered plainly.",
    "body": [
        faq(
            "Before you call",
            [
                (
                    "Is this confidential?",
                    "<p>Yes, with a few limits the law sets. Federal law (HIPAA, and the extra "
                    "rules in 42 CFR Part 2 for substance use care) protects what you tell us. We "
                    "must act if you or someone else is at serious risk of harm. The law also "
                    "requires us to report suspected abuse or neglect of a child, an older adult "
                    "or a dependent adult. A court can order records in some cases. We explain "
                    "all of this at the start.</p>",
                ),
                (
                    "What happens when I call?",
                    "<p>A member of our intake team answers, or calls you back within one "
                    "business day. They will ask what is going on, in as much or as little "
                    "detail as you like, answer your questions about cost and timing, and, if "
                    "you want, book a first session. You can hang up at any point.</p>",
                ),
                (
                    "Can I call for someone I love?",
                    "<p>Yes. Many first calls come from a partner, parent or friend. We can help "
                    "you think through how to talk to them, and we offer sessions for family "
                    "members in their own right. See our page for families.</p>",
                ),
                (
                    "Do you take insurance?",
                    "<p>We are in network with several plans and help with out-of-network claims "
                    "for others. We can check your benefits with you before the first "
                    "session. You can also pay for yourself, and keep lower-fee spots open.</p>",
                ),
                (
                    "What if I'm not sure I'm ready to stop?",
                    "<p>You are still welcome. Many people start therapy unsure. We won't force "
                    "a goal on you. We'll help you look honestly at what the habit does for you "
                    "and what it costs, and you decide what comes next.</p>",
                ),
                (
                    "Will you make me go to meetings?",
                    "<p>No. Groups help many people, and we may suggest some, but you choose. "
                    "There are many paths to recovery.</p>",
                ),
                (
                    "Can I get medication for opioid or alcohol use disorder?",
                    "<p>Yes. Our physician can prescribe buprenorphine or naltrexone, and can "
                    "refer you to a clinic for methadone. For opioid use disorder, these "
                    "medicines are the first-line treatment and they save lives. You don't have "
                    "to be in therapy to get them (NASEM, 2019).</p>",
                ),
                (
                    "Are you the right place for me?",
                    "<p>We are an outpatient practice for adults. Some people need a different "
                    f"kind of help first. Read {RIGHT_PLACE_LINK}</p>",
                ),
                (
                    "Do you offer video sessions?",
                    "<p>Yes, through a secure video service, for clients who live in the states "
                    "where our therapists are licensed.</p>",
                ),
                (
                    "What if I am in crisis right now?",
                    "<p>Please call 911 if you are in danger, or call or text 988 to reach the "
                    "Suicide &amp; Crisis Lifeline any time. Our phone and form are not watched "
                    "around the clock.</p>",
                ),
            ],
        ),
        cta("Still have a question?", "Ask us. Calling is free and doesn't commit you to anything."),
    ],
    "references": [PART_2, NASEM_2019, LIFELINE_988],
}

FAMILIES = {
    "title": "Reaching out for someone you love",
    "slug": "for-families",
    "search_description": (
        "For partners, parents and friends: how to start, what we can and can't share, and support for you."
    ),
    "summary": (
        "Loving someone with an addiction can be lonely and frightening. You can reach out "
        "for them, and for yourself."
    ),
    "body": [
        section(
            "You are not overreacting",
            "<p>If you are worried enough to read this page, your worry matters. You don't need "
            "proof, a diagnosis or the right words before you call. We can listen and help you "
            "think about what to do next.</p>",
        ),
        section(
            "How to start",
            "<ul><li>Choose a calm moment, not right after an argument or while they are "
            "using.</li>"
            "<li>Speak about what you see and how you feel: “I've noticed you are drinking "
            "most nights, and I'm scared.”</li>"
            "<li>Offer a next step that is small: a phone call, one appointment.</li>"
            "<li>Expect that it may take more than one conversation. That is normal.</li></ul>",
        ),
        section(
            "What we can and cannot tell you",
            "<p>Our clients are adults, and the law protects their privacy. Unless your loved "
            "one signs a written consent, we cannot tell you whether they are seeing us or what "
            "they say in sessions. We can always listen to you, and you can always share what "
            "you know with us.</p>"
            "<p>Privacy has limits the law sets. We must act if someone is at serious risk of "
            "harm, and we must report suspected abuse or neglect of a child, an older adult or "
            "a dependent adult.</p>"
            "<p>Many clients do choose to sign a consent, and some invite family into sessions. "
            "We encourage that when it is safe.</p>",
        ),
        section(
            "Support for you",
            "<p>You can see one of our therapists for yourself, even if your loved one isn't "
            "ready. Family members often carry years of stress. Caring for yourself is not "
            "giving up on them.</p>",
        ),
        callout(
            "<p>If someone is in danger, has taken too much, or talks about ending their life, "
            "call 911 or call or text 988 right away. If they may have taken opioids, give "
            "naloxone if you have it.</p>",
            heading="In an emergency",
            tone="help",
        ),
        cta(
            "Talk it through with us",
            "Calling for someone else is welcome. We'll take it from there together.",
        ),
    ],
    "references": [PART_2, FDA_NALOXONE_2023],
}

PRIVACY = {
    "title": "Privacy",
    "slug": "privacy",
    "search_description": (
        "What our contact form collects, why, who sees it, how long we keep it, and why this "
        "site uses no trackers."
    ),
    "summary": (
        "Reaching out about addiction is private. Here is exactly what we collect, who can see "
        "it, and how long we keep it."
    ),
    "body": [
        section(
            "No trackers, no advertising",
            "<p>This website uses no analytics, advertising or social media scripts, and loads "
            "nothing from other companies' servers. No company we work with learns which pages "
            "you read. We only set a small security cookie when you send the form.</p>",
        ),
        section(
            "On a shared phone or computer",
            "<p>Your own browser still keeps a list of the pages you visit. If someone else "
            "uses your phone or computer, you may want to:</p>"
            "<ul><li>Open this site in a private window (Chrome: Incognito; Safari and "
            "Firefox: Private). It forgets the pages once you close it.</li>"
            "<li>Or clear your history after your visit, in your browser's settings under "
            "History or Privacy.</li>"
            "<li>Check your call log and texts too, if you called or texted us.</li></ul>"
            "<p>If you think someone is checking your phone to control or hurt you, the National "
            "Domestic Violence Hotline can help: call 1-800-799-7233.</p>",
        ),
        section(
            "What the contact form collects",
            "<p>Only what we need to call you back: your name (a first name or a nickname is "
            "fine), who the help is for, how you would like us to reach you, a phone number or "
            "email, whether we may leave a voicemail, a good time to call, and an optional short "
            "message. Please don't include anything you are not ready to share.</p>",
        ),
        section(
            "Who sees it",
            "<p>Only our intake staff can see inquiries. Other people who work on this website, "
            "such as the clinicians who write our articles, cannot. Email alerts to our staff "
            "say only that a new inquiry has arrived, never what it says.</p>",
        ),
        section(
            "How long we keep it",
            "<p>Messages are stored encrypted. Once an inquiry is closed, we delete it after one "
            "year. If you become a client, your records are kept as the law requires. You can "
            "ask us to delete an inquiry at any time by calling.</p>",
        ),
        callout(
            "<p>Regular email is not a secure channel. Please don't send health details by "
            "email. Use the phone or the private form instead.</p>",
            heading="About email",
            tone="important",
        ),
    ],
}

RIGHT_PLACE = {
    "title": "Is this the right place for you?",
    "slug": "is-this-the-right-place",
    "search_description": (
        "What our outpatient practice offers and doesn't, and where to go instead: 911, 988, "
        "medically supervised withdrawal, FindTreatment.gov, Poison Control and naloxone."
    ),
    "summary": (
        "We are a small outpatient practice for adults. Here is what we can help with, what we "
        "can't, and where to go when you need something else."
    ),
    "body": [
        callout(
            "<ul><li>Someone is in danger, can't wake up or can't breathe: call "
            '<a href="tel:911">911</a>.</li>'
            "<li>Thinking about suicide, or in a mental health crisis: call or text "
            '<a href="tel:988">988</a>, any time.</li>'
            "<li>Someone may have swallowed or taken too much of something, and is awake and "
            'breathing: call Poison Control at <a href="tel:+18002221222">1-800-222-1222</a>.</li></ul>',
            heading="Get help now",
            tone="help",
        ),
        section(
            "What we offer",
            "<ul><li>Therapy for adults (18 and older), alone, as a couple or as a family.</li>"
            "<li>Medication for opioid and alcohol use disorder from our physician.</li>"
            "<li>Help for partners and family members, even if their loved one isn't ready.</li>"
            "<li>Weekly sessions in our office or by secure video, within the states where our "
            "clinicians are licensed.</li></ul>",
        ),
        section(
            "What we don't offer",
            "<ul><li>Emergency or crisis care. Our phone is not answered around the clock.</li>"
            "<li>Medically supervised withdrawal (detox).</li>"
            "<li>A place to stay: residential or inpatient treatment.</li>"
            "<li>Care for children and teens under 18.</li></ul>"
            "<p>If you need one of these, you are not turned away. We will help you find it, and "
            "we can keep working with you alongside it or afterward.</p>",
        ),
        section(
            "Stopping alcohol or sedatives safely",
            "<p>Stopping alcohol all at once after heavy daily drinking can cause seizures and "
            "can be deadly (American Society of Addiction Medicine, 2020). The same is true of "
            "stopping benzodiazepines, such as alprazolam (Xanax) or clonazepam (Klonopin), "
            "too fast (U.S. Food and Drug Administration, 2020).</p>"
            "<p>Please don't stop on your own. Talk with a doctor first. You may need medically "
            "supervised withdrawal: a clinic or hospital that gives medicine and watches you "
            "closely for a few days.</p>",
        ),
        section(
            "Finding other care",
            "<ul><li><b>FindTreatment.gov</b> lists treatment programs near you, including "
            'detox and residential care: <a href="https://findtreatment.gov/">findtreatment.gov</a>.</li>'
            "<li><b>SAMHSA's National Helpline</b>, "
            '<a href="tel:+18006624357">1-800-662-4357</a>: free, private, 24/7, in English and '
            "Spanish. They can point you to local help.</li>"
            "<li><b>Under 18?</b> Talk with a parent, a school counselor or your doctor. You "
            "can also call or text 988, or call the SAMHSA helpline and ask about programs for "
            "teens. Parents can search FindTreatment.gov for teen programs.</li></ul>",
        ),
        section(
            "Naloxone can reverse an opioid overdose",
            "<p>Naloxone (such as Narcan) is a nasal spray that can bring someone back from an "
            "opioid overdose. Since 2023 you can buy it without a prescription, at drugstores "
            "and online (U.S. Food and Drug Administration, 2023). Many health departments and "
            "harm reduction programs give it out for free.</p>"
            "<p>If someone may have overdosed (they won't wake up, their breathing is slow or "
            "has stopped, their lips look blue or gray):</p>"
            "<ol><li>Call 911.</li>"
            "<li>Spray naloxone into one nostril.</li>"
            "<li>Keep them breathing, and lay them on their side.</li>"
            "<li>If they don't wake up in 2 to 3 minutes, give a second dose in the other "
            "nostril.</li>"
            "<li>Stay with them until help comes. The effect can wear off before the opioid "
            "does.</li></ol>"
            "<p>Keep naloxone where you can find it fast if anyone in your home uses opioids, "
            "even as prescribed.</p>",
        ),
        cta("Not sure what you need?", "Call us. If we are not the right fit, we'll help you find who is."),
    ],
    "references": [
        ASAM_ALCOHOL_WITHDRAWAL_2020,
        FDA_BENZODIAZEPINES_2020,
        FDA_NALOXONE_2023,
        FINDTREATMENT,
        SAMHSA_HELPLINE,
        LIFELINE_988,
        POISON_HELP,
    ],
}

STANDARD_PAGES = [ABOUT, FEES, FAQ, FAMILIES, PRIVACY, RIGHT_PLACE]
