"""Demo prose for the site-wide pages (About, Fees & insurance, FAQ, For families, Privacy).

Written for this fictional practice in plain, person-first language. The practice phone number
never appears here: calls to action render it from PracticeSettings."""

from .demo import callout, cta, faq, section

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
            "<p>We believe addiction grows out of trauma and disconnection. So we don't treat "
            "it with shame or threats. We treat it with care, and with relationships that feel "
            "safe enough to lean on.</p>",
        ),
        section(
            "How we work",
            "<ul><li><b>Trauma-informed therapy.</b> We go at your pace. You decide what you "
            "are ready to talk about.</li>"
            "<li><b>Internal Family Systems (IFS).</b> We help you get to know the parts of you "
            "that use, and the parts that are hurting, without judging either.</li>"
            "<li><b>Couples and family work.</b> Addiction touches everyone close to it. Healing "
            "can include them too.</li>"
            "<li><b>Community.</b> We help you find groups and people who understand, because "
            "recovery is rarely a solo project.</li></ul>",
        ),
        section(
            "Who we see",
            "<p>Adults living with alcohol or drug use, sex or pornography addiction, gambling, "
            "or other compulsive habits. Partners and family members who are worried, angry or "
            "worn out. People who aren't sure yet whether they have a problem are welcome too.</p>",
        ),
        callout(
            "<p>We are an outpatient practice. If you need medical help to stop drinking or "
            "using safely, we will help you find a detox or medical program and keep working "
            "with you alongside it.</p>",
            heading="What we don't do",
            tone="important",
        ),
        cta("Curious whether we are a good fit?", "Call and ask. There is no wrong question."),
    ],
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
                    "<p>Yes. What you tell us stays between you and your therapist. Federal law "
                    "(HIPAA, and the extra rules in 42 CFR Part 2 for substance use care) "
                    "protects it. There are a few exceptions, such as a risk of serious harm to "
                    "you or someone else, and we will explain them at the start.</p>",
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
            "call 911 or call or text 988 right away.</p>",
            heading="In an emergency",
            tone="help",
        ),
        cta(
            "Talk it through with us",
            "Calling for someone else is welcome. We'll take it from there together.",
        ),
    ],
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
            "nothing from other companies' servers. Nobody else learns which pages you "
            "read. We only set a small security cookie when you send the form.</p>",
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

STANDARD_PAGES = [ABOUT, FEES, FAQ, FAMILIES, PRIVACY]
