"""Who sees what: the learner, another learner, the assigned mentor, another mentor, staff,
and anonymous visitors, against every capstone and review URL."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import User
from courses import services as course_services
from courses.models import Track
from mentors import errors, selectors, services
from mentors.models import Capstone, ReviewRound
from mentors.tests.factories import (
    client_for,
    decide,
    finish_phase_three,
    make_learner,
    make_mentor,
    upload_project,
    uploaded_round,
)

pytestmark = pytest.mark.django_db


def round_urls(review_round: ReviewRound) -> list[tuple[str, dict[str, Any] | None]]:
    file_id = review_round.version.files.get(path="app/tasks.py").pk
    return [
        (reverse("mentors:round", args=[review_round.pk]), None),
        (
            reverse("mentors:round_comment", args=[review_round.pk]),
            {"file_id": file_id, "line": 1, "body": "x"},
        ),
        (reverse("mentors:round_message", args=[review_round.pk]), {"body": "hi"}),
        (
            reverse("mentors:round_decision", args=[review_round.pk]),
            {"decision": "changes_requested", "summary": "no"},
        ),
    ]


def test_another_learner_gets_404_on_every_round_url(
    review_round: ReviewRound, outsider_client: Client
) -> None:
    for url, data in round_urls(review_round):
        response = outsider_client.post(url, data) if data else outsider_client.get(url)
        assert response.status_code == 404, url
    review_round.refresh_from_db()
    assert review_round.is_open and not review_round.messages.exists()


def test_another_mentor_gets_404_on_every_round_url_and_sees_an_empty_queue(
    review_round: ReviewRound, backend_track: Track
) -> None:
    other = client_for(make_mentor("other-mentor@example.com", backend_track))
    for url, data in round_urls(review_round):
        response = other.post(url, data) if data else other.get(url)
        assert response.status_code == 404, url
    assert "Nothing waiting for review" in other.get(reverse("mentors:queue")).content.decode()


def test_anonymous_visitors_are_sent_to_log_in(review_round: ReviewRound) -> None:
    for url, data in round_urls(review_round):
        response = Client().post(url, data) if data else Client().get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_learner_reads_but_cannot_review_their_own_round(
    review_round: ReviewRound, learner_client: Client
) -> None:
    url, _ = round_urls(review_round)[0]
    assert learner_client.get(url).status_code == 200
    _, comment, message, decision = round_urls(review_round)
    assert learner_client.post(comment[0], comment[1]).status_code == 403
    assert learner_client.post(decision[0], decision[1]).status_code == 403
    assert learner_client.post(message[0], message[1]).status_code == 302
    review_round.refresh_from_db()
    assert review_round.is_open


def test_staff_can_review_any_round(review_round: ReviewRound, staff_client: Client) -> None:
    url, _ = round_urls(review_round)[0]
    assert staff_client.get(url).status_code == 200
    assert (
        str(review_round.capstone.learner.name)
        in staff_client.get(reverse("mentors:queue")).content.decode()
    )


def test_learners_cannot_open_the_queue_or_a_mentor_profile(
    learner_client: Client, mentor: User
) -> None:
    assert learner_client.get(reverse("mentors:queue")).status_code == 403
    assert learner_client.get(reverse("mentors:profile")).status_code == 403
    page = client_for(mentor).get(reverse("mentors:profile"))
    assert page.status_code == 200 and "/ 5" in page.content.decode()


def test_the_capstone_page_is_locked_until_phase_three_or_a_staff_unlock(
    learner: User, learner_client: Client, backend_track: Track, staff: User
) -> None:
    page = learner_client.get(reverse("mentors:capstone"))
    assert "unlocks when you have finished the Phase 3" in page.content.decode()
    learner_client.post(reverse("mentors:capstone_start"))
    assert not Capstone.objects.filter(learner=learner).exists()
    services.capstone_unlock(learner=learner, track=backend_track, by=staff)
    assert "Start my capstone" in learner_client.get(reverse("mentors:capstone")).content.decode()


def test_finishing_phase_three_unlocks_the_capstone(learner: User, learner_client: Client) -> None:
    # One Phase 3 exercise still unsolved: locked, and starting is refused.
    finish_phase_three(learner, skip_exercises=1)
    assert "unlocks when you have finished the Phase 3" in (
        learner_client.get(reverse("mentors:capstone")).content.decode()
    )
    learner_client.post(reverse("mentors:capstone_start"))
    assert not Capstone.objects.filter(learner=learner).exists()

    finish_phase_three(learner)
    assert "Start my capstone" in learner_client.get(reverse("mentors:capstone")).content.decode()
    response = learner_client.post(reverse("mentors:capstone_start"), follow=True)
    assert "Your deadline is" in response.content.decode()
    assert Capstone.objects.get(learner=learner).status == Capstone.Status.IN_PROGRESS


def test_only_one_version_waits_for_review_at_a_time(review_round: ReviewRound) -> None:
    learner = review_round.capstone.learner
    with pytest.raises(errors.CapstoneError, match="waiting for review"):
        upload_project(learner)


def test_approval_needs_every_rubric_criterion_and_cannot_happen_twice(
    review_round: ReviewRound, mentor: User, staff: User
) -> None:
    with pytest.raises(errors.ReviewError, match="Score every rubric criterion"):
        decide(review_round, mentor, scores={})
    decide(review_round, mentor)
    with pytest.raises(errors.ReviewError, match="already been decided"):
        decide(review_round, staff)
    # The assignment ended with the approval; the mentor can still read what they decided.
    assert selectors.assignment_get_active(learner=review_round.capstone.learner) is None
    assert (
        client_for(mentor).get(reverse("mentors:round", args=[review_round.pk])).status_code == 200
    )


def test_a_private_portfolio_is_not_public(learner: User, learner_client: Client) -> None:
    settings_row = services.portfolio_update(user=learner, is_public=False)
    url = reverse("mentors:portfolio", args=[settings_row.public_id])
    assert Client().get(url).status_code == 404


def test_the_queue_lists_oldest_first_in_a_bounded_number_of_queries(
    mentor: User, backend_track: Track, staff: User, django_assert_max_num_queries: Any
) -> None:
    for i in range(5):  # the mentor fixture takes five mentees
        learner = make_learner(f"q{i}@example.com")
        course_services.enrollment_create(learner=learner, track=backend_track)
        uploaded_round(learner, backend_track, staff=staff)
    client = client_for(mentor)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("mentors:queue"))
    rows = list(response.context["page"].object_list)
    assert len(rows) == 5
    assert [r.created_at for r in rows] == sorted(r.created_at for r in rows)
