from datetime import datetime

import pytest
from health import CheckResult, disk_check, exit_code, overall_status, render_report, run_checks

USAGE = {"/": (200, 190), "/var": (100, 85), "/home": (1000, 100)}.__getitem__


def test_disk_check_grades_usage():
    assert disk_check("/", warn_at=80, fail_at=95, usage=USAGE)() == ("fail", "95.0% used")
    assert disk_check("/var", warn_at=80, fail_at=95, usage=USAGE)() == ("warn", "85.0% used")
    assert disk_check("/home", warn_at=80, fail_at=95, usage=USAGE)() == ("ok", "10.0% used")


def test_run_checks_names_results_in_order():
    results = run_checks({"b": lambda: ("ok", "fine"), "a": lambda: ("warn", "hmm")})
    assert results == [CheckResult("b", "ok", "fine"), CheckResult("a", "warn", "hmm")]


def test_crashing_check_becomes_failure_and_others_still_run():
    def broken() -> tuple[str, str]:
        raise ConnectionError("host unreachable")

    results = run_checks({"web": broken, "db": lambda: ("ok", "up")})
    assert results[0] == CheckResult(
        "web", "fail", "check crashed: ConnectionError: host unreachable"
    )
    assert results[1].status == "ok"


def test_overall_status_and_exit_code():
    results = [CheckResult("a", "ok", ""), CheckResult("b", "warn", "")]
    assert overall_status(results) == "warn"
    assert exit_code(results) == 1
    assert exit_code([*results, CheckResult("c", "fail", "")]) == 2
    assert exit_code([]) == 0


def test_render_report_layout():
    results = [
        CheckResult("disk /home", "ok", "10.0% used"),
        CheckResult("disk /", "fail", "95.0% used"),
    ]
    report = render_report(results, title="Nightly", generated_at=datetime(2024, 6, 1, 2, 30))
    assert report == (
        "# Nightly\n"
        "\n"
        "Generated: 2024-06-01T02:30:00\n"
        "Overall: FAIL (1 fail, 0 warn, 1 ok)\n"
        "\n"
        "| Check | Status | Detail |\n"
        "|---|---|---|\n"
        "| disk / | FAIL | 95.0% used |\n"
        "| disk /home | OK | 10.0% used |\n"
    )


def test_invalid_thresholds_are_rejected():
    with pytest.raises(ValueError):
        disk_check("/", warn_at=95, fail_at=80, usage=USAGE)
