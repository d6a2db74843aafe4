"""Celery tasks: thin — load by id, call the sandbox and services."""

from __future__ import annotations

import logging
import socket
from typing import Any

from celery import shared_task
from django.conf import settings

from config.observability import submission_context
from config.queueing import RETRY_POLICY
from submissions import grading, selectors, services
from submissions.sandbox import Limits, SandboxUnavailable, run_quality, runtimes

logger = logging.getLogger(__name__)


@shared_task(
    name="submissions.execute",
    bind=True,
    max_retries=20,
    soft_time_limit=90,
    time_limit=120,
    **RETRY_POLICY,
)
def execute_submission(self: Any, submission_id: int) -> str:
    """Grade one submission. Safe to deliver twice: only the claim's winner runs it."""
    with submission_context(submission_id):
        worker = f"{self.request.hostname or socket.gethostname()}:{self.request.id}"
        claim = services.submission_claim(submission_id=submission_id, worker=worker)
        if claim.retry_in is not None:
            # Someone else holds a live lease; look again once it would have expired.
            raise self.retry(countdown=claim.retry_in)
        if claim.submission is None:
            return "skipped"
        submission = claim.submission
        result = grading.grade(selectors.grading_job_get(submission=submission))
        services.submission_record_result(submission=submission, result=result)
        return str(result.outcome)


@shared_task(
    name="submissions.quality",
    soft_time_limit=60,
    time_limit=90,
    max_retries=5,
    **RETRY_POLICY,
)
def check_quality(submission_id: int) -> str:
    """ruff and mypy on the learner's files, shown beside the results (never affects pass/fail)."""
    with submission_context(submission_id):
        files = selectors.submission_sandbox_files(submission_id=submission_id)
        if not files:
            return "skipped"
        try:
            runtime = runtimes.resolve(
                selectors.submission_runtime_name(submission_id=submission_id)
            )
            quality = run_quality(
                files=files,
                runtime=runtime,
                limits=Limits(wall_seconds=30, cpu_seconds=30),
                mode=settings.SANDBOX_MODE,
            )
        except (SandboxUnavailable, runtimes.RuntimeUnavailable) as exc:
            logger.error("quality checks skipped: %s", exc)
            return "unavailable"
        services.submission_record_quality(submission_id=submission_id, quality=quality.to_dict())
        return "done"


@shared_task(name="submissions.prune_reports", soft_time_limit=250, time_limit=300)
def prune_reports() -> int:
    """Retention (beat, daily): compact reports of superseded submissions, in batches."""
    total = 0
    while pruned := services.submission_prune_reports():
        total += pruned
    return total


@shared_task(name="submissions.sweep_stuck", soft_time_limit=20, time_limit=25)
def sweep_stuck_submissions() -> dict[str, int]:
    report = services.submission_sweep_stuck()
    return {
        "requeued": report.requeued,
        "failed": report.failed,
        "waiting": report.waiting,
        "quality": report.quality,
    }
