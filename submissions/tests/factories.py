"""factory_boy factories for submissions and the learners who make them.

Exercises are not made up here: the real curriculum is synced into the test database once per
session, so factories look exercises up by slug (default `temperature-converter`). Use
`Factory.create(...)`, which is typed to return the model."""

# factory_boy's declarations (Sequence, SubFactory, ...) have no annotations.
# mypy: allow-untyped-calls

from __future__ import annotations

from typing import Any

from django.utils import timezone
from factory.declarations import LazyFunction, PostGeneration, Sequence, SubFactory
from factory.django import DjangoModelFactory

from accounts.models import User
from accounts.services import user_create
from courses import services as course_services
from courses.models import Exercise, ExerciseFile, Track
from submissions.models import Submission, SubmissionFile
from submissions.services import IncomingFile

DEFAULT_EXERCISE = "temperature-converter"


def exercise(slug: str = DEFAULT_EXERCISE) -> Exercise:
    found: Exercise = Exercise.objects.select_related("module").get(slug=slug)
    return found


def exercise_files(slug: str, role: str) -> list[IncomingFile]:
    """An exercise's files of one role (solution, starter, tests), as a learner would send them."""
    rows = ExerciseFile.objects.filter(exercise__slug=slug, role=role).order_by("path")
    return [IncomingFile(path=row.path, content=row.content) for row in rows]


def solution(slug: str = DEFAULT_EXERCISE) -> list[IncomingFile]:
    return exercise_files(slug, ExerciseFile.Role.SOLUTION)


def starter(slug: str = DEFAULT_EXERCISE) -> list[IncomingFile]:
    return exercise_files(slug, ExerciseFile.Role.STARTER)


def _enroll(learner: User, create: bool, track: Track | None, **kwargs: Any) -> None:
    if create and track is not None:
        course_services.enrollment_create(learner=learner, track=track)


def _add_files(
    submission: Submission, create: bool, files: list[IncomingFile] | None, **kwargs: Any
) -> None:
    if not create:
        return
    items = files or [IncomingFile("temperature.py", "def to_number(text):\n    ...\n")]
    SubmissionFile.objects.bulk_create(
        SubmissionFile(submission=submission, path=item.path, content=item.content)
        for item in items
    )


class LearnerFactory(DjangoModelFactory[User]):
    """A verified user; `track=<Track>` enrolls them (exercises without a track need none)."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = Sequence(lambda n: f"learner{n}@example.com")
    display_name = Sequence(lambda n: f"Learner {n}")
    track = PostGeneration(_enroll)

    @classmethod
    def _create(cls, model_class: type[User], *args: Any, **kwargs: Any) -> User:
        return user_create(password="a-long-test-password", verified=True, **kwargs)


class SubmissionFactory(DjangoModelFactory[Submission]):
    """A stored submission in any state, without going through the service (no enqueue).
    One file, `temperature.py`, unless `files=[IncomingFile, ...]` is given."""

    class Meta:
        model = Submission
        skip_postgeneration_save = True

    learner = SubFactory(LearnerFactory)
    exercise = LazyFunction(exercise)
    status = Submission.Status.QUEUED
    published_at = LazyFunction(timezone.now)
    files = PostGeneration(_add_files)


class RunningSubmissionFactory(SubmissionFactory):
    status = Submission.Status.RUNNING
    attempts = 1
    started_at = LazyFunction(timezone.now)
    worker = "worker-1@test:task-1"


class GradedSubmissionFactory(SubmissionFactory):
    status = Submission.Status.FAILED
    attempts = 1
    started_at = LazyFunction(timezone.now)
    finished_at = LazyFunction(timezone.now)
    tests_passed = 3
    tests_total = 18
    duration_ms = 250
    reason = "15 of 18 tests failed"
