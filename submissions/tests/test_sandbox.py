"""Functional tests of the learner-code sandbox (needs bubblewrap, as in production)."""

from __future__ import annotations

import logging

import pytest

from submissions.sandbox import (
    Limits,
    Outcome,
    SandboxFile,
    SandboxUnavailable,
    TestResult,
    check_sandbox,
    run_quality,
    run_tests,
)
from submissions.sandbox.report import REDACTED

CALC = SandboxFile("calculator.py", "def add(a, b):\n    return a + b\n")
VISIBLE = SandboxFile(
    "test_calc.py",
    "from calculator import add\n\n\n"
    "def test_add():\n    assert add(1, 2) == 3\n\n\n"
    "def test_add_neg():\n    print('checking negatives')\n    assert add(-1, -2) == -3\n",
)
HIDDEN_SOURCE = (
    "from calculator import add\n\n\n"
    "def test_hidden_big():\n"
    "    expected_secret_value = 2_000_000\n"
    "    assert add(1_000_000, 1_000_000) == expected_secret_value, 'secret hint text'\n"
)
HIDDEN = SandboxFile("test_calc.py", HIDDEN_SOURCE)  # same basename as the visible one
LIMITS = Limits(wall_seconds=10)


def by_name(result_tests: list[TestResult], name: str) -> TestResult:
    return next(t for t in result_tests if t.name == name)


def test_check_sandbox_ok() -> None:
    check_sandbox("bwrap")
    check_sandbox("none")


def test_unknown_mode_raises() -> None:
    with pytest.raises(SandboxUnavailable):
        check_sandbox("docker")
    with pytest.raises(SandboxUnavailable):
        run_tests(files=[CALC], visible_tests=[VISIBLE], hidden_tests=[], mode="chroot")


def test_passing_suite() -> None:
    result = run_tests(files=[CALC], visible_tests=[VISIBLE], hidden_tests=[HIDDEN], limits=LIMITS)
    assert result.outcome == Outcome.PASSED, result.to_dict()
    assert result.reason == ""
    assert (result.passed, result.failed, result.total) == (3, 0, 3)
    visible = by_name(result.tests, "test_add_neg")
    assert visible.nodeid == "tests/test_calc.py::test_add_neg"
    assert visible.status == "passed" and not visible.hidden
    assert "checking negatives" in visible.output
    hidden = by_name(result.tests, "test_hidden_big")
    assert hidden.hidden and hidden.nodeid.startswith("tests/hidden/")
    data = result.to_dict()
    assert data["outcome"] == "passed" and len(data["tests"]) == 3


def test_failing_assertion_reports_message() -> None:
    wrong = SandboxFile(
        "calculator.py", "def add(a, b):\n    print('adding', a, b)\n    return a - b\n"
    )
    result = run_tests(files=[wrong], visible_tests=[VISIBLE], hidden_tests=[HIDDEN], limits=LIMITS)
    assert result.outcome == Outcome.FAILED
    assert result.failed == 3 and result.passed == 0
    test = by_name(result.tests, "test_add")
    assert test.status == "failed"
    assert "assert -1 == 3" in test.message
    assert "adding 1 2" in test.output
    hidden = by_name(result.tests, "test_hidden_big")
    assert hidden.status == "failed"
    # Hidden tests: first line of the exception only, no captured output.
    assert hidden.output == ""
    assert "\n" not in hidden.message
    assert "expected_secret_value" not in hidden.message
    assert "2000000" not in str(result.to_dict())


def test_syntax_error_names_file_and_line() -> None:
    broken = SandboxFile("calculator.py", "# calc\n\ndef add(a, b)\n    return a + b\n")
    result = run_tests(
        files=[broken], visible_tests=[VISIBLE], hidden_tests=[HIDDEN], limits=LIMITS
    )
    assert result.outcome == Outcome.ERROR
    assert result.reason.startswith("SyntaxError in calculator.py line 3"), result.reason


def test_import_error_is_error() -> None:
    empty = SandboxFile("calculator.py", "def sub(a, b):\n    return a - b\n")
    result = run_tests(files=[empty], visible_tests=[VISIBLE], hidden_tests=[], limits=LIMITS)
    assert result.outcome == Outcome.ERROR
    assert "ImportError" in result.reason and "add" in result.reason


