"""Writes of the submissions app: create, claim, record, re-run, sweep.

The state machine, in one place:

    queued ──claim──▶ running ──record──▶ passed | failed | error | timed_out |
      ▲                  │                memory_exceeded | output_exceeded | internal_error
      └──sweep/rerun─────┘ (lease expired: worker died)      (too many attempts → internal_error)

Every transition is a conditional UPDATE on the current state, so two workers (or a
duplicate delivery of one message) can never both win.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Case, F, Max, Q, When, Window
from django.db.models.functions import FirstValue
from django.utils import timezone

from accounts.models import User
from config.queueing import publish_on_commit, waiting_arguments
from courses import selectors as course_selectors
from courses.models import Exercise

# SubmissionError stays importable from here for the pages (submissions/views.py) that catch
# it as services.SubmissionError.
from submissions.errors import IdempotencyKeyReused, RateLimited
from submissions.errors import SubmissionError as SubmissionError
from submissions.models import Draft, Submission, SubmissionFile
from submissions.sandbox import Outcome, SandboxFile, SandboxResult, runtimes
from submissions.sandbox.suites import suite_problems

logger = logging.getLogger(__name__)

MAX_FILES = 10
MAX_FILE_BYTES = 64 * 1024
MAX_TOTAL_BYTES = 256 * 1024
MAX_PATH_DEPTH = 3
ALLOWED_SUFFIXES = frozenset({".py", ".txt", ".md", ".json", ".csv", ".cfg", ".ini", ".toml"})
# Files that would change how pytest runs our tests, and the folder our tests live in.
RESERVED_NAMES = frozenset({"conftest.py", "pytest.ini", "tox.ini", "setup.cfg", "pyproject.toml"})
_SAFE_PART = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$")

# Claims that may die (worker killed, lease expired) before a submission fails.
MAX_ATTEMPTS = 3
MAX_QUALITY_ENQUEUES = 3
FINAL_STATUSES = frozenset(set(Submission.Status) - set(Submission.PENDING))

OUTCOME_TO_STATUS: dict[Outcome, Submission.Status] = {
    Outcome.PASSED: Submission.Status.PASSED,
    Outcome.FAILED: Submission.Status.FAILED,
    Outcome.ERROR: Submission.Status.ERROR,
    Outcome.TIMED_OUT: Submission.Status.TIMED_OUT,
    Outcome.MEMORY_EXCEEDED: Submission.Status.MEMORY_EXCEEDED,
    Outcome.OUTPUT_EXCEEDED: Submission.Status.OUTPUT_EXCEEDED,
    Outcome.CRASHED: Submission.Status.CRASHED,
    Outcome.INTERNAL_ERROR: Submission.Status.INTERNAL_ERROR,
}


def kib(size: int) -> int:
    """Bytes as KiB rounded up, so a file just over a limit never reads as at the limit."""
    return -(-size // 1024)


@dataclass(frozen=True)
class IncomingFile:
    path: str
    content: str


def upload_decode(name: str, data: bytes) -> IncomingFile:
    """Turn uploaded bytes into text, rejecting binary files with a clear message."""
    if len(data) > MAX_FILE_BYTES:
        raise SubmissionError(
            f"{name} is {kib(len(data))} KiB; files may be at most {MAX_FILE_BYTES // 1024} KiB.",
            field_errors={name: ["too large"]},
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SubmissionError(
            f"{name} is not UTF-8 text (byte {exc.start}); upload source files only.",
            field_errors={name: ["not UTF-8 text"]},
        ) from exc
    return IncomingFile(path=name, content=text)


def _normalise_path(raw: str) -> str:
    path = raw.strip().replace("\\", "/")
    if not path:
        raise SubmissionError(
            "Every file needs a name.", field_errors={"files": ["empty file name"]}
        )
    if path.startswith("/") or re.match(r"^[A-Za-z]:", path):
        raise SubmissionError(
            f"“{raw}”: use a relative name, not an absolute path.",
            field_errors={raw: ["absolute path"]},
        )
    parts = PurePosixPath(path).parts
    if not parts or ".." in parts:
        raise SubmissionError(
            f"“{raw}”: names may not contain '..' or '.' segments.",
            field_errors={raw: ["path traversal"]},
        )
    if len(parts) > MAX_PATH_DEPTH:
        raise SubmissionError(
            f"“{raw}”: at most {MAX_PATH_DEPTH} folder levels.", field_errors={raw: ["too deep"]}
        )
    if not all(_SAFE_PART.match(part) for part in parts):
        raise SubmissionError(
            f"“{raw}”: use letters, digits, '_', '-' and '.' only.",
            field_errors={raw: ["unsafe name"]},
        )
    if parts[0] == "tests" or parts[-1] in RESERVED_NAMES:
        raise SubmissionError(
            f"“{raw}”: this name is reserved for the grader's tests and configuration.",
            field_errors={raw: ["reserved name"]},
        )
    if PurePosixPath(path).suffix not in ALLOWED_SUFFIXES:
        allowed = ", ".join(sorted(ALLOWED_SUFFIXES))
        raise SubmissionError(
            f"“{raw}”: allowed file types are {allowed}.", field_errors={raw: ["file type"]}
        )
    return "/".join(parts)


def _check_layout(paths: Sequence[str], *, reserved_modules: frozenset[str]) -> None:
    """No file where another file needs a folder, no two files making one module, and no
    module named like one of Python's or of the grader's (it would never be imported)."""
    files = set(paths)
    for path in paths:
        parts = path.split("/")
        for depth in range(1, len(parts)):
            folder = "/".join(parts[:depth])
            if folder in files:
                raise SubmissionError(
                    f"“{folder}” is a file, but “{path}” needs a folder of that name.",
                    field_errors={path: ["file and folder clash"]},
                )
    modules: dict[str, str] = {}
    for path in sorted(paths):
        if not path.endswith(".py"):
            continue  # data files are not imported
        first, _, rest = path.partition("/")
        module = first if rest else first.removesuffix(".py")
        if module in reserved_modules:
            raise SubmissionError(
                f"“{path}”: “{module}” is the name of a module of Python or of a library the "
                "grader uses, so your file would never be imported. Rename it.",
                field_errors={path: ["shadows a module"]},
            )
        other = modules.get(module)
        if other is not None and (("/" in other) != ("/" in path)):
            raise SubmissionError(
                f"“{other}” and “{path}” would both be the module “{module}”; keep one.",
                field_errors={path: ["module clash"]},
            )
        modules[module] = path


def submission_files_validate(
    files: Sequence[IncomingFile], *, reserved_modules: frozenset[str] = frozenset()
) -> list[IncomingFile]:
    """Count, names, sizes, text and layout checks; returns the files with normalised names.
    `reserved_modules` are module names the learner's files may not take."""
    if not files:
        raise SubmissionError("Add at least one file.", field_errors={"files": ["no files"]})
    if len(files) > MAX_FILES:
        raise SubmissionError(
            f"At most {MAX_FILES} files per submission.", field_errors={"files": ["too many files"]}
        )
    cleaned: list[IncomingFile] = []
    seen: set[str] = set()
    total = 0
    for item in files:
        path = _normalise_path(item.path)
        if path in seen:
            raise SubmissionError(f"“{path}” appears twice.", field_errors={path: ["duplicate"]})
        seen.add(path)
        if "\x00" in item.content:
            raise SubmissionError(
                f"“{path}” contains NUL bytes; is it a binary file?",
                field_errors={path: ["binary"]},
            )
        size = len(item.content.encode("utf-8"))
        if size > MAX_FILE_BYTES:
            raise SubmissionError(
                f"“{path}” is {kib(size)} KiB; files may be at most {MAX_FILE_BYTES // 1024} KiB.",
                field_errors={path: ["too large"]},
            )
        total += size
        cleaned.append(IncomingFile(path=path, content=item.content))
    if total > MAX_TOTAL_BYTES:
        raise SubmissionError(
            f"The files add up to {kib(total)} KiB; the limit is {MAX_TOTAL_BYTES // 1024} KiB.",
            field_errors={"files": ["too large in total"]},
        )
    _check_layout([f.path for f in cleaned], reserved_modules=reserved_modules)
    return cleaned


