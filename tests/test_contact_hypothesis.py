"""Property: whatever anyone posts to the form, no 500, and anything saved is valid."""

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from contact.forms import InquiryForm
from contact.models import Inquiry
from tests.contact_helpers import CONTACT_URL, form_data

pytestmark = pytest.mark.django_db

# Every field the form takes, plus the honeypot.
FIELDS = [*InquiryForm.Meta.fields, "website"]
text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=50) | st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), min_size=900, max_size=3000
)
plausible = st.sampled_from(
    ["myself", "loved_one", "call", "text", "email", "on", "(503) 555-0142", "a@b.org", "any"]
)


@hypothesis_settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(values=st.dictionaries(st.sampled_from(FIELDS), text | plausible, min_size=1))
def test_arbitrary_input_never_500s_and_never_saves_an_invalid_record(client, settings, values):
    settings.CONTACT_RATE_LIMIT = "100000/600"  # the limit has its own tests
    Inquiry.objects.all().delete()
    response = client.post(CONTACT_URL, form_data(**values), REMOTE_ADDR="198.51.100.7")
    assert response.status_code in (200, 303)
    for inquiry in Inquiry.objects.all():
        inquiry.full_clean()
        assert "\x00" not in inquiry.name + (inquiry.message or "")
