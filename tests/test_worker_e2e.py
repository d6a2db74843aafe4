"""Real Celery workers over real Redis grading real submissions in the real sandbox, and what
happens when things die: a pool process, the whole worker, Redis's messages.

The rows are committed (transactional tests) so the worker processes, which connect to the
same test database, can see them. Each test gets a dedicated, flushed Redis database and its
own workers, which are SIGKILLed (whole process group) in teardown whatever happens.
"""

from __future__ import annotations

import datetime
import os
import signal
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest
import redis
from django.db import connection
from django.utils import timezone

from accounts.models import User
from config import queueing
from courses import services as course_services
from courses.models import AnswerKey, Exercise
from submissions import services
from submissions.models import Submission
from submissions.services import IncomingFile
from submissions.tests.factories import exercise, solution
from tests.workers import WorkerSet, database_url, real_broker

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

SLUG = "temperature-converter"


def counts() -> tuple[int, int]:
    """Canonical visible tests and hidden checks of the exercise, as the sync recorded them."""
    key = AnswerKey.objects.get(exercise__slug=SLUG)
    return len(key.visible), len(key.checks)


WAIT_SECONDS = 60.0  # how long to wait for a worker; a bound, not a speed requirement
LEASE_MARGIN = 1.0  # seconds past the wall limit before a claim counts as dead
E2E_REDIS_DB = int(os.environ.get("E2E_REDIS_DB", "15"))

T = TypeVar("T")


@pytest.fixture(scope="module", autouse=True)
def curriculum_restored_afterwards(django_db_blocker) -> Iterator[None]:
    """Transactional tests empty every table when they end; put the curriculum back for
    whatever runs after this module."""
    yield
    with django_db_blocker.unblock():
        if not Exercise.objects.exists():
            course_services.curriculum_sync()


@pytest.fixture(autouse=True)
def curriculum(transactional_db: None) -> None:
    if not Exercise.objects.filter(slug=SLUG).exists():  # emptied by an earlier test
        course_services.curriculum_sync()


@pytest.fixture
def broker_url(transactional_db: None) -> Iterator[str]:
    yield from real_broker(E2E_REDIS_DB)


@pytest.fixture
def workers(broker_url: str, tmp_path: Path) -> Iterator[WorkerSet]:
    worker_set = WorkerSet(
        broker_url=broker_url,
        database_url=database_url(connection.settings_dict),
        log_dir=tmp_path / "workers",
        extra_env={
            "SUBMISSION_LEASE_MARGIN_SECONDS": str(LEASE_MARGIN),
            "SUBMISSION_QUALITY_CHECKS": "false",
        },
    )
    with worker_set:
        yield worker_set


@pytest.fixture
def lease_margin(settings) -> None:
    """This process (which runs the sweeper) uses the workers' lease margin."""
    settings.SUBMISSION_LEASE_MARGIN_SECONDS = LEASE_MARGIN


def wait_until(check: Callable[[], T | None], *, what: str, workers: WorkerSet) -> T:
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        value = check()
        if value is not None:
            return value
        time.sleep(0.05)
    raise AssertionError(f"gave up after {WAIT_SECONDS} s waiting for {what}\n{workers.logs()}")


def status_is(submission_id: int, *statuses: str) -> Callable[[], Submission | None]:
    def check() -> Submission | None:
        row = Submission.objects.get(pk=submission_id)
        return row if row.status in statuses else None

    return check


def final(submission_id: int) -> Callable[[], Submission | None]:
    return status_is(submission_id, *services.FINAL_STATUSES)


def sweep_later(seconds: float) -> services.SweepReport:
    """The sweeper, as it would run `seconds` from now."""
    return services.submission_sweep_stuck(now=timezone.now() + datetime.timedelta(seconds=seconds))


def assert_graded_after(
    submission: Submission, workers: WorkerSet, *, attempts: int, enqueues: int
) -> None:
    graded = wait_until(final(submission.pk), what="the grade", workers=workers)
    assert graded.status == Submission.Status.PASSED, (graded.reason, workers.logs())
    assert (graded.attempts, graded.enqueues) == (attempts, enqueues)


def submit(learner: User, files: list[IncomingFile]) -> Submission:
    return services.submission_create(learner=learner, exercise=exercise(SLUG), files=files)


def with_prelude(prelude: str) -> list[IncomingFile]:
    """The reference solution with extra code run when the tests import it."""
    [module] = solution(SLUG)
    return [IncomingFile(module.path, prelude + module.content)]


# Sleeps while the tests import it: ~4 s in the sandbox, well inside the 10 s wall limit.
SLEEPY = "import time\n\ntime.sleep(4)\n"


def test_a_worker_grades_a_submission_then_stores_quality_findings(
    learner: User, workers: WorkerSet
) -> None:
    workers.extra_env["SUBMISSION_QUALITY_CHECKS"] = "true"
    worker = workers.start()
    submission = submit(learner, with_prelude("import os\n"))  # os: an unused import

    graded = wait_until(final(submission.pk), what="the grade", workers=workers)
    assert graded.status == Submission.Status.PASSED, (graded.reason, workers.logs())
    assert graded.tests_total == sum(counts())
    assert graded.tests_passed == graded.tests_total
    assert graded.attempts == 1
    assert graded.worker.startswith(f"{worker.name}:")
    tests = graded.report["tests"]
    assert len(tests) == graded.tests_total
    assert sum(1 for t in tests if t["hidden"]) == counts()[1]
    visible = {t["nodeid"] for t in tests if not t["hidden"]}
    assert visible == set(AnswerKey.objects.get(exercise__slug=SLUG).visible)

    def quality() -> dict[str, object] | None:
        return Submission.objects.get(pk=submission.pk).quality or None

    stored = wait_until(quality, what="the quality findings", workers=workers)
    findings = {(f["tool"], f["code"], f["path"]) for f in stored["findings"]}  # type: ignore[attr-defined]
    assert ("ruff", "F401", "temperature.py") in findings


