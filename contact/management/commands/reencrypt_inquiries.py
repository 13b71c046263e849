"""Re-encrypt every inquiry's message and notes with the current (first) key, after a key or
salt rotation. Old keys must still be configured while this runs (SECRET_KEY_FALLBACKS or the
later salts in INQUIRY_ENCRYPTION_SALT)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from contact.models import Inquiry


class Command(BaseCommand):
    help = "Re-encrypt inquiry messages and notes with the current encryption key."

    def handle(self, *args, **options):
        count = 0
        with transaction.atomic():
            for inquiry in Inquiry.objects.select_for_update().only("pk", "message", "notes").iterator():
                inquiry.save(update_fields=["message", "notes"])
                count += 1
        self.stdout.write(f"Re-encrypted {count} inquiries.")
