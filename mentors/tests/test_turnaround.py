"""Review turnaround for staff: time to first response and to decision of capstone rounds,
time to first response and to resolution of feedback requests, median and nearest-rank p90
per mentor and overall, what still waits and what missed the SLA."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import User
from courses import services as course_services
from courses.models import Track
from mentors import selectors, services
from mentors.models import FeedbackRequest, LineComment, ReviewRound, RoundMessage
from mentors.templatetags.durations import duration
from mentors.tests.factories import (
    ask_for_feedback,
    decide,
    make_learner,
    make_mentor,
    uploaded_round,
)

pytestmark = pytest.mark.django_db

HOUR = 3600.0
NOW = timezone.now()


def enrolled(email: str, track: Track) -> User:
    learner = make_learner(email)
    course_services.enrollment_create(learner=learner, track=track)
    return learner


def waiting_round(learner: User, track: Track, staff: User, *, hours_ago: float) -> ReviewRound:
    """The learner's first round, uploaded `hours_ago` hours before NOW."""
    review_round = uploaded_round(learner, track, staff=staff)
    ReviewRound.objects.filter(pk=review_round.pk).update(
        created_at=NOW - datetime.timedelta(hours=hours_ago)
    )
    review_round.refresh_from_db()
    return review_round


def written_after(model: type[LineComment] | type[RoundMessage], hours: float, row_id: int) -> None:
    row = model.objects.select_related("review_round").get(pk=row_id)
    model.objects.filter(pk=row_id).update(
        created_at=row.review_round.created_at + datetime.timedelta(hours=hours)
    )


def respond(review_round: ReviewRound, author: User, how: str, *, after: float) -> None:
    """A message or a line comment by `author`, `after` hours into the round."""
    if how == "message":
        row_id = services.round_message_add(
            review_round=review_round, author=author, body="Looking at it"
        ).pk
        written_after(RoundMessage, after, row_id)
    else:
        capstone_file = review_round.version.files.get(path="app/tasks.py")
        row_id = services.round_comment_add(
            review_round=review_round, author=author, file_id=capstone_file.pk, line=1, body="Why?"
        ).pk
        written_after(LineComment, after, row_id)


def decided_round(
    learner: User,
    track: Track,
    staff: User,
    reviewer: User,
    *,
    hours_ago: float,
    decided_after: float,
    response: tuple[str, float] | None = None,
) -> ReviewRound:
    """A round created `hours_ago` hours before NOW, with the learner's own message first,
    the reviewer's `response` (message or comment, hours in) if given, and changes
    requested `decided_after` hours in (not approval: the learner keeps the mentor)."""
    review_round = waiting_round(learner, track, staff, hours_ago=hours_ago)
    respond(review_round, learner, "message", after=0.01)  # never a response
    if response is not None:
        respond(review_round, reviewer, response[0], after=response[1])
    decide(review_round, reviewer, ReviewRound.Status.CHANGES_REQUESTED)
    ReviewRound.objects.filter(pk=review_round.pk).update(
        decided_at=review_round.created_at + datetime.timedelta(hours=decided_after)
    )
    review_round.refresh_from_db()
    return review_round


def row_of(report: selectors.TurnaroundReport, user: User) -> selectors.Turnaround:
    return next(row for row in report.mentors if row.mentor == user)


@pytest.fixture
def grace(backend_track: Track) -> User:
    return make_mentor("grace@example.com", backend_track, capacity=20)


@pytest.fixture
def five_rounds(grace: User, backend_track: Track, staff: User) -> list[ReviewRound]:
    """Five rounds decided by Grace after 1, 2, 3, 4 and 10 hours. First responses: a
    message after 10 min, a line comment after 20 min, the decision itself (nothing
    written before it: 3 h), a message after 40 min, a comment after 5 h. Each learner
    wrote first, which never counts."""
    plan: list[tuple[float, tuple[str, float] | None]] = [
        (1, ("message", 10 / 60)),
        (2, ("comment", 20 / 60)),
        (3, None),
        (4, ("message", 40 / 60)),
        (10, ("comment", 5)),
    ]
    return [
        decided_round(
            enrolled(f"learner{i}@example.com", backend_track),
            backend_track,
            staff,
            grace,
            hours_ago=100 + i,
            decided_after=delay,
            response=response,
        )
        for i, (delay, response) in enumerate(plan)
    ]