def test_a_worker_with_warm_runs_grades_each_submission_in_a_sandbox_of_its_own(
    learner: User, workers: WorkerSet
) -> None:
    """As in production (SANDBOX_WARM_POOL on): the first submission starts the warm runs the
    second uses. The learner's code leaves a mark in /tmp; a reused sandbox would show it to
    the second submission, whose code then raises at import and fails."""
    workers.extra_env["SANDBOX_WARM_POOL"] = "true"
    workers.start()
    marking = with_prelude(
        "import os\n\n"
        "if os.path.exists('/tmp/mark'):\n    raise RuntimeError('a used sandbox')\n"
        "open('/tmp/mark', 'w').close()\n"
    )
    for attempt in (1, 2, 3):
        submission = submit(learner, marking)
        graded = wait_until(final(submission.pk), what=f"grade {attempt}", workers=workers)
        assert graded.status == Submission.Status.PASSED, (graded.reason, workers.logs())
    assert "sandbox: 0 of 2 runs were warm" in workers.logs()
    assert workers.logs().count("sandbox: 2 of 2 runs were warm") == 2


def test_a_killed_pool_process_loses_nothing_the_message_is_redelivered(
    learner: User, workers: WorkerSet
) -> None:
    worker = workers.start()
    submission = submit(learner, with_prelude(SLEEPY))
    wait_until(status_is(submission.pk, "running"), what="the first run", workers=workers)

    worker.kill_pool_child()

    # reject_on_worker_lost puts the message back; the new delivery sees a live lease,
    # retries once it has expired, and takes over as attempt 2.
    graded = wait_until(final(submission.pk), what="the regrade", workers=workers)
    assert graded.status == Submission.Status.PASSED, (graded.reason, workers.logs())
    assert graded.attempts == 2
    assert graded.enqueues == 1  # no sweeper involved: the broker redelivered it
    assert graded.tests_total == sum(counts())
    assert worker.is_alive()


def test_a_killed_worker_loses_nothing_the_sweeper_requeues_its_submission(
    learner: User, workers: WorkerSet, lease_margin: None
) -> None:
    first = workers.start()
    submission = submit(learner, with_prelude(SLEEPY))
    running = wait_until(status_is(submission.pk, "running"), what="the run", workers=workers)

    first.kill()  # main process and pool, mid-run: its message stays unacknowledged
    assert not first.is_alive()
    workers.start()

    report = sweep_later(services.lease_seconds(running.exercise) + 1)
    assert report == services.SweepReport(requeued=1, failed=0)
    assert_graded_after(submission, workers, attempts=2, enqueues=2)


def test_messages_lost_by_redis_are_republished_by_the_sweeper(
    learner: User, workers: WorkerSet, broker_url: str, settings
) -> None:
    submission = submit(learner, solution(SLUG))  # published; no worker is running yet
    client = redis.Redis.from_url(broker_url)
    try:
        assert client.llen("execute") == 1
        client.flushdb()  # what a Redis restart without persistence does
        assert client.llen("execute") == 0
    finally:
        client.close()

    # A worker (re)declares its queues when it connects, as it would after a restart.
    workers.start().wait_ready()
    assert Submission.objects.get(pk=submission.pk).status == Submission.Status.QUEUED

    report = sweep_later(settings.SUBMISSION_QUEUE_DEADLINE_SECONDS + 1)
    assert report == services.SweepReport(requeued=1, failed=0)
    assert_graded_after(submission, workers, attempts=1, enqueues=2)


def test_a_submission_waiting_on_redis_is_not_published_again(
    learner: User, broker_url: str, settings
) -> None:
    """No worker is running: the message waits in the Redis list. The sweeper asks Redis,
    finds it, and leaves it alone (no duplicate onto a backlog)."""
    submission = submit(learner, solution(SLUG))
    report = sweep_later(settings.SUBMISSION_QUEUE_DEADLINE_SECONDS + 1)
    assert (report.requeued, report.failed, report.waiting) == (0, 0, 1)
    submission.refresh_from_db()
    assert (submission.status, submission.enqueues) == (Submission.Status.QUEUED, 1)


def test_sigterm_to_the_workers_process_group_finishes_the_running_grade(
    learner: User, workers: WorkerSet
) -> None:
    """What supervisord and systemd do on a stop: the pool finishes the grading it has,
    the worker then exits, and nothing needs the sweeper."""
    worker = workers.start()
    submission = submit(learner, with_prelude(SLEEPY))
    wait_until(status_is(submission.pk, "running"), what="the run", workers=workers)

    os.killpg(worker.process.pid, signal.SIGTERM)
    graded = wait_until(final(submission.pk), what="the grade", workers=workers)
    assert graded.status == Submission.Status.PASSED, (graded.reason, workers.logs())
    assert graded.attempts == 1
    worker.process.wait(timeout=WAIT_SECONDS)
    assert worker.process.returncode is not None


def test_the_console_names_the_workers_that_answer_a_ping_and_none_once_they_stop(
    workers: WorkerSet, broker_url: str
) -> None:
    """The programme dashboard's "workers alive" asks the broker; nothing is stubbed."""
    assert queueing.workers_alive(timeout=1.0) == []
    worker = workers.start()
    worker.wait_ready()
    assert wait_until(
        lambda: queueing.workers_alive(timeout=1.0) or None, what="a ping reply", workers=workers
    ) == [worker.name]
    workers.kill_all()
    assert queueing.workers_alive(timeout=1.0) == []
