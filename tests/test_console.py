"""The programme dashboard in the admin (config/console.py)."""

from __future__ import annotations

import datetime
import json
import uuid
from pathlib import Path

import pytest
from django.test import Client
from django.utils import timezone

from accounts.models import User
from config import console, queueing
from courses import selectors as course_selectors
from courses.models import Enrollment
from submissions.models import Submission
from submissions.tests.factories import GradedSubmissionFactory, LearnerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pinged(monkeypatch: pytest.MonkeyPatch) -> None:
    """The dashboard tests here show a ping's answer; that `workers_alive` asks real workers
    over Redis is tested in tests/test_worker_e2e.py."""
    monkeypatch.setattr(queueing, "workers_alive", lambda *, timeout: ["celery@grader-1"])


def test_learners_are_counted_by_phase_and_pace(
    learner: User, outsider: User, backend_track
) -> None:
    behind = LearnerFactory.create(track=backend_track)
    Enrollment.objects.filter(learner=behind).update(
        started_on=timezone.localdate() - datetime.timedelta(days=60)
    )
    rows = console.learners_by_phase_and_pace()
    assert [row.phase_number for row in rows] == [1]
    assert rows[0].paces == {"on track": 2, "behind": 1}
    assert rows[0].total == 3


def test_the_bulk_progress_matches_the_progress_of_each_learner(
    learner: User, outsider: User
) -> None:
    GradedSubmissionFactory.create(
        learner=learner,
        exercise=course_selectors.exercise_list(learner=learner).first(),
        status=Submission.Status.PASSED,
    )
    bulk = {p.enrollment.learner_id: p for p in course_selectors.progress_list(
        enrollments=Enrollment.objects.active()
    )}  # fmt: skip
    for person in (learner, outsider):
        enrollment = course_selectors.enrollment_active(learner=person)
        assert enrollment is not None
        one = course_selectors.progress_get(enrollment=enrollment)
        assert (bulk[person.pk].percent, bulk[person.pk].day_number) == (
            one.percent,
            one.day_number,
        )
        assert bulk[person.pk].solved_exercise_ids == one.solved_exercise_ids
    assert bulk[learner.pk].exercises_solved == 1


