"""Writes of the notifications app: creating notifications exactly once, delivery state,
the inbox, preferences, unsubscribing, and recording a learner's active days."""

from __future__ import annotations

import datetime
import logging
import uuid
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import TypeVar

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from accounts.selectors import user_local_date
from config.links import absolute_url
from config.queueing import publish_on_commit
from notifications import selectors
from notifications.models import (
    AT_LEAST_ONCE_KINDS,
    DeliveryStatus,
    Kind,
    LearnerActivity,
    Notification,
    NotificationPreferences,
)

logger = logging.getLogger(__name__)

DELIVERY_BATCH_SIZE = 500


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """itertools.batched arrives in Python 3.12; we support 3.11."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


# A submission is worth this many minutes of practice in the estimate; a day is capped.
MINUTES_PER_SUBMISSION = 5
MAX_MINUTES_PER_DAY = 240
UNSUBSCRIBE_SALT = "notifications.unsubscribe"
T = TypeVar("T")


def email_enqueue(notification_ids: Sequence[int]) -> None:
    """Publish delivery tasks in batches once the surrounding transaction commits."""
    ids = list(notification_ids)
    if not ids:
        return

    from notifications.tasks import deliver_batch

    for batch in batched(ids, DELIVERY_BATCH_SIZE):
        publish_on_commit(deliver_batch, list(batch))


def notification_create(
    *, recipient: User, kind: str, dedupe_key: str, title: str, body: str, url: str = ""
) -> Notification | None:
    """Create a notification once per (recipient, kind, dedupe_key) and queue its email.

    Returns None when it already existed or when the recipient's preferences route it to no
    channel. Safe to call from retried tasks and concurrent requests: the database
    constraint decides, and the email is queued only after the caller's transaction commits."""
    if kind not in Kind.values:
        raise ValueError(f"unknown notification kind {kind!r}")
    channels = selectors.channels_get(user=recipient, kind=kind)
    if not channels.any:
        return None
    try:
        with transaction.atomic():
            notification = Notification.objects.create(
                recipient=recipient,
                kind=kind,
                dedupe_key=dedupe_key[:120],
                title=title[:200],
                body=body,
                url=url[:500],
                inbox_status=DeliveryStatus.SENT if channels.inbox else DeliveryStatus.SKIPPED,
                email_status=DeliveryStatus.PENDING if channels.email else DeliveryStatus.SKIPPED,
            )
    except IntegrityError:
        return None
    if channels.email:
        email_enqueue([notification.pk])
    return notification


# Email delivery state machine: pending → sending → sent | pending (retry) | failed, and
# sending → unknown (worker died mid-send; reminders) or → pending (mentorship notices).
# Every transition is a conditional UPDATE so two workers cannot both send.

STALE_SENDING_AFTER = datetime.timedelta(minutes=10)


def email_claim(*, notification_id: int) -> bool:
    """Claim a pending email for sending. False when someone else has it (or it is done)."""
    claimed = Notification.objects.filter(
        pk=notification_id, email_status=DeliveryStatus.PENDING
    ).update(
        email_status=DeliveryStatus.SENDING,
        email_attempts=F("email_attempts") + 1,
        email_claimed_at=timezone.now(),
    )
    return claimed == 1


def email_mark_sent(*, notification_id: int) -> bool:
    return (
        Notification.objects.filter(pk=notification_id, email_status=DeliveryStatus.SENDING).update(
            email_status=DeliveryStatus.SENT, email_sent_at=timezone.now(), email_last_error=""
        )
        == 1
    )


def email_mark_retry(*, notification_id: int, error: str) -> bool:
    """Back to pending so the retry can claim it again."""
    return (
        Notification.objects.filter(pk=notification_id, email_status=DeliveryStatus.SENDING).update(
            email_status=DeliveryStatus.PENDING, email_last_error=error[:2000]
        )
        == 1
    )


