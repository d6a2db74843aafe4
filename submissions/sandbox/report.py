"""Result types and the parsing of what the in-sandbox plugin reports.

Everything read from a sandbox is hostile input: shapes are checked, strings and lists are
capped, and a report that does not parse is a missing report. Plain Python (no Django).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

HIDDEN_PREFIX = "tests/hidden/"
MESSAGE_CHARS = 4000
MAX_TESTS = 1000
STORED_REPORT_BYTES = 256 * 1024  # what a stored report may weigh at most
VISIBLE_STATUSES = frozenset(
    {"passed", "failed", "error", "skipped", "xfailed", "xpassed", "not_run"}
)


@dataclass(frozen=True)
class SandboxFile:
    """A file to place in the sandbox work dir; ``path`` is relative POSIX, pre-validated."""

    path: str
    content: str


class Outcome(StrEnum):
    PASSED = "passed"
    FAILED = "failed"
    ERROR = "error"
    TIMED_OUT = "timed_out"
    MEMORY_EXCEEDED = "memory_exceeded"
    OUTPUT_EXCEEDED = "output_exceeded"
    CRASHED = "crashed"
    INTERNAL_ERROR = "internal_error"


@dataclass
class TestResult:
    """One visible test (full feedback) or one hidden check (name and pass/fail only)."""

    __test__ = False  # not a pytest test class despite the name

    nodeid: str
    name: str
    status: str  # visible: VISIBLE_STATUSES; hidden: "passed" | "failed"
    message: str
    output: str
    duration: float
    hidden: bool


@dataclass
class SandboxResult:
    outcome: Outcome
    tests: list[TestResult]
    reason: str
    duration: float
    exit_code: int | None
    log_tail: str
    # Hidden checks that did not match, by name; the learner sees which, never why.
    hidden_outcome: str = ""  # "", or the class of a hidden run that did not finish
    staff_notes: list[str] = field(default_factory=list)  # never shown to learners

    @classmethod
    def internal_error(cls, reason: str, staff_note: str) -> SandboxResult:
        """Our side failed: `reason` for the learner, `staff_note` for staff only."""
        return cls(
            outcome=Outcome.INTERNAL_ERROR,
            tests=[],
            reason=reason,
            duration=0.0,
            exit_code=None,
            log_tail="",
            staff_notes=[staff_note],
        )

    @property
    def passed(self) -> int:
        return sum(1 for t in self.tests if t.status == "passed")

    @property
    def failed(self) -> int:
        return sum(1 for t in self.tests if t.status != "passed")

    @property
    def total(self) -> int:
        return len(self.tests)

    def to_dict(self) -> dict[str, Any]:
        """The stored report: learner-facing fields only, at most STORED_REPORT_BYTES."""
        report = {
            "outcome": self.outcome.value,
            "reason": self.reason,
            "duration": round(self.duration, 4),
            "exit_code": self.exit_code,
            "log_tail": self.log_tail,
            "passed": self.passed,
            "failed": self.failed,
            "total": self.total,
            "hidden_outcome": self.hidden_outcome,
            "tests": [asdict(t) for t in self.tests],
        }
        return shrink_report(report)


def shrink_report(report: dict[str, Any]) -> dict[str, Any]:
    """Cut messages, outputs and the log tail until the report fits STORED_REPORT_BYTES."""

    def size() -> int:
        return len(json.dumps(report, ensure_ascii=False).encode("utf-8"))

    budget = 2000
    while size() > STORED_REPORT_BYTES and budget >= 50:
        for test in report["tests"]:
            for key in ("message", "output"):
                if len(test[key]) > budget:
                    test[key] = test[key][:budget] + "… [cut]"
        if len(report["log_tail"]) > budget:
            report["log_tail"] = "[cut] …" + report["log_tail"][-budget:]
        budget //= 2
    while size() > STORED_REPORT_BYTES and report["tests"]:
        report["tests"].pop()
        report["truncated"] = True
    return report


@dataclass
class CollectionError:
    nodeid: str
    message: str
    # (path, line) pairs from 'File "...", line N' and from "path:N:" traceback frames.
    locations: list[tuple[str, int]] = field(default_factory=list)
    frames: list[tuple[str, int]] = field(default_factory=list)


@dataclass
class VisibleReport:
    exitstatus: int | None
    collected: int
    interrupted: str
    tests: list[TestResult] = field(default_factory=list)
    collection_errors: list[CollectionError] = field(default_factory=list)
    coverage_percent: float | None = None


@dataclass
class CheckRecord:
    """What one hidden check recorded. `observations` is untrusted JSON, compared later."""

    nodeid: str
    status: str
    observations: list[Any]
    problem: str


@dataclass
class HiddenReport:
    exitstatus: int | None
    checks: dict[str, CheckRecord] = field(default_factory=dict)
    collection_errors: int = 0


class ReportError(ValueError):
    """The report is missing or does not have the expected shape."""


def is_hidden(nodeid: str) -> bool:
    return nodeid.startswith(HIDDEN_PREFIX)


def first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return ""


def _str(d: dict[str, Any], key: str, cap: int = MESSAGE_CHARS) -> str:
    value = d.get(key, "")
    if not isinstance(value, str):
        raise ReportError(f"field {key!r} is not a string")
    return value[:cap]


def _int_or_none(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _load(raw: bytes, mode: str) -> dict[str, Any]:
    if not raw.strip():
        raise ReportError("empty report")
    try:
        data = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise ReportError(f"corrupt report: {type(exc).__name__}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("tests"), list):
        raise ReportError("report has no test list")
    if data.get("mode") != mode:
        raise ReportError(f"not a {mode} report")
    return data


def _pairs(value: Any) -> list[tuple[str, int]]:
    if not isinstance(value, list):
        return []
    return [
        (str(v[0])[:300], v[1])
        for v in value[:20]
        if isinstance(v, list) and len(v) == 2 and type(v[1]) is int
    ]


def parse_visible(raw: bytes, *, output_chars: int) -> VisibleReport:
    """A visible run's report; entries for hidden node ids are never accepted."""
    data = _load(raw, "visible")
    collected = _int_or_none(data.get("collected")) or 0
    report = VisibleReport(
        exitstatus=_int_or_none(data.get("exitstatus")),
        collected=collected,
        interrupted=_str(data, "interrupted", 100),
    )
    seen: set[str] = set()
    for item in data["tests"][:MAX_TESTS]:
        if not isinstance(item, dict):
            raise ReportError("test entry is not an object")
        nodeid = _str(item, "nodeid", 500)
        if is_hidden(nodeid) or nodeid in seen:
            continue
        seen.add(nodeid)
        status = _str(item, "status", 20)
        if status not in VISIBLE_STATUSES:
            raise ReportError(f"unknown status {status!r}")
        duration = item.get("duration", 0.0)
        report.tests.append(
            TestResult(
                nodeid=nodeid,
                name=nodeid.rsplit("::", 1)[-1],
                status=status,
                message=_str(item, "message"),
                output=_str(item, "output", output_chars),
                duration=float(duration) if type(duration) in (int, float) else 0.0,
                hidden=False,
            )
        )
    errors = data.get("collection_errors", [])
    if not isinstance(errors, list):
        raise ReportError("collection errors are not a list")
    for err in errors[:50]:
        if not isinstance(err, dict):
            raise ReportError("collection error entry is not an object")
        report.collection_errors.append(
            CollectionError(
                nodeid=_str(err, "nodeid", 500),
                message=_str(err, "message"),
                locations=_pairs(err.get("locations")),
                frames=_pairs(err.get("frames")),
            )
        )
    percent = data.get("coverage_percent")
    if isinstance(percent, int | float) and not isinstance(percent, bool) and 0 <= percent <= 100:
        report.coverage_percent = float(percent)
    return report


def parse_hidden(raw: bytes) -> HiddenReport:
    """A hidden run's report: per check, its status and its (untrusted) observations."""
    data = _load(raw, "hidden")
    errors = data.get("collection_errors", [])
    report = HiddenReport(
        exitstatus=_int_or_none(data.get("exitstatus")),
        collection_errors=len(errors) if isinstance(errors, list) else 0,
    )
    for item in data["tests"][:MAX_TESTS]:
        if not isinstance(item, dict):
            raise ReportError("check entry is not an object")
        nodeid = _str(item, "nodeid", 500)
        observations = item.get("observations", [])
        if not isinstance(observations, list):
            observations = []
        report.checks.setdefault(
            nodeid,
            CheckRecord(
                nodeid=nodeid,
                status=_str(item, "status", 20),
                observations=observations,
                problem=_str(item, "problem", 300),
            ),
        )
    return report