def test_no_tests_is_error() -> None:
    no_tests = SandboxFile("test_nothing.py", "def helper():\n    return 1\n")
    result = run_tests(files=[CALC], visible_tests=[no_tests], hidden_tests=[], limits=LIMITS)
    assert result.outcome == Outcome.ERROR
    assert result.reason == "no tests were collected"


def test_learner_conftest_is_ignored() -> None:
    conftest = SandboxFile(
        "conftest.py",
        "import pytest\n\n@pytest.hookimpl(tryfirst=True)\n"
        "def pytest_collection_modifyitems(items):\n    items.clear()\n",
    )
    wrong = SandboxFile("calculator.py", "def add(a, b):\n    return 0\n")
    result = run_tests(
        files=[wrong, conftest], visible_tests=[VISIBLE], hidden_tests=[], limits=LIMITS
    )
    assert result.outcome == Outcome.FAILED


def test_learner_cannot_overwrite_tests() -> None:
    fake = SandboxFile("tests/test_calc.py", "def test_ok():\n    pass\n")
    wrong = SandboxFile("calculator.py", "def add(a, b):\n    return 0\n")
    result = run_tests(files=[wrong, fake], visible_tests=[VISIBLE], hidden_tests=[], limits=LIMITS)
    assert result.outcome == Outcome.FAILED
    assert {t.name for t in result.tests} == {"test_add", "test_add_neg"}


def test_hidden_source_printed_by_learner_is_redacted() -> None:
    snoop = SandboxFile(
        "test_snoop.py",
        "import pathlib\n\n\ndef test_snoop():\n"
        "    src = pathlib.Path('tests/hidden/test_calc.py').read_text()\n"
        "    print(src)\n"
        "    assert src == '', src\n",
    )
    result = run_tests(files=[CALC], visible_tests=[snoop], hidden_tests=[HIDDEN], limits=LIMITS)
    assert result.outcome == Outcome.FAILED
    snoop_result = by_name(result.tests, "test_snoop")
    dump = str(result.to_dict())
    assert REDACTED in snoop_result.output
    assert "expected_secret_value = 2_000_000" not in dump
    assert "secret hint text" not in dump


def test_mode_none_works_and_warns(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="apprentice.sandbox"):
        result = run_tests(
            files=[CALC], visible_tests=[VISIBLE], hidden_tests=[HIDDEN], limits=LIMITS, mode="none"
        )
    assert result.outcome == Outcome.PASSED, result.to_dict()
    assert result.total == 3
    warnings = [
        r for r in caplog.records if r.name == "apprentice.sandbox" and r.levelno == logging.WARNING
    ]
    assert warnings and "WITHOUT isolation" in warnings[0].getMessage()


def test_mode_none_still_enforces_wall_clock() -> None:
    slow = SandboxFile("test_slow.py", "import time\n\ndef test_slow():\n    time.sleep(30)\n")
    result = run_tests(
        files=[CALC],
        visible_tests=[slow],
        hidden_tests=[],
        limits=Limits(wall_seconds=1.5),
        mode="none",
    )
    assert result.outcome == Outcome.TIMED_OUT


def test_quality_findings() -> None:
    code = SandboxFile(
        "calculator.py",
        "import os\n\n\ndef add(a: int, b: int) -> int:\n    return str(a + b)\n",
    )
    result = run_quality(files=[code])
    assert result.errors == []
    codes = {(f.tool, f.code, f.path, f.line) for f in result.findings}
    assert ("ruff", "F401", "calculator.py", 1) in codes
    assert ("mypy", "return-value", "calculator.py", 5) in codes
    mypy_finding = next(f for f in result.findings if f.tool == "mypy")
    assert mypy_finding.column == 12
    assert "Incompatible return value" in mypy_finding.message
    assert result.to_dict()["findings"]


def test_quality_clean_file() -> None:
    result = run_quality(
        files=[SandboxFile("calculator.py", "def add(a: int, b: int) -> int:\n    return a + b\n")]
    )
    assert result.errors == [] and result.findings == []