def test_the_bulk_progress_costs_the_same_queries_for_more_learners(
    learner: User, backend_track, django_assert_max_num_queries
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as first:
        course_selectors.progress_list(enrollments=Enrollment.objects.active())
    for _ in range(4):
        LearnerFactory.create(track=backend_track)
    with django_assert_max_num_queries(len(first)):
        course_selectors.progress_list(enrollments=Enrollment.objects.active())


def test_the_dashboard_shows_phases_mentors_reviews_grading_queues_and_workers(
    mentor: User, learner: User, staff_client: Client, pinged: None, settings, tmp_path: Path
) -> None:
    settings.CELERY_BROKER_URL = "filesystem://"
    settings.CELERY_BROKER_TRANSPORT_OPTIONS = {"data_folder_in": str(tmp_path)}
    (tmp_path / f"0_{uuid.uuid4().hex}.execute.msg").write_text(json.dumps({}))
    GradedSubmissionFactory.create(learner=learner, status=Submission.Status.PASSED)
    response = staff_client.get("/admin/programme/")
    assert response.status_code == 200
    html = response.content.decode()
    phases = html.split('id="learners-by-phase"')[1].split("</table>")[0]
    assert "Phase 1" in phases
    assert mentor.email in html.split('id="mentor-load"')[1].split("</table>")[0]
    assert "0 rounds waiting" in html
    assert "passed" in html.split('id="grading-outcomes"')[1].split("</table>")[0]
    queues = html.split('id="queues"')[1].split("</table>")[0]
    assert "<td>execute</td><td>1</td>" in queues
    assert "celery@grader-1" in html


def test_the_dashboard_is_for_staff_only(learner_client: Client) -> None:
    response = learner_client.get("/admin/programme/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_the_admin_index_links_the_dashboard(staff_client: Client) -> None:
    assert "/admin/programme/" in staff_client.get("/admin/").content.decode()


def test_grading_quantiles_come_from_the_histogram_bounds() -> None:
    from submissions.selectors import GradingStats

    stats = GradingStats(
        outcomes={"passed": 10},
        buckets=(0, 2, 6, 9, 10, 10, 10, 10, 10, 10),
        latency_count=10,
        latency_seconds_sum=50.0,
    )
    assert stats.latency_quantile(0.5) == 5.0
    assert stats.latency_quantile(0.9) == 10.0
    assert GradingStats({}, (0,) * 10, 0, 0.0).latency_quantile(0.5) is None


# --------------------------------------------------------------------------- review turnaround


def decided_capstone_round(mentor: User, learner: User, staff: User, *, after_hours: float):
    """The learner's first round (to `mentor`, assigned on enrolment), changes requested
    `after_hours` hours after it was uploaded."""
    from mentors import selectors as mentor_selectors
    from mentors.models import ReviewRound
    from mentors.tests.factories import decide, uploaded_round

    assignment = mentor_selectors.assignment_get_active(learner=learner)
    assert assignment is not None and assignment.mentor.user == mentor
    review_round = uploaded_round(learner, assignment.track, staff=staff)
    review_round = decide(review_round, mentor, ReviewRound.Status.CHANGES_REQUESTED)
    ReviewRound.objects.filter(pk=review_round.pk).update(
        decided_at=review_round.created_at + datetime.timedelta(hours=after_hours, minutes=20)
    )
    return review_round


def test_staff_see_each_mentors_turnaround_in_words(
    mentor: User, learner: User, staff: User, staff_client: Client
) -> None:
    decided_capstone_round(mentor, learner, staff, after_hours=3)
    response = staff_client.get("/admin/programme/turnaround/")
    assert response.status_code == 200
    html = response.content.decode()
    table = html.split('id="turnaround"')[1].split("</table>")[0]
    mentor_row = table.split(mentor.email)[1].split("</tr>")[0]
    assert (
        "<td>1</td><td>3 h 20 min / 3 h 20 min</td><td>3 h 20 min / 3 h 20 min</td>" in mentor_row
    )
    assert "Overall" in table
    assert "nearest-rank" in html
    assert '<label for="id_days">' in html


def test_the_turnaround_window_comes_from_the_query_and_a_bad_one_says_so(
    mentor: User, learner: User, staff: User, staff_client: Client
) -> None:
    review_round = decided_capstone_round(mentor, learner, staff, after_hours=3)
    from mentors.models import ReviewRound

    ReviewRound.objects.filter(pk=review_round.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=40)
    )

    def mentor_row(query: str) -> str:
        html = staff_client.get(f"/admin/programme/turnaround/{query}").content.decode()
        return html.split('id="turnaround"')[1].split(mentor.email)[1].split("</tr>")[0]

    assert mentor_row("").startswith("</th><td>0</td>")
    assert mentor_row("?days=60").startswith("</th><td>1</td>")
    html = staff_client.get("/admin/programme/turnaround/?days=0").content.decode()
    assert 'class="errornote"' in html
    assert "the last 30 days" in html


@pytest.mark.parametrize("who", ["learner", "mentor"])
def test_the_turnaround_page_is_for_staff_only(who: str, learner: User, mentor: User) -> None:
    from conftest import client_for

    response = client_for(learner if who == "learner" else mentor).get(
        "/admin/programme/turnaround/"
    )
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_the_turnaround_page_costs_the_same_queries_for_more_mentors_and_rounds(
    mentor: User, learner: User, staff: User, staff_client: Client, backend_track,
    django_assert_max_num_queries,
) -> None:  # fmt: skip
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from mentors.tests.factories import make_mentor

    decided_capstone_round(mentor, learner, staff, after_hours=1)
    with CaptureQueriesContext(connection) as first:
        staff_client.get("/admin/programme/turnaround/")
    for i in range(3):
        other = make_mentor(f"mentor{i}@example.com", backend_track)
        decided_capstone_round(
            other, LearnerFactory.create(track=backend_track), staff, after_hours=2
        )
    with django_assert_max_num_queries(len(first)):
        response = staff_client.get("/admin/programme/turnaround/")
    assert "mentor2@example.com" in response.content.decode()


def test_the_dashboard_shows_the_overall_turnaround_and_links_the_page(
    mentor: User, learner: User, staff: User, staff_client: Client, pinged: None
) -> None:
    decided_capstone_round(mentor, learner, staff, after_hours=3)
    html = staff_client.get("/admin/programme/").content.decode()
    overall = html.split('id="turnaround-overall"')[1].split("</table>")[0]
    assert "3 h 20 min" in overall
    assert mentor.email not in overall
    assert 'href="/admin/programme/turnaround/"' in html
