"""Reads of the notifications app: the inbox, active days, streaks and the activity heatmap."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncDate
from django.utils import timezone

from accounts.models import User
from accounts.selectors import user_local_date
from notifications.models import (
    REMINDER_KINDS,
    DeliveryStatus,
    LearnerActivity,
    Notification,
    NotificationPreferences,
)

HEATMAP_WEEKS = 26  # about six months
# Minutes thresholds of the heatmap's shades 1..4 (0 = no activity).
HEATMAP_LEVELS = (1, 30, 60, 120)


def notification_inbox(*, recipient: User) -> QuerySet[Notification]:
    return (
        Notification.objects.filter(recipient=recipient).in_inbox().order_by("-created_at", "-id")
    )


def notification_unread_count(*, recipient: User) -> int:
    return Notification.objects.filter(recipient=recipient).in_inbox().unread().count()


def notification_get(*, recipient: User, notification_id: int) -> Notification:
    """Raises Notification.DoesNotExist for someone else's notification (a 404, not a 403)."""
    return notification_inbox(recipient=recipient).get(pk=notification_id)


def active_days(
    *, learner: User, since: datetime.date | None = None
) -> dict[datetime.date, LearnerActivity]:
    rows = LearnerActivity.objects.filter(learner=learner)
    if since is not None:
        rows = rows.filter(day__gte=since)
    return {row.day: row for row in rows}


@dataclass(frozen=True)
class Streaks:
    current: int
    longest: int
    active_today: bool
    last_active_on: datetime.date | None

    @property
    def at_risk(self) -> bool:
        return self.current > 0 and not self.active_today


def streaks_compute(*, days: set[datetime.date], today: datetime.date) -> Streaks:
    """The current streak counts consecutive active days ending today, or ending yesterday
    while today is still open; the longest is the longest run ever."""
    longest = run = 0
    previous: datetime.date | None = None
    for day in sorted(days):
        run = run + 1 if previous is not None and (day - previous).days == 1 else 1
        longest = max(longest, run)
        previous = day
    current = 0
    cursor = today if today in days else today - datetime.timedelta(days=1)
    while cursor in days:
        current += 1
        cursor -= datetime.timedelta(days=1)
    return Streaks(
        current=current,
        longest=longest,
        active_today=today in days,
        last_active_on=max(days) if days else None,
    )


def learner_streaks(*, learner: User, today: datetime.date | None = None) -> Streaks:
    today = today or user_local_date(user=learner)
    days = set(
        LearnerActivity.objects.filter(learner=learner, day__lte=today).values_list(
            "day", flat=True
        )
    )
    return streaks_compute(days=days, today=today)


def learner_streaks_list(*, learners: list[User]) -> dict[int, Streaks]:
    """`learner_streaks` of many learners (each on their own local today), by learner id,
    in one query."""
    today = {learner.pk: user_local_date(user=learner) for learner in learners}
    if not today:
        return {}
    days: dict[int, set[datetime.date]] = {learner_id: set() for learner_id in today}
    rows = LearnerActivity.objects.filter(learner_id__in=today, day__lte=max(today.values()))
    for learner_id, day in rows.values_list("learner_id", "day"):
        if day <= today[learner_id]:
            days[learner_id].add(day)
    return {
        learner_id: streaks_compute(days=days[learner_id], today=today[learner_id])
        for learner_id in today
    }


@dataclass(frozen=True)
class HeatmapCell:
    day: datetime.date
    minutes: int
    level: int
    x: int
    y: int

    @property
    def label(self) -> str:
        if not self.minutes:
            return f"{self.day:%a %-d %b %Y}: no practice"
        return f"{self.day:%a %-d %b %Y}: about {self.minutes} min"


@dataclass
class Heatmap:
    """A contribution-style grid: one column per week (Monday first), one row per weekday."""

    first_day: datetime.date
    today: datetime.date
    cells: list[HeatmapCell] = field(default_factory=list)
    month_labels: list[tuple[int, str]] = field(default_factory=list)
    weeks: int = HEATMAP_WEEKS
    cell_size: int = 11
    gap: int = 2

    @property
    def width(self) -> int:
        return 30 + self.weeks * (self.cell_size + self.gap)

    @property
    def height(self) -> int:
        return 20 + 7 * (self.cell_size + self.gap)

    @property
    def active_days(self) -> int:
        return sum(1 for cell in self.cells if cell.minutes)

    @property
    def total_minutes(self) -> int:
        return sum(cell.minutes for cell in self.cells)


