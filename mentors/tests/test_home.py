"""The mentor home and a mentee's pages: where a mentor lands, what they see of each mentee
(day, phase, pace, streak, last activity, what they are stuck on), the reviews waiting
against the SLA, and who may open a mentee's progress and submissions."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from accounts.selectors import user_local_date
from courses import selectors as course_selectors
from courses import services as course_services
from courses.models import Enrollment, Track
from mentors import selectors, services
from mentors.models import MentorProfile, ReviewRound
from mentors.tests.factories import client_for, make_learner, make_mentor, uploaded_round
from notifications import selectors as notification_selectors
from notifications import services as notification_services
from submissions.models import Submission
from submissions.tests.factories import GradedSubmissionFactory, exercise

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"


def home_url() -> str:
    return reverse("mentors:home")


def mentee_url(learner: User) -> str:
    return reverse("mentors:mentee", args=[learner.pk])


def submission_url(submission: Submission) -> str:
    return reverse("mentors:mentee_submission", args=[submission.learner_id, submission.pk])


def enrolled(email: str, track: Track, *, day: int = 1) -> User:
    """A learner enrolled in `track` (assigned to its least-loaded mentor), on plan day `day`."""
    learner = make_learner(email)
    course_services.enrollment_create(learner=learner, track=track)
    Enrollment.objects.filter(learner=learner).update(
        started_on=user_local_date(user=learner) - datetime.timedelta(days=day - 1)
    )
    return learner


def failed(learner: User, slug: str = "temperature-converter", **extra: Any) -> Submission:
    return GradedSubmissionFactory.create(learner=learner, exercise=exercise(slug), **extra)


def passed(learner: User, slug: str = "temperature-converter") -> Submission:
    return GradedSubmissionFactory.create(
        learner=learner, exercise=exercise(slug), status=Submission.Status.PASSED
    )


@pytest.fixture
def mentor_user(backend_track: Track) -> User:
    return make_mentor("grace@example.com", backend_track, capacity=20)


@pytest.fixture
def mentee(mentor_user: User, backend_track: Track) -> User:
    learner = enrolled("ada@example.com", backend_track, day=40)
    assignment = selectors.assignment_get_active(learner=learner)
    assert assignment is not None and assignment.mentor.user == mentor_user
    return learner


# --------------------------------------------------------------------------- batched reads


def test_the_batched_progress_and_streaks_match_each_learners_own(
    mentee: User, backend_track: Track, data_track: Track
) -> None:
    other = enrolled("bob@example.com", data_track, day=12)
    passed(mentee)
    passed(other, "word-frequency")
    notification_services.activity_record(learner=other, submissions=1)
    enrollments = list(Enrollment.objects.active().select_related("learner", "track"))
    batched = {p.enrollment.pk: p for p in course_selectors.progress_list(enrollments=enrollments)}
    streaks = notification_selectors.learner_streaks_list(
        learners=[enrollment.learner for enrollment in enrollments]
    )
    for enrollment in enrollments:
        own = course_selectors.progress_get(enrollment=enrollment)
        many = batched[enrollment.pk]
        assert (many.day_number, many.pace, many.percent, many.next_step) == (
            own.day_number,
            own.pace,
            own.percent,
            own.next_step,
        )
        assert many.solved_exercise_ids == own.solved_exercise_ids
        learner = enrollment.learner
        assert streaks[learner.pk] == notification_selectors.learner_streaks(learner=learner)
    assert batched[enrollments[0].pk].solved_exercise_ids != set()


# --------------------------------------------------------------------------- landing


def log_in(email: str, next_url: str = "") -> str:
    data = {"login": email, "password": PASSWORD}
    url = reverse("account_login") + (f"?next={next_url}" if next_url else "")
    response = Client().post(url, data)
    assert response.status_code == 302
    return str(response["Location"])


def test_a_mentor_lands_on_the_mentor_home_after_logging_in(mentor_user: User) -> None:
    assert log_in(mentor_user.email) == home_url()


def test_a_learner_still_lands_on_the_dashboard_after_logging_in(mentee: User) -> None:
    assert log_in(mentee.email) == reverse("courses:dashboard")


def test_a_next_address_still_wins_over_the_mentor_home(mentor_user: User) -> None:
    assert log_in(mentor_user.email, next_url=reverse("mentors:queue")) == reverse("mentors:queue")


def test_the_dashboard_sends_a_mentor_without_a_track_to_the_mentor_home(
    mentor_user: User,
) -> None:
    response = client_for(mentor_user).get(reverse("courses:dashboard"))
    assert response.status_code == 302 and response["Location"] == home_url()


def test_a_mentor_who_follows_a_track_keeps_their_own_dashboard(
    mentor_user: User, data_track: Track
) -> None:
    course_services.enrollment_create(learner=mentor_user, track=data_track)
    response = client_for(mentor_user).get(reverse("courses:dashboard"))
    assert response.status_code == 200 and "Your roadmap" in response.content.decode()


def test_the_mentor_home_is_for_mentors(outsider_client: Client) -> None:
    assert outsider_client.get(home_url()).status_code == 403
    anonymous = Client().get(home_url())
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]


# --------------------------------------------------------------------------- the home page


def test_each_mentee_shows_day_phase_pace_streak_and_last_activity(
    mentor_user: User, mentee: User, backend_track: Track
) -> None:
    enrolled("bob@example.com", backend_track, day=1)
    yesterday = timezone.now() - datetime.timedelta(days=1)
    notification_services.activity_record(learner=mentee, at=yesterday, submissions=1)
    notification_services.activity_record(learner=mentee, submissions=1)

    home = selectors.mentor_home_get(user=mentor_user)
    assert home is not None
    by_email = {row.learner.email: row for row in home.mentees}
    ada, bob = by_email["ada@example.com"], by_email["bob@example.com"]
    assert ada.progress is not None and ada.progress.day_number == 40
    assert ada.progress.pace == "behind" and ada.catch_up is not None
    assert (ada.streaks.current, ada.days_since_active) == (2, 0)
    assert bob.progress is not None and bob.progress.day_number == 1
    assert bob.progress.pace == "on track" and bob.catch_up is None
    assert (bob.streaks.current, bob.days_since_active) == (0, None)

    page = client_for(mentor_user).get(home_url()).content.decode()
    assert f'href="{mentee_url(mentee)}"' in page
    assert "40 of 180" in page and "Behind" in page and "On track" in page
    assert "2 days" in page and "today" in page and "not yet" in page


def test_a_mentee_is_stuck_on_recent_failures_of_exercises_they_have_not_solved(
    mentor_user: User, mentee: User
) -> None:
    failed(mentee, "temperature-converter")
    latest = failed(mentee, "temperature-converter", status=Submission.Status.TIMED_OUT)
    failed(mentee, "word-frequency")
    passed(mentee, "word-frequency")  # solved since: not stuck any more
    old = failed(mentee, "fizzbuzz-and-friends")
    Submission.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - selectors.STUCK_WINDOW - datetime.timedelta(hours=1)
    )
    # An internal error is the grader's fault, not something the learner is stuck on.
    failed(mentee, "gradebook-comprehensions", status=Submission.Status.INTERNAL_ERROR)

    home = selectors.mentor_home_get(user=mentor_user)
    assert home is not None
    [row] = home.mentees
    assert [(s.latest.exercise.slug, s.failed_attempts) for s in row.stuck] == [
        ("temperature-converter", 2)
    ]
    assert row.stuck[0].latest == latest
    page = client_for(mentor_user).get(home_url()).content.decode()
    assert f'href="{submission_url(latest)}"' in page
    assert "Timed out" in page and "2 failed attempts" in page


def test_reviews_waiting_longer_than_the_sla_are_overdue(
    mentor_user: User, review_round: ReviewRound, settings: Any
) -> None:
    settings.REVIEW_SLA_HOURS = 48
    home = selectors.mentor_home_get(user=mentor_user)
    assert home is not None
    [waiting] = home.reviews
    assert waiting.review_round == review_round and not waiting.is_overdue
    page = client_for(mentor_user).get(home_url()).content.decode()
    assert "0 h of 48 h" in page and "Overdue" not in page

    ReviewRound.objects.filter(pk=review_round.pk).update(
        created_at=timezone.now() - datetime.timedelta(hours=50)
    )
    home = selectors.mentor_home_get(user=mentor_user)
    assert home is not None and home.reviews[0].is_overdue and home.overdue_count == 1
    page = client_for(mentor_user).get(home_url()).content.decode()
    assert "50 h of 48 h" in page and "Overdue" in page and 'class="overdue"' in page


def test_a_review_that_has_waited_exactly_the_sla_is_overdue_as_the_escalation_says(
    mentor_user: User, review_round: ReviewRound, settings: Any
) -> None:
    settings.REVIEW_SLA_HOURS = 48
    now = timezone.now()
    ReviewRound.objects.filter(pk=review_round.pk).update(
        created_at=now - datetime.timedelta(hours=48)
    )
    with time_machine.travel(now, tick=False):
        home = selectors.mentor_home_get(user=mentor_user)
    assert home is not None and home.reviews[0].is_overdue


@pytest.fixture
def review_round(mentor_user: User, mentee: User, backend_track: Track, staff: User) -> ReviewRound:
    """The mentee's first capstone version, waiting for review by `mentor_user`."""
    return uploaded_round(mentee, backend_track, staff=staff)


