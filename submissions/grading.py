"""Run the grader for one job: the runtime, the answer key and the sandbox, or a clear
`internal_error` when one of them is not ready. Never a silent fallback: a missing runtime
or a stale answer key is logged and named, and the learner's code is not run."""

from __future__ import annotations

import logging

from django.conf import settings

from courses.models import Exercise
from submissions.sandbox import (
    Limits,
    Outcome,
    SandboxResult,
    SandboxUnavailable,
    grade_submission,
    runtimes,
    warm,
)
from submissions.sandbox.suites import grade_test_suite
from submissions.selectors import GradingJob

logger = logging.getLogger(__name__)


def _not_ready(reason: str, detail: str) -> SandboxResult:
    logger.error("grader not ready: %s (%s)", reason, detail)
    return SandboxResult(
        outcome=Outcome.INTERNAL_ERROR,
        tests=[],
        reason=reason,
        duration=0.0,
        exit_code=None,
        log_tail="",
        staff_notes=[detail],
    )


def grade(job: GradingJob) -> SandboxResult:
    """The grade of the job's files (the worker stores it)."""
    try:
        runtime = runtimes.resolve(job.runtime)
    except runtimes.RuntimeUnavailable as exc:
        return _not_ready(
            f"The grader's '{job.runtime}' environment is not ready; staff have been told.",
            str(exc),
        )
    limits = Limits(
        wall_seconds=job.wall_seconds,
        cpu_seconds=max(10, int(job.wall_seconds)),
        memory_mb=job.memory_mb,
    )
    try:
        if job.kind == Exercise.Kind.TESTS:
            if job.subject is None or not job.mutants:
                return _not_ready(
                    "This exercise is not set up for grading; staff have been told.",
                    "a tests exercise without a subject or mutants",
                )
            return grade_test_suite(
                suite=job.files,
                subject=job.subject,
                mutants=job.mutants,
                allowed_imports=job.allowed_imports,
                runtime=runtime,
                limits=limits,
                mode=settings.SANDBOX_MODE,
            )
        if job.key is None:
            return _not_ready(
                "This exercise's answer key is out of date; staff have been told.",
                job.key_problem,
            )
        return grade_submission(
            files=job.files,
            visible_tests=job.visible_tests,
            hidden_checks=job.hidden_checks,
            key=job.key,
            runtime=runtime,
            limits=limits,
            mode=settings.SANDBOX_MODE,
            warm=_warm_pool(),
        )
    except SandboxUnavailable as exc:
        return _not_ready("The grader is unavailable; staff have been told.", str(exc))


def _warm_pool() -> warm.WarmPool | None:
    """This worker process's warm runs (settings SANDBOX_WARM_*), or None when turned off."""
    if not settings.SANDBOX_WARM_POOL:
        return None
    return warm.pool(
        max_keys=settings.SANDBOX_WARM_KEYS, idle_seconds=settings.SANDBOX_WARM_IDLE_SECONDS
    )