def test_the_median_and_p90_of_five_known_rounds_are_exact(
    five_rounds: list[ReviewRound], grace: User
) -> None:
    report = selectors.review_turnaround_get(days=30, now=NOW)
    mine = row_of(report, grace)
    assert mine.rounds == 5
    assert mine.round_decision.count == 5
    assert mine.round_decision.median == 3 * HOUR
    assert mine.round_decision.p90 == 10 * HOUR  # rank ⌈0.9·5⌉ = 5: the longest
    assert sorted(mine.round_first_response.seconds) == [
        10 * 60,
        20 * 60,
        40 * 60,
        3 * HOUR,
        5 * HOUR,
    ]
    assert mine.round_first_response.median == 40 * 60
    assert mine.round_first_response.p90 == 5 * HOUR
    assert (mine.rounds_waiting, mine.rounds_over_sla) == (0, 0)
    assert report.overall.round_decision.seconds == mine.round_decision.seconds


def test_nearest_rank_is_a_value_of_the_sample_never_interpolated() -> None:
    values = [float(v) for v in range(1, 11)]  # 1 … 10
    assert selectors.nearest_rank(values, 90) == 9.0  # ⌈9.0⌉ = 9th
    assert selectors.nearest_rank([*values, 11.0], 90) == 10.0  # ⌈9.9⌉ = 10th
    assert selectors.nearest_rank([7.0], 90) == 7.0
    assert selectors.nearest_rank([], 90) is None
    assert selectors.Durations((1.0, 2.0, 3.0, 10.0)).median == 2.5


def test_each_mentor_has_their_own_numbers_and_overall_has_everyones(
    five_rounds: list[ReviewRound], grace: User, backend_track: Track, staff: User
) -> None:
    hopper = make_mentor("hopper@example.com", backend_track, capacity=20)
    theirs = enrolled("bob@example.com", backend_track)  # the least-loaded mentor: Hopper
    assert selectors.assignment_get_active(learner=theirs).mentor.user == hopper  # type: ignore[union-attr]
    decided_round(theirs, backend_track, staff, hopper, hours_ago=50, decided_after=6)
    report = selectors.review_turnaround_get(days=30, now=NOW)
    assert [row.mentor for row in report.mentors] == [grace, hopper]  # by email
    assert row_of(report, grace).round_decision.median == 3 * HOUR
    assert row_of(report, hopper).round_decision.seconds == (6 * HOUR,)
    assert report.overall.rounds == 6
    assert report.overall.round_decision.median == 3.5 * HOUR  # (3 + 4) / 2
    assert report.overall.round_decision.p90 == 10 * HOUR  # rank ⌈5.4⌉ = 6


def test_a_waiting_round_counts_for_the_learners_mentor_and_against_the_sla(
    grace: User, backend_track: Track, staff: User, settings
) -> None:
    settings.REVIEW_SLA_HOURS = 48
    waiting_round(enrolled("late@example.com", backend_track), backend_track, staff, hours_ago=50)
    waiting_round(enrolled("new@example.com", backend_track), backend_track, staff, hours_ago=2)
    decided_round(
        enrolled("slow@example.com", backend_track),
        backend_track,
        staff,
        grace,
        hours_ago=90,
        decided_after=49,
    )
    mine = row_of(selectors.review_turnaround_get(days=30, now=NOW), grace)
    assert (mine.rounds, mine.rounds_waiting, mine.rounds_over_sla) == (3, 2, 2)
    assert mine.round_decision.seconds == (49 * HOUR,)
    settings.REVIEW_SLA_HOURS = 72
    mine = row_of(selectors.review_turnaround_get(days=30, now=NOW), grace)
    assert mine.rounds_over_sla == 0


def test_the_window_leaves_out_old_decided_rounds_but_keeps_old_waiting_ones(
    grace: User, backend_track: Track, staff: User
) -> None:
    decided_round(
        enrolled("old@example.com", backend_track),
        backend_track,
        staff,
        grace,
        hours_ago=24 * 40,
        decided_after=1,
    )
    waiting_round(
        enrolled("stuck@example.com", backend_track), backend_track, staff, hours_ago=24 * 45
    )
    last_month = row_of(selectors.review_turnaround_get(days=30, now=NOW), grace)
    assert (last_month.rounds, last_month.rounds_waiting, last_month.round_decision.count) == (
        1,
        1,
        0,
    )
    two_months = row_of(selectors.review_turnaround_get(days=60, now=NOW), grace)
    assert (two_months.rounds, two_months.round_decision.count) == (2, 1)


