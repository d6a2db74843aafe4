"""Reads of submissions for pages, tasks and the API."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet

from courses.models import Exercise, ExerciseFile
from submissions.models import Submission, SubmissionFile
from submissions.sandbox import SandboxFile

STATUS_RANK = {
    Submission.Status.PASSED: 0,
    Submission.Status.FAILED: 1,
    Submission.Status.ERROR: 2,
}


def solved_exercise_ids(*, learner: Any) -> set[int]:
    """Exercises the learner has at least one passing submission for."""
    return set(
        Submission.objects.filter(learner=learner, status=Submission.Status.PASSED)
        .values_list("exercise_id", flat=True)
        .distinct()
    )


@dataclass(frozen=True)
class SandboxJob:
    files: list[SandboxFile]
    visible_tests: list[SandboxFile]
    hidden_tests: list[SandboxFile]
    wall_seconds: float
    memory_mb: int


def submission_sandbox_files(*, submission_id: int) -> list[SandboxFile]:
    return [
        SandboxFile(path=path, content=content)
        for path, content in SubmissionFile.objects.filter(submission_id=submission_id).values_list(
            "path", "content"
        )
    ]


def sandbox_job(*, submission: Submission) -> SandboxJob:
    """What the worker needs to grade: the learner's files and all the exercise's tests."""
    tests = ExerciseFile.objects.filter(
        exercise_id=submission.exercise_id,
        role__in=(ExerciseFile.Role.VISIBLE_TEST, ExerciseFile.Role.HIDDEN_TEST),
    ).values_list("role", "path", "content")
    visible = [
        SandboxFile(path, content)
        for role, path, content in tests
        if role == ExerciseFile.Role.VISIBLE_TEST
    ]
    hidden = [
        SandboxFile(path, content)
        for role, path, content in tests
        if role == ExerciseFile.Role.HIDDEN_TEST
    ]
    exercise: Exercise = submission.exercise
    return SandboxJob(
        files=submission_sandbox_files(submission_id=submission.pk),
        visible_tests=visible,
        hidden_tests=hidden,
        wall_seconds=float(exercise.wall_seconds),
        memory_mb=exercise.memory_mb,
    )


def learner_submissions(*, learner: Any) -> QuerySet[Submission]:
    return (
        Submission.objects.filter(learner=learner)
        .select_related("exercise")
        .defer("report", "quality")
    )


def submission_for_learner(*, learner: Any, submission_id: int) -> Submission:
    """The learner's own submission, or DoesNotExist (another learner's id is a 404)."""
    return (
        Submission.objects.select_related("exercise__module__phase")
        .prefetch_related("files")
        .get(pk=submission_id, learner=learner)
    )


@dataclass
class SubmissionHistory:
    submissions: list[Submission] = field(default_factory=list)
    best: Submission | None = None
    latest_files: list[SubmissionFile] = field(default_factory=list)


def submission_history(*, learner: Any, exercise: Exercise, limit: int = 20) -> SubmissionHistory:
    """The learner's recent submissions for one exercise, the best result, the latest files."""
    rows = list(
        Submission.objects.filter(learner=learner, exercise=exercise)
        .defer("report", "quality")
        .order_by("-created_at", "-id")[:limit]
    )
    history = SubmissionHistory(submissions=rows)
    graded = [s for s in rows if s.is_final]
    if graded:
        history.best = max(
            graded,
            key=lambda s: (s.status == Submission.Status.PASSED, s.tests_passed, s.created_at),
        )
    if rows:
        history.latest_files = list(SubmissionFile.objects.filter(submission=rows[0]))
    return history


def public_report(*, submission: Submission) -> dict[str, Any]:
    """The stored report as learners may see it: hidden tests by name and message only
    (the sandbox already redacted hidden source), visible tests with their output."""
    report = dict(submission.report or {})
    tests = []
    for test in report.get("tests", []):
        item = dict(test)
        if item.get("hidden"):
            item["output"] = ""
        tests.append(item)
    report["tests"] = tests
    return report
