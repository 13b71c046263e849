"""Demo specialty pages (written in original prose from the seeds' ideas)."""

from practice_site.demo import ensure_page

from .models import SpecialtyIndexPage


def load(home):
    return ensure_page(
        home,
        SpecialtyIndexPage,
        "specialties",
        title="Specialties",
        search_description="The ways we help people with addiction and the people who love them.",
        intro="<p>Every approach we use starts from the same place: you are not broken, and "
        "the habit that hurts you now once helped you survive.</p>",
    )
