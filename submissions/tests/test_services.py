"""The submissions state machine and its rules: validation, rate limits, idempotency,
enqueue-on-commit, claims with a lease, recording results, re-runs and the sweeper."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest
import time_machine
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from courses.models import Exercise
from submissions import selectors, services
from submissions.errors import IdempotencyKeyReused, RateLimited, SubmissionError
from submissions.models import Submission
from submissions.sandbox import Outcome, SandboxResult, TestResult
from submissions.services import IncomingFile
from submissions.tests.factories import (
    GradedSubmissionFactory,
    RunningSubmissionFactory,
    SubmissionFactory,
    exercise,
    solution,
)

CODE = "def to_number(text):\n    return int(text)\n"


def file(path: str = "temperature.py", content: str = CODE) -> IncomingFile:
    return IncomingFile(path=path, content=content)


def refused(files: list[IncomingFile]) -> SubmissionError:
    with pytest.raises(SubmissionError) as excinfo:
        services.submission_files_validate(files)
    return excinfo.value


def submit(learner: User, exercise: Exercise, *, rate_limited: bool = True) -> Submission:
    return services.submission_create(
        learner=learner, exercise=exercise, files=[file()], rate_limited=rate_limited
    )


def limits(settings, *, per_minute: int, pending: int) -> None:
    settings.SUBMISSIONS_PER_MINUTE = per_minute
    settings.SUBMISSIONS_PENDING_MAX = pending


def sandbox_result(outcome: Outcome = Outcome.PASSED, *, passed: int = 2) -> SandboxResult:
    tests = [
        TestResult(
            nodeid=f"tests/test_temperature.py::test_{index}",
            name=f"test_{index}",
            status="passed" if index < passed else "failed",
            message="" if index < passed else "assert 1 == 2",
            output="",
            duration=0.01,
            hidden=False,
        )
        for index in range(2)
    ]
    return SandboxResult(
        outcome=outcome, tests=tests, reason="", duration=0.25, exit_code=0, log_tail=""
    )


@pytest.fixture
def temperature(db: None) -> Exercise:
    return exercise("temperature-converter")


# --- file validation -----------------------------------------------------------------


def test_valid_files_come_back_with_normalised_names() -> None:
    cleaned = services.submission_files_validate([file(" pkg\\util.py "), file("temperature.py")])
    assert [f.path for f in cleaned] == ["pkg/util.py", "temperature.py"]


def test_no_files_are_refused() -> None:
    error = refused([])
    assert error.message == "Add at least one file."
    assert error.field_errors == {"files": ["no files"]}


def test_a_blank_file_name_is_refused() -> None:
    assert refused([file("   ")]).message == "Every file needs a name."


def test_more_than_the_maximum_number_of_files_is_refused() -> None:
    files = [file(f"module_{n}.py") for n in range(services.MAX_FILES + 1)]
    assert refused(files).message == f"At most {services.MAX_FILES} files per submission."


def test_the_maximum_number_of_files_is_accepted() -> None:
    files = [file(f"module_{n}.py") for n in range(services.MAX_FILES)]
    assert len(services.submission_files_validate(files)) == services.MAX_FILES


def test_a_file_over_the_size_limit_is_refused_with_its_size() -> None:
    big = file("big.py", "x" * (services.MAX_FILE_BYTES + 1))
    error = refused([big])
    assert error.message == "“big.py” is 65 KiB; files may be at most 64 KiB."
    assert error.field_errors == {"big.py": ["too large"]}


def test_a_file_exactly_at_the_size_limit_is_accepted() -> None:
    services.submission_files_validate([file("big.py", "x" * services.MAX_FILE_BYTES)])


def test_the_size_limit_counts_utf8_bytes_not_characters() -> None:
    # 22,000 three-byte characters: 66,000 bytes.
    error = refused([file("wide.txt", "€" * 22_000)])
    assert "files may be at most 64 KiB" in error.message


def test_files_over_the_total_size_limit_are_refused() -> None:
    files = [file(f"part_{n}.py", "x" * 60 * 1024) for n in range(5)]
    error = refused(files)
    assert error.message == "The files add up to 300 KiB; the limit is 256 KiB."
    assert error.field_errors == {"files": ["too large in total"]}


def test_a_file_with_nul_bytes_is_refused_as_binary() -> None:
    error = refused([file("data.txt", "abc\x00def")])
    assert error.message == "“data.txt” contains NUL bytes; is it a binary file?"


def test_an_upload_that_is_not_utf8_is_refused() -> None:
    with pytest.raises(SubmissionError) as excinfo:
        services.upload_decode("image.py", b"\x89PNG\r\n\x1a\n\xff\xfe")
    assert excinfo.value.message == "image.py is not UTF-8 text (byte 0); upload source files only."


def test_an_upload_over_the_size_limit_is_refused() -> None:
    with pytest.raises(SubmissionError) as excinfo:
        services.upload_decode("big.py", b"x" * (services.MAX_FILE_BYTES + 1))
    assert excinfo.value.message == "big.py is 65 KiB; files may be at most 64 KiB."


def test_a_utf8_upload_becomes_text() -> None:
    assert services.upload_decode("café.py", "print('é')\n".encode()) == IncomingFile(
        "café.py", "print('é')\n"
    )


@pytest.mark.parametrize("path", ["/etc/passwd.py", "C:/Users/ada/solution.py", "\\\\share\\a.py"])
def test_an_absolute_path_is_refused(path: str) -> None:
    assert "use a relative name, not an absolute path" in refused([file(path)]).message


@pytest.mark.parametrize("path", ["../outside.py", "pkg/../../outside.py", "pkg/..", "a\\..\\b.py"])
def test_a_path_with_parent_segments_is_refused(path: str) -> None:
    error = refused([file(path)])
    assert error.message == f"“{path}”: names may not contain '..' or '.' segments."
    assert error.field_errors == {path: ["path traversal"]}


def test_a_leading_current_folder_segment_is_dropped_and_counts_for_duplicates() -> None:
    assert [f.path for f in services.submission_files_validate([file("./temperature.py")])] == [
        "temperature.py"
    ]
    assert refused([file("temperature.py"), file("./temperature.py")]).message == (
        "“temperature.py” appears twice."
    )


@pytest.mark.parametrize(
    "path",
    ["conftest.py", "pkg/conftest.py", "tests/test_mine.py", "pytest.ini", "pyproject.toml"],
)
def test_names_reserved_for_the_grader_are_refused(path: str) -> None:
    error = refused([file(path)])
    assert (
        error.message
        == f"“{path}”: this name is reserved for the grader's tests and configuration."
    )


@pytest.mark.parametrize("path", ["run.sh", "module.pyc", "Makefile", "lib.so"])
def test_an_unsupported_file_type_is_refused(path: str) -> None:
    assert f"“{path}”: allowed file types are .cfg, .csv" in refused([file(path)]).message


def test_unsafe_characters_in_a_name_are_refused() -> None:
    error = refused([file("my file;rm.py")])
    assert error.message == "“my file;rm.py”: use letters, digits, '_', '-' and '.' only."


def test_folders_deeper_than_the_limit_are_refused() -> None:
    assert "at most 3 folder levels" in refused([file("a/b/c/d.py")]).message


def test_two_files_with_the_same_normalised_name_are_refused() -> None:
    error = refused([file("pkg/util.py"), file("pkg\\util.py")])
    assert error.message == "“pkg/util.py” appears twice."
    assert error.field_errors == {"pkg/util.py": ["duplicate"]}


# --- creating a submission -----------------------------------------------------------------


def test_create_stores_a_queued_submission_with_its_files(
    learner: User, temperature: Exercise
) -> None:
    submission = services.submission_create(
        learner=learner, exercise=temperature, files=[file(), file("notes.md", "# notes\n")]
    )
    submission.refresh_from_db()
    assert submission.status == Submission.Status.QUEUED
    assert (submission.attempts, submission.enqueues) == (0, 1)
    assert sorted(submission.files.values_list("path", flat=True)) == ["notes.md", "temperature.py"]


def test_create_with_bad_files_stores_nothing(learner: User, temperature: Exercise) -> None:
    with pytest.raises(SubmissionError):
        services.submission_create(learner=learner, exercise=temperature, files=[file("../x.py")])
    assert not Submission.objects.exists()


def test_an_exercise_of_another_track_is_refused(learner: User) -> None:
    data_science = exercise("describe-and-outliers")
    assert data_science.module.track is not None
    with pytest.raises(SubmissionError) as excinfo:
        submit(learner, data_science)
    assert excinfo.value.message == "This exercise is not part of your plan."
    assert excinfo.value.code == "not_available"
    assert not Submission.objects.exists()


def test_an_exercise_of_the_learners_own_track_is_accepted(learner: User) -> None:
    backend = exercise("request-router")
    submission = services.submission_create(
        learner=learner, exercise=backend, files=solution("request-router")
    )
    assert submission.exercise == backend


def keyed(learner: User, exercise: Exercise, key: str, content: str = "x = 1\n"):
    return services.submission_create_idempotent(
        learner=learner, exercise=exercise, files=[file(content=content)], idempotency_key=key
    )


def test_the_same_idempotency_key_returns_the_first_submission(
    learner: User, temperature: Exercise
) -> None:
    first, first_replayed = keyed(learner, temperature, "retry-1")
    again, again_replayed = keyed(learner, temperature, "retry-1")
    assert (first_replayed, again_replayed) == (False, True)
    assert again.pk == first.pk
    assert Submission.objects.count() == 1


def test_a_key_reused_for_different_files_is_refused(learner: User, temperature: Exercise) -> None:
    keyed(learner, temperature, "retry-2")
    with pytest.raises(IdempotencyKeyReused) as refused:
        keyed(learner, temperature, "retry-2", content="different = True\n")
    assert refused.value.status == 422
    assert Submission.objects.count() == 1


def test_idempotency_keys_belong_to_one_learner(
    learner: User, outsider: User, temperature: Exercise
) -> None:
    mine, _ = keyed(learner, temperature, "k-123456")
    theirs, _ = keyed(outsider, temperature, "k-123456")
    assert mine.pk != theirs.pk


def test_different_idempotency_keys_create_separate_submissions(
    learner: User, temperature: Exercise
) -> None:
    ids = {keyed(learner, temperature, key)[0].pk for key in ("a-123456", "b-123456")}
    assert len(ids) == 2


def _race(count: int, action: Callable[[], object]) -> list[object]:
    """`action` from `count` threads, each with its own connection, released at once; what
    each returned or raised. Only PostgreSQL lets the writers really race (SQLite
    serialises them first), so elsewhere the test is skipped."""
    import threading

    from django.db import connection, connections

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: SQLite serialises the writers before they can race")
    start = threading.Barrier(count)
    results: list[object] = []

    def run() -> None:
        start.wait()
        try:
            results.append(action())
        except Exception as exc:  # recorded, asserted by the caller
            results.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@pytest.fixture
def racing(db: None, settings) -> tuple[User, Exercise]:
    """A learner and an exercise for transactional tests (which empty every table, the
    curriculum included), with a per-minute limit the races never reach."""
    from courses import services as course_services
    from submissions.tests.factories import LearnerFactory

    settings.SUBMISSIONS_PER_MINUTE = 100
    if not Exercise.objects.filter(slug="temperature-converter").exists():
        course_services.curriculum_sync()
    return LearnerFactory.create(), exercise()


@pytest.mark.django_db(transaction=True)
def test_the_same_key_sent_eight_times_at_once_creates_one_submission(
    racing: tuple[User, Exercise], settings
) -> None:
    """Eight threads with their own connections race the same Idempotency-Key: one row,
    every request answered with it, no error (on PostgreSQL the unique index decides)."""
    learner, temperature = racing
    settings.SUBMISSIONS_PENDING_MAX = 100
    results = _race(8, lambda: keyed(learner, temperature, "race-1234")[0].pk)
    assert len(set(results)) == 1 and isinstance(results[0], int), results
    assert Submission.objects.filter(learner=learner).count() == 1


@pytest.mark.django_db(transaction=True)
def test_concurrent_posts_never_get_past_the_pending_limit(
    racing: tuple[User, Exercise], settings
) -> None:
    learner, temperature = racing
    settings.SUBMISSIONS_PENDING_MAX = 3
    results = _race(
        16,
        lambda: submit(learner, temperature),
    )
    assert Submission.objects.filter(learner=learner).count() == 3
    assert sum(isinstance(result, RateLimited) for result in results) == 13


def test_submitting_more_than_the_per_minute_limit_is_refused(
    learner: User, temperature: Exercise, settings
) -> None:
    limits(settings, per_minute=2, pending=100)
    for _ in range(2):
        submit(learner, temperature)
    with pytest.raises(RateLimited) as excinfo:
        submit(learner, temperature)
    assert excinfo.value.message == "You can submit 2 times a minute; wait a moment and try again."
    assert excinfo.value.status == 429
    assert Submission.objects.count() == 2


def test_work_made_by_the_system_is_not_held_to_the_limits_for_people(
    learner: User, temperature: Exercise, settings
) -> None:
    limits(settings, per_minute=1, pending=1)
    for _ in range(3):
        submit(learner, temperature, rate_limited=False)
    with pytest.raises(RateLimited):
        submit(learner, temperature)
    assert Submission.objects.count() == 3


def test_the_per_minute_limit_frees_up_after_a_minute(
    learner: User, temperature: Exercise, settings
) -> None:
    limits(settings, per_minute=1, pending=100)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        submit(learner, temperature)
    with time_machine.travel(start + datetime.timedelta(seconds=61), tick=False):
        submit(learner, temperature)
    assert Submission.objects.count() == 2


def test_the_per_minute_limit_is_per_learner(
    learner: User, outsider: User, temperature: Exercise, settings
) -> None:
    settings.SUBMISSIONS_PER_MINUTE = 1
    submit(learner, temperature)
    submit(outsider, temperature)
    assert Submission.objects.count() == 2


def test_too_many_pending_submissions_are_refused(
    learner: User, temperature: Exercise, settings
) -> None:
    limits(settings, per_minute=100, pending=2)
    SubmissionFactory.create(learner=learner)
    RunningSubmissionFactory.create(learner=learner)
    with pytest.raises(RateLimited) as excinfo:
        submit(learner, temperature)
    assert excinfo.value.message == (
        "Your earlier submissions are still being graded; wait for their results."
    )


def test_graded_submissions_do_not_count_as_pending(
    learner: User, temperature: Exercise, settings
) -> None:
    limits(settings, per_minute=100, pending=1)
    GradedSubmissionFactory.create(learner=learner)
    submit(learner, temperature)


def test_create_enqueues_grading_once_on_commit(
    learner: User, temperature: Exercise, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        submit(learner, temperature)
    assert len(callbacks) == 1


def test_a_refused_create_enqueues_nothing(
    learner: User, temperature: Exercise, django_capture_on_commit_callbacks
) -> None:
    with (
        django_capture_on_commit_callbacks(execute=False) as callbacks,
        pytest.raises(SubmissionError),
    ):
        services.submission_create(learner=learner, exercise=temperature, files=[])
    assert callbacks == []


def test_a_create_rolled_back_by_the_caller_enqueues_nothing(
    learner: User, temperature: Exercise, django_capture_on_commit_callbacks
) -> None:
    with (
        django_capture_on_commit_callbacks(execute=False) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        submit(learner, temperature)
        raise RuntimeError("the caller's transaction failed after the create")
    assert callbacks == []
    assert not Submission.objects.exists()


def test_an_idempotent_repeat_enqueues_nothing(
    learner: User, temperature: Exercise, django_capture_on_commit_callbacks
) -> None:
    keyed(learner, temperature, "once-1234")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        keyed(learner, temperature, "once-1234")
    assert callbacks == []


# --- claiming -------------------------------------------------------------------------------


def test_a_claim_moves_a_queued_submission_to_running(db: None) -> None:
    submission = SubmissionFactory.create()
    claim = services.submission_claim(submission_id=submission.pk, worker="w1")
    assert claim.submission is not None
    assert claim.retry_in is None
    assert claim.submission.status == Submission.Status.RUNNING
    assert claim.submission.attempts == 1
    assert claim.submission.worker == "w1"
    assert claim.submission.started_at is not None


def test_a_second_claim_while_the_lease_is_live_is_told_to_retry_later(db: None) -> None:
    submission = SubmissionFactory.create()
    services.submission_claim(submission_id=submission.pk, worker="w1")
    second = services.submission_claim(submission_id=submission.pk, worker="w2")
    assert second.submission is None
    assert second.retry_in is not None
    assert 1.0 <= second.retry_in <= services.lease_seconds(submission.exercise) + 1
    submission.refresh_from_db()
    assert (submission.attempts, submission.worker) == (1, "w1")


def test_a_claim_after_the_lease_expired_takes_over_as_attempt_two(db: None) -> None:
    submission = SubmissionFactory.create()
    services.submission_claim(submission_id=submission.pk, worker="w1")
    lease = services.lease_seconds(submission.exercise)
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=lease + 1), tick=False):
        takeover = services.submission_claim(submission_id=submission.pk, worker="w2")
    assert takeover.submission is not None
    assert takeover.submission.attempts == 2
    assert takeover.submission.worker == "w2"


def test_a_claim_just_before_the_lease_expires_does_not_take_over(db: None) -> None:
    submission = SubmissionFactory.create()
    services.submission_claim(submission_id=submission.pk, worker="w1")
    lease = services.lease_seconds(submission.exercise)
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=lease - 2), tick=False):
        late = services.submission_claim(submission_id=submission.pk, worker="w2")
    assert late.submission is None
    assert late.retry_in is not None


def test_a_claim_on_a_graded_submission_does_nothing(db: None) -> None:
    submission = GradedSubmissionFactory.create()
    claim = services.submission_claim(submission_id=submission.pk, worker="w2")
    assert claim == services.Claim(None)
    submission.refresh_from_db()
    assert (submission.status, submission.attempts) == (Submission.Status.FAILED, 1)


def test_a_claim_on_a_missing_submission_does_nothing(db: None) -> None:
    assert services.submission_claim(submission_id=987_654, worker="w") == services.Claim(None)


def test_a_claim_after_the_maximum_attempts_ends_in_internal_error(db: None) -> None:
    long_ago = timezone.now() - datetime.timedelta(hours=1)
    submission = RunningSubmissionFactory.create(
        attempts=services.MAX_ATTEMPTS, started_at=long_ago
    )
    claim = services.submission_claim(submission_id=submission.pk, worker="w4")
    assert claim == services.Claim(None)
    submission.refresh_from_db()
    assert submission.status == Submission.Status.INTERNAL_ERROR
    assert submission.reason == "Grading was interrupted 3 times; giving up. Please resubmit."
    assert submission.finished_at is not None


def test_a_live_lease_is_looked_at_before_the_attempts_cap(db: None) -> None:
    """The third attempt is still running: a duplicate delivery must wait, not fail the row
    under the worker's feet (the pass it is about to store would be discarded)."""
    submission = RunningSubmissionFactory.create(attempts=services.MAX_ATTEMPTS)
    claim = services.submission_claim(submission_id=submission.pk, worker="w4")
    assert claim.submission is None and claim.retry_in is not None
    submission.refresh_from_db()
    assert submission.status == Submission.Status.RUNNING


