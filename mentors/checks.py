"""Automated checks of a capstone version, run inside the grading sandbox.

Plain Python (no Django), reusing `submissions.sandbox`: the learner's own tests under
pytest with coverage measured in the same process, then ruff and mypy, and a README check.
The results inform the mentor; they never decide anything by themselves.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from submissions.sandbox import Limits, SandboxFile, SandboxUnavailable, run_quality
from submissions.sandbox.report import Redactor
from submissions.sandbox.runner import PLUGIN_MODULE, SANDBOX_SRC, classify, run_in_sandbox

__all__ = ["CAPSTONE_LIMITS", "CapstoneCheckReport", "SandboxUnavailable", "run_capstone_checks"]

CAPSTONE_LIMITS = Limits(
    wall_seconds=60, cpu_seconds=60, memory_mb=1024, max_processes=64, tmpfs_mb=128
)
README_MIN_WORDS = 30
_README_RE = re.compile(r"^readme(\.(md|rst|txt|markdown))?$", re.IGNORECASE)
_COVERAGE_MARK = "APPRENTICE_CAPSTONE_COVERAGE="
_COVERAGE_RE = re.compile(re.escape(_COVERAGE_MARK) + r"(\d+(?:\.\d+)?|none)")

# Runs inside the sandbox (cwd = the copied project). Imports pytest, coverage and our report
# plugin before the project is on sys.path, so a learner file cannot shadow them.
_PYTEST_WITH_COVERAGE = f"""
import os, sys
work = os.getcwd()
sys.path[0:1] = [{SANDBOX_SRC + "/lib"!r}]
import pytest, coverage
sys.path[1:1] = [work, os.path.join(work, "src")]
omit = ["*/tests/*", "*/test_*.py", "*_test.py", "*/conftest.py", "*/.tmp/*", "{SANDBOX_SRC}/*"]
cov = coverage.Coverage(data_file=".tmp/.coverage", source=[work], omit=omit)
cov.start()
code = int(pytest.main([
    "-p", {PLUGIN_MODULE!r}, "-p", "no:cacheprovider", "-c", "/dev/null", "--rootdir=.",
    "-q", "--tb=no", "-rN", "--color=no", ".",
]))
cov.stop()
try:
    percent = "%.1f" % cov.report(file=open(os.devnull, "w"))
except Exception:
    percent = "none"
sys.stdout.write("\\n{_COVERAGE_MARK}" + percent + "\\n")
sys.stdout.flush()
os._exit(code)
"""


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


def _split_reserved(files: Sequence[SandboxFile]) -> tuple[list[SandboxFile], list[SandboxFile]]:
    """The sandbox reserves top-level ``tests/`` for teacher tests: a capstone's own tests
    go in through that door (they are the learner's, so nothing is hidden)."""
    work: list[SandboxFile] = []
    tests: list[SandboxFile] = []
    for item in files:
        if item.path.startswith("tests/"):
            tests.append(SandboxFile(path=item.path.removeprefix("tests/"), content=item.content))
        else:
            work.append(item)
    return work, tests


def _readme(files: Sequence[SandboxFile]) -> tuple[str, int]:
    candidates = [f for f in files if "/" not in f.path and _README_RE.match(f.path)]
    if not candidates:
        return "", 0
    best = max(candidates, key=lambda f: len(f.content))
    return best.path, len(re.findall(r"\w+", best.content))


def _run_tests(
    files: Sequence[SandboxFile], limits: Limits, mode: str
) -> tuple[dict[str, Any], float | None]:
    work, tests = _split_reserved(files)
    raw = run_in_sandbox(
        work_files=work,
        visible_tests=tests,
        kind="exec",
        args=[sys.executable, "-c", _PYTEST_WITH_COVERAGE],
        limits=limits,
        mode=mode,
    )
    log = raw.log.decode("utf-8", "replace")
    marks = _COVERAGE_RE.findall(log)
    coverage = None
    if marks and marks[-1] != "none":
        coverage = float(marks[-1])
    raw.log = _COVERAGE_RE.sub("", log).encode()
    result = classify(raw, limits, Redactor(()))
    return result.to_dict(), coverage


def run_capstone_checks(
    *, files: Sequence[SandboxFile], mode: str = "bwrap", limits: Limits = CAPSTONE_LIMITS
) -> CapstoneCheckReport:
    """Run every check; learner behaviour never raises (only an unusable sandbox does)."""
    started = time.monotonic()
    report = CapstoneCheckReport()
    report.readme_path, report.readme_words = _readme(files)
    if any(f.path.rsplit("/", 1)[-1] == "conftest.py" and "/" not in f.path for f in files):
        report.notes.append(
            "A top-level conftest.py is not loaded by the checker; move fixtures to tests/conftest.py."
        )
    report.tests, report.coverage_percent = _run_tests(files, limits, mode)
    # ruff and mypy see the project's own code (the sandbox keeps top-level tests/ apart).
    source_files, _ = _split_reserved(files)
    quality = run_quality(
        files=[f for f in source_files if f.path.rsplit("/", 1)[-1] != "conftest.py"],
        limits=Limits(wall_seconds=60, cpu_seconds=60, memory_mb=1024, tmpfs_mb=128),
        mode=mode,
    )
    as_dict = quality.to_dict()
    report.ruff = [f for f in as_dict["findings"] if f["tool"] == "ruff"]
    report.mypy = [f for f in as_dict["findings"] if f["tool"] == "mypy"]
    report.tool_errors = list(as_dict["errors"])
    report.duration = time.monotonic() - started
    return report
