"""References on health pages: a numbered "References" list at the end (APA 7 fields) and the
same works as `citation` (CreativeWork items) in the page's JSON-LD; every demo health page cites
its sources, and article and specialty pages carry `reviewedBy` and `lastReviewed`."""

import pytest
from django.utils import timezone

from blog.models import BlogPage
from practice_site.demo_references import ref
from practice_site.models import StandardPage
from specialties.models import SpecialtyPage
from tests.helpers import parse_page, text_of

ARTICLE = "/blog/healing-happens-in-community/"
SPECIALTY = "/specialties/sex-addiction-and-attachment/"


def references_section(html):
    start = html.index('<section class="references"')
    return html[start : html.index("</section>", start)]


@pytest.mark.django_db
def test_article_lists_numbered_references_in_apa_style(client):
    html = client.get(ARTICLE).content.decode()
    section = references_section(html)
    assert '<h2 id="references-heading">References</h2>' in section and "<ol" in section
    assert section.count("<li") == len(BlogPage.objects.get(slug="healing-happens-in-community").references)
    text = " ".join(text_of(section).split())
    assert (
        "Alexander, B. K., Coambs, R. B., & Hadaway, P. F. (1978). The effect of housing and gender "
        "on morphine self-administration in rats. Psychopharmacology , 58(2) , 175–179."
    ) in text.replace("&amp;", "&")
    assert 'href="https://doi.org/10.1007/BF00426903"' in section
    # A book: the title in italics, then the publisher.
    assert "<i>Chasing the scream: The first and last days of the war on drugs</i>. Bloomsbury." in section
    # The references come after the body, before the author box.
    assert html.index('class="references"') > html.index('class="stream"')
    assert html.index('class="references"') < html.index('class="author-box"')


@pytest.mark.django_db
def test_article_json_ld_has_citations_and_review(client):
    posting = parse_page(client.get(ARTICLE).content.decode()).json_ld[0]
    names = [work["name"] for work in posting["citation"]]
    assert all(work["@type"] == "CreativeWork" for work in posting["citation"])
    assert "The effect of housing and gender on morphine self-administration in rats" in names
    alexander = posting["citation"][
        names.index("The effect of housing and gender on morphine self-administration in rats")
    ]
    assert alexander["url"] == "https://doi.org/10.1007/BF00426903" and alexander["datePublished"] == "1978"
    page = posting["mainEntityOfPage"]
    assert page["reviewedBy"]["@type"] == "Person" and page["reviewedBy"]["name"] == "Naomi Castillo"
    assert page["reviewedBy"]["honorificSuffix"] == "MD"
    assert any(c["credentialCategory"] == "license" for c in page["reviewedBy"]["hasCredential"])
    assert page["lastReviewed"] == timezone.localdate().isoformat()


@pytest.mark.django_db
def test_specialty_json_ld_has_citations_and_review(client):
    html = client.get(SPECIALTY).content.decode()
    web_page = next(b for b in parse_page(html).json_ld if b["@type"] == "MedicalWebPage")
    assert web_page["reviewedBy"]["name"] == "Naomi Castillo"
    assert web_page["lastReviewed"] == timezone.localdate().isoformat()
    names = [work["name"] for work in web_page["citation"]]
    assert "Compulsive sexual behaviour disorder in the ICD-11" in names
    assert "References" in text_of(references_section(html))


@pytest.mark.django_db
def test_every_demo_health_page_cites_its_sources():
    pages = [*SpecialtyPage.objects.live(), *BlogPage.objects.live()]
    pages += [
        StandardPage.objects.get(slug=slug)
        for slug in ["about", "faq", "for-families", "is-this-the-right-place"]
    ]
    for page in pages:
        assert len(page.references) >= 2, page
        for child in page.references:
            value = child.value
            assert value["authors"] and value["year"] and value["title"], page


@pytest.mark.django_db
def test_a_page_without_references_shows_no_list_or_citation(client):
    html = client.get("/fees-and-insurance/").content.decode()
    assert 'class="references"' not in html
    web_page = parse_page(html).json_ld[0]
    assert "citation" not in web_page


@pytest.mark.django_db
def test_an_editor_adds_a_reference_and_it_renders_with_its_doi(client):
    page = StandardPage.objects.get(slug="fees-and-insurance")
    page.references = [
        ref("Doe, J.", "2020", "A title?", "Journal of Tests", volume="1(2)", pages="3–4", doi="10.1/x")
    ]
    page.save_revision().publish()
    html = client.get("/fees-and-insurance/").content.decode()
    section = references_section(html)
    assert "Doe, J. (2020). A title? <i>Journal of Tests</i>, <i>1(2)</i>, 3–4." in section
    assert '<a href="https://doi.org/10.1/x" rel="noopener">https://doi.org/10.1/x</a>' in section
    assert parse_page(html).json_ld[0]["citation"][0]["url"] == "https://doi.org/10.1/x"


@pytest.mark.django_db
def test_a_group_author_is_followed_by_a_full_stop_as_apa_writes_it(client):
    section = references_section(client.get("/blog/recovery-is-possible-healing-relationships/").content.decode())
    assert "National Academies of Sciences, Engineering, and Medicine. (2019). <i>Medications for" in section