def test_failing_a_row_that_changed_since_it_was_read_does_nothing(db: None) -> None:
    row = SubmissionFactory.create()
    services.submission_claim(submission_id=row.pk, worker="w1")  # a worker wins meanwhile
    assert services._fail(row, "giving up") is False
    row.refresh_from_db()
    assert row.status == Submission.Status.RUNNING


# --- recording results -------------------------------------------------------------------


def test_recording_a_result_stores_the_report_and_final_state(db: None) -> None:
    claimed = services.submission_claim(submission_id=SubmissionFactory.create().pk, worker="w1")
    assert claimed.submission is not None
    stored = services.submission_record_result(
        submission=claimed.submission, result=sandbox_result(Outcome.FAILED, passed=1)
    )
    assert stored is True
    submission = Submission.objects.get(pk=claimed.submission.pk)
    assert submission.status == Submission.Status.FAILED
    assert (submission.tests_passed, submission.tests_total) == (1, 2)
    assert submission.duration_ms == 250
    assert submission.report["tests"][1]["message"] == "assert 1 == 2"
    assert submission.finished_at is not None


def test_a_stale_attempts_result_is_dropped(db: None) -> None:
    submission = SubmissionFactory.create()
    first = services.submission_claim(submission_id=submission.pk, worker="w1").submission
    lease = services.lease_seconds(submission.exercise)
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=lease + 1), tick=False):
        second = services.submission_claim(submission_id=submission.pk, worker="w2").submission
    assert first is not None and second is not None

    assert services.submission_record_result(submission=first, result=sandbox_result()) is False
    submission.refresh_from_db()
    assert submission.status == Submission.Status.RUNNING

    outcome = sandbox_result(Outcome.FAILED, passed=0)
    assert services.submission_record_result(submission=second, result=outcome) is True
    submission.refresh_from_db()
    assert (submission.status, submission.attempts) == (Submission.Status.FAILED, 2)


