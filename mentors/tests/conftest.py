"""Fixtures of the mentors tests (the people come from the root conftest)."""

from __future__ import annotations

from typing import Any

import pytest

from accounts.models import User
from courses import services as course_services
from courses.models import Track
from mentors import selectors
from mentors.models import FeedbackRequest, ReviewRound
from mentors.tests.factories import (
    ask_for_feedback,
    failing_submission,
    make_learner,
    make_mentor,
    uploaded_round,
)
from submissions.models import Submission


@pytest.fixture
def review_round(mentor: User, learner: User, backend_track: Track, staff: User) -> ReviewRound:
    """The learner's first version, uploaded and waiting for their (automatic) mentor."""
    assert selectors.assignment_get_active(learner=learner) is not None
    return uploaded_round(learner, backend_track, staff=staff)


@pytest.fixture
def mentee(mentor: User, learner: User) -> User:
    """The learner, mentored by the `mentor` fixture (assigned automatically on enrolment)."""
    assignment = selectors.assignment_get_active(learner=learner)
    assert assignment is not None and assignment.mentor.user == mentor
    return learner


@pytest.fixture
def submission_over_the_limit(mentee: User, settings: Any) -> Submission:
    """A new graded submission of the mentee, who already has as many open feedback
    requests as allowed (FEEDBACK_REQUESTS_OPEN_MAX is 1 here)."""
    settings.FEEDBACK_REQUESTS_OPEN_MAX = 1
    ask_for_feedback(mentee)
    return failing_submission(mentee)


@pytest.fixture
def feedback(mentee: User) -> FeedbackRequest:
    """An open feedback request of the mentee to their mentor (its question is post one)."""
    return ask_for_feedback(mentee)


@pytest.fixture
def other_mentor(backend_track: Track) -> User:
    """A mentor of the same track who does not mentor the `learner`."""
    return make_mentor("alan@example.com", backend_track)


@pytest.fixture
def other_mentee(mentor: User, backend_track: Track) -> User:
    """Another learner of the same mentor (so only object checks keep them apart)."""
    user = make_learner("brian@example.com")
    course_services.enrollment_create(learner=user, track=backend_track)
    return user
