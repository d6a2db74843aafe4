"""The mobile API gives learners no similarity signals and no mentor's earlier feedback on
other learners' solutions (the pages show them to mentors and staff only)."""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework.test import APIClient

from accounts.models import User
from courses.models import Track
from mentors import services
from mentors.tests.factories import ask_for_feedback, started_capstone, upload, zip_bytes
from mentors.tests.test_similar_code import SAME_PROGRAM, SOLUTION, commented, project, submitted
from mentors.tests.test_similarity import INVENTORY

pytestmark = pytest.mark.django_db


def keys(data: Any) -> set[str]:
    """Every key anywhere in a JSON document."""
    if isinstance(data, dict):
        return set(data) | {key for value in data.values() for key in keys(value)}
    if isinstance(data, list):
        return {key for value in data for key in keys(value)}
    return set()


def test_the_learners_feedback_and_round_answers_carry_no_similarity(
    mentee: User, mentor: User, backend_track: Track, staff: User, api_learner: APIClient
) -> None:
    earlier = ask_for_feedback(mentee, submitted(mentee, SOLUTION))
    commented(earlier, mentor, "Subtracting 32 is only half of it.")
    now = ask_for_feedback(mentee, submitted(mentee, SAME_PROGRAM))
    started_capstone(mentee, backend_track, staff=staff)
    version = services.capstone_upload(learner=mentee, upload=upload(zip_bytes(project(INVENTORY))))
    answers = [
        api_learner.get(f"/api/v1/feedback/{now.pk}/"),
        api_learner.get(f"/api/v1/rounds/{version.review_round.pk}/"),
    ]
    for answer in answers:
        assert answer.status_code == 200
        found = {key for key in keys(answer.json()) if "similar" in key or "insight" in key}
        assert found == set()
    assert "Subtracting 32" not in answers[0].content.decode()  # said on the other request