def test_a_result_for_a_graded_submission_is_dropped(db: None) -> None:
    submission = GradedSubmissionFactory.create()
    assert (
        services.submission_record_result(submission=submission, result=sandbox_result()) is False
    )
    submission.refresh_from_db()
    assert submission.status == Submission.Status.FAILED


@pytest.mark.parametrize(
    ("outcome", "status"),
    [(outcome, services.OUTCOME_TO_STATUS[outcome]) for outcome in Outcome],
)
def test_every_sandbox_outcome_maps_to_a_final_state(
    db: None, outcome: Outcome, status: Submission.Status
) -> None:
    claimed = services.submission_claim(submission_id=SubmissionFactory.create().pk, worker="w1")
    assert claimed.submission is not None
    services.submission_record_result(submission=claimed.submission, result=sandbox_result(outcome))
    assert Submission.objects.get(pk=claimed.submission.pk).status == status
    assert status in services.FINAL_STATUSES


def test_a_stored_result_enqueues_quality_checks_on_commit(
    db: None, settings, django_capture_on_commit_callbacks
) -> None:
    settings.SUBMISSION_QUALITY_CHECKS = True
    claimed = services.submission_claim(submission_id=SubmissionFactory.create().pk, worker="w1")
    assert claimed.submission is not None
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.submission_record_result(submission=claimed.submission, result=sandbox_result())
    assert len(callbacks) == 1


