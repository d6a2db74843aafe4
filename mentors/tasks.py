"""Celery tasks of the mentors app: thin, load by id and call services."""

from __future__ import annotations

import logging

from celery import shared_task
from django.conf import settings

from mentors import selectors, services
from mentors.checks import SandboxUnavailable
from mentors.checks import run_capstone_checks as run_checks
from mentors.models import CheckRun
from submissions.sandbox import runtimes

logger = logging.getLogger(__name__)


@shared_task(  # type: ignore[untyped-decorator]
    name="mentors.run_capstone_checks",
    soft_time_limit=240,
    time_limit=300,
)
def run_capstone_checks(check_run_id: int) -> str:
    """Run the automated checks of one capstone version. Safe to deliver twice: only the
    claim's winner runs, and a finished run is never run again."""
    check_run = services.check_run_claim(check_run_id=check_run_id)
    if check_run is None:
        return "skipped"
    files = selectors.check_run_file_list(check_run=check_run)
    try:
        runtime = runtimes.resolve(selectors.check_run_runtime_get(check_run=check_run))
        report = run_checks(files=files, runtime=runtime, mode=settings.SANDBOX_MODE)
    except (SandboxUnavailable, runtimes.RuntimeUnavailable) as exc:
        logger.error("capstone checks %s: sandbox unavailable: %s", check_run_id, exc)
        services.check_run_record_failure(
            check_run_id=check_run_id, error=f"The checker is unavailable: {exc}"
        )
        return str(CheckRun.Status.FAILED)
    services.check_run_record(check_run_id=check_run_id, report=report)
    return str(CheckRun.Status.DONE)


@shared_task(  # type: ignore[untyped-decorator]
    name="mentors.warm_capstone_similarity", soft_time_limit=110, time_limit=120
)
def warm_capstone_similarity(version_id: int) -> int:
    """Compare a newly uploaded version with the other capstones of its track now, so the
    mentor's round page reads cached scores instead of waiting for them. Safe to deliver
    twice (the scores are cached by content); returns how many are shown."""
    return len(selectors.capstone_similar_work_warm(version_id=version_id))


@shared_task(  # type: ignore[untyped-decorator]
    name="mentors.assign_waiting_learners", time_limit=120
)
def assign_waiting_learners() -> int:
    """Safety net (beat): hand out capacity freed by changes made outside the services."""
    return services.waiting_learners_assign()


@shared_task(  # type: ignore[untyped-decorator]
    name="mentors.requeue_stale_checks", soft_time_limit=50, time_limit=60
)
def requeue_stale_checks() -> int:
    """Safety net (beat): check runs whose message was lost or whose worker died."""
    return services.check_runs_requeue_stale()
