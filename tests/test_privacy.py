"""Inquiry contents never reach error reports, error emails or logs."""

import logging

import pytest
from django.core import mail
from django.test import override_settings
from django.utils.log import AdminEmailHandler

from tests.contact_helpers import CONTACT_URL, form_data

SECRET_MESSAGE = "I relapsed on Tuesday and my wife does not know"


@pytest.mark.django_db
@pytest.mark.urls("tests.failing_urls")
@override_settings(ADMINS=[("Admin", "admin@practice.example")])
def test_error_email_has_no_post_data_or_local_variables(client):
    handler = AdminEmailHandler(include_html=True)
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    try:
        client.raise_request_exception = False
        response = client.post("/crash-form/", {"name": "Sam Rivera", "message": SECRET_MESSAGE})
    finally:
        logger.removeHandler(handler)
    assert response.status_code == 500
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    everything = email.subject + email.body + "".join(str(a[1]) for a in email.alternatives)
    assert "deliberate failure" in everything  # the report itself is there...
    for secret in (SECRET_MESSAGE, "Sam Rivera", "relapsed"):
        assert secret not in everything  # ...but not what the visitor typed


@pytest.mark.django_db
def test_submitting_an_inquiry_logs_no_contents(client, caplog):
    caplog.set_level(logging.DEBUG)
    data = form_data(message=SECRET_MESSAGE, email="sam.rivera@example.com")
    response = client.post(CONTACT_URL, data)
    assert response.status_code == 303
    logged = "\n".join(record.getMessage() for record in caplog.records)
    for value in (SECRET_MESSAGE, "Sam Rivera", "sam.rivera@example.com", "555-0142", "+15035550142"):
        assert value not in logged


@pytest.mark.django_db
def test_rejected_inquiry_logs_no_contents(client, caplog):
    caplog.set_level(logging.DEBUG)
    client.post(CONTACT_URL, form_data(message=SECRET_MESSAGE, phone="not a phone"))
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert SECRET_MESSAGE not in logged and "Sam Rivera" not in logged


@pytest.mark.django_db
@override_settings(TRUSTED_PROXY_COUNT=1, CONTACT_RATE_LIMIT="2/600")
def test_rate_limit_counts_the_address_the_proxy_saw(client):
    for _ in range(2):
        assert client.post(CONTACT_URL, form_data(), HTTP_X_FORWARDED_FOR="203.0.113.9").status_code == 303
    assert client.post(CONTACT_URL, form_data(), HTTP_X_FORWARDED_FOR="203.0.113.9").status_code == 429
    assert client.post(CONTACT_URL, form_data(), HTTP_X_FORWARDED_FOR="198.51.100.23").status_code == 303


def test_database_outage_errors_are_not_mailed_one_by_one():
    import sys

    from django.db import OperationalError

    from practice_site.logging_filters import NotADatabaseOutage

    def record_for(error):
        try:
            raise error
        except Exception:
            return logging.LogRecord("django.request", logging.ERROR, __file__, 1, "x", None, sys.exc_info())

    assert NotADatabaseOutage().filter(record_for(OperationalError("connection refused"))) is False
    assert NotADatabaseOutage().filter(record_for(RuntimeError("a real bug"))) is True