def test_quality_checks_can_be_switched_off(
    db: None, settings, django_capture_on_commit_callbacks
) -> None:
    settings.SUBMISSION_QUALITY_CHECKS = False
    claimed = services.submission_claim(submission_id=SubmissionFactory.create().pk, worker="w1")
    assert claimed.submission is not None
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.submission_record_result(submission=claimed.submission, result=sandbox_result())
    assert callbacks == []


def test_a_stored_grade_survives_a_broker_outage_when_quality_checks_are_queued(
    db: None, settings, django_capture_on_commit_callbacks, caplog: pytest.LogCaptureFixture
) -> None:
    """Publishing after commit must never fail the task whose grade is stored."""
    from config.celery_app import app as celery_app

    settings.SUBMISSION_QUALITY_CHECKS = True
    claimed = services.submission_claim(submission_id=SubmissionFactory.create().pk, worker="w1")
    assert claimed.submission is not None
    original = celery_app.conf.broker_url
    celery_app.conf.broker_url = "redis://127.0.0.1:9/0"
    celery_app.pool.force_close_all()
    try:
        with django_capture_on_commit_callbacks(execute=True):
            stored = services.submission_record_result(
                submission=claimed.submission, result=sandbox_result()
            )
    finally:
        celery_app.conf.broker_url = original
        celery_app.pool.force_close_all()
    assert stored is True
    assert "could not publish submissions.quality" in caplog.text
    submission = Submission.objects.get(pk=claimed.submission.pk)
    assert (submission.status, submission.quality_enqueues) == (Submission.Status.PASSED, 1)