def answered_request(
    learner: User, mentor: User, *, hours_ago: float, answered_after: float | None,
    resolved_after: float | None = None,
) -> FeedbackRequest:  # fmt: skip
    feedback_request = ask_for_feedback(learner)
    if answered_after is not None:
        services.feedback_message_add(feedback_request=feedback_request, author=mentor, body="Hi")
    if resolved_after is not None:
        services.feedback_request_resolve(feedback_request=feedback_request, by=learner)
    created = NOW - datetime.timedelta(hours=hours_ago)
    FeedbackRequest.objects.filter(pk=feedback_request.pk).update(
        created_at=created,
        first_response_at=None
        if answered_after is None
        else created + datetime.timedelta(hours=answered_after),
        resolved_at=None
        if resolved_after is None
        else created + datetime.timedelta(hours=resolved_after),
    )
    return feedback_request


def test_feedback_requests_are_counted_for_the_mentor_asked(
    grace: User, backend_track: Track, settings
) -> None:
    settings.REVIEW_SLA_HOURS = 24
    ada = enrolled("ada@example.com", backend_track)
    answered_request(ada, grace, hours_ago=60, answered_after=1, resolved_after=5)
    answered_request(ada, grace, hours_ago=40, answered_after=30)  # late answer
    answered_request(ada, grace, hours_ago=30, answered_after=None)  # waiting past the SLA
    hopper = make_mentor("hopper@example.com", backend_track, capacity=20)
    bob = enrolled("bob@example.com", backend_track)
    answered_request(bob, hopper, hours_ago=3, answered_after=None)
    report = selectors.review_turnaround_get(days=30, now=NOW)
    mine = row_of(report, grace)
    assert mine.requests == 3
    assert sorted(mine.request_first_response.seconds) == [1 * HOUR, 30 * HOUR]
    assert mine.request_first_response.median == 15.5 * HOUR
    assert mine.request_resolution.seconds == (5 * HOUR,)
    assert (mine.requests_waiting, mine.requests_over_sla) == (1, 2)
    assert (row_of(report, hopper).requests, row_of(report, hopper).requests_waiting) == (1, 1)
    assert (report.overall.requests, report.overall.requests_over_sla) == (4, 2)
    assert mine.rounds == 0 and mine.round_decision.median is None


def test_the_turnaround_costs_the_same_queries_for_more_rounds_requests_and_mentors(
    five_rounds: list[ReviewRound], grace: User, backend_track: Track, staff: User,
    django_assert_max_num_queries,
) -> None:  # fmt: skip
    waiting_round(enrolled("waiting@example.com", backend_track), backend_track, staff, hours_ago=1)
    with CaptureQueriesContext(connection) as first:
        selectors.review_turnaround_get(days=30, now=NOW)
    assert len(first) == 4  # rounds, requests, the waiting rounds' mentors, the mentors
    for i in range(3):
        make_mentor(f"more{i}@example.com", backend_track, capacity=20)
        learner = enrolled(f"more-learner{i}@example.com", backend_track)  # to the new mentor
        waiting_round(learner, backend_track, staff, hours_ago=5)
        mentor = selectors.assignment_get_active(learner=learner).mentor.user  # type: ignore[union-attr]
        answered_request(learner, mentor, hours_ago=4, answered_after=1)
    with django_assert_max_num_queries(len(first)):
        report = selectors.review_turnaround_get(days=30, now=NOW)
    assert report.overall.rounds == 9
    assert report.overall.requests == 3


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (None, "—"),
        (20, "under 1 min"),
        (45 * 60, "45 min"),
        (3 * HOUR, "3 h"),
        (3 * HOUR + 20 * 60, "3 h 20 min"),
        (26 * HOUR + 10 * 60, "1 d 2 h"),
        (48 * HOUR, "2 d"),
    ],
)
def test_durations_read_as_hours_and_minutes(seconds: float | None, text: str) -> None:
    assert duration(seconds) == text