def _check_suite(exercise: Exercise, files: Sequence[IncomingFile]) -> None:
    """A learner's test suite (kind "tests") must keep to what a suite may use."""
    suite = exercise.suite or {}
    problems = suite_problems(
        [SandboxFile(f.path, f.content) for f in files],
        subject_module=str(suite.get("subject", "")).removesuffix(".py"),
        allowed_imports=[str(name) for name in suite.get("allowed_imports", [])],
    )
    if problems:
        raise SubmissionError(
            "Your tests cannot be run as they are: " + "; ".join(problems[:5]),
            field_errors={"files": problems[:5]},
            code="suite_not_allowed",
        )


def _check_rate(learner: User) -> None:
    window_start = timezone.now() - datetime.timedelta(minutes=1)
    mine = Submission.objects.filter(learner=learner)
    per_minute: int = settings.SUBMISSIONS_PER_MINUTE
    if mine.filter(created_at__gte=window_start).count() >= per_minute:
        raise RateLimited(
            f"You can submit {per_minute} times a minute; wait a moment and try again."
        )
    if mine.filter(status__in=Submission.PENDING).count() >= settings.SUBMISSIONS_PENDING_MAX:
        raise RateLimited(
            "Your earlier submissions are still being graded; wait for their results."
        )


def _enqueue(submission_id: int) -> None:
    """Publish after commit. If the broker is down the row stays queued and the sweeper
    publishes it later: the database, not the broker, is the record of work to do."""
    from submissions.tasks import execute_submission

    publish_on_commit(execute_submission, submission_id)


