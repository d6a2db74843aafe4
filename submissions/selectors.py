"""Reads of submissions for pages, tasks and the API."""

from __future__ import annotations

import ast
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


def _function_source(content: str, node: ast.FunctionDef | ast.AsyncFunctionDef) -> str:
    first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
    lines = content.splitlines()[first - 1 : node.end_lineno]
    return "\n".join(lines)


def visible_test_sources(*, exercise_id: int) -> dict[str, str]:
    """Source of each visible test function by node id ("tests/test_x.py::test_y"), so a
    learner can read the test that failed next to its message. Hidden tests never."""
    sources: dict[str, str] = {}
    files = ExerciseFile.objects.filter(
        exercise_id=exercise_id, role=ExerciseFile.Role.VISIBLE_TEST
    ).values_list("path", "content")
    for path, content in files:
        try:
            tree = ast.parse(content)
        except SyntaxError:
            continue
        for node in tree.body:
            owners: list[tuple[str, ast.stmt]] = [("", node)]
            if isinstance(node, ast.ClassDef):
                owners = [(f"{node.name}::", item) for item in node.body]
            for prefix, item in owners:
                if isinstance(
                    item, ast.FunctionDef | ast.AsyncFunctionDef
                ) and item.name.startswith("test"):
                    nodeid = f"tests/{path}::{prefix}{item.name}"
                    sources[nodeid] = _function_source(content, item)
    return sources


def public_report(*, submission: Submission) -> dict[str, Any]:
    """The stored report as learners may see it: hidden tests by name and message only
    (the sandbox already redacted hidden source), visible tests with their output and the
    source of the test function."""
    report = dict(submission.report or {})
    sources: dict[str, str] | None = None
    tests = []
    for test in report.get("tests", []):
        item = dict(test)
        if item.get("hidden"):
            item["output"] = ""
        else:
            if sources is None:
                sources = visible_test_sources(exercise_id=submission.exercise_id)
            item["source"] = sources.get(str(item.get("nodeid", "")).split("[", 1)[0], "")
        tests.append(item)
    report["tests"] = tests
    return report
