"""How long reviews and feedback requests wait: the SLA, waits now, and turnaround."""

from __future__ import annotations

import datetime
import math
import statistics
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import (
    Count,
    Min,
    OuterRef,
    Q,
    Subquery,
)
from django.utils import timezone

from accounts.models import User
from mentors.models import (
    FeedbackRequest,
    LineComment,
    MentorAssignment,
    ReviewRound,
    RoundMessage,
)


def review_sla() -> datetime.timedelta:
    """How long a review round may wait for its decision, and a feedback request for the
    mentor's first response, before staff are told (`settings.REVIEW_SLA_HOURS`)."""
    return datetime.timedelta(hours=settings.REVIEW_SLA_HOURS)


@dataclass(frozen=True)
class ReviewWaits:
    """Review rounds waiting for a decision now: how many, how long the oldest has waited,
    and how many waited past the SLA (`sla_hours`, when staff are told)."""

    waiting: int
    oldest_seconds: float
    over_sla: int
    sla_hours: int


def review_waits_get(*, now: datetime.datetime) -> ReviewWaits:
    deadline = now - review_sla()
    row = ReviewRound.objects.filter(status=ReviewRound.Status.WAITING).aggregate(
        waiting=Count("pk"),
        oldest=Min("created_at"),
        over_sla=Count("pk", filter=Q(created_at__lte=deadline)),
    )
    oldest = row["oldest"]
    return ReviewWaits(
        waiting=int(row["waiting"]),
        oldest_seconds=(now - oldest).total_seconds() if oldest else 0.0,
        over_sla=int(row["over_sla"]),
        sla_hours=settings.REVIEW_SLA_HOURS,
    )


TURNAROUND_DEFAULT_DAYS = 30