def heatmap_level(minutes: int) -> int:
    return sum(1 for threshold in HEATMAP_LEVELS if minutes >= threshold)


def learner_heatmap(
    *, learner: User, today: datetime.date | None = None, weeks: int = HEATMAP_WEEKS
) -> Heatmap:
    """The last `weeks` weeks of estimated practice minutes (one query)."""
    today = today or user_local_date(user=learner)
    this_monday = today - datetime.timedelta(days=today.weekday())
    first_day = this_monday - datetime.timedelta(weeks=weeks - 1)
    minutes = {
        day: row.minutes or 1  # active with no estimate still shows as a light cell
        for day, row in active_days(learner=learner, since=first_day).items()
    }
    heatmap = Heatmap(first_day=first_day, today=today, weeks=weeks)
    step = heatmap.cell_size + heatmap.gap
    day = first_day
    last_month = None
    while day <= today:
        week = (day - first_day).days // 7
        x, y = 30 + week * step, 20 + day.weekday() * step
        value = minutes.get(day, 0)
        heatmap.cells.append(
            HeatmapCell(day=day, minutes=value, level=heatmap_level(value), x=x, y=y)
        )
        if day.weekday() == 0 and day.month != last_month:
            heatmap.month_labels.append((x, f"{day:%b}"))
            last_month = day.month
        day += datetime.timedelta(days=1)
    return heatmap


# Admin reports.


def notification_sent_per_kind_per_day(*, days: int = 14) -> list[dict[str, object]]:
    """Notifications per kind per (UTC) day with email outcomes, newest first."""
    since = timezone.now() - datetime.timedelta(days=days)
    return list(
        Notification.objects.filter(created_at__gte=since)
        .annotate(day=TruncDate("created_at"))
        .values("day", "kind")
        .annotate(
            total=Count("pk"),
            emailed=Count("pk", filter=Q(email_status=DeliveryStatus.SENT)),
            failed=Count("pk", filter=Q(email_status=DeliveryStatus.FAILED)),
            in_inbox=Count("pk", filter=Q(inbox_status=DeliveryStatus.SENT)),
        )
        .order_by("-day", "kind")
    )


def email_outcome_counts(*, since: datetime.datetime) -> dict[tuple[str, str], int]:
    """Emails of notifications created since `since`, by (kind, email status): reminders
    sent, failed after the last retry, skipped, still pending or of unknown outcome."""
    rows = (
        Notification.objects.filter(created_at__gte=since)
        .values("kind", "email_status")
        .annotate(total=Count("pk"))
        .order_by("kind", "email_status")
    )
    return {(str(row["kind"]), str(row["email_status"])): int(row["total"]) for row in rows}


def notification_list_recent(*, recipient: User, limit: int = 20) -> list[Notification]:
    """A person's latest notifications whatever their delivery (the inbox shows only the
    delivered ones), newest first: what staff look at when a learner says "nobody told me"."""
    return list(
        Notification.objects.filter(recipient=recipient).order_by("-created_at", "-id")[:limit]
    )


# Preferences and the channels they choose.


@dataclass(frozen=True)
class Channels:
    """Where a notification of a kind goes for a recipient with these preferences."""

    inbox: bool
    email: bool

    @property
    def any(self) -> bool:
        return self.inbox or self.email


def channels_resolve(
    *,
    kind: str,
    email_enabled: bool | None,
    in_app_enabled: bool | None,
    quiet: bool | None,
    unsubscribed: bool,
) -> Channels:
    """The one rule for channels. `None` means "no preferences row": the defaults.

    Quiet mode mutes reminders everywhere and keeps mentorship messages in the inbox only;
    unsubscribing (or switching email off) stops all email."""
    email_on = (email_enabled is None or email_enabled) and not unsubscribed
    inbox_on = in_app_enabled is None or in_app_enabled
    if quiet:
        if kind in REMINDER_KINDS:
            return Channels(inbox=False, email=False)
        email_on = False
    return Channels(inbox=inbox_on, email=email_on)


def preferences_get(*, user: User) -> NotificationPreferences:
    """The user's preferences, unsaved defaults when they never changed them."""
    try:
        return NotificationPreferences.objects.get(user=user)
    except NotificationPreferences.DoesNotExist:
        return NotificationPreferences(user=user)


def channels_get(*, user: User, kind: str) -> Channels:
    prefs = preferences_get(user=user)
    return channels_resolve(
        kind=kind,
        email_enabled=prefs.email_enabled,
        in_app_enabled=prefs.in_app_enabled,
        quiet=prefs.quiet,
        unsubscribed=prefs.unsubscribed_at is not None,
    )