def _request_hash(exercise: Exercise, files: Sequence[IncomingFile]) -> str:
    payload = [exercise.pk, sorted((f.path, f.content) for f in files)]
    return hashlib.sha256(json.dumps(payload).encode("utf-8", "surrogatepass")).hexdigest()


def _replay(*, learner: User, key: str, request_hash: str) -> Submission | None:
    existing = Submission.objects.filter(learner=learner, idempotency_key=key).first()
    if existing is not None and existing.idempotency_hash not in ("", request_hash):
        raise IdempotencyKeyReused(
            "This Idempotency-Key was already used for a different submission; "
            "send new work with a new key."
        )
    return existing


@transaction.atomic
def _create(
    *,
    learner: User,
    exercise: Exercise,
    files: Sequence[IncomingFile],
    source: str,
    idempotency_key: str | None,
    request_hash: str,
    rate_limited: bool = True,
) -> tuple[Submission, bool]:
    # One submission decision per learner at a time: the pending limit and the replay check
    # below see every earlier request of this learner (PostgreSQL: this row lock; SQLite:
    # its write transactions are serialised already).
    User.objects.select_for_update().filter(pk=learner.pk).values_list("pk", flat=True).first()
    if idempotency_key:
        existing = _replay(learner=learner, key=idempotency_key, request_hash=request_hash)
        if existing is not None:
            return existing, True
    if not course_selectors.plan_includes(learner=learner, item=exercise):
        raise SubmissionError("This exercise is not part of your plan.", code="not_available")
    cleaned = submission_files_validate(
        files, reserved_modules=runtimes.reserved_modules(exercise.runtime)
    )
    if exercise.kind == Exercise.Kind.TESTS:
        _check_suite(exercise, cleaned)
    if rate_limited:
        _check_rate(learner)
    submission = Submission.objects.create(
        learner=learner,
        exercise=exercise,
        source=source,
        idempotency_key=idempotency_key or None,
        idempotency_hash=request_hash,
        published_at=timezone.now(),
    )
    SubmissionFile.objects.bulk_create(
        SubmissionFile(submission=submission, path=f.path, content=f.content) for f in cleaned
    )
    from notifications.services import activity_record  # streaks and "practised today"

    activity_record(learner=learner, submissions=1)
    _enqueue(submission.pk)
    logger.info("submission %s created for exercise %s", submission.pk, exercise.slug)
    return submission, False


def submission_create(
    *,
    learner: User,
    exercise: Exercise,
    files: Sequence[IncomingFile],
    source: str = Submission.Source.EDITOR,
    rate_limited: bool = True,
) -> Submission:
    """Store a submission (state `queued`) with its files and enqueue grading on commit.
    `rate_limited=False` is for work made by the system (the demo's history), not people."""
    submission, _ = _create(
        learner=learner,
        exercise=exercise,
        files=files,
        source=source,
        idempotency_key=None,
        request_hash="",
        rate_limited=rate_limited,
    )
    return submission


def submission_create_idempotent(
    *,
    learner: User,
    exercise: Exercise,
    files: Sequence[IncomingFile],
    idempotency_key: str,
    source: str = Submission.Source.API,
) -> tuple[Submission, bool]:
    """Mobile clients retry POSTs with an Idempotency-Key: the first request creates the
    submission, every repeat (also one racing it) gets the same row back (`True` = replay).
    The same key with different files or exercise is refused (IdempotencyKeyReused, 422)."""
    request_hash = _request_hash(exercise, files)
    try:
        return _create(
            learner=learner,
            exercise=exercise,
            files=files,
            source=source,
            idempotency_key=idempotency_key,
            request_hash=request_hash,
        )
    except IntegrityError:  # a concurrent request with the same key committed first
        existing = _replay(learner=learner, key=idempotency_key, request_hash=request_hash)
        if existing is None:
            raise
        return existing, True