def nearest_rank(values: list[float], percent: float) -> float | None:
    """The nearest-rank percentile: the smallest value that at least `percent` % of the
    values do not exceed, i.e. the ceil(percent/100 · n)-th smallest (1-based). Always one
    of the values, never interpolated; None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(percent / 100 * len(ordered)))
    return ordered[rank - 1]


@dataclass(frozen=True)
class Durations:
    """Durations in seconds: their count, median (the middle value, the mean of the two
    middle ones for an even count) and p90 (`nearest_rank`)."""

    seconds: tuple[float, ...] = ()

    @property
    def count(self) -> int:
        return len(self.seconds)

    @property
    def median(self) -> float | None:
        return statistics.median(self.seconds) if self.seconds else None

    @property
    def p90(self) -> float | None:
        return nearest_rank(list(self.seconds), 90)


@dataclass(frozen=True)
class Turnaround:
    """How fast one mentor (or everybody, `mentor` None) answered in the window.

    Rounds: first response is the earliest line comment or round message written by
    someone other than the learner, or the decision if that came first; decision is
    `decided_at`. Requests: first response is `first_response_at` (the asked mentor's
    first message or line comment), resolution `resolved_at`. Each is measured from the
    round's or request's `created_at`. `waiting` counts what has no decision (rounds) or
    no answer (open requests without a response) yet; `over_sla` counts what waited at
    least the SLA for it, answered late or still waiting."""

    mentor: User | None
    round_first_response: Durations
    round_decision: Durations
    rounds: int
    rounds_waiting: int
    rounds_over_sla: int
    request_first_response: Durations
    request_resolution: Durations
    requests: int
    requests_waiting: int
    requests_over_sla: int


@dataclass(frozen=True)
class TurnaroundReport:
    days: int
    since: datetime.datetime
    now: datetime.datetime
    sla_hours: int
    mentors: list[Turnaround]  # every mentor, and anyone else who answered, by email
    overall: Turnaround


@dataclass
class _Tally:
    """The samples of one mentor (or of everybody) while the rows are read."""

    round_first: list[float] = field(default_factory=list)
    round_decision: list[float] = field(default_factory=list)
    rounds: int = 0
    rounds_waiting: int = 0
    rounds_over_sla: int = 0
    request_first: list[float] = field(default_factory=list)
    request_resolution: list[float] = field(default_factory=list)
    requests: int = 0
    requests_waiting: int = 0
    requests_over_sla: int = 0

    def summary(self, mentor: User | None) -> Turnaround:
        return Turnaround(
            mentor=mentor,
            round_first_response=Durations(tuple(self.round_first)),
            round_decision=Durations(tuple(self.round_decision)),
            rounds=self.rounds,
            rounds_waiting=self.rounds_waiting,
            rounds_over_sla=self.rounds_over_sla,
            request_first_response=Durations(tuple(self.request_first)),
            request_resolution=Durations(tuple(self.request_resolution)),
            requests=self.requests,
            requests_waiting=self.requests_waiting,
            requests_over_sla=self.requests_over_sla,
        )


def _seconds(start: datetime.datetime, end: datetime.datetime) -> float:
    return max((end - start).total_seconds(), 0.0)


def _first_reply_at(model: type[LineComment] | type[RoundMessage]) -> Subquery:
    """When the first line comment or message of the round not written by its learner was."""
    return Subquery(
        model.objects.filter(review_round=OuterRef("pk"))
        .exclude(author_id=OuterRef("capstone__learner_id"))
        .order_by("created_at")
        .values("created_at")[:1]
    )


def review_turnaround_get(
    *, days: int = TURNAROUND_DEFAULT_DAYS, now: datetime.datetime | None = None
) -> TurnaroundReport:
    """Turnaround of review rounds and feedback requests created in the last `days` days,
    together with every one still waiting however old (the oldest waits matter most), per
    mentor and overall. A round counts for its reviewer once decided and, while waiting,
    for the learner's current mentor; a request for the mentor asked. At most four
    queries, whatever the number of rounds, requests or mentors."""
    now = now or timezone.now()
    since = now - datetime.timedelta(days=days)
    sla = review_sla()
    rounds = (
        ReviewRound.objects.filter(Q(created_at__gte=since) | Q(status=ReviewRound.Status.WAITING))
        .order_by()
        .annotate(
            first_comment_at=_first_reply_at(LineComment),
            first_message_at=_first_reply_at(RoundMessage),
        )
        .values_list(
            "created_at",
            "decided_at",
            "reviewer_id",
            "capstone__learner_id",
            "first_comment_at",
            "first_message_at",
        )
    )
    requests = (
        FeedbackRequest.objects.filter(
            Q(created_at__gte=since)
            | Q(status=FeedbackRequest.Status.OPEN, first_response_at__isnull=True)
        )
        .order_by()
        .values_list("created_at", "first_response_at", "resolved_at", "mentor_id")
    )
    round_rows = list(rounds)
    request_rows = list(requests)
    mentor_of = dict(
        MentorAssignment.objects.active()
        .filter(learner_id__in={row[3] for row in round_rows if row[1] is None})
        .values_list("learner_id", "mentor__user_id")
    )
    overall = _Tally()
    tallies: dict[int, _Tally] = defaultdict(_Tally)

    for created_at, decided_at, reviewer_id, learner_id, comment_at, message_at in round_rows:
        mentor_id = reviewer_id if decided_at is not None else mentor_of.get(learner_id)
        targets = [overall] + ([tallies[mentor_id]] if mentor_id is not None else [])
        replies = [at for at in (comment_at, message_at, decided_at) if at is not None]
        waited = (decided_at or now) - created_at
        for tally in targets:
            tally.rounds += 1
            if replies:
                tally.round_first.append(_seconds(created_at, min(replies)))
            if decided_at is not None:
                tally.round_decision.append(_seconds(created_at, decided_at))
            else:
                tally.rounds_waiting += 1
            if waited >= sla:
                tally.rounds_over_sla += 1

    for created_at, first_response_at, resolved_at, mentor_id in request_rows:
        answered_at = first_response_at or resolved_at
        waited = (answered_at or now) - created_at
        for tally in (overall, tallies[mentor_id]):
            tally.requests += 1
            if first_response_at is not None:
                tally.request_first.append(_seconds(created_at, first_response_at))
            if resolved_at is not None:
                tally.request_resolution.append(_seconds(created_at, resolved_at))
            if answered_at is None:
                tally.requests_waiting += 1
            if waited >= sla:
                tally.requests_over_sla += 1

    mentors = User.objects.filter(
        Q(pk__in=list(tallies)) | Q(mentor_profile__isnull=False)
    ).order_by("email")
    return TurnaroundReport(
        days=days,
        since=since,
        now=now,
        sla_hours=settings.REVIEW_SLA_HOURS,
        mentors=[tallies[user.pk].summary(user) for user in mentors],
        overall=overall.summary(None),
    )
