"""Fixtures of the mentors tests (the people come from the root conftest)."""

from __future__ import annotations

import pytest

from accounts.models import User
from courses.models import Track
from mentors import selectors
from mentors.models import ReviewRound
from mentors.tests.factories import first_round


@pytest.fixture
def review_round(mentor: User, learner: User, backend_track: Track, staff: User) -> ReviewRound:
    """The learner's first version, uploaded and waiting for their (automatic) mentor."""
    assert selectors.assignment_get_active(learner=learner) is not None
    return first_round(learner, backend_track, staff=staff)


@pytest.fixture
def mentee(mentor: User, learner: User) -> User:
    """The learner, mentored by the `mentor` fixture (assigned automatically on enrolment)."""
    assignment = selectors.assignment_get_active(learner=learner)
    assert assignment is not None and assignment.mentor.user == mentor
    return learner
