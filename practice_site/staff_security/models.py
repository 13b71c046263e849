"""What the site keeps about a staff account's security besides Django's own user fields.

The authenticator secrets and recovery codes themselves live in django-otp's tables
(otp_totp.TOTPDevice, otp_static.StaticDevice); this holds only counters."""

from django.conf import settings
from django.db import models, transaction
from django.db.models import F
from django.utils import timezone


class StaffAccountState(models.Model):
    """One row per user who has ever had a session revoked or typed a wrong code.

    - `session_generation`: every session remembers the value it started with; raising it ends
      all of that user's sessions at their next request (a factor reset, a deactivation).
    - `factor_failures` / `last_factor_failure_at`: wrong second-factor codes since the last right
      one. Unlike django-axes' counts, a correct password does not clear them, so typing the
      password again does not buy more guesses."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="staff_account_state",
    )
    session_generation = models.PositiveIntegerField(default=0)
    factor_failures = models.PositiveSmallIntegerField(default=0)
    last_factor_failure_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "staff account state"

    def __str__(self):
        return f"Account state for user #{self.user_id}"

    @classmethod
    def generation_for(cls, user_id):
        return cls.objects.filter(user_id=user_id).values_list("session_generation", flat=True).first() or 0

    @classmethod
    def end_all_sessions(cls, user_id):
        """Every session this user has now ends at its next request."""
        state, _ = cls.objects.get_or_create(user_id=user_id)
        cls.objects.filter(pk=state.pk).update(session_generation=F("session_generation") + 1)

    @classmethod
    def record_factor_failure(cls, user_id, window):
        """Count one wrong code; returns the wrong codes since the last right one (a run older
        than `window` starts again at one)."""
        now = timezone.now()
        with transaction.atomic():
            state, _ = cls.objects.select_for_update().get_or_create(user_id=user_id)
            recent = state.last_factor_failure_at and now - state.last_factor_failure_at <= window
            state.factor_failures = state.factor_failures + 1 if recent else 1
            state.last_factor_failure_at = now
            state.save(update_fields=["factor_failures", "last_factor_failure_at"])
        return state.factor_failures

    @classmethod
    def clear_factor_failures(cls, user_id):
        cls.objects.filter(user_id=user_id).update(factor_failures=0, last_factor_failure_at=None)

    @classmethod
    def recent_factor_failures(cls, user_id, window):
        """Wrong codes since the last right one, if the latest was within `window`; else 0."""
        row = cls.objects.filter(user_id=user_id).values("factor_failures", "last_factor_failure_at").first()
        if not row or not row["last_factor_failure_at"]:
            return 0
        if timezone.now() - row["last_factor_failure_at"] > window:
            return 0
        return row["factor_failures"]
