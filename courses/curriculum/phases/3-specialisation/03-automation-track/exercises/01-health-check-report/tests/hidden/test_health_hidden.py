from datetime import datetime, timedelta, timezone

import pytest
from health import CheckResult, disk_check, render_report, run_checks


def test_disk_check_is_lazy_and_handles_zero_size():
    calls: list[str] = []

    def usage(path: str) -> tuple[int, int]:
        calls.append(path)
        return (0, 0)

    check = disk_check("/mnt", warn_at=50, fail_at=60, usage=usage)
    assert calls == []
    assert check() == ("fail", "invalid disk size")
    assert calls == ["/mnt"]


def test_threshold_boundaries_are_inclusive():
    usage = {"a": (1000, 800), "b": (1000, 799)}.__getitem__
    assert disk_check("a", warn_at=80, fail_at=90, usage=usage)()[0] == "warn"
    assert disk_check("b", warn_at=80, fail_at=90, usage=usage)()[0] == "ok"
    assert disk_check("a", warn_at=70, fail_at=80, usage=usage)()[0] == "fail"


@pytest.mark.parametrize("warn_at, fail_at", [(0, 50), (50, 50), (50, 101), (-1, 10)])
def test_threshold_validation(warn_at, fail_at):
    with pytest.raises(ValueError):
        disk_check("/", warn_at=warn_at, fail_at=fail_at, usage=lambda p: (1, 1))


def test_invalid_status_becomes_failure():
    results = run_checks({"odd": lambda: ("unknown", "?"), "loud": lambda: ("OK", "x")})
    assert results == [
        CheckResult("odd", "fail", "invalid status 'unknown'"),
        CheckResult("loud", "fail", "invalid status 'OK'"),
    ]


def test_report_orders_by_severity_stably_and_escapes_pipes():
    results = [
        CheckResult("a", "ok", "1"),
        CheckResult("b", "warn", "2"),
        CheckResult("c|d", "fail", "x | y"),
        CheckResult("e", "warn", "3"),
        CheckResult("f", "fail", "4"),
    ]
    when = datetime(2024, 1, 2, 3, 4, 5, 678, tzinfo=timezone(timedelta(hours=2)))
    lines = render_report(results, title="T", generated_at=when).splitlines()
    assert lines[2] == "Generated: 2024-01-02T03:04:05+02:00"
    assert lines[3] == "Overall: FAIL (2 fail, 2 warn, 1 ok)"
    assert lines[7:] == [
        "| c\\|d | FAIL | x \\| y |",
        "| f | FAIL | 4 |",
        "| b | WARN | 2 |",
        "| e | WARN | 3 |",
        "| a | OK | 1 |",
    ]


def test_empty_report_still_has_table_header():
    report = render_report([], title="Empty", generated_at=datetime(2024, 1, 1))
    assert report.endswith("| Check | Status | Detail |\n|---|---|---|\n")
    assert "Overall: OK (0 fail, 0 warn, 0 ok)" in report


def test_crash_message_uses_exception_type_name():
    def boom() -> tuple[str, str]:
        raise KeyError("x")

    assert run_checks({"k": boom})[0].detail == "check crashed: KeyError: 'x'"