def email_mark_failed(*, notification_id: int, error: str) -> bool:
    """A permanent failure is recorded on the row (and visible in the admin), never lost."""
    return (
        Notification.objects.filter(
            pk=notification_id,
            email_status__in=(DeliveryStatus.SENDING, DeliveryStatus.PENDING),
        ).update(email_status=DeliveryStatus.FAILED, email_last_error=error[:2000])
        == 1
    )


def email_requeue_stale(*, now: datetime.datetime | None = None) -> int:
    """Emails left in `sending` by a worker that died: their outcome is unknown. Mentorship
    notices go back to pending (sent again, at least once); reminders and announcements
    become `unknown` and are not sent again (at most once). Pending emails whose task was
    lost go back on the queue; claims make a duplicate enqueue harmless."""
    now = now or timezone.now()
    cutoff = now - STALE_SENDING_AFTER
    stale = Notification.objects.filter(
        email_status=DeliveryStatus.SENDING, email_claimed_at__lt=cutoff
    )
    stale.filter(kind__in=AT_LEAST_ONCE_KINDS).update(email_status=DeliveryStatus.PENDING)
    unknown = stale.exclude(kind__in=AT_LEAST_ONCE_KINDS).update(
        email_status=DeliveryStatus.UNKNOWN,
        email_last_error="the worker stopped during the send; not sent again",
    )
    if unknown:
        logger.warning("%s reminder emails have an unknown outcome; not sent again", unknown)
    ids = list(
        Notification.objects.filter(
            email_status=DeliveryStatus.PENDING,
            created_at__lt=cutoff,
            created_at__gte=now - datetime.timedelta(days=2),
        ).values_list("pk", flat=True)[:10_000]
    )
    email_enqueue(ids)
    return len(ids)


# The inbox.


def notification_mark_read(*, recipient: User, notification_id: int) -> Notification:
    """Mark one of the recipient's inbox notifications read (again is harmless) and return
    it; Notification.DoesNotExist for anyone else's (a 404, not a 403)."""
    notification = selectors.notification_get(recipient=recipient, notification_id=notification_id)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(
            read_at=notification.read_at
        )
    return notification


def notification_mark_all_read(*, recipient: User) -> int:
    return (
        Notification.objects.filter(recipient=recipient)
        .in_inbox()
        .unread()
        .update(read_at=timezone.now())
    )


# Preferences and unsubscribe.


@transaction.atomic
def preferences_update(
    *,
    user: User,
    email_enabled: bool | None = None,
    in_app_enabled: bool | None = None,
    quiet: bool | None = None,
) -> NotificationPreferences:
    """Change the given preferences; None keeps the stored value. The row is locked and
    only the columns given are written, so a partial update (the API's PATCH) never writes
    back what another request changed. Switching email on re-subscribes."""
    prefs, _ = NotificationPreferences.objects.select_for_update().get_or_create(user=user)
    given = {"email_enabled": email_enabled, "in_app_enabled": in_app_enabled, "quiet": quiet}
    changed = [name for name, value in given.items() if value is not None]
    for name in changed:
        setattr(prefs, name, given[name])
    if email_enabled:
        prefs.unsubscribed_at = None
        changed.append("unsubscribed_at")
    prefs.save(update_fields=[*changed, "updated_at"])
    return prefs


def unsubscribe_token_sign(*, user: User) -> str:
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign(str(user.pk))


def unsubscribe_url_build(*, user: User) -> str:
    return absolute_url(
        reverse("notifications:unsubscribe", kwargs={"token": unsubscribe_token_sign(user=user)})
    )


def unsubscribe_token_verify(*, token: str) -> User | None:
    try:
        user_id = int(signing.Signer(salt=UNSUBSCRIBE_SALT).unsign(token))
    except (signing.BadSignature, ValueError):
        return None
    return User.objects.filter(pk=user_id).first()