# --- re-running -------------------------------------------------------------------------------


@pytest.mark.parametrize("status", sorted(services.FINAL_STATUSES))
def test_a_final_submission_can_be_rerun_from_scratch(
    db: None, status: str, django_capture_on_commit_callbacks
) -> None:
    submission = GradedSubmissionFactory.create(
        status=status, report={"tests": []}, quality={"x": 1}
    )
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert services.submission_rerun(submission=submission) is True
    assert len(callbacks) == 1
    submission.refresh_from_db()
    assert submission.status == Submission.Status.QUEUED
    assert (submission.attempts, submission.enqueues) == (0, 2)
    assert (submission.report, submission.quality, submission.reason) == ({}, {}, "")
    assert (submission.tests_passed, submission.tests_total) == (0, 0)
    assert submission.started_at is None and submission.finished_at is None


@pytest.mark.parametrize("factory", [SubmissionFactory, RunningSubmissionFactory])
def test_a_pending_submission_cannot_be_rerun(
    db: None, factory: type[SubmissionFactory], django_capture_on_commit_callbacks
) -> None:
    submission = factory.create()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert services.submission_rerun(submission=submission) is False
    assert callbacks == []
    submission.refresh_from_db()
    assert submission.enqueues == 1


# --- the sweeper ----------------------------------------------------------------------------


