"""The intake reminders: the morning digest (once each business day) and a notice for each
inquiry that becomes overdue (once). Counts and numbers only, never anyone's details.
Safe to run from cron every few minutes, on several machines: each event is sent once."""

from django.core.management.base import BaseCommand

from contact.reminders import send_reminders


class Command(BaseCommand):
    help = "Email intake staff the morning digest and overdue notices (no names or messages), once each."

    def handle(self, *args, **options):
        sent = send_reminders()
        self.stdout.write(f"Sent {sent['digest']} digest(s) and {sent['overdue']} overdue notice(s).")
