"""Make sure a local admin login exists (development only) and print it."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

USERNAME = "admin"
PASSWORD = "calm-harbor-admin-2026"


class Command(BaseCommand):
    help = "Create or reset the local development admin and print its login (DEBUG only)."

    def add_arguments(self, parser):
        parser.add_argument("--url", default="http://127.0.0.1:8000/admin/", help="where the admin is served")

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("ensure_dev_admin is for local development only (DEBUG is off).")
        User = get_user_model()
        user, _ = User.objects.get_or_create(username=USERNAME, defaults={"email": "admin@practice.example"})
        user.is_staff = user.is_superuser = user.is_active = True
        user.set_password(PASSWORD)
        user.save()
        self.stdout.write(f"Admin login (development only): {USERNAME} / {PASSWORD}  at {options['url']}")
