"""Builders for mentorship tests: mentors, archives of capstone projects, started capstones."""

from __future__ import annotations

import io
import stat
import tarfile
import zipfile
from collections.abc import Mapping

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from accounts.models import User
from accounts.services import user_create
from courses import selectors as course_selectors
from courses import services as course_services
from courses.models import Track
from mentors import selectors, services
from mentors.models import (
    Capstone,
    CapstoneVersion,
    FeedbackComment,
    FeedbackMessage,
    FeedbackRequest,
    MentorProfile,
    ReviewRound,
)
from submissions.models import Submission
from submissions.services import IncomingFile
from submissions.tests.factories import GradedSubmissionFactory

README = (
    "# Task API\n\nA small task manager HTTP API. Run it with `python -m app` and run the "
    "tests with `pytest`. It stores tasks in memory, validates input and returns JSON errors "
    "with proper status codes. See the docs folder for the endpoints and their examples.\n"
)

PROJECT: dict[str, str] = {
    "README.md": README,
    "app/__init__.py": "",
    "app/tasks.py": (
        "def add_task(tasks: list[str], title: str) -> list[str]:\n"
        "    if not title:\n"
        "        raise ValueError('title required')\n"
        "    return [*tasks, title]\n"
        "\n"
        "\n"
        "def count(tasks: list[str]) -> int:\n"
        "    return len(tasks)\n"
    ),
    "tests/test_tasks.py": (
        "from app.tasks import add_task\n"
        "\n"
        "\n"
        "def test_add_task() -> None:\n"
        "    assert add_task([], 'write docs') == ['write docs']\n"
    ),
}


def make_mentor(email: str, track: Track, *, capacity: int = 5) -> User:
    user = user_create(email=email, password="a-long-test-password", verified=True)
    profile = MentorProfile.objects.create(user=user, capacity=capacity)
    profile.tracks.set([track])
    return user


def make_learner(email: str) -> User:
    return user_create(email=email, password="a-long-test-password", verified=True)


def zip_bytes(files: Mapping[str, str | bytes], *, prefix: str = "") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, content in files.items():
            archive.writestr(prefix + path, content)
    return buffer.getvalue()


def zip_with_symlink(name: str, target: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("README.md", README)
        info = zipfile.ZipInfo(name)
        info.create_system = 3  # unix, so external_attr carries the mode
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(info, target)
    return buffer.getvalue()


def tar_bytes(
    files: Mapping[str, str | bytes], *, links: Mapping[str, str] | None = None, gz: bool = True
) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz" if gz else "w") as archive:
        for path, content in files.items():
            data = content.encode() if isinstance(content, str) else content
            info = tarfile.TarInfo(path)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
        for path, target in (links or {}).items():
            info = tarfile.TarInfo(path)
            info.type = tarfile.SYMTYPE
            info.linkname = target
            archive.addfile(info)
    return buffer.getvalue()


def upload(data: bytes, name: str = "project.zip") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def started_capstone(learner: User, track: Track, *, staff: User) -> Capstone:
    """Staff-unlocked and started (the Phase 3 gate is tested separately)."""
    services.capstone_unlock(learner=learner, track=track, by=staff)
    return services.capstone_start(learner=learner)


def upload_project(learner: User) -> CapstoneVersion:
    """The learner uploads PROJECT as the next version of their started capstone."""
    return services.capstone_upload(learner=learner, upload=upload(zip_bytes(PROJECT)))


def uploaded_round(learner: User, track: Track, *, staff: User) -> ReviewRound:
    """A started capstone with PROJECT uploaded: its first round, waiting for review."""
    started_capstone(learner, track, staff=staff)
    return upload_project(learner).review_round


def finish_phase_three(learner: User, *, skip_lessons: int = 0, skip_exercises: int = 0) -> None:
    """Complete the Phase 3 lessons and pass the Phase 3 exercises of the learner's plan
    through the real services, leaving the last `skip_…` of each undone."""
    in_phase_three = {"module__phase__number": selectors.CAPSTONE_PHASE_NUMBER}
    lessons = list(course_selectors.lesson_list(learner=learner).filter(**in_phase_three))
    for lesson in lessons[: len(lessons) - skip_lessons]:
        course_services.lesson_complete(learner=learner, lesson=lesson)
    exercises = list(course_selectors.exercise_list(learner=learner).filter(**in_phase_three))
    for exercise in exercises[: len(exercises) - skip_exercises]:
        GradedSubmissionFactory.create(
            learner=learner, exercise=exercise, status=Submission.Status.PASSED
        )


def reassign(learner: User, to: User, staff: User) -> None:
    """Staff move the learner to the mentor `to` (the previous assignment ends)."""
    services.assignment_set(
        learner=learner, mentor=MentorProfile.objects.get(user=to), by=staff, reason="load"
    )


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def full_scores(track: Track) -> dict[str, int]:
    """The maximum score of every criterion of the track's rubric."""
    return {str(c["slug"]): int(c["max_score"]) for c in track.rubric}


def decide(
    review_round: ReviewRound,
    reviewer: User,
    decision: str = ReviewRound.Status.APPROVED,
    *,
    scores: Mapping[str, int] | None = None,
    summary: str = "ok",
) -> ReviewRound:
    """`round_decide`, every criterion at its maximum unless `scores` says otherwise."""
    return services.round_decide(
        review_round=review_round,
        reviewer=reviewer,
        decision=decision,
        summary=summary,
        scores=full_scores(review_round.capstone.track) if scores is None else scores,
    )


# Three lines, so line comments have somewhere to go (the last has no newline at the end).
FEEDBACK_FILES = [
    IncomingFile(
        "temperature.py",
        "def to_celsius(fahrenheit):\n    return fahrenheit - 32\nprint(to_celsius(212))",
    ),
    IncomingFile("notes.md", "Kelvin is next.\n"),
]


def add_snippets(mentor: User, count: int) -> None:
    """`count` more comment snippets of the mentor (titles "snippet N", after those it has)."""
    start = mentor.comment_snippets.count()
    for number in range(start, start + count):
        services.snippet_create(mentor=mentor, title=f"snippet {number:03}", body="Some text.")


def failing_submission(learner: User) -> Submission:
    """A graded, failing submission of the learner with the two `FEEDBACK_FILES`."""
    return GradedSubmissionFactory.create(learner=learner, files=FEEDBACK_FILES)


def ask_for_feedback(
    learner: User, submission: Submission | None = None, *, body: str = "Why does it fail?"
) -> FeedbackRequest:
    """`feedback_request_create` on `submission` (a new failing one unless given)."""
    return services.feedback_request_create(
        learner=learner, submission=submission or failing_submission(learner), body=body
    )


def feedback_file_id(feedback_request: FeedbackRequest) -> int:
    """The id of temperature.py in the request's submission (see FEEDBACK_FILES)."""
    return feedback_request.submission.files.get(path="temperature.py").pk


def round_file_id(review_round: ReviewRound) -> int:
    """The id of app/tasks.py in the round's version (see PROJECT)."""
    return review_round.version.files.get(path="app/tasks.py").pk


def feedback_post_counts(feedback_request: FeedbackRequest) -> tuple[int, int]:
    """How many messages and line comments the request's thread holds."""
    return (
        FeedbackMessage.objects.filter(feedback_request=feedback_request).count(),
        FeedbackComment.objects.filter(feedback_request=feedback_request).count(),
    )
