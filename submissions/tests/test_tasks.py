"""`execute_submission` run eagerly in this process with the real bwrap sandbox on a real
exercise of the curriculum (temperature-converter), graded against its recorded answer key."""

from __future__ import annotations

import ast
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from accounts.models import User
from conftest import client_for
from courses.models import AnswerKey, Exercise, ExerciseFile
from submissions import selectors, services
from submissions.models import Submission
from submissions.services import IncomingFile
from submissions.tasks import check_quality, execute_submission
from submissions.tests.factories import exercise, solution, starter

SLUG = "temperature-converter"


def counts() -> tuple[int, int]:
    """Canonical visible tests and hidden checks, as the sync recorded them."""
    key = AnswerKey.objects.get(exercise__slug=SLUG)
    return len(key.visible), len(key.checks)


def grade(submission: Submission) -> str:
    """Deliver the task once, as a worker would, in this process."""
    result: str = execute_submission.apply(args=[submission.pk]).get()
    return result


def graded(submission: Submission, status: str) -> Submission:
    """`grade` it, check the task's answer and the stored status are `status`, and return
    the stored row."""
    assert grade(submission) == status
    submission.refresh_from_db()
    assert submission.status == status, submission.reason
    return submission


def exercise_file(role: str) -> ExerciseFile:
    return ExerciseFile.objects.get(exercise__slug=SLUG, role=role)


def declared_test_names(source: str, prefix: str = "test_") -> set[str]:
    tree = ast.parse(source)
    return {
        node.name
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef) and node.name.startswith(prefix)
    }