@transaction.atomic
def email_unsubscribe(*, user: User) -> NotificationPreferences:
    """Stop all email to the user (idempotent). The inbox keeps working."""
    prefs, _ = NotificationPreferences.objects.select_for_update().get_or_create(user=user)
    if prefs.unsubscribed_at is None:
        prefs.unsubscribed_at = timezone.now()
        prefs.save(update_fields=["unsubscribed_at", "updated_at"])
    # Emails already queued for this user are not sent.
    Notification.objects.filter(recipient=user, email_status=DeliveryStatus.PENDING).update(
        email_status=DeliveryStatus.SKIPPED
    )
    return prefs


# Activity: the input of streaks and of "has practised today".


def activity_record(
    *,
    learner: User,
    at: datetime.datetime | None = None,
    lessons: int = 0,
    submissions: int = 0,
    minutes: int = 0,
) -> None:
    """Count activity on the learner's local day. Called by the lesson and submission
    services inside their transactions; concurrent calls are safe (upsert, then F())."""
    day = user_local_date(user=learner, at=at)
    minutes += submissions * MINUTES_PER_SUBMISSION
    LearnerActivity.objects.bulk_create(
        [LearnerActivity(learner=learner, day=day)], ignore_conflicts=True
    )
    LearnerActivity.objects.filter(learner=learner, day=day).update(
        lessons_completed=F("lessons_completed") + lessons,
        submissions=F("submissions") + submissions,
        minutes=F("minutes") + minutes,
    )
    LearnerActivity.objects.filter(
        learner=learner, day=day, minutes__gt=MAX_MINUTES_PER_DAY
    ).update(minutes=MAX_MINUTES_PER_DAY)


@transaction.atomic
def activity_rebuild(*, learner: User) -> int:
    """Recompute a learner's active days from lesson completions and submissions (backfill,
    or after a time-zone change). Returns the number of active days."""
    from courses.models import LessonCompletion
    from submissions.models import Submission

    days: dict[datetime.date, LearnerActivity] = {}

    def row(at: datetime.datetime) -> LearnerActivity:
        day = user_local_date(user=learner, at=at)
        if day not in days:
            days[day] = LearnerActivity(learner=learner, day=day)
        return days[day]

    for completed_at, minutes in LessonCompletion.objects.filter(learner=learner).values_list(
        "completed_at", "lesson__minutes"
    ):
        item = row(completed_at)
        item.lessons_completed += 1
        item.minutes += minutes
    for created_at in Submission.objects.filter(learner=learner).values_list(
        "created_at", flat=True
    ):
        item = row(created_at)
        item.submissions += 1
        item.minutes += MINUTES_PER_SUBMISSION
    for item in days.values():
        item.minutes = min(item.minutes, MAX_MINUTES_PER_DAY)
    LearnerActivity.objects.filter(learner=learner).delete()
    LearnerActivity.objects.bulk_create(days.values())
    return len(days)


def notification_prune(*, now: datetime.datetime | None = None) -> int:
    """Retention: notifications older than NOTIFICATION_RETENTION_DAYS go (a year by default;
    reminder keys are per local day, so an old key can never be planned again)."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.NOTIFICATION_RETENTION_DAYS)
    deleted, _ = Notification.objects.filter(created_at__lt=cutoff).delete()
    return deleted


def email_retry_failed(*, notification_ids: Sequence[int]) -> int:
    """Staff: send failed emails again (only those still failed), on commit."""
    with transaction.atomic():
        ids = list(
            Notification.objects.filter(
                pk__in=notification_ids, email_status=DeliveryStatus.FAILED
            ).values_list("pk", flat=True)
        )
        Notification.objects.filter(pk__in=ids, email_status=DeliveryStatus.FAILED).update(
            email_status=DeliveryStatus.PENDING, email_last_error=""
        )
        email_enqueue(ids)
    return len(ids)


def announcement_schedule(*, track_id: int, title: str, body: str, url: str) -> str:
    """Staff: an announcement to every learner of a track, sent by a worker (batched like
    reminders). Returns its key; the same key never sends twice."""
    from notifications.tasks import announce

    key = f"announcement:{uuid.uuid4().hex}"
    with transaction.atomic():
        publish_on_commit(announce, track_id, title, body, url, key)
    return key
