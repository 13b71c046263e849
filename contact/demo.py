"""The demo contact page: warm, plain words about what happens after someone reaches out."""

from practice_site.demo import ensure_page

from .models import ContactPage


def _step(heading, text):
    return ("step", {"heading": heading, "text": text})


def load(home):
    return ensure_page(
        home,
        ContactPage,
        "contact",
        title="Contact us",
        search_description="Call, or send a short private message. We reply within one business day.",
        intro=(
            "<p>Reaching out takes courage. You don't need to know exactly what to say, and you "
            "don't need to be sure you want therapy. Many people start with a question.</p>"
            "<p>You can write for yourself, or for someone you care about.</p>"
        ),
        steps_heading="What happens after you reach out",
        steps=[
            _step(
                "We get back to you within one business day.",
                "A member of our intake team calls, texts or emails you, whichever you chose. "
                "If we can't reach you, we won't leave details you didn't agree to.",
            ),
            _step(
                "A short, free conversation.",
                "About fifteen minutes. You tell us a little about what is going on, and ask "
                "anything you like about how we work, cost and insurance.",
            ),
            _step(
                "We find a good fit together.",
                "If one of our therapists is right for you, we book a first session. If not, we "
                "help you find someone who is.",
            ),
        ],
        confidentiality_note=(
            "<p>What you send goes only to our small intake team. It is stored encrypted, never "
            "shared with advertisers, and never used for anything but getting back to you. "
            'Read our <a href="/privacy/">privacy notice</a> for the details.</p>'
        ),
    )
