"""The automated checks of a capstone version: claim, record, requeue what was lost.

A run is claimed with a conditional update, so a message delivered twice runs once."""

from __future__ import annotations

import datetime
import logging
from dataclasses import asdict
from decimal import Decimal

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from config.queueing import publish_on_commit
from mentors.checks import CapstoneCheckReport
from mentors.models import CheckRun

logger = logging.getLogger("apprentice.mentors")


def check_run_claim(*, check_run_id: int) -> CheckRun | None:
    """Claim a queued run (or one whose worker died past the lease). None: nothing to do,
    because it is finished or another worker holds it."""
    now = timezone.now()
    stale = now - datetime.timedelta(seconds=settings.CAPSTONE_CHECK_LEASE_SECONDS)
    claimed = (
        CheckRun.objects.filter(pk=check_run_id)
        .filter(
            Q(status=CheckRun.Status.QUEUED)
            | Q(status=CheckRun.Status.RUNNING, claimed_at__lt=stale)
        )
        .update(status=CheckRun.Status.RUNNING, claimed_at=now)
    )
    if not claimed:
        return None
    return CheckRun.objects.get(pk=check_run_id)


def check_runs_requeue_stale(*, now: datetime.datetime | None = None) -> int:
    """Publish again the check runs still queued a minute after upload (the message was
    lost: broker down or restarted) or running past their lease (the worker died). The
    claim makes a duplicate harmless; runs older than a day are left for staff."""
    now = now or timezone.now()
    lease = now - datetime.timedelta(seconds=settings.CAPSTONE_CHECK_LEASE_SECONDS)
    waiting = now - datetime.timedelta(seconds=60)
    ids = list(
        CheckRun.objects.filter(created_at__gte=now - datetime.timedelta(days=1))
        .filter(
            Q(status=CheckRun.Status.QUEUED, created_at__lt=waiting)
            | Q(status=CheckRun.Status.RUNNING, claimed_at__lt=lease)
        )
        .values_list("pk", flat=True)[:500]
    )
    from mentors.tasks import run_capstone_checks

    for check_run_id in ids:
        publish_on_commit(run_capstone_checks, check_run_id)
    if ids:
        logger.warning("re-published %s stale capstone check runs", len(ids))
    return len(ids)


def check_run_record(*, check_run_id: int, report: CapstoneCheckReport) -> bool:
    """Store the results of a claimed run; False if it was not running any more."""
    tests = report.tests
    coverage = (
        Decimal(str(round(report.coverage_percent, 1)))
        if report.coverage_percent is not None
        else None
    )
    stored = asdict(report)
    stored["readme_ok"] = report.readme_ok
    updated = CheckRun.objects.filter(pk=check_run_id, status=CheckRun.Status.RUNNING).update(
        status=CheckRun.Status.DONE,
        finished_at=timezone.now(),
        tests_outcome=str(tests.get("outcome", ""))[:20],
        tests_passed=int(tests.get("passed", 0)),
        tests_total=int(tests.get("total", 0)),
        coverage_percent=coverage,
        ruff_count=len(report.ruff),
        mypy_count=len(report.mypy),
        readme_ok=report.readme_ok,
        report=stored,
    )
    return updated == 1


def check_run_record_failure(*, check_run_id: int, error: str) -> bool:
    updated = CheckRun.objects.filter(pk=check_run_id, status=CheckRun.Status.RUNNING).update(
        status=CheckRun.Status.FAILED, finished_at=timezone.now(), error=error[:500]
    )
    return updated == 1
