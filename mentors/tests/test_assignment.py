"""Automatic assignment, the waiting list, staff reassignment with history, and the
capacity race on PostgreSQL."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.db import connection, connections

from accounts.models import User
from config.errors import ApplicationError
from courses import services as course_services
from courses.models import Track
from mentors import selectors, services
from mentors.models import MentorAssignment, MentorProfile
from mentors.tests.factories import make_learner, make_mentor

pytestmark = pytest.mark.django_db


def mentor_of(learner: User) -> User | None:
    assignment = selectors.assignment_get_active(learner=learner)
    return assignment.mentor.user if assignment else None


def enroll(email: str, track: Track) -> User:
    learner = make_learner(email)
    course_services.enroll(learner=learner, track=track)
    return learner


def two_mentors_and_a_learner(track: Track) -> tuple[User, User, User]:
    """Two mentors of the track, then a learner enrolled in it (who gets the first)."""
    first = make_mentor("m1@example.com", track)
    second = make_mentor("m2@example.com", track)
    return first, second, enroll("a@example.com", track)


def test_enrolling_assigns_the_least_loaded_mentor_with_ties_to_the_oldest_profile(
    backend_track: Track, data_track: Track
) -> None:
    first = make_mentor("m1@example.com", backend_track)
    second = make_mentor("m2@example.com", backend_track)
    make_mentor("data@example.com", data_track)
    assert mentor_of(enroll("a@example.com", backend_track)) == first
    assert mentor_of(enroll("b@example.com", backend_track)) == second
    assert mentor_of(enroll("c@example.com", backend_track)) == first


def test_paused_and_full_mentors_are_skipped_and_the_learner_waits(backend_track: Track) -> None:
    paused = make_mentor("paused@example.com", backend_track)
    MentorProfile.objects.filter(user=paused).update(availability=MentorProfile.Availability.PAUSED)
    make_mentor("small@example.com", backend_track, capacity=1)
    enroll("a@example.com", backend_track)
    waiting = enroll("b@example.com", backend_track)
    assert mentor_of(waiting) is None
    assert [e.learner for e in selectors.enrollment_list_unassigned()] == [waiting]


def test_freed_capacity_goes_to_the_learner_waiting_longest(backend_track: Track) -> None:
    mentor = make_mentor("small@example.com", backend_track, capacity=1)
    first = enroll("a@example.com", backend_track)
    second = enroll("b@example.com", backend_track)
    third = enroll("c@example.com", backend_track)
    assert mentor_of(first) == mentor
    MentorProfile.objects.filter(user=mentor).update(capacity=2)  # staff raise it in admin
    assert services.waiting_learners_assign() == 1
    assert mentor_of(second) == mentor
    assert mentor_of(third) is None


def test_staff_reassign_with_a_reason_and_the_history_is_kept(
    backend_track: Track, staff: User
) -> None:
    first, second, learner = two_mentors_and_a_learner(backend_track)
    with pytest.raises(ApplicationError, match="reason"):
        services.assignment_set(learner=learner, mentor=second.mentor_profile, by=staff, reason=" ")
    services.assignment_set(
        learner=learner, mentor=second.mentor_profile, by=staff, reason="time zones match"
    )
    assert mentor_of(learner) == second
    history = list(selectors.assignment_list(learner=learner))
    assert [(a.mentor.user, a.is_active) for a in history] == [(second, True), (first, False)]
    assert history[0].reason == "time zones match" and history[0].assigned_by == staff
    assert "time zones match" in history[1].end_reason


def test_staff_cannot_push_a_mentor_over_capacity(backend_track: Track, staff: User) -> None:
    full = make_mentor("full@example.com", backend_track, capacity=1)
    enroll("a@example.com", backend_track)
    other = make_mentor("other@example.com", backend_track)
    learner = enroll("b@example.com", backend_track)
    assert mentor_of(learner) == other
    with pytest.raises(ApplicationError, match="at capacity"):
        services.assignment_set(learner=learner, mentor=full.mentor_profile, by=staff, reason="x")


def test_switching_to_a_track_the_mentor_does_not_cover_changes_the_mentor(
    backend_track: Track, data_track: Track
) -> None:
    make_mentor("backend@example.com", backend_track)
    data_mentor = make_mentor("data@example.com", data_track)
    learner = enroll("a@example.com", backend_track)
    course_services.switch_track(learner=learner, track=data_track)
    assert mentor_of(learner) == data_mentor
    assert MentorAssignment.objects.filter(learner=learner).count() == 2


def test_the_admin_lists_load_and_waiting_learners(
    backend_track: Track, staff_client: object
) -> None:
    make_mentor("small@example.com", backend_track, capacity=1)
    enroll("a@example.com", backend_track)
    enroll("waiting@example.com", backend_track)
    mentors_page = staff_client.get("/admin/mentors/mentorprofile/")  # type: ignore[attr-defined]
    assert "1 / 1" in mentors_page.content.decode()
    waiting_page = staff_client.get("/admin/mentors/unassignedlearner/")  # type: ignore[attr-defined]
    assert "waiting@example.com" in waiting_page.content.decode()
    assert staff_client.get("/admin/mentors/reviewround/", follow=True).status_code == 200  # type: ignore[attr-defined]


@pytest.mark.django_db(transaction=True)
def test_concurrent_enrollments_never_push_a_mentor_over_capacity(backend_track: Track) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL (SQLite serialises every write anyway)")
    track = Track.objects.get(slug="backend-web")
    make_mentor("only@example.com", track, capacity=1)
    learners = [make_learner(f"racer{i}@example.com") for i in range(4)]
    barrier = threading.Barrier(len(learners))
    errors: list[BaseException] = []

    def race(learner: User) -> None:
        try:
            barrier.wait()
            course_services.enroll(learner=learner, track=track)
        except BaseException as exc:  # surfaced by the assertion below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=race, args=(learner,)) for learner in learners]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    assert MentorAssignment.objects.active().count() == 1
    assert selectors.enrollment_list_unassigned().count() == len(learners) - 1


def test_staff_reassign_from_the_admin_action_with_a_reason(
    backend_track: Track, staff_client: Any
) -> None:
    _, second, learner = two_mentors_and_a_learner(backend_track)
    assignment = selectors.assignment_get_active(learner=learner)
    assert assignment is not None
    url = "/admin/mentors/mentorassignment/"
    data = {"action": "reassign", "_selected_action": [assignment.pk]}
    form_page = staff_client.post(url, data)
    assert form_page.status_code == 200 and "Assign to a mentor" in form_page.content.decode()
    staff_client.post(
        url, {**data, "apply": "1", "mentor": second.mentor_profile.pk, "reason": "load balancing"}
    )
    assert mentor_of(learner) == second


def test_a_mentor_moved_off_a_learner_keeps_only_what_they_decided(
    backend_track: Track, staff: User
) -> None:
    from mentors.models import ReviewRound
    from mentors.tests.factories import PROJECT, decide, started_capstone, upload, zip_bytes

    first, second, learner = two_mentors_and_a_learner(backend_track)
    assert mentor_of(learner) == first
    started_capstone(learner, backend_track, staff=staff)
    round_one = services.capstone_upload(
        learner=learner, upload=upload(zip_bytes(PROJECT))
    ).review_round
    services.round_message_add(review_round=round_one, author=first, body="Before I left.")
    decide(round_one, first, ReviewRound.Status.CHANGES_REQUESTED, scores={}, summary="Tests.")
    services.assignment_set(learner=learner, mentor=second.mentor_profile, by=staff, reason="leave")
    services.round_message_add(review_round=round_one, author=learner, body="After you left.")
    round_two = services.capstone_upload(
        learner=learner, upload=upload(zip_bytes({**PROJECT, "NOTES.md": "v2"}))
    ).review_round

    seen = selectors.round_get(user=first, round_id=round_one.pk)
    assert [m.body for m in seen.messages.all()] == ["Before I left."]
    with pytest.raises(ReviewRound.DoesNotExist):
        selectors.round_get(user=first, round_id=round_two.pk)
    assert not selectors.review_allowed(user=first, learner_id=learner.pk)
    # The new mentor sees everything, and the learner too.
    for viewer in (second, learner):
        assert selectors.round_get(user=viewer, round_id=round_two.pk) == round_two
        everything = selectors.round_get(user=viewer, round_id=round_one.pk)
        assert [m.body for m in everything.messages.all()] == ["Before I left.", "After you left."]
