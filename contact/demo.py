"""The demo contact page."""

from practice_site.demo import ensure_page

from .models import ContactPage


def load(home):
    return ensure_page(
        home,
        ContactPage,
        "contact",
        title="Contact us",
        search_description="Call, or send a short private message. We reply within one business day.",
        intro="<p>Reaching out takes courage. You don't need to know exactly what to say.</p>",
    )
