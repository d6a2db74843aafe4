"""Fixtures for API tests: clients authenticated the way apps authenticate (an allauth
headless session token in X-Session-Token), throttles reset between tests."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from rest_framework.test import APIClient

from accounts.models import User
from courses.models import Exercise, Lesson, Track
from submissions.models import Submission
from submissions.tests.factories import solution

__all__ = [
    "AUTH_QUERIES",
    "api",
    "api_anon",
    "api_learner",
    "api_outsider",
    "clear_throttles",
    "learner_submission",
    "query_count",
    "query_count_warm",
    "session_token",
    "track_exercise",
    "track_lesson",
]


@pytest.fixture(autouse=True)
def clear_throttles() -> Iterator[None]:
    """Throttle counters live in the cache: every test starts with none."""
    cache.clear()
    yield
    cache.clear()


def session_token(user: User) -> str:
    """A real allauth headless session token for `user` (it is the Django session key)."""
    client = Client()
    client.force_login(user)
    key = client.session.session_key
    assert key
    return key


@pytest.fixture
def api() -> Callable[[User | None], APIClient]:
    def make(user: User | None = None) -> APIClient:
        client = APIClient()
        if user is not None:
            client.credentials(HTTP_X_SESSION_TOKEN=session_token(user))
        return client

    return make


@pytest.fixture
def api_anon(api: Callable[[User | None], APIClient]) -> APIClient:
    return api(None)


@pytest.fixture
def api_learner(api: Callable[[User | None], APIClient], learner: User) -> APIClient:
    return api(learner)


@pytest.fixture
def api_outsider(api: Callable[[User | None], APIClient], outsider: User) -> APIClient:
    return api(outsider)


@pytest.fixture
def track_lesson(backend_track: Track) -> Lesson:
    """A lesson only learners of the backend track may read."""
    return Lesson.objects.live().filter(module__track=backend_track).order_by("id").first()  # type: ignore[return-value]


@pytest.fixture
def track_exercise(backend_track: Track) -> Exercise:
    """An exercise only learners of the backend track may open."""
    return Exercise.objects.live().filter(module__track=backend_track).order_by("id").first()  # type: ignore[return-value]


LEARNER_SUBMISSION_ID = 987_654_321


@pytest.fixture
def learner_submission(learner: User) -> Submission:
    """A graded submission of the learner (made directly: these tests are about reading)."""
    from submissions.models import SubmissionFile
    from submissions.tests.factories import exercise

    submission = Submission.objects.create(
        # An id no sequence here reaches: the authorization tests look for '"id":<this>,' in
        # an outsider's responses, and the outsider's own enrollment once had the same id.
        id=LEARNER_SUBMISSION_ID,
        learner=learner,
        exercise=exercise(),
        status=Submission.Status.PASSED,
        tests_passed=3,
        tests_total=3,
        report={
            "tests": [
                {
                    "nodeid": "tests/test_temperature.py::test_convert",
                    "name": "test_convert",
                    "status": "passed",
                    "message": "",
                    "output": "converting",
                    "hidden": False,
                },
                # Stored reports never hold more than this of a hidden check; even if one
                # did (an old row), the public report drops everything but name and result.
                {"name": "check_edges", "status": "passed", "hidden": True, "output": "x"},
            ]
        },
    )
    SubmissionFile.objects.bulk_create(
        SubmissionFile(submission=submission, path=f.path, content=f.content) for f in solution()
    )
    return submission


def json_of(response: Any) -> Any:
    return response.json()


# What authenticating a request costs: the session row behind the token, and its user.
AUTH_QUERIES = 2


def query_count(client: APIClient, url: str) -> int:
    """Database queries one GET costs from a cold cache (authentication and throttling
    included)."""
    from courses.selectors import plan_cache_forget_local

    cache.clear()
    plan_cache_forget_local()
    return query_count_warm(client, url)


def query_count_warm(client: APIClient, url: str) -> int:
    """Database queries one GET costs with whatever the cache already holds."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.content
    return len(queries)
