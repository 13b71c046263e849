"""Delete closed and spam inquiries past the retention period. Prints counts only."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from contact.models import Inquiry, ReminderSent
from contact.spam import forget_old_submissions, forget_used_tokens


class Command(BaseCommand):
    help = "Delete closed and spam inquiries older than --days (default INQUIRY_RETENTION_DAYS, 365)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="Age in days (default: the setting).")
        parser.add_argument("--dry-run", action="store_true", help="Only say what would be deleted.")

    def handle(self, *args, days=None, dry_run=False, **options):
        days = settings.INQUIRY_RETENTION_DAYS if days is None else days
        if days < 1:
            raise CommandError("--days must be at least 1.")
        with transaction.atomic():
            doomed = Inquiry.objects.purgeable(days)
            closed = doomed.filter(status=Inquiry.Status.CLOSED).count()
            spam = doomed.filter(status=Inquiry.Status.SPAM).count()
            if dry_run:
                self.stdout.write(
                    f"Dry run: would delete {closed + spam} inquiries older than {days} days "
                    f"({closed} closed, {spam} spam). Nothing was deleted."
                )
                return
            doomed.delete()
            # Rate-limit records and used form tokens are only needed for a few hours.
            forget_old_submissions()
            forget_used_tokens()
            # Which reminders went out (numbers and dates only) is kept as long as inquiries.
            ReminderSent.objects.filter(sent_at__lt=timezone.now() - timezone.timedelta(days=days)).delete()
        self.stdout.write(
            f"Deleted {closed + spam} inquiries older than {days} days ({closed} closed, {spam} spam)."
        )
