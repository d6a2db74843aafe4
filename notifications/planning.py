"""Planning reminders: which learners are due, computed in SQL, inserted exactly once.

Beat runs `plan_reminders` every five minutes. Local time differs per learner, so the planner
reads the distinct time zones in use (one query), computes each zone's local date, hour and
weekday in Python, groups zones with the same local clock into buckets, and then asks one
query per reminder kind for every due learner across all buckets (a CASE over the buckets
supplies each learner's local date). No query runs per learner.

Rows are inserted with `bulk_create(ignore_conflicts=True)` against the unique constraint on
(recipient, kind, dedupe_key) — the key is the learner's local date or the object — so a
retried task or two overlapping beats can insert a notification only once; delivery tasks
are then published in batches after commit, and each email is claimed before it is sent.

Hours: a reminder "at the practice hour" fires in the learner's practice hour or, if beat
missed it (or the hour did not exist because clocks sprang forward), in the hour after.
"""

from __future__ import annotations

import datetime
import zoneinfo
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import reduce
from operator import or_
from typing import Any

from django.db import transaction
from django.db.models import (
    Case,
    CharField,
    DateField,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from accounts.selectors import zone_local_date, zone_local_time
from courses.models import Enrollment, Lesson, LessonCompletion, Phase
from notifications.models import DeliveryStatus, Kind, LearnerActivity, Notification
from notifications.selectors import channels_resolve
from notifications.services import batched, email_enqueue

INSERT_CHUNK = 1000
_ALL_ZONES = sorted(zoneinfo.available_timezones())


STREAK_AT_RISK_HOUR = 20  # evening, local time
STREAK_AT_RISK_MIN_DAYS = 3
INACTIVITY_DAYS = (3, 7)
# Mentors are reminded of a review round or feedback request waiting this long; staff are
# told when it has waited the SLA (settings.REVIEW_SLA_HOURS, mentors.selectors.review_sla).
REVIEW_WAITING_HOURS = (24, 48)
CAPSTONE_REMINDER_DAYS = (3, 1)
# Clock-driven kinds are planned in the first minutes of each local hour: three 5-minute
# beats to get it done, and the hour after (see Bucket.practice_hours) as a second window.
# Keys make the repeats harmless; skipping the rest of the hour keeps a beat cheap.
PLAN_WINDOW_MINUTES = 15


@dataclass(frozen=True)
class Bucket:
    """Time zones whose local clock reads the same date and hour right now."""

    day: datetime.date
    hour: int
    zones: tuple[str, ...]

    @property
    def weekday_bit(self) -> int:
        return 1 << self.day.weekday()

    @property
    def practice_hours(self) -> list[int]:
        # The hour itself, or the hour after as a grace window (missed beat, DST gap).
        return [self.hour, self.hour - 1] if self.hour > 0 else [self.hour]


@dataclass(frozen=True)
class Message:
    title: str
    body: str
    url: str


# What each reminder says: title and body, with `{…}` filled in by the planner.
REMINDER_TEXTS: dict[str, tuple[str, str]] = {
    Kind.DAILY_PRACTICE: (
        "Your practice hour is here",
        "One focused hour today beats seven on Sunday. Your next step is waiting on your dashboard.",
    ),
    Kind.STREAK_AT_RISK: (
        "Keep your streak going",
        "You have practised several days in a row. Fifteen minutes tonight keeps the streak alive.",
    ),
    Kind.INACTIVITY: (
        "It has been {days} days",
        "Consistency over intensity: a short session today is enough to get back into the rhythm.",
    ),
    Kind.BEHIND_PLAN: (
        "You are behind the plan",
        "The calendar has moved past the end of your current phase. That is fine — protect your daily hour this week and pick up the next lesson.",
    ),
    Kind.CAPSTONE_DEADLINE: (
        "Capstone due in {days} day{s}",
        "Your capstone deadline is close. Upload what you have — a mentor reviews versions, not perfection.",
    ),
    Kind.REVIEW_WAITING: (
        "A capstone review has waited {hours} hours",
        "A mentee is waiting for your review. A short first pass keeps them moving.",
    ),
    Kind.REVIEW_OVERDUE: (
        "A capstone review is overdue ({hours} h)",
        "A review has waited {hours} hours for its decision. Nudge the mentor or reassign it.",
    ),
}
# The same two kinds for feedback requests on exercises (keys start with "feedback:").
FEEDBACK_REMINDER_TEXTS: dict[str, tuple[str, str]] = {
    Kind.REVIEW_WAITING: (
        "A feedback request has waited {hours} hours",
        "A mentee asked for feedback on a submission. A short first answer keeps them moving.",
    ),
    Kind.REVIEW_OVERDUE: (
        "A feedback request is unanswered ({hours} h)",
        "A feedback request has waited {hours} hours for its mentor's first answer. "
        "Nudge the mentor or reassign the learner.",
    ),
}


@dataclass
class PlanReport:
    created_by_kind: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    enqueued: int = 0
    buckets: int = 0

    @property
    def created(self) -> int:
        return sum(self.created_by_kind.values())


# Due learners are read as tuples of (learner id, dedupe key, *preference columns).
PREFERENCE_COLUMNS = (
    "learner__notification_preferences__email_enabled",
    "learner__notification_preferences__in_app_enabled",
    "learner__notification_preferences__quiet",
    "learner__notification_preferences__unsubscribed_at",
)


def zone_buckets(*, now: datetime.datetime, zones: Iterable[str]) -> list[Bucket]:
    """Zones whose local hour has just begun (within PLAN_WINDOW_MINUTES), grouped by
    their local date and hour."""
    by_clock: dict[tuple[datetime.date, int], list[str]] = defaultdict(list)
    for name in zones:
        try:
            local = zone_local_time(zone=name, at=now)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            continue  # validated on the user; a bad row must not stop everyone's reminders
        if local.minute >= PLAN_WINDOW_MINUTES:
            continue
        by_clock[(local.date(), local.hour)].append(name)
    return [
        Bucket(day=day, hour=hour, zones=tuple(sorted(names)))
        for (day, hour), names in sorted(by_clock.items())
    ]


def zones_in_use(*, among: Iterable[str] | None = None) -> list[str]:
    users = User.objects.order_by().filter(is_active=True)
    if among is not None:
        users = users.filter(time_zone__in=list(among))
    return list(users.values_list("time_zone", flat=True).distinct())


def _active_enrollments() -> QuerySet[Enrollment]:
    """One row per learner (one active enrollment each, a DB constraint)."""
    return (
        Enrollment.objects.active()
        .order_by()
        .filter(learner__is_active=True)
        .exclude(learner__notification_preferences__quiet=True)
    )


def _per_bucket(buckets: Sequence[Bucket], value: Callable[[Bucket], Any], output: Any) -> Case:
    return Case(
        *[When(learner__time_zone__in=b.zones, then=Value(value(b))) for b in buckets],
        output_field=output,
    )


def _in_buckets(buckets: Sequence[Bucket], extra: Callable[[Bucket], Q] | None = None) -> Q:
    return reduce(
        or_,
        [Q(learner__time_zone__in=b.zones) & (extra(b) if extra else Q()) for b in buckets],
    )


def _days_before(days: int) -> Callable[[Bucket], datetime.date]:
    return lambda b: b.day - datetime.timedelta(days)


def _inactivity_key(days: int) -> Callable[[Bucket], str]:
    return lambda b: f"{days}d:{(b.day - datetime.timedelta(days)).isoformat()}"


def _at_practice_hour(b: Bucket) -> Q:
    return Q(learner__practice_hour__in=b.practice_hours)


def _active_on(day_field: str) -> Exists:
    return Exists(
        LearnerActivity.objects.filter(learner=OuterRef("learner_id"), day=OuterRef(day_field))
    )


def _notified(kind: str, key_field: str) -> Exists:
    return Exists(
        Notification.objects.filter(
            recipient=OuterRef("learner_id"), kind=kind, dedupe_key=OuterRef(key_field)
        )
    )


def _insert(
    *,
    kind: str,
    rows: Iterable[tuple[Any, ...]],
    message: Message,
    report: PlanReport,
) -> None:
    """Insert (learner id, dedupe key, *preferences) rows once each and queue their emails."""
    for chunk in batched(rows, INSERT_CHUNK):
        notifications: list[Notification] = []
        for recipient_id, dedupe_key, email_on, inbox_on, quiet, unsubscribed_at in chunk:
            channels = channels_resolve(
                kind=kind,
                email_enabled=email_on,
                in_app_enabled=inbox_on,
                quiet=quiet,
                unsubscribed=unsubscribed_at is not None,
            )
            if not channels.any:
                continue
            notifications.append(
                Notification(
                    recipient_id=recipient_id,
                    kind=kind,
                    dedupe_key=dedupe_key,
                    title=message.title,
                    body=message.body,
                    url=message.url,
                    inbox_status=DeliveryStatus.SENT if channels.inbox else DeliveryStatus.SKIPPED,
                    email_status=DeliveryStatus.PENDING
                    if channels.email
                    else DeliveryStatus.SKIPPED,
                )
            )
        if not notifications:
            continue
        with transaction.atomic():
            Notification.objects.bulk_create(notifications, ignore_conflicts=True)
            # Emails of this chunk that nobody has picked up yet. Under a race two planners
            # may both publish an id; the claim in delivery sends it once.
            pending = list(
                Notification.objects.filter(
                    kind=kind,
                    recipient_id__in=[n.recipient_id for n in notifications],
                    dedupe_key__in={n.dedupe_key for n in notifications},
                    email_status=DeliveryStatus.PENDING,
                    email_attempts=0,
                ).values_list("pk", flat=True)
            )
            email_enqueue(pending)
        report.created_by_kind[kind] += len(notifications)
        report.enqueued += len(pending)


def _remind(
    kind: str,
    rows: Iterable[tuple[Any, ...]],
    report: PlanReport,
    *,
    url: str,
    texts: dict[str, tuple[str, str]] = REMINDER_TEXTS,
    **values: Any,
) -> None:
    """`_insert` with the reminder's text from `texts` (`values` fill its fields)."""
    title, body = texts[kind]
    message = Message(title=title.format(**values), body=body.format(**values), url=url)
    _insert(kind=kind, rows=rows, message=message, report=report)


def _dashboard_url() -> str:
    return reverse("courses:dashboard")


def plan_daily_practice(
    *, buckets: Sequence[Bucket], now: datetime.datetime, report: PlanReport
) -> None:
    """At the practice hour, on a practice day, when the learner has not practised today."""
    due = (
        _active_enrollments()
        .filter(_in_buckets(buckets, _at_practice_hour))
        .annotate(
            local_day=_per_bucket(buckets, lambda b: b.day, DateField()),
            local_key=_per_bucket(buckets, lambda b: b.day.isoformat(), CharField()),
            day_bit=_per_bucket(buckets, lambda b: b.weekday_bit, IntegerField()),
        )
        .annotate(on_day=F("learner__practice_days").bitand(F("day_bit")))  # type: ignore[arg-type]
        .filter(on_day__gt=0)
        .exclude(_active_on("local_day"))
        .exclude(_notified(Kind.DAILY_PRACTICE, "local_key"))
        # An inactivity notice sent in the last hours says the same thing more urgently.
        .exclude(
            Exists(
                Notification.objects.filter(
                    recipient=OuterRef("learner_id"),
                    kind=Kind.INACTIVITY,
                    created_at__gte=now - datetime.timedelta(hours=12),
                )
            )
        )
        .values_list("learner_id", "local_key", *PREFERENCE_COLUMNS)
    )
    url = _dashboard_url()
    _remind(Kind.DAILY_PRACTICE, list(due), report, url=url)


def plan_streak_at_risk(*, buckets: Sequence[Bucket], report: PlanReport) -> None:
    """In the evening, when a streak of 3+ days ends yesterday and nothing happened today."""
    evening = [b for b in buckets if b.hour in (STREAK_AT_RISK_HOUR, STREAK_AT_RISK_HOUR + 1)]
    if not evening:
        return
    due = (
        _active_enrollments()
        .filter(_in_buckets(evening))
        .annotate(
            local_day=_per_bucket(evening, lambda b: b.day, DateField()),
            local_key=_per_bucket(evening, lambda b: b.day.isoformat(), CharField()),
        )
    )
    for back in range(1, STREAK_AT_RISK_MIN_DAYS + 1):
        name = f"day_minus_{back}"
        due = due.annotate(**{name: _per_bucket(evening, _days_before(back), DateField())}).filter(
            _active_on(name)
        )
    due = due.exclude(_active_on("local_day")).exclude(_notified(Kind.STREAK_AT_RISK, "local_key"))
    url = _dashboard_url()
    _remind(
        Kind.STREAK_AT_RISK,
        list(due.values_list("learner_id", "local_key", *PREFERENCE_COLUMNS)),
        report,
        url=url,
    )


def plan_inactivity(*, buckets: Sequence[Bucket], report: PlanReport) -> None:
    """At the practice hour on the 3rd and 7th day without activity (once per quiet spell:
    the key is the last active day)."""
    url = _dashboard_url()
    for days in INACTIVITY_DAYS:
        due = (
            _active_enrollments()
            .filter(_in_buckets(buckets, _at_practice_hour))
            .annotate(
                last_day=_per_bucket(buckets, _days_before(days), DateField()),
                local_key=_per_bucket(
                    buckets,
                    _inactivity_key(days),
                    CharField(),
                ),
            )
            .filter(_active_on("last_day"))
            .exclude(
                Exists(
                    LearnerActivity.objects.filter(
                        learner=OuterRef("learner_id"), day__gt=OuterRef("last_day")
                    )
                )
            )
            .exclude(_notified(Kind.INACTIVITY, "local_key"))
            .values_list("learner_id", "local_key", *PREFERENCE_COLUMNS)
        )
        _remind(Kind.INACTIVITY, list(due), report, url=url, days=days)


def plan_behind_plan(*, buckets: Sequence[Bucket], report: PlanReport) -> None:
    """At the practice hour, at most once per ISO week: the calendar day is past the last
    day of a phase whose lessons (for the learner's track) are not all completed."""
    phases = list(Phase.objects.live().order_by("number"))
    seen: set[int] = set()
    rows: list[tuple[Any, ...]] = []
    for phase in phases:
        unfinished = Exists(
            Lesson.objects.live()
            .filter(module__phase=phase, module__retired_at__isnull=True)
            .filter(Q(module__track__isnull=True) | Q(module__track=OuterRef("track_id")))
            .exclude(
                Exists(
                    LessonCompletion.objects.filter(
                        learner=OuterRef(OuterRef("learner_id")), lesson=OuterRef("pk")
                    )
                )
            )
        )
        due = (
            _active_enrollments()
            .filter(_in_buckets(buckets, _at_practice_hour))
            .annotate(
                # Day N = (today - started_on) + 1 > last_day  ⇔  started_on ≤ today - last_day.
                latest_start=_per_bucket(
                    buckets,
                    _days_before(phase.last_day),
                    DateField(),
                ),
                local_key=_per_bucket(
                    buckets,
                    lambda b: "{}-W{:02d}".format(*b.day.isocalendar()[:2]),
                    CharField(),
                ),
            )
            .filter(started_on__lte=F("latest_start"))
            .filter(unfinished)
            .exclude(_notified(Kind.BEHIND_PLAN, "local_key"))
            .values_list("learner_id", "local_key", *PREFERENCE_COLUMNS)
        )
        for row in due:
            if row[0] not in seen:
                seen.add(row[0])
                rows.append(row)
    url = _dashboard_url()
    _remind(Kind.BEHIND_PLAN, rows, report, url=url)


def plan_capstone_deadlines(*, now: datetime.datetime, report: PlanReport) -> None:
    """3 days and 1 day (local dates) before a capstone in progress is due."""
    from mentors.models import Capstone

    open_statuses = (
        Capstone.Status.UNLOCKED,
        Capstone.Status.IN_PROGRESS,
        Capstone.Status.CHANGES_REQUESTED,
    )
    capstones = (
        Capstone.objects.filter(
            status__in=open_statuses,
            due_at__gt=now,
            due_at__lte=now + datetime.timedelta(days=max(CAPSTONE_REMINDER_DAYS) + 1),
            learner__is_active=True,
        )
        .exclude(learner__notification_preferences__quiet=True)
        .values_list("pk", "due_at", "learner_id", "learner__time_zone", *PREFERENCE_COLUMNS)
    )
    rows_by_days: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
    for capstone_id, due_at, learner_id, zone_name, *prefs in capstones:
        days_left = (
            zone_local_date(zone=zone_name, at=due_at) - zone_local_date(zone=zone_name, at=now)
        ).days
        if days_left in CAPSTONE_REMINDER_DAYS:
            key = f"{days_left}d:capstone:{capstone_id}"
            rows_by_days[days_left].append((learner_id, key, *prefs))
    for days_left, rows in rows_by_days.items():
        _remind(
            Kind.CAPSTONE_DEADLINE,
            rows,
            report,
            url=reverse("mentors:capstone"),
            days=days_left,
            s="s" if days_left != 1 else "",
        )


def _with_preferences(rows: list[tuple[int, str]]) -> list[tuple[Any, ...]]:
    """(user id, dedupe key) rows with the user's preference columns, for `_insert`."""
    prefs = {
        row[0]: row[1:]
        for row in User.objects.filter(pk__in={r[0] for r in rows}).values_list(
            "pk",
            "notification_preferences__email_enabled",
            "notification_preferences__in_app_enabled",
            "notification_preferences__quiet",
            "notification_preferences__unsubscribed_at",
        )
    }
    return [(user_id, key, *prefs[user_id]) for user_id, key in rows if user_id in prefs]


def _not_sent(kind: str, rows: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The (user id, dedupe key) rows without a notification of `kind` yet (one query; the
    unique constraint still decides under a race, this keeps reruns from counting)."""
    sent = set(
        Notification.objects.filter(kind=kind, dedupe_key__in={key for _, key in rows})
        .values_list("recipient_id", "dedupe_key")
        .order_by()
    )
    return [row for row in rows if row not in sent]


@dataclass(frozen=True)
class Waiting:
    """Something waiting for a mentor: its dedupe key prefix ("round:7"), since when, and
    the mentor to remind (None: nobody to remind, staff are still told)."""

    key: str
    since: datetime.datetime
    mentor_id: int | None


def _remind_waiting(
    waiting: Iterable[Waiting],
    *,
    now: datetime.datetime,
    report: PlanReport,
    mentor_url: str,
    staff_url: str,
    texts: dict[str, tuple[str, str]],
) -> None:
    """Remind the mentor at each of REVIEW_WAITING_HOURS and tell every active staff member
    once the SLA is reached; keyed "<key>:<hours>h", so each is sent once."""
    from mentors.selectors import review_sla

    sla = review_sla()
    sla_hours = int(sla.total_seconds() // 3600)
    mentor_rows: dict[int, list[tuple[int, str]]] = defaultdict(list)
    overdue: list[str] = []
    for item in waiting:
        age = now - item.since
        for hours in REVIEW_WAITING_HOURS:
            if age >= datetime.timedelta(hours=hours) and item.mentor_id is not None:
                mentor_rows[hours].append((item.mentor_id, f"{item.key}:{hours}h"))
        if age >= sla:
            overdue.append(f"{item.key}:{sla_hours}h")
    due: list[tuple[str, list[tuple[int, str]], str, int]] = [
        (Kind.REVIEW_WAITING, rows, mentor_url, hours) for hours, rows in mentor_rows.items()
    ]
    if overdue:
        staff = User.objects.filter(is_staff=True, is_active=True).values_list("pk", flat=True)
        staff_rows = [(user_id, key) for user_id in staff for key in overdue]
        due.append((Kind.REVIEW_OVERDUE, staff_rows, staff_url, sla_hours))
    for kind, rows, url, hours in due:
        rows_to_send = _with_preferences(_not_sent(kind, rows))
        _remind(kind, rows_to_send, report, url=url, texts=texts, hours=hours)


def _waiting_since(now: datetime.datetime) -> datetime.datetime:
    """The newest `created_at` that can be due for a reminder or for staff."""
    from mentors.selectors import review_sla

    return now - min(datetime.timedelta(hours=min(REVIEW_WAITING_HOURS)), review_sla())


def plan_review_waiting(*, now: datetime.datetime, report: PlanReport) -> None:
    """Review rounds without a decision for 24 h and 48 h remind the learner's mentor; at the
    SLA (settings.REVIEW_SLA_HOURS) they are escalated to staff."""
    from mentors.models import MentorAssignment, ReviewRound

    rounds = list(
        ReviewRound.objects.filter(
            status=ReviewRound.Status.WAITING, created_at__lte=_waiting_since(now)
        ).values_list("pk", "created_at", "capstone__learner_id")
    )
    mentors = dict(
        MentorAssignment.objects.filter(
            learner_id__in={learner_id for _, _, learner_id in rounds}, ended_at__isnull=True
        ).values_list("learner_id", "mentor__user_id")
    )
    _remind_waiting(
        [
            Waiting(key=f"round:{round_id}", since=created_at, mentor_id=mentors.get(learner_id))
            for round_id, created_at, learner_id in rounds
        ],
        now=now,
        report=report,
        mentor_url=reverse("mentors:queue"),
        staff_url=reverse("admin:mentors_reviewround_changelist"),
        texts=REMINDER_TEXTS,
    )


def plan_feedback_waiting(*, now: datetime.datetime, report: PlanReport) -> None:
    """Open feedback requests the mentor has not answered yet: reminded to the mentor asked
    at 24 h and 48 h (while they still mentor the learner), escalated to staff at the SLA,
    like review rounds."""
    from mentors.models import FeedbackRequest

    requests = (
        FeedbackRequest.objects.open()
        .filter(first_response_at__isnull=True, created_at__lte=_waiting_since(now))
        .values_list("pk", "created_at", "mentor_id", "assignment__ended_at")
    )
    _remind_waiting(
        [
            Waiting(
                key=f"feedback:{request_id}",
                since=created_at,
                mentor_id=mentor_id if ended_at is None else None,
            )
            for request_id, created_at, mentor_id, ended_at in requests
        ],
        now=now,
        report=report,
        mentor_url=reverse("mentors:feedback_queue"),
        staff_url=reverse("admin:mentors_feedbackrequest_changelist"),
        texts=FEEDBACK_REMINDER_TEXTS,
    )


def plan_reminders(*, now: datetime.datetime | None = None) -> PlanReport:
    """Plan every reminder kind due at `now` (default: the current time). Idempotent."""
    now = now or timezone.now()
    report = PlanReport()
    # Which zones' hour has just begun is known without the database; ask it only which
    # of those have learners (most beats of an hour have no candidate zone at all).
    candidates = [z for b in zone_buckets(now=now, zones=_ALL_ZONES) for z in b.zones]
    buckets = zone_buckets(now=now, zones=zones_in_use(among=candidates)) if candidates else []
    report.buckets = len(buckets)
    if buckets:
        plan_inactivity(buckets=buckets, report=report)
        plan_daily_practice(buckets=buckets, now=now, report=report)
        plan_streak_at_risk(buckets=buckets, report=report)
        plan_behind_plan(buckets=buckets, report=report)
    plan_capstone_deadlines(now=now, report=report)
    plan_review_waiting(now=now, report=report)
    plan_feedback_waiting(now=now, report=report)
    return report


def announcement_send(*, track_id: int, title: str, body: str, url: str, dedupe_key: str) -> int:
    """An announcement from staff to every learner on a track, batched like reminders.
    Announcements reach quiet learners too (in the inbox; quiet mutes their email)."""
    due = (
        Enrollment.objects.active()
        .order_by()
        .filter(track_id=track_id, learner__is_active=True)
        .annotate(local_key=Value(dedupe_key[:120], output_field=CharField()))
        .exclude(_notified(Kind.ANNOUNCEMENT, "local_key"))
        .values_list("learner_id", "local_key", *PREFERENCE_COLUMNS)
    )
    report = PlanReport()
    _insert(
        kind=Kind.ANNOUNCEMENT,
        rows=list(due),
        message=Message(title=title, body=body, url=url),
        report=report,
    )
    return report.created
