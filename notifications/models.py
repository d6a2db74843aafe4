"""Notifications: reminders and in-app messages, the learner's channel preferences, and the
learner's active days (the input of streaks and of "has practised today").

A notification is identified by (recipient, kind, dedupe_key); a database constraint makes that
unique, so a retried task or two overlapping beats can never create — and so never send — the
same notification twice.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q


class Kind(models.TextChoices):
    # Reminders planned by beat (keyed by the learner's local date or by the object).
    DAILY_PRACTICE = "daily_practice", "Daily practice"
    STREAK_AT_RISK = "streak_at_risk", "Streak at risk"
    INACTIVITY = "inactivity", "Inactivity"
    BEHIND_PLAN = "behind_plan", "Behind plan"
    CAPSTONE_DEADLINE = "capstone_deadline", "Capstone deadline"
    REVIEW_WAITING = "review_waiting", "Review waiting"
    REVIEW_OVERDUE = "review_overdue", "Review overdue (staff)"
    # Immediate, from the mentorship flow.
    MENTOR_ASSIGNED = "mentor_assigned", "Mentor assigned"
    REVIEW_REQUESTED = "review_requested", "Review requested"
    REVIEW_READY = "review_ready", "Review ready"
    REVIEW_MESSAGE = "review_message", "Review message"
    FEEDBACK_REQUESTED = "feedback_requested", "Feedback requested"
    FEEDBACK_REPLY = "feedback_reply", "Feedback reply"
    FEEDBACK_RESOLVED = "feedback_resolved", "Feedback resolved"
    # Sent by staff to a track.
    ANNOUNCEMENT = "announcement", "Announcement"


# Reminders are nudges a learner can mute with quiet mode; the other kinds are part of the
# mentorship conversation and always reach the inbox.
REMINDER_KINDS = frozenset(
    {
        Kind.DAILY_PRACTICE,
        Kind.STREAK_AT_RISK,
        Kind.INACTIVITY,
        Kind.BEHIND_PLAN,
        Kind.CAPSTONE_DEADLINE,
    }
)
# Delivery when a send's outcome is unknown. A second reminder is worse than a missing one
# (it trains people to ignore them): reminders and announcements are sent at most once.
# Mentorship notices carry work someone waits for: they are sent again (same Message-ID,
# so many mail systems fold the copy into the first), at least once.
AT_LEAST_ONCE_KINDS = frozenset(
    {
        Kind.MENTOR_ASSIGNED,
        Kind.REVIEW_REQUESTED,
        Kind.REVIEW_READY,
        Kind.REVIEW_MESSAGE,
        Kind.FEEDBACK_REQUESTED,
        Kind.FEEDBACK_REPLY,
        Kind.FEEDBACK_RESOLVED,
        Kind.REVIEW_WAITING,
        Kind.REVIEW_OVERDUE,
    }
)


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    SENDING = "sending", "Sending"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed"
    SKIPPED = "skipped", "Skipped"
    # The worker died between handing the email to the mail server and recording it: it may
    # or may not have gone out. Reminders stay here (never sent twice); see AT_LEAST_ONCE.
    UNKNOWN = "unknown", "Outcome unknown"


class NotificationQuerySet(models.QuerySet["Notification"]):
    def in_inbox(self) -> NotificationQuerySet:
        return self.filter(inbox_status=DeliveryStatus.SENT)

    def unread(self) -> NotificationQuerySet:
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=32, choices=Kind.choices)
    dedupe_key = models.CharField(
        max_length=120, help_text="Local date (YYYY-MM-DD) or object key; unique per kind."
    )
    title = models.CharField(max_length=200)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    # In-app: visible in the inbox (sent) or not at all (skipped, channel off).
    inbox_status = models.CharField(
        max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.SENT
    )
    # Email: pending → sending → sent | failed (after the last retry), or skipped.
    email_status = models.CharField(
        max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    email_attempts = models.PositiveSmallIntegerField(default=0)
    email_last_error = models.TextField(blank=True)
    email_claimed_at = models.DateTimeField(null=True, blank=True)
    email_sent_at = models.DateTimeField(null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ("-created_at", "-id")
        constraints = [
            models.UniqueConstraint(
                fields=("recipient", "kind", "dedupe_key"), name="notification_once_per_key"
            )
        ]
        indexes = [
            models.Index(fields=("recipient", "-created_at"), name="notification_inbox"),
            models.Index(
                fields=("recipient",),
                condition=Q(read_at__isnull=True, inbox_status=DeliveryStatus.SENT),
                name="notification_unread",
            ),
            models.Index(fields=("kind", "created_at"), name="notification_kind_day"),
            models.Index(fields=("email_status", "created_at"), name="notification_email"),
        ]

    def __str__(self) -> str:
        return f"{self.kind}:{self.dedupe_key} → {self.recipient_id}"

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


class NotificationPreferences(models.Model):
    """Channels and quiet mode. Practice hour, days and time zone live on the user.

    A learner without a row has the defaults (both channels on, not quiet)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="notification_preferences",
    )
    email_enabled = models.BooleanField(default=True)
    in_app_enabled = models.BooleanField(default=True)
    quiet = models.BooleanField(default=False, help_text="Mute reminders on every channel.")
    unsubscribed_at = models.DateTimeField(
        null=True, blank=True, help_text="Set by the one-click unsubscribe link in emails."
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "notification preferences"

    def __str__(self) -> str:
        return f"Preferences of {self.user_id}"

    @property
    def wants_email(self) -> bool:
        return self.email_enabled and self.unsubscribed_at is None


class LearnerActivity(models.Model):
    """One row per learner per active day (a date in the learner's time zone at the moment
    of the activity). Written when a lesson is completed or code is submitted."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="activity_days"
    )
    day = models.DateField()
    lessons_completed = models.PositiveIntegerField(default=0)
    submissions = models.PositiveIntegerField(default=0)
    minutes = models.PositiveIntegerField(
        default=0, help_text="Estimated: lesson minutes plus a few minutes per submission."
    )

    class Meta:
        ordering = ("-day",)
        verbose_name_plural = "learner activity"
        constraints = [
            models.UniqueConstraint(fields=("learner", "day"), name="activity_once_per_day")
        ]

    def __str__(self) -> str:
        return f"{self.learner_id} active on {self.day}"
