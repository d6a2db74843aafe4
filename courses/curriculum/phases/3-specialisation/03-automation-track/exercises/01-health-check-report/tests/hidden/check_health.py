"""Hidden checks: they record what the code does; the grader compares with the reference."""

from datetime import datetime, timedelta, timezone

import pytest
from health import CheckResult, disk_check, exit_code, overall_status, render_report, run_checks


def check_disk_check_is_lazy_and_handles_bad_sizes(observe):
    calls: list[str] = []

    def usage(path: str) -> tuple[int, int]:
        calls.append(path)
        return {"/mnt": (0, 0), "/neg": (-10, 3), "/tiny": (3, 2), "/one": (1, 0)}[path]

    checks = [disk_check(p, warn_at=50, fail_at=70, usage=usage) for p in ("/mnt", "/neg", "/tiny", "/one")]
    observe(list(calls))  # nothing has run yet
    for check in checks:
        observe.call(check)
    observe(calls)


def check_threshold_boundaries_on_both_sides(observe):
    usage = {"a": (1000, 800), "b": (1000, 799), "c": (1000, 900), "d": (1000, 1000),
             "e": (8, 1), "f": (1000, 1001)}.__getitem__
    for path, warn_at, fail_at in [
        ("a", 80, 90), ("b", 80, 90), ("a", 70, 80), ("c", 80, 90), ("c", 80, 90.1),
        ("d", 99, 100), ("e", 12.5, 50), ("e", 12.6, 50), ("f", 50, 100), ("b", 79.9, 80),
    ]:
        observe.call(disk_check(path, warn_at=warn_at, fail_at=fail_at, usage=usage))


@pytest.mark.parametrize(
    "warn_at, fail_at", [(0, 50), (50, 50), (50, 101), (-1, 10), (60, 50), (100, 100)]
)
def check_threshold_validation(observe, warn_at, fail_at):
    observe.raises(disk_check, "/", warn_at=warn_at, fail_at=fail_at, usage=lambda p: (1, 1))
    # the widest valid range is accepted
    observe.call(disk_check("/", warn_at=0.5, fail_at=100, usage=lambda p: (200, 1)))


def check_crashes_and_invalid_statuses_become_failures(observe):
    def boom() -> tuple[str, str]:
        raise KeyError("x")

    def refused() -> tuple[str, str]:
        raise ConnectionRefusedError("port 5432")

    results = run_checks({
        "odd": lambda: ("unknown", "?"),
        "key": boom,
        "loud": lambda: ("OK", "x"),
        "db": refused,
        "none": lambda: (None, "nothing"),
        "fine": lambda: ("warn", "82.0% used"),
    })
    observe(results)
    observe(run_checks({}))


def check_overall_status_and_exit_codes(observe):
    ok, warn, fail = (CheckResult(s, s, "") for s in ("ok", "warn", "fail"))
    for results in ([], [ok], [warn], [fail], [ok, warn], [fail, ok], [warn, fail, ok],
                    [ok, ok], [warn, warn, ok]):
        observe((overall_status(results), exit_code(results)))


def check_report_orders_by_severity_stably_and_escapes_pipes(observe):
    results = [
        CheckResult("a", "ok", "1"),
        CheckResult("b", "warn", "2"),
        CheckResult("c|d", "fail", "x | y"),
        CheckResult("e", "warn", "3"),
        CheckResult("f", "fail", "4"),
        CheckResult("g", "ok", "|"),
    ]
    when = datetime(2024, 1, 2, 3, 4, 5, 678, tzinfo=timezone(timedelta(hours=2)))
    observe(render_report(results, title="Night | shift", generated_at=when))
    warn_only = [CheckResult("w", "warn", "late"), CheckResult("o", "ok", "")]
    observe(render_report(warn_only, title="W", generated_at=datetime(2024, 7, 1, 23, 59, 59, 999999)))


def check_empty_report_still_has_table_header(observe):
    observe(render_report([], title="Empty", generated_at=datetime(2024, 1, 1)))


def check_end_to_end(observe):
    usage = {"/": (500, 480), "/var": (400, 330), "/home": (1000, 1)}.__getitem__
    checks = {
        name: disk_check(path, warn_at=80, fail_at=95, usage=usage)
        for name, path in [("disk /home", "/home"), ("disk /", "/"), ("disk /var", "/var")]
    }
    results = observe(run_checks(checks))
    observe(exit_code(results))
    observe(render_report(results, title="Nightly", generated_at=datetime(2024, 6, 1, 2, 30)))