def after(seconds: float) -> datetime.datetime:
    return timezone.now() + datetime.timedelta(seconds=seconds)


def test_the_sweeper_republishes_a_queued_submission_whose_message_was_lost(
    db: None, settings, django_capture_on_commit_callbacks
) -> None:
    submission = SubmissionFactory.create()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        report = services.submission_sweep_stuck(
            now=after(settings.SUBMISSION_QUEUE_DEADLINE_SECONDS + 1), waiting=set()
        )
    assert (report.requeued, report.failed, report.waiting) == (1, 0, 0)
    assert len(callbacks) == 1
    submission.refresh_from_db()
    assert (submission.status, submission.enqueues) == (Submission.Status.QUEUED, 2)


def test_the_sweeper_leaves_a_submission_waiting_in_a_backlog_alone(
    db: None, settings, django_capture_on_commit_callbacks
) -> None:
    """Its message is still on the broker: publishing it again would only pile duplicates
    onto the backlog, and the row is not failed however long it waits (up to the give-up)."""
    submission = SubmissionFactory.create()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        report = services.submission_sweep_stuck(now=after(3 * 3600), waiting={submission.pk})
    assert (report.requeued, report.failed, report.waiting) == (0, 0, 1)
    assert callbacks == []
    submission.refresh_from_db()
    assert (submission.status, submission.enqueues) == (Submission.Status.QUEUED, 1)


def test_the_sweeper_publishes_nothing_when_the_broker_cannot_be_asked(
    db: None, django_capture_on_commit_callbacks
) -> None:
    SubmissionFactory.create()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        report = services.submission_sweep_stuck(now=after(3600), waiting=None)
    assert (report.requeued, report.waiting) == (0, 1)
    assert callbacks == []


