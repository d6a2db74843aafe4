"""Functional tests of the grader in the real sandbox (bubblewrap, cgroups, the core runtime)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from submissions.sandbox import (
    AnswerKeyError,
    Limits,
    Outcome,
    SandboxFile,
    SandboxUnavailable,
    TestResult,
    check_sandbox,
    grade_submission,
    record_answer_key,
    run_quality,
    runtimes,
)
from submissions.tests.sandbox_kit import (
    HIDDEN,
    REFERENCE,
    VISIBLE,
    core,
    grade,
    key,
    learner_text,
)

TOOLS = Limits(wall_seconds=30, cpu_seconds=30)  # mypy starts with an empty cache


def test_check_sandbox_accepts_both_modes_and_refuses_others() -> None:
    check_sandbox("bwrap")
    check_sandbox("none")
    with pytest.raises(SandboxUnavailable):
        check_sandbox("docker")


def test_the_answer_key_holds_canonical_ids_and_observations() -> None:
    recorded = key()
    assert recorded.visible == [
        "tests/test_arith.py::test_add",
        "tests/test_arith.py::test_add_negative",
        "tests/test_arith.py::test_scale",
        "tests/test_arith.py::test_mean",
        "tests/test_arith.py::test_mean_of_nothing",
    ]
    assert set(recorded.checks) == {
        "tests/hidden/check_arith.py::check_big_sums",
        "tests/hidden/check_arith.py::check_scaling[0]",
        "tests/hidden/check_arith.py::check_scaling[-2]",
        "tests/hidden/check_arith.py::check_scaling[0.5]",
        "tests/hidden/check_arith.py::check_means",
    }
    assert recorded.checks["tests/hidden/check_arith.py::check_big_sums"][0]["v"] == [
        "int",
        "112648",
    ]
    assert recorded.checks["tests/hidden/check_arith.py::check_means"][1]["v"] == [
        "raised",
        "ValueError",
    ]


def test_the_reference_passes_with_every_test_and_check_counted() -> None:
    result = grade(REFERENCE.content)
    assert result.outcome == Outcome.PASSED, result.staff_notes
    assert (result.passed, result.total) == (10, 10)
    assert result.reason == ""
    visible = next(t for t in result.tests if t.name == "test_add_negative")
    assert visible.output.strip() == "adding negatives"


def test_a_failing_visible_test_shows_its_diff_and_a_hidden_check_only_its_name() -> None:
    code = REFERENCE.content.replace(
        "return [v * factor for v in values]", "return [v * 2 for v in values]"
    )
    result = grade(code)
    assert result.outcome == Outcome.FAILED
    assert result.reason == "1 of 5 tests did not pass; 3 of 5 hidden checks did not pass"
    scale = next(t for t in result.tests if t.name == "test_scale")
    assert scale.status == "failed"
    assert "assert [2, 4] == [3, 6]" in scale.message
    failing_checks = [t for t in result.tests if t.hidden and t.status == "failed"]
    assert {t.name for t in failing_checks} == {
        "check_scaling[0]",
        "check_scaling[-2]",
        "check_scaling[0.5]",
    }
    assert all(t.message == "" and t.output == "" for t in failing_checks)
    # Failures come first in both groups.
    assert result.tests[0].status == "failed"


def test_correct_for_visible_inputs_only_is_caught_by_hidden_checks() -> None:
    hard_coded = (
        "def add(a, b):\n    return {(2, 3): 5, (-2, -3): -5}[(a, b)]\n\n\n"
        "def scale(values, factor):\n    return [3, 6]\n\n\n"
        "def mean(values):\n"
        "    if not values:\n        raise ValueError\n    return 2.5\n"
    )
    result = grade(hard_coded)
    assert result.outcome == Outcome.FAILED
    assert result.reason == "5 of 5 hidden checks did not pass"
    assert all(t.status == "passed" for t in result.tests if not t.hidden)


def test_a_syntax_error_names_the_file_and_line() -> None:
    result = grade("def add(a, b)\n    return a + b\n")
    assert result.outcome == Outcome.ERROR
    assert result.reason.startswith("SyntaxError in arith.py line 1")


def test_a_missing_name_is_an_import_error_in_the_test_module() -> None:
    result = grade("def add(a, b):\n    return a + b\n")
    assert result.outcome == Outcome.ERROR
    assert "ImportError" in result.reason and "mean" in result.reason


def test_a_learner_conftest_is_not_loaded() -> None:
    conftest = SandboxFile(
        "conftest.py",
        "def pytest_collection_modifyitems(items):\n    items.clear()\n",
    )
    result = grade(REFERENCE.content, extra=[conftest])
    assert result.outcome == Outcome.PASSED


def test_the_tests_are_read_only_inside_the_sandbox() -> None:
    code = REFERENCE.content + (
        "\ntry:\n    open('tests/test_arith.py', 'w').write('')\n"
        "except OSError as exc:\n    WRITE_ERROR = exc.errno\nelse:\n    WRITE_ERROR = 0\n"
        "\n\ndef add(a, b):\n    assert WRITE_ERROR == 30, WRITE_ERROR\n    return a + b\n"
    )
    result = grade(code)
    assert result.outcome == Outcome.PASSED, [t.message for t in result.tests if t.message]


def _printed_by_add(result_tests: list[TestResult], marker: str) -> str:
    output = next(t.output for t in result_tests if t.name == "test_add")
    return next(line for line in output.splitlines() if line.startswith(marker))


def test_the_hidden_checks_are_not_in_the_visible_run() -> None:
    code = REFERENCE.content.replace(
        "    return a + b",
        "    import os\n    print('SEEN', sorted(os.listdir('tests')))\n    return a + b",
    )
    result = grade(code)
    assert _printed_by_add(result.tests, "SEEN") == "SEEN ['test_arith.py']"


def test_learner_code_cannot_import_the_app_or_its_venv() -> None:
    code = REFERENCE.content.replace(
        "    return a + b",
        "    import importlib.util, sys\n"
        "    print('DJANGO', importlib.util.find_spec('django'), 'CELERY', "
        "importlib.util.find_spec('celery'), 'PREFIX', sys.prefix)\n    return a + b",
    )
    result = grade(code)
    assert _printed_by_add(result.tests, "DJANGO") == "DJANGO None CELERY None PREFIX /opt/runtime"


def test_mode_none_grades_the_same_and_warns(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="apprentice.sandbox"):
        result = grade(REFERENCE.content, mode="none")
    assert result.outcome == Outcome.PASSED, result.staff_notes
    assert "SANDBOX DISABLED" in caplog.text


def test_mode_none_still_enforces_the_wall_clock() -> None:
    code = REFERENCE.content.replace("return a + b", "import time; time.sleep(30)")
    result = grade(code, mode="none")
    assert result.outcome == Outcome.TIMED_OUT


def test_a_missing_runtime_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    with pytest.raises(runtimes.RuntimeUnavailable, match="not built"):
        runtimes.resolve("data", root=tmp_path)


def test_a_stale_runtime_is_refused(tmp_path: Path) -> None:
    (tmp_path / "core").mkdir()
    (tmp_path / "core" / runtimes.MANIFEST).write_text('{"lock_hash": "old"}')
    with pytest.raises(runtimes.RuntimeUnavailable, match="stale"):
        runtimes.resolve("core", root=tmp_path)


def test_a_reference_that_fails_its_tests_gives_no_key() -> None:
    broken = SandboxFile("arith.py", REFERENCE.content.replace("a + b", "a * b"))
    with pytest.raises(AnswerKeyError, match="does not pass its visible tests"):
        record_answer_key(
            solution=[broken], visible_tests=[VISIBLE], hidden_checks=[HIDDEN], runtime=core()
        )


def test_a_check_that_records_only_guessable_values_gives_no_key() -> None:
    weak = SandboxFile(
        "check_weak.py",
        "from arith import add\n\n\ndef check_weak(observe):\n    observe(add(1, 2) == 3)\n",
    )
    with pytest.raises(AnswerKeyError, match="could not guess"):
        record_answer_key(
            solution=[REFERENCE], visible_tests=[VISIBLE], hidden_checks=[weak], runtime=core()
        )


def test_the_stored_report_carries_nothing_of_the_hidden_run() -> None:
    result = grade(REFERENCE.content.replace("return a + b", "return a + b + 1"))
    text = learner_text(result)
    assert "check_arith.py::" not in text.replace("tests/hidden/check_arith.py::check", "")
    assert "observe(" not in text and "112648" not in text
    assert all(not t.message for t in result.tests if t.hidden)


def test_quality_findings_come_from_the_runtime_tools() -> None:
    sloppy = SandboxFile("sloppy.py", "import os\n\n\ndef f(x: int) -> str:\n    return x\n")
    quality = run_quality(files=[sloppy], runtime=core(), limits=TOOLS)
    codes = {(f.tool, f.code) for f in quality.findings}
    assert ("ruff", "F401") in codes
    assert ("mypy", "return-value") in codes
    assert quality.errors == []


def test_a_learner_package_named_mypy_cannot_replace_the_tool() -> None:
    fake = SandboxFile("mypy/__main__.py", "print('[]')\nraise SystemExit(0)\n")
    sloppy = SandboxFile("sloppy.py", "def f(x: int) -> str:\n    return x\n")
    quality = run_quality(files=[fake, sloppy], runtime=core(), limits=TOOLS)
    assert any(f.tool == "mypy" and f.path == "sloppy.py" for f in quality.findings)


def test_grading_refuses_an_unknown_mode() -> None:
    with pytest.raises(SandboxUnavailable):
        grade_submission(
            files=[REFERENCE],
            visible_tests=[VISIBLE],
            hidden_checks=[HIDDEN],
            key=key(),
            runtime=core(),
            mode="chroot",
        )
