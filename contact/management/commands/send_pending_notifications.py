"""Retry staff emails for inquiries saved while email was failing. Safe to run every minute,
from several machines at once: each inquiry is announced once."""

from django.core.management.base import BaseCommand

from contact.notifications import send_pending


class Command(BaseCommand):
    help = "Email intake staff about inquiries they have not been told about yet (no details, only links)."

    def handle(self, *args, **options):
        sent, still_pending = send_pending()
        self.stdout.write(f"Sent {sent} notification(s); {still_pending} still pending.")