def test_the_sweeper_measures_the_wait_from_the_last_publish(
    db: None, settings, django_capture_on_commit_callbacks
) -> None:
    long_ago = timezone.now() - datetime.timedelta(hours=2)
    SubmissionFactory.create(created_at=long_ago, published_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        report = services.submission_sweep_stuck(waiting=set())
    assert report == services.SweepReport(requeued=0, failed=0)
    assert callbacks == []


def test_the_sweeper_leaves_recent_queued_submissions_alone(
    db: None, settings, django_capture_on_commit_callbacks
) -> None:
    SubmissionFactory.create()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        report = services.submission_sweep_stuck(
            now=after(settings.SUBMISSION_QUEUE_DEADLINE_SECONDS - 5), waiting=set()
        )
    assert report == services.SweepReport(requeued=0, failed=0)
    assert callbacks == []


def test_a_lost_message_is_republished_once_per_sweep_and_never_failed_early(
    db: None, settings
) -> None:
    submission = SubmissionFactory.create()
    deadline = settings.SUBMISSION_QUEUE_DEADLINE_SECONDS
    requeued = 0
    for sweep in range(1, 6):
        requeued += services.submission_sweep_stuck(
            now=after(sweep * (deadline + 1)), waiting=set()
        ).requeued
    assert requeued == 5
    submission.refresh_from_db()
    assert (submission.status, submission.enqueues) == (Submission.Status.QUEUED, 6)


def test_the_sweeper_gives_up_only_after_the_documented_age(db: None, settings) -> None:
    submission = SubmissionFactory.create()
    hours = settings.SUBMISSION_GIVE_UP_HOURS
    assert (
        services.submission_sweep_stuck(
            now=after(hours * 3600 - 60), waiting={submission.pk}
        ).failed
        == 0
    )
    report = services.submission_sweep_stuck(now=after(hours * 3600 + 60), waiting={submission.pk})
    assert report.failed == 1
    submission.refresh_from_db()
    assert submission.status == Submission.Status.INTERNAL_ERROR
    assert submission.reason == f"Grading did not start within {hours:g} hours. Please resubmit."


def test_the_sweeper_requeues_a_running_submission_whose_lease_expired(
    db: None, django_capture_on_commit_callbacks
) -> None:
    submission = RunningSubmissionFactory.create()
    lease = services.lease_seconds(submission.exercise)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        report = services.submission_sweep_stuck(now=after(lease + 1), waiting=set())
    assert report.requeued == 1
    assert len(callbacks) == 1
    submission.refresh_from_db()
    assert (submission.status, submission.enqueues) == (Submission.Status.QUEUED, 2)
    assert submission.attempts == 1  # the next claim will be attempt 2


def test_the_sweeper_leaves_running_submissions_within_their_lease_alone(db: None) -> None:
    submission = RunningSubmissionFactory.create()
    lease = services.lease_seconds(submission.exercise)
    assert services.submission_sweep_stuck(now=after(lease - 2), waiting=set()).requeued == 0
    submission.refresh_from_db()
    assert submission.status == Submission.Status.RUNNING


def test_the_sweeper_ignores_graded_submissions(db: None, settings) -> None:
    settings.SUBMISSION_QUALITY_CHECKS = False
    GradedSubmissionFactory.create(created_at=timezone.now() - datetime.timedelta(days=1))
    assert services.submission_sweep_stuck(now=after(3600), waiting=set()) == (
        services.SweepReport(0, 0)
    )


def test_the_sweeper_gives_up_on_a_submission_whose_claims_died_the_maximum_times(
    db: None,
) -> None:
    submission = RunningSubmissionFactory.create(
        attempts=services.MAX_ATTEMPTS, started_at=timezone.now() - datetime.timedelta(hours=1)
    )
    assert services.submission_sweep_stuck(waiting=set()).failed == 1
    submission.refresh_from_db()
    assert submission.status == Submission.Status.INTERNAL_ERROR
    assert submission.reason == "Grading was interrupted 3 times; giving up. Please resubmit."


def test_the_sweeper_asks_again_for_quality_checks_that_never_came(
    db: None, settings, django_capture_on_commit_callbacks
) -> None:
    settings.SUBMISSION_QUALITY_CHECKS = True
    graded = GradedSubmissionFactory.create(quality={}, quality_enqueues=1)
    GradedSubmissionFactory.create(quality={"findings": []}, quality_enqueues=1)
    GradedSubmissionFactory.create(quality={}, quality_enqueues=services.MAX_QUALITY_ENQUEUES)
    later = after(settings.SUBMISSION_QUALITY_DEADLINE_SECONDS + 1)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        report = services.submission_sweep_stuck(now=later, waiting=set())
    assert report.quality == 1
    assert len(callbacks) == 1
    graded.refresh_from_db()
    assert graded.quality_enqueues == 2


def test_the_sweeper_finds_lost_messages_by_asking_the_broker(db: None, settings, tmp_path) -> None:
    """With the default, the sweeper reads the broker (here the filesystem transport, as in
    `make run`; Redis in the real-worker tests) and tells waiting messages from lost ones."""
    import json
    import uuid

    settings.CELERY_BROKER_URL = "filesystem://"
    settings.CELERY_BROKER_TRANSPORT_OPTIONS = {"data_folder_in": str(tmp_path)}
    folder = tmp_path
    waiting, lost = SubmissionFactory.create(), SubmissionFactory.create()
    message = folder / f"0_{uuid.uuid4().hex}.execute.msg"
    message.write_text(
        json.dumps({"headers": {"task": "submissions.execute", "argsrepr": f"({waiting.pk},)"}})
    )
    try:
        report = services.submission_sweep_stuck(now=after(3600))
    finally:
        message.unlink()
    assert (report.requeued, report.waiting) == (1, 1)
    lost.refresh_from_db()
    assert lost.enqueues == 2


# --- retention ------------------------------------------------------------------------------


def test_old_reports_of_superseded_submissions_are_pruned_keeping_best_and_latest(
    learner: User, temperature: Exercise, settings
) -> None:
    old = timezone.now() - datetime.timedelta(days=settings.SUBMISSION_REPORT_RETENTION_DAYS + 1)
    report = {"tests": [{"name": "t", "status": "failed", "message": "m"}]}
    best = GradedSubmissionFactory.create(
        learner=learner,
        status=Submission.Status.PASSED,
        tests_passed=18,
        finished_at=old,
        report=report,
    )
    superseded = GradedSubmissionFactory.create(learner=learner, finished_at=old, report=report)
    recent = GradedSubmissionFactory.create(learner=learner, report=report)  # not old enough
    latest = GradedSubmissionFactory.create(learner=learner, finished_at=old, report=report)
    assert services.submission_prune_reports() == 1
    assert services.submission_prune_reports() == 0  # idempotent
    for row, kept in ((best, True), (superseded, False), (recent, True), (latest, True)):
        row.refresh_from_db()
        assert (row.report == report) is kept
    assert superseded.report == {"pruned": True, "tests": []}
    assert superseded.files.exists()  # the learner's work is never deleted


def test_expired_sessions_are_cleared(db: None) -> None:
    from django.contrib.sessions.models import Session

    from accounts.tasks import clear_sessions

    Session.objects.create(
        session_key="expired", session_data="", expire_date=timezone.now() - datetime.timedelta(1)
    )
    Session.objects.create(
        session_key="current", session_data="", expire_date=timezone.now() + datetime.timedelta(1)
    )
    assert clear_sessions() == "done"
    assert list(Session.objects.values_list("session_key", flat=True)) == ["current"]


# --- reads: query counts ---------------------------------------------------------------------


def test_the_history_selector_uses_two_queries_whatever_the_number_of_submissions(
    learner: User, temperature: Exercise, django_assert_max_num_queries
) -> None:
    for _ in range(12):
        GradedSubmissionFactory.create(learner=learner, exercise=temperature)
    with django_assert_max_num_queries(2):
        history = selectors.submission_history(learner=learner, exercise=temperature)
        assert len(history.submissions) == 12
        assert history.best is not None
        assert [f.path for f in history.latest_files] == ["temperature.py"]


def test_the_history_prefers_a_passing_submission_as_the_best(
    learner: User, temperature: Exercise
) -> None:
    passed = GradedSubmissionFactory.create(
        learner=learner, status=Submission.Status.PASSED, tests_passed=18
    )
    GradedSubmissionFactory.create(learner=learner, tests_passed=17)
    SubmissionFactory.create(learner=learner)
    history = selectors.submission_history(learner=learner, exercise=temperature)
    assert history.best == passed
    assert len(history.submissions) == 3


def test_the_learners_submission_list_loads_exercises_in_the_same_query(
    learner: User, django_assert_max_num_queries
) -> None:
    for slug in ("temperature-converter", "calculator", "word-frequency"):
        GradedSubmissionFactory.create_batch(3, learner=learner, exercise=exercise(slug))
    with django_assert_max_num_queries(1):
        titles = [s.exercise.title for s in selectors.learner_submissions(learner=learner)]
    assert len(titles) == 9


def test_a_broker_outage_at_submit_time_loses_nothing(
    learner: User, django_capture_on_commit_callbacks, caplog: pytest.LogCaptureFixture
) -> None:
    """The row is stored and stays queued; the publish error is logged, not raised, and the
    sweeper publishes it once the broker is back."""
    from config.celery_app import app as celery_app

    exercise = Exercise.objects.get(slug="temperature-converter")
    original = celery_app.conf.broker_url
    celery_app.conf.broker_url = "redis://127.0.0.1:9/0"  # nothing listens on the discard port
    celery_app.pool.force_close_all()
    try:
        with django_capture_on_commit_callbacks(execute=True):
            submission = services.submission_create(
                learner=learner,
                exercise=exercise,
                files=[services.IncomingFile(path="temperature.py", content="x = 1\n")],
            )
    finally:
        celery_app.conf.broker_url = original
        celery_app.pool.force_close_all()
    assert "could not publish submissions.execute" in caplog.text
    submission.refresh_from_db()
    assert submission.status == Submission.Status.QUEUED
