"""The assign/reassign page shows each learner's current mentor and every mentor's load;
staff read rounds, feedback requests and snippets but do not add them."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import User
from courses import services as course_services
from courses.models import Track
from mentors import selectors, services
from mentors.models import MentorAssignment, ReviewRound
from mentors.tests.factories import ask_for_feedback, make_learner, make_mentor

pytestmark = pytest.mark.django_db


def test_the_reassign_page_shows_the_current_mentor_and_each_mentors_load(
    backend_track: Track, staff_client: Client
) -> None:
    first = make_mentor("m1@example.com", backend_track, capacity=4)
    second = make_mentor("m2@example.com", backend_track, capacity=7)
    learners = [make_learner(f"l{index}@example.com") for index in range(2)]
    for learner in learners:
        course_services.enrollment_create(learner=learner, track=backend_track)
    assignment = selectors.assignment_get_active(learner=learners[0])
    assert assignment is not None
    current_mentor = assignment.mentor.user.email

    response = staff_client.post(
        "/admin/mentors/mentorassignment/",
        {"action": "reassign", "_selected_action": [assignment.pk]},
    )
    html = response.content.decode()
    assert response.status_code == 200
    current = html.split('id="reassign-learners"')[1].split("</table>")[0]
    assert "l0@example.com" in current and current_mentor in current
    load = html.split('id="mentor-load"')[1].split("</table>")[0]
    first_load, second_load = (
        MentorAssignment.objects.active().filter(mentor__user=user).count()
        for user in (first, second)
    )
    assert first_load + second_load == 2
    assert f"<td>{first_load} / 4</td>" in load
    assert f"<td>{second_load} / 7</td>" in load
    # The mentor choices say the load too.
    assert f"m2@example.com — {second_load}/7 mentees" in html


def test_staff_read_rounds_feedback_and_snippets_but_add_none(
    staff_client: Client, mentor: User, review_round: ReviewRound
) -> None:
    snippet = services.snippet_create(mentor=mentor, title="Naming", body="Name it well.")
    feedback = ask_for_feedback(review_round.capstone.learner)
    for model, pk in (
        ("reviewround", review_round.pk),
        ("feedbackrequest", feedback.pk),
        ("commentsnippet", snippet.pk),
    ):
        listing = staff_client.get(reverse(f"admin:mentors_{model}_changelist"))
        assert listing.status_code == 200, model
        change = staff_client.get(reverse(f"admin:mentors_{model}_change", args=[pk]))
        assert change.status_code == 200 and 'name="body"' not in change.content.decode(), model
        assert staff_client.get(reverse(f"admin:mentors_{model}_add")).status_code == 403, model
    assert (
        "Waiting / waited"
        in staff_client.get(reverse("admin:mentors_feedbackrequest_changelist")).content.decode()
    )