def lease_seconds(exercise: Exercise) -> float:
    """How long a claim is presumed alive: the sandbox wall limit (the runs of a grade go at
    once) plus a margin for start-up and recording."""
    return float(exercise.wall_seconds) + float(settings.SUBMISSION_LEASE_MARGIN_SECONDS)


def _lease_left(row: Submission, now: datetime.datetime) -> float:
    """Seconds the claim on a running row is still presumed alive; 0 once its lease expired
    (or when it is not running). The claim and the sweeper both decide with this."""
    if row.status != Submission.Status.RUNNING or row.started_at is None:
        return 0.0
    return max(0.0, lease_seconds(row.exercise) - (now - row.started_at).total_seconds())


def _fail_interrupted(row: Submission) -> bool | None:
    """A row whose claims died MAX_ATTEMPTS times ends in internal_error: True if this call
    failed it, False if someone changed it first, None while it has attempts left."""
    if row.attempts < MAX_ATTEMPTS:
        return None
    return _fail(row, f"Grading was interrupted {row.attempts} times; giving up. Please resubmit.")


@dataclass(frozen=True)
class Claim:
    """The result of trying to claim a submission for grading."""

    submission: Submission | None  # set when this caller won and must grade it
    retry_in: float | None = None  # another claim may still be alive: look again later


def _seen(row: Submission) -> Q:
    """The row exactly as it was read: every transition is a compare-and-set on it."""
    started = (
        Q(started_at=row.started_at) if row.started_at is not None else Q(started_at__isnull=True)
    )
    return Q(pk=row.pk, status=row.status, attempts=row.attempts, enqueues=row.enqueues) & started


def _fail(row: Submission, reason: str) -> bool:
    """Pending → internal_error, only if nobody changed the row since it was read (a worker
    that claimed or finished it meanwhile wins)."""
    return bool(
        Submission.objects.filter(_seen(row)).update(
            status=Submission.Status.INTERNAL_ERROR, reason=reason, finished_at=timezone.now()
        )
    )


def submission_claim(*, submission_id: int, worker: str) -> Claim:
    """queued → running (attempt + 1), or take over a running row whose lease expired.

    A live lease is looked at first: a duplicate delivery while the first run is alive gets
    `retry_in`, whatever the attempt count. One after the submission finished gets neither.
    A row whose claims died MAX_ATTEMPTS times ends in internal_error."""
    now = timezone.now()
    row = Submission.objects.select_related("exercise").filter(pk=submission_id).first()
    if row is None or row.status in FINAL_STATUSES:
        return Claim(None)
    remaining = _lease_left(row, now)
    if remaining > 0:
        return Claim(None, retry_in=max(1.0, remaining + 1.0))
    if _fail_interrupted(row) is not None:
        return Claim(None)
    won = Submission.objects.filter(_seen(row)).update(
        status=Submission.Status.RUNNING,
        attempts=F("attempts") + 1,
        started_at=now,
        worker=worker[:200],
    )
    if won:
        row.refresh_from_db()
        return Claim(row)
    return Claim(None, retry_in=1.0)  # someone changed it between our read and write: look again


def submission_record_result(*, submission: Submission, result: SandboxResult) -> bool:
    """running → final state, only for the attempt that claimed it (a run that lost its lease
    cannot overwrite a newer one). Queues quality checks on commit; a broker outage there is
    logged and swept later, never an error for a grade that is stored. True if stored."""
    status = OUTCOME_TO_STATUS[result.outcome]
    with transaction.atomic():
        stored = Submission.objects.filter(
            pk=submission.pk, status=Submission.Status.RUNNING, attempts=submission.attempts
        ).update(
            status=status,
            report=result.to_dict(),
            grader_notes=result.staff_notes[:100],
            reason=result.reason[:2000],
            tests_passed=min(result.passed, result.total),
            tests_total=result.total,
            duration_ms=round(result.duration * 1000),
            finished_at=timezone.now(),
        )
        if stored and settings.SUBMISSION_QUALITY_CHECKS:
            from submissions.tasks import check_quality

            Submission.objects.filter(pk=submission.pk).update(
                quality_enqueues=F("quality_enqueues") + 1
            )
            publish_on_commit(check_quality, submission.pk)
    if stored:
        logger.info(
            "submission %s graded: %s (%s/%s)", submission.pk, status, result.passed, result.total
        )
    else:  # another attempt owns the row now (or it was given up): this result is dropped
        logger.warning(
            "submission %s result discarded: %s (attempt %s lost its claim)",
            submission.pk,
            status,
            submission.attempts,
        )
    return bool(stored)


