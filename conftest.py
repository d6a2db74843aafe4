"""Fixtures shared by every app's tests: the synced curriculum and the four people every
page and endpoint is tried with — a learner, another learner (the outsider), a mentor and
a staff member."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client

from accounts.models import User
from accounts.services import user_create
from courses import services as course_services
from courses.models import Track


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: Any, django_db_blocker: Any) -> Iterator[None]:
    """Load the real curriculum once per test database (idempotent with --reuse-db)."""
    with django_db_blocker.unblock():
        course_services.curriculum_sync()
    yield


def _is_transactional(request: pytest.FixtureRequest) -> bool:
    marker = request.node.get_closest_marker("django_db")
    if marker is not None and marker.kwargs.get("transaction"):
        return True
    return bool({"transactional_db", "live_server"} & set(request.fixturenames))


@pytest.fixture(autouse=True)
def _curriculum_survives_flushes(
    request: pytest.FixtureRequest, django_db_blocker: Any
) -> Iterator[None]:
    """Transactional tests end by flushing every table, curriculum included, and they run
    after all the others; each one finds the curriculum loaded again before it starts.
    (A reload in teardown would run before pytest-django's flush, and be lost.)"""
    if _is_transactional(request):
        with django_db_blocker.unblock():
            if not Track.objects.exists():
                course_services.curriculum_sync()
    yield


def make_user(email: str, **extra: Any) -> User:
    return user_create(email=email, password="a-long-test-password", verified=True, **extra)


def client_for(user: User) -> Client:
    """A browser signed in as `user`."""
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def backend_track(db: None) -> Track:
    return Track.objects.get(slug="backend-web")


@pytest.fixture
def data_track(db: None) -> Track:
    return Track.objects.get(slug="data-science-ai")


@pytest.fixture
def learner(db: None, backend_track: Track) -> User:
    user = make_user("ada@example.com", display_name="Ada")
    course_services.enrollment_create(learner=user, track=backend_track)
    return user


@pytest.fixture
def outsider(db: None, data_track: Track) -> User:
    user = make_user("mallory@example.com", display_name="Mallory")
    course_services.enrollment_create(learner=user, track=data_track)
    return user


@pytest.fixture
def mentor(db: None, backend_track: Track) -> User:
    from mentors.models import MentorProfile

    user = make_user("grace@example.com", display_name="Grace")
    profile = MentorProfile.objects.create(user=user, capacity=5)
    profile.tracks.set([backend_track])
    return user


@pytest.fixture
def staff(db: None) -> User:
    return make_user("root@example.com", is_staff=True, is_superuser=True)


@pytest.fixture
def learner_client(learner: User) -> Client:
    return client_for(learner)


@pytest.fixture
def outsider_client(outsider: User) -> Client:
    return client_for(outsider)


@pytest.fixture
def staff_client(staff: User) -> Client:
    return client_for(staff)
