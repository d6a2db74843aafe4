"""Automated checks of a capstone version, run inside the grading sandbox.

Plain Python (no Django), reusing `submissions.sandbox`: the learner's own tests under
pytest with coverage measured in the same process, then ruff and mypy, and a README check.
The project runs in its track's learner runtime, as one tree (its own conftest.py and
tests/ included: it is the learner's project, nothing in it is hidden). The results inform
the mentor; they never decide anything by themselves.
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from submissions.sandbox import (
    Limits,
    Runtime,
    SandboxFile,
    SandboxUnavailable,
    run_quality,
)
from submissions.sandbox.runner import run_tool
from submissions.sandbox.verdict import read_visible, run_end

__all__ = ["CAPSTONE_LIMITS", "CapstoneCheckReport", "SandboxUnavailable", "run_capstone_checks"]

CAPSTONE_LIMITS = Limits(
    wall_seconds=60, cpu_seconds=60, memory_mb=1024, max_processes=64, tmpfs_mb=128
)
README_MIN_WORDS = 30
_README_RE = re.compile(r"^readme(\.(md|rst|txt|markdown))?$", re.IGNORECASE)
# The project's own tests, with coverage measured in the same process (launcher "capstone").
_PYTEST_ARGS = (
    "-p",
    "no:cacheprovider",
    "-c",
    "/dev/null",
    "--rootdir=.",
    "-q",
    "--tb=no",
    "-rN",
    "--color=no",
    ".",
)


@dataclass
class CapstoneCheckReport:
    """Everything the checks found, as plain data (stored as JSON on the check run)."""

    tests: dict[str, Any] = field(default_factory=dict)
    coverage_percent: float | None = None
    ruff: list[dict[str, Any]] = field(default_factory=list)
    mypy: list[dict[str, Any]] = field(default_factory=list)
    tool_errors: list[str] = field(default_factory=list)
    readme_path: str = ""
    readme_words: int = 0
    notes: list[str] = field(default_factory=list)
    duration: float = 0.0

    @property
    def readme_ok(self) -> bool:
        return self.readme_words >= README_MIN_WORDS


def _readme(files: Sequence[SandboxFile]) -> tuple[str, int]:
    candidates = [f for f in files if "/" not in f.path and _README_RE.match(f.path)]
    if not candidates:
        return "", 0
    best = max(candidates, key=lambda f: len(f.content))
    return best.path, len(re.findall(r"\w+", best.content))


def _run_tests(
    files: Sequence[SandboxFile], runtime: Runtime, limits: Limits, mode: str
) -> tuple[dict[str, Any], float | None]:
    raw = run_tool(
        kind="capstone", files=files, args=_PYTEST_ARGS, runtime=runtime, limits=limits, mode=mode
    )
    report, _problem = read_visible(raw, limits)
    end = run_end(raw, limits, [t.message for t in report.tests] if report else [])
    tests = report.tests if report else []
    passed = sum(1 for t in tests if t.status == "passed")
    if end is not None:
        outcome, reason = end.outcome.value, end.reason
    elif report is None:
        outcome, reason = "error", "the test run ended without a report"
    elif report.collection_errors:
        outcome, reason = (
            "error",
            f"{len(report.collection_errors)} test files could not be collected",
        )
    elif not tests:
        outcome, reason = "error", "no tests were collected"
    elif passed < len(tests):
        outcome, reason = "failed", f"{len(tests) - passed} of {len(tests)} tests did not pass"
    else:
        outcome, reason = "passed", ""
    summary = {
        "outcome": outcome,
        "reason": reason,
        "passed": passed,
        "failed": len(tests) - passed,
        "total": len(tests),
        "duration": round(raw.duration, 3),
        "log_tail": raw.log.decode("utf-8", "replace")[-4096:],
        "tests": [
            {"nodeid": t.nodeid, "name": t.name, "status": t.status, "message": t.message[:2000]}
            for t in tests[:300]
        ],
    }
    return summary, report.coverage_percent if report else None


def run_capstone_checks(
    *,
    files: Sequence[SandboxFile],
    runtime: Runtime,
    mode: str = "bwrap",
    limits: Limits = CAPSTONE_LIMITS,
) -> CapstoneCheckReport:
    """Run every check within `limits`; learner behaviour never raises (only an unusable
    sandbox does). The project runs in its track's runtime with its own tests."""
    started = time.monotonic()
    report = CapstoneCheckReport()
    report.readme_path, report.readme_words = _readme(files)
    report.tests, report.coverage_percent = _run_tests(files, runtime, limits, mode)
    source_files = [f for f in files if not f.path.startswith("tests/")]
    quality = run_quality(files=source_files, runtime=runtime, limits=limits, mode=mode)
    as_dict = quality.to_dict()
    report.ruff = [f for f in as_dict["findings"] if f["tool"] == "ruff"]
    report.mypy = [f for f in as_dict["findings"] if f["tool"] == "mypy"]
    report.tool_errors = list(as_dict["errors"])
    report.duration = time.monotonic() - started
    return report