def submission_record_quality(*, submission_id: int, quality: dict[str, Any]) -> None:
    Submission.objects.filter(pk=submission_id).update(quality=quality)


@transaction.atomic
def submission_rerun(*, submission: Submission) -> bool:
    """Staff: grade again from scratch (final states only). Returns False if still pending."""
    updated = Submission.objects.filter(pk=submission.pk, status__in=FINAL_STATUSES).update(
        status=Submission.Status.QUEUED,
        attempts=0,
        enqueues=F("enqueues") + 1,
        published_at=timezone.now(),
        report={},
        quality={},
        quality_enqueues=0,
        grader_notes=[],
        reason="",
        tests_passed=0,
        tests_total=0,
        started_at=None,
        finished_at=None,
        duration_ms=None,
        worker="",
    )
    if updated:
        _enqueue(submission.pk)
    return bool(updated)


@dataclass(frozen=True)
class SweepReport:
    requeued: int
    failed: int
    waiting: int = 0  # queued and still on the broker: left alone
    quality: int = 0  # quality checks published again


def _republish(row: Submission, now: datetime.datetime) -> bool:
    with transaction.atomic():
        bumped = Submission.objects.filter(_seen(row)).update(
            status=Submission.Status.QUEUED, enqueues=F("enqueues") + 1, published_at=now
        )
        if bumped:
            _enqueue(row.pk)
    return bool(bumped)


def submission_sweep_stuck(
    *, now: datetime.datetime | None = None, waiting: set[Any] | bool | None = True
) -> SweepReport:
    """Recover what was really lost, and only that.

    * A `queued` row published longer ago than the queue deadline whose message the broker no
      longer holds (Redis restarted empty, a publish failed) is published again, once per
      sweep. One whose message is still waiting in a backlog is left alone. A queued row is
      given up only after SUBMISSION_GIVE_UP_HOURS since it was created.
    * A `running` row whose lease expired (its worker died) goes back to `queued` and is
      published again; after MAX_ATTEMPTS claims that died it fails with a reason.
    * A graded row whose quality checks never arrived is asked for them again (bounded).

    `waiting` is the set of submission ids the broker holds; by default it is asked
    (`config.queueing.waiting_arguments`). When the broker cannot be asked, queued rows are
    left alone: a publish would fail too, and a backlog must not get duplicates."""
    now = now or timezone.now()
    if waiting is True:
        waiting = waiting_arguments("submissions.execute", "execute")
    held: set[Any] | None = waiting if isinstance(waiting, set) else None
    deadline = now - datetime.timedelta(seconds=settings.SUBMISSION_QUEUE_DEADLINE_SECONDS)
    give_up = now - datetime.timedelta(hours=settings.SUBMISSION_GIVE_UP_HOURS)
    requeued = failed = still_waiting = 0
    queued = Submission.objects.filter(
        status=Submission.Status.QUEUED, published_at__lt=deadline
    ).defer("report", "quality", "grader_notes")
    for row in queued.iterator(chunk_size=500):
        if row.created_at < give_up:
            hours = settings.SUBMISSION_GIVE_UP_HOURS
            if _fail(row, f"Grading did not start within {hours:g} hours. Please resubmit."):
                failed += 1
        elif held is None or row.pk in held:
            still_waiting += 1
        elif _republish(row, now):
            requeued += 1
    running = (
        Submission.objects.filter(status=Submission.Status.RUNNING)
        .select_related("exercise")
        .defer("report", "quality", "grader_notes")
    )
    for row in running.iterator(chunk_size=500):
        if _lease_left(row, now) > 0:
            continue
        gave_up = _fail_interrupted(row)
        if gave_up:
            failed += 1
        elif gave_up is None and _republish(row, now):
            requeued += 1
    quality = _sweep_missing_quality(now)
    if requeued or failed or quality:
        logger.warning(
            "sweeper: re-published %s, failed %s, quality %s (%s still waiting on the broker)",
            requeued,
            failed,
            quality,
            still_waiting,
        )
    return SweepReport(requeued=requeued, failed=failed, waiting=still_waiting, quality=quality)


