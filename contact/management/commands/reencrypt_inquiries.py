"""Re-encrypt every inquiry's message and the text of its timeline (notes, call attempts) with
the current (first) key, after a key or salt rotation. Old keys must still be configured while
this runs (SECRET_KEY_FALLBACKS or the later salts in INQUIRY_ENCRYPTION_SALT).

Writes with UPDATE, not save(): re-encrypting changes nothing a person sees, so it must not raise
an inquiry's version (which would refuse the next save of anyone who has it open)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from contact.models import Inquiry, TimelineEntry


class Command(BaseCommand):
    help = "Re-encrypt inquiry messages and timeline notes with the current encryption key."

    def handle(self, *args, **options):
        count = entries = 0
        with transaction.atomic():
            for inquiry in Inquiry.objects.select_for_update().only("pk", "message").iterator():
                Inquiry.objects.filter(pk=inquiry.pk).update(message=inquiry.message)
                count += 1
            for entry in TimelineEntry.objects.exclude(text=None).only("pk", "text").iterator():
                TimelineEntry.objects.filter(pk=entry.pk).update(text=entry.text)
                entries += 1
        self.stdout.write(f"Re-encrypted {count} inquiries and {entries} timeline entries.")
