"""Logging filters (kept free of Django imports at module level: logging is set up early)."""

import logging


class NotADatabaseOutage(logging.Filter):
    """For the error-email handler: a database outage produces one error per request; the health
    check and the console log already say so, so don't mail every one of them."""

    def filter(self, record):
        from django.db import InterfaceError, OperationalError

        error = record.exc_info[1] if record.exc_info else None
        return not isinstance(error, (OperationalError, InterfaceError))
