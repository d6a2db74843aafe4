"""Celery interface of notifications: load by id, call services. Every task is idempotent."""

from __future__ import annotations

import datetime
import logging
import smtplib
from typing import Any

from celery import shared_task

from notifications import delivery, planning, services

logger = logging.getLogger(__name__)

# Temporary I/O failures of the mail server: retried with exponential backoff.
RETRYABLE = (smtplib.SMTPException, OSError, TimeoutError)
EMAIL_MAX_RETRIES = 5
EMAIL_BACKOFF_SECONDS = 30
EMAIL_BACKOFF_MAX_SECONDS = 3600


@shared_task(name="notifications.deliver_batch", soft_time_limit=110, time_limit=120)
def deliver_batch(notification_ids: list[int]) -> int:
    """Send the pending emails of a batch. An email that fails is handed to `deliver_email`,
    which retries it alone with backoff, so one bad address never holds up the batch."""
    sent = 0
    for notification_id in notification_ids:
        try:
            if delivery.send_email(notification_id=notification_id):
                sent += 1
        except RETRYABLE as error:
            logger.warning("email for notification %s failed: %s", notification_id, error)
            services.email_mark_retry(notification_id=notification_id, error=repr(error))
            deliver_email.apply_async((notification_id,), countdown=EMAIL_BACKOFF_SECONDS)
        except Exception as error:  # a bad row (a header it cannot carry…): record, go on
            logger.exception("email for notification %s cannot be sent", notification_id)
            services.email_mark_failed(notification_id=notification_id, error=repr(error))
    return sent


@shared_task(
    name="notifications.deliver_email",
    bind=True,
    max_retries=EMAIL_MAX_RETRIES,
    soft_time_limit=50,
    time_limit=60,
)
def deliver_email(self: Any, notification_id: int) -> bool:
    try:
        return delivery.send_email(notification_id=notification_id)
    except RETRYABLE as error:
        if self.request.retries >= self.max_retries:
            services.email_mark_failed(notification_id=notification_id, error=repr(error))
            logger.error("email for notification %s failed permanently: %s", notification_id, error)
            return False
        services.email_mark_retry(notification_id=notification_id, error=repr(error))
        countdown = min(
            EMAIL_BACKOFF_SECONDS * 2 ** (self.request.retries + 1), EMAIL_BACKOFF_MAX_SECONDS
        )
        raise self.retry(exc=error, countdown=countdown) from error


@shared_task(name="notifications.plan_reminders", soft_time_limit=240, time_limit=280)
def plan_reminders(at: str | None = None) -> dict[str, int]:
    """Beat calls this without arguments (plan as of now); `at` (ISO 8601 with offset)
    re-plans a past moment, e.g. after an outage, and keeps the same exactly-once keys."""
    now = datetime.datetime.fromisoformat(at) if at else None
    if now is not None and now.tzinfo is None:
        raise ValueError("`at` needs a UTC offset")
    return dict(planning.plan_reminders(now=now).created_by_kind)


@shared_task(name="notifications.prune", soft_time_limit=250, time_limit=300)
def prune() -> int:
    """Retention (beat, daily): old notifications."""
    return services.notification_prune()


@shared_task(name="notifications.requeue_stale")
def requeue_stale() -> int:
    return services.email_requeue_stale()


@shared_task(name="notifications.announce", soft_time_limit=240, time_limit=280)
def announce(track_id: int, title: str, body: str, url: str, dedupe_key: str) -> int:
    return planning.announcement_send(
        track_id=track_id, title=title, body=body, url=url, dedupe_key=dedupe_key
    )