def test_another_mentors_reviews_and_mentees_are_not_on_the_home(
    mentee: User, review_round: ReviewRound, backend_track: Track
) -> None:
    other = make_mentor("other-mentor@example.com", backend_track)
    home = selectors.mentor_home_get(user=other)
    assert home is not None and home.mentees == [] and home.reviews == []
    assert mentee_url(mentee) not in client_for(other).get(home_url()).content.decode()


def test_mentees_beyond_a_page_are_on_the_next_page(
    mentor_user: User, backend_track: Track, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(selectors.home, "MENTEE_PAGE_SIZE", 2)
    learners = [enrolled(f"mentee{n}@example.com", backend_track) for n in range(3)]

    def shown(page_number: int) -> list[User]:
        home = selectors.mentor_home_get(user=mentor_user, page_number=page_number)
        assert home is not None
        return [row.learner for row in home.mentees]

    assert shown(1) == learners[:2] and shown(2) == learners[2:]
    client = client_for(mentor_user)
    first = client.get(home_url()).content.decode()
    assert "Page 1 of 2" in first and 'href="?page=2"' in first
    assert mentee_url(learners[2]) not in first
    assert mentee_url(learners[2]) in client.get(home_url(), {"page": 2}).content.decode()


def test_the_home_costs_the_same_queries_for_two_mentees_as_for_ten(
    mentor_user: User,
    backend_track: Track,
    review_round: ReviewRound,
    django_assert_max_num_queries: Any,
) -> None:
    def add_mentees(count: int, start: int) -> None:
        for n in range(start, start + count):
            learner = enrolled(f"mentee{n}@example.com", backend_track, day=30)
            failed(learner)
            passed(learner, "word-frequency")
            notification_services.activity_record(learner=learner, submissions=1)

    add_mentees(1, 0)  # with `review_round`'s learner: two mentees
    client = client_for(mentor_user)
    client.get(home_url())  # warm the session and the site's caches
    with CaptureQueriesContext(connection) as two:
        assert client.get(home_url()).status_code == 200
    add_mentees(8, 1)
    assert MentorProfile.objects.get(user=mentor_user).assignments.active().count() == 10
    with django_assert_max_num_queries(len(two.captured_queries)):
        page = client.get(home_url()).content.decode()
    assert page.count('class="card mentee"') == 10


# --------------------------------------------------------------------------- a mentee's pages


def test_the_profile_links_each_mentee_to_their_page(mentor_user: User, mentee: User) -> None:
    page = client_for(mentor_user).get(reverse("mentors:profile")).content.decode()
    assert f'<a href="{mentee_url(mentee)}">{mentee.name}</a>' in page


def test_the_assigned_mentor_sees_a_mentees_progress_and_submissions(
    mentor_user: User, mentee: User
) -> None:
    submission = failed(mentee)
    page = client_for(mentor_user).get(mentee_url(mentee))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Day 40 of 180" in text and "Behind" in text
    assert f'href="{submission_url(submission)}"' in text and "Temperature" in text


def test_the_mentor_reads_a_submission_as_the_learner_sees_it_without_hidden_details(
    mentor_user: User, mentee: User
) -> None:
    submission = failed(
        mentee,
        report={
            "tests": [
                {
                    "name": "test_freezing",
                    "nodeid": "tests/test_temperature.py::test_freezing",
                    "status": "failed",
                    "message": "assert 31 == 32",
                },
                {
                    "name": "handles negative input",
                    "hidden": True,
                    "status": "failed",
                    "message": "SECRET hidden input -40",
                },
            ]
        },
        grader_notes=["SECRET staff note"],
    )
    page = client_for(mentor_user).get(submission_url(submission))
    assert page.status_code == 200
    text = page.content.decode()
    assert "assert 31 == 32" in text and "handles negative input" in text
    assert "temperature.py" in text  # their files
    assert "SECRET" not in text
    assert "fix and submit again" not in text  # the learner's own buttons are not shown


def test_staff_see_a_mentees_pages(staff_client: Client, mentee: User) -> None:
    submission = failed(mentee)
    assert staff_client.get(mentee_url(mentee)).status_code == 200
    assert staff_client.get(submission_url(submission)).status_code == 200


def test_another_mentor_a_former_mentor_and_learners_get_404_on_a_mentees_pages(
    mentor_user: User, mentee: User, backend_track: Track, staff: User, outsider: User
) -> None:
    submission = failed(mentee)
    other = make_mentor("other-mentor@example.com", backend_track)
    urls = [mentee_url(mentee), submission_url(submission)]
    for user in (other, outsider, mentee):
        client = client_for(user)
        for url in urls:
            assert client.get(url).status_code == 404, (user, url)

    services.assignment_set(
        learner=mentee,
        mentor=MentorProfile.objects.get(user=other),
        by=staff,
        reason="balance the load",
    )
    former, current = client_for(mentor_user), client_for(other)
    for url in urls:
        assert former.get(url).status_code == 404, url
        assert current.get(url).status_code == 200, url


def test_a_submission_of_someone_else_is_a_404_under_a_mentees_address(
    mentor_user: User, mentee: User, outsider: User
) -> None:
    foreign = failed(outsider)
    url = reverse("mentors:mentee_submission", args=[mentee.pk, foreign.pk])
    assert client_for(mentor_user).get(url).status_code == 404