def strings_in(value: Any) -> Iterator[str]:
    """Every string inside a JSON-like value (keys and values)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_in(item)


@pytest.fixture
def temperature(db: None) -> Exercise:
    return exercise(SLUG)


@pytest.fixture
def submit(learner: User, temperature: Exercise, settings):
    settings.SUBMISSIONS_PENDING_MAX = 100
    settings.SUBMISSIONS_PER_MINUTE = 100

    def make(files: list[IncomingFile]) -> Submission:
        return services.submission_create(learner=learner, exercise=temperature, files=files)

    return make


def test_the_reference_solution_passes_with_a_report_per_test(submit) -> None:
    submission = graded(submit(solution(SLUG)), "passed")
    assert submission.tests_total == sum(counts())
    assert submission.tests_passed == submission.tests_total
    assert submission.attempts == 1
    assert submission.worker
    assert submission.duration_ms is not None
    assert submission.finished_at is not None
    assert submission.reason == ""

    tests = submission.report["tests"]
    assert len(tests) == submission.tests_total
    assert {t["status"] for t in tests} == {"passed"}
    visible_names = {t["name"].split("[")[0] for t in tests if not t["hidden"]}
    hidden_names = {t["name"].split("[")[0] for t in tests if t["hidden"]}
    assert visible_names == declared_test_names(
        exercise_file(ExerciseFile.Role.VISIBLE_TEST).content
    )
    assert hidden_names == declared_test_names(
        exercise_file(ExerciseFile.Role.HIDDEN_TEST).content, prefix="check_"
    )
    assert sum(1 for t in tests if t["hidden"]) == counts()[1]


def test_the_starter_code_fails(submit) -> None:
    submission = graded(submit(starter(SLUG)), "failed")
    assert submission.tests_total == sum(counts())
    assert submission.tests_passed < submission.tests_total
    _visible, hidden = counts()
    assert submission.reason.endswith(f"of {hidden} hidden checks did not pass")
    failing = [t for t in submission.report["tests"] if t["status"] == "failed"]
    assert any("NotImplementedError" in t["message"] for t in failing)


def test_a_syntax_error_is_an_error_with_a_reason(submit) -> None:
    submission = graded(
        submit([IncomingFile("temperature.py", "def to_number(text)\n    return 1\n")]), "error"
    )
    assert "SyntaxError" in submission.reason
    assert "temperature.py" in submission.reason


def test_a_second_delivery_after_grading_changes_nothing(submit) -> None:
    submission = submit(solution(SLUG))
    grade(submission)
    graded = Submission.objects.get(pk=submission.pk)

    assert grade(submission) == "skipped"
    again = Submission.objects.get(pk=submission.pk)
    assert (again.status, again.attempts, again.finished_at, again.worker, again.report) == (
        graded.status,
        graded.attempts,
        graded.finished_at,
        graded.worker,
        graded.report,
    )


def test_hidden_checks_are_stored_by_name_and_result_only(submit) -> None:
    submission = submit(starter(SLUG))
    grade(submission)
    submission.refresh_from_db()
    hidden = [t for t in submission.report["tests"] if t["hidden"]]
    assert len(hidden) == counts()[1]
    assert all(t["nodeid"].startswith("tests/hidden/check_") for t in hidden)
    assert all(t["output"] == "" and t["message"] == "" for t in hidden)
    # Why they failed is for staff, in the grader notes, never in the report.
    assert submission.grader_notes
    assert all(n.startswith(("tests/hidden/", "hidden run:")) for n in submission.grader_notes)


def test_the_public_report_never_contains_hidden_check_source(submit) -> None:
    # Learner code that tries to leak the hidden checks: reads them wherever they might be,
    # prints them (captured output of visible tests is shown) and raises them as messages.
    leak = (
        "import glob\n\n"
        "SOURCE = ''.join(open(p).read() for p in glob.glob('tests/**/*.py', recursive=True))\n\n\n"
        "def _leak():\n"
        "    print(SOURCE)\n"
        "    raise ValueError(SOURCE.replace(chr(10), ' | '))\n\n\n"
        "def to_number(text):\n    _leak()\n\n\n"
        "def parse_temperature(text):\n    _leak()\n\n\n"
        "def convert(text):\n    _leak()\n\n\n"
        "def celsius_to_fahrenheit(celsius):\n    _leak()\n\n\n"
        "def fahrenheit_to_celsius(fahrenheit):\n    _leak()\n"
    )
    submission = submit([IncomingFile("temperature.py", leak)])
    grade(submission)
    submission.refresh_from_db()
    assert submission.status == Submission.Status.FAILED

    public = selectors.public_report(submission=submission)
    text = "\n".join(strings_in(public))
    assert "def test_" in text  # the visible tests were leaked: they are public anyway
    hidden_source = exercise_file(ExerciseFile.Role.HIDDEN_TEST).content
    visible_source = exercise_file(ExerciseFile.Role.VISIBLE_TEST).content
    for line in hidden_source.splitlines():
        if len(line.strip()) >= 20 and line.strip() not in visible_source:
            assert line.strip() not in text
    assert "def check_" not in text and "observe" not in text


def test_an_unknown_sandbox_mode_is_an_internal_error_and_never_runs_the_code(
    submit, settings
) -> None:
    settings.SANDBOX_MODE = "nonsense"
    marker = Path(f"/tmp/apprentice-ran-unsandboxed-{uuid.uuid4().hex}")
    code = f"from pathlib import Path\nPath({str(marker)!r}).write_text('ran')\n"
    submission = submit([IncomingFile("temperature.py", code)])

    submission = graded(submission, "internal_error")
    assert submission.reason == "The grader is unavailable; staff have been told."
    assert submission.grader_notes == [
        "unknown sandbox mode 'nonsense' (expected 'bwrap' or 'none')"
    ]
    assert submission.report["tests"] == []
    assert not marker.exists()


def test_quality_checks_store_ruff_and_mypy_findings(submit) -> None:
    files = solution(SLUG)
    code = "import os\n" + files[0].content + "\n\nLIMIT: int = 'ten'\n"
    submission = submit([IncomingFile(files[0].path, code)])
    assert check_quality.apply(args=[submission.pk]).get() == "done"
    submission.refresh_from_db()
    findings = {(f["tool"], f["code"], f["path"]) for f in submission.quality["findings"]}
    assert ("ruff", "F401", "temperature.py") in findings
    assert ("mypy", "assignment", "temperature.py") in findings
    assert submission.quality["errors"] == []


def test_learners_see_the_source_of_visible_tests_but_not_of_hidden_ones(
    submit, learner: User
) -> None:
    from django.urls import reverse

    submission = submit(starter(SLUG))
    grade(submission)
    report = selectors.public_report(submission=Submission.objects.get(pk=submission.pk))
    visible = [t for t in report["tests"] if not t["hidden"]]
    hidden = [t for t in report["tests"] if t["hidden"]]
    assert all(t["source"].lstrip().startswith(("def test", "@")) for t in visible)
    assert all("source" not in t for t in hidden)

    page = client_for(learner).get(reverse("submissions:status", args=[submission.pk]))
    html = page.content.decode()
    assert "Test source" in html
    first_visible = visible[0]["source"].splitlines()[0]
    assert first_visible.replace("'", "&#x27;").replace('"', "&quot;") in html