def _sweep_missing_quality(now: datetime.datetime) -> int:
    """Graded rows whose quality report never came (a lost message, a worker killed)."""
    if not settings.SUBMISSION_QUALITY_CHECKS:
        return 0
    from submissions.tasks import check_quality

    window = Submission.objects.filter(
        finished_at__lt=now
        - datetime.timedelta(seconds=settings.SUBMISSION_QUALITY_DEADLINE_SECONDS),
        finished_at__gt=now - datetime.timedelta(days=1),
        quality={},
        quality_enqueues__lt=MAX_QUALITY_ENQUEUES,
    ).exclude(status__in=Submission.PENDING)
    ids = list(window.values_list("pk", flat=True)[:500])
    if not ids:
        return 0
    with transaction.atomic():
        Submission.objects.filter(pk__in=ids).update(quality_enqueues=F("quality_enqueues") + 1)
        for submission_id in ids:
            publish_on_commit(check_quality, submission_id)
    return len(ids)


def submission_prune_reports(*, now: datetime.datetime | None = None) -> int:
    """Retention: a graded submission older than SUBMISSION_REPORT_RETENTION_DAYS that is
    neither the learner's best nor their latest for its exercise keeps its files, status and
    counts but loses its per-test report, quality findings and grader notes. Returns how many
    were pruned (at most 5,000 per call; the daily task runs until none are left)."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.SUBMISSION_REPORT_RETENTION_DAYS)
    pair = [F("learner_id"), F("exercise_id")]
    ranked = Submission.objects.filter(status__in=FINAL_STATUSES).annotate(
        latest_id=Window(Max("id"), partition_by=pair),
        best_id=Window(
            FirstValue("id"),
            partition_by=pair,
            order_by=[
                Case(When(status=Submission.Status.PASSED, then=1), default=0).desc(),
                F("tests_passed").desc(),
                F("created_at").desc(),
            ],
        ),
    )
    prunable = (
        ranked.filter(finished_at__lt=cutoff)
        .exclude(id=F("latest_id"))
        .exclude(id=F("best_id"))
        .exclude(report__has_key="pruned")
    )
    ids = list(prunable.values_list("id", flat=True)[:5000])
    return Submission.objects.filter(pk__in=ids, status__in=FINAL_STATUSES).update(
        report={"pruned": True, "tests": []}, quality={}, grader_notes=[]
    )


# --------------------------------------------------------------------------- drafts

MAX_DRAFT_PATH = 200


def draft_save(*, learner: User, exercise: Exercise, files: Sequence[IncomingFile]) -> Draft:
    """Keep what the learner is typing (autosave). A draft may be unfinished — a file name
    half typed, code that does not parse — so only the sizes the grader accepts are
    enforced here, never names; the submission checks everything. Last write wins."""
    if not course_selectors.plan_includes(learner=learner, item=exercise):
        raise SubmissionError("This exercise is not part of your plan.", code="not_available")
    if len(files) > MAX_FILES:
        raise SubmissionError(f"A draft has at most {MAX_FILES} files.")
    total = 0
    for item in files:
        size = len(item.content.encode("utf-8"))
        total += size
        if size > MAX_FILE_BYTES:
            raise SubmissionError(
                f"{item.path[:60] or 'A file'} is {kib(size)} KiB; files may be at most "
                f"{MAX_FILE_BYTES // 1024} KiB."
            )
        if len(item.path) > MAX_DRAFT_PATH:
            raise SubmissionError(f"File names have at most {MAX_DRAFT_PATH} characters.")
    if total > MAX_TOTAL_BYTES:
        raise SubmissionError(f"A draft may hold at most {MAX_TOTAL_BYTES // 1024} KiB in all.")
    draft, _ = Draft.objects.update_or_create(
        learner=learner,
        exercise=exercise,
        defaults={
            "files": [
                {"path": item.path, "content": item.content.replace("\r\n", "\n")} for item in files
            ],
            "updated_at": timezone.now(),
        },
    )
    return draft


def draft_discard(*, learner: User, exercise: Exercise) -> bool:
    """Forget the draft (the learner started over from the starter files)."""
    deleted, _ = Draft.objects.filter(learner=learner, exercise=exercise).delete()
    return bool(deleted)
