"""Result dataclasses, parsing of the plugin's JSON report and hidden-test redaction.

Plain Python on purpose: no Django imports, so the sandbox can be used from a worker,
a management command or a test without settings.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

REDACTED = "[hidden test source redacted]"
HIDDEN_PREFIX = "tests/hidden/"
# Lines shorter than this are too generic ("pass", "return") to be worth redacting.
MIN_REDACT_LINE = 8


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
    INTERNAL_ERROR = "internal_error"


@dataclass
class TestResult:
    __test__ = False  # not a pytest test class despite the name

    nodeid: str
    name: str
    status: str  # "passed" | "failed" | "error" | "skipped"
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

    @property
    def passed(self) -> int:
        return sum(1 for t in self.tests if t.status == "passed")

    @property
    def failed(self) -> int:
        return sum(1 for t in self.tests if t.status in ("failed", "error"))

    @property
    def total(self) -> int:
        return len(self.tests)

    def to_dict(self) -> dict[str, Any]:
        return {
            "outcome": self.outcome.value,
            "reason": self.reason,
            "duration": round(self.duration, 4),
            "exit_code": self.exit_code,
            "log_tail": self.log_tail,
            "passed": self.passed,
            "failed": self.failed,
            "total": self.total,
            "tests": [asdict(t) for t in self.tests],
        }


@dataclass
class CollectionError:
    nodeid: str
    message: str
    hidden: bool
    # (path, line) pairs from 'File "...", line N' and from "path:N:" traceback frames.
    locations: list[tuple[str, int]] = field(default_factory=list)
    frames: list[tuple[str, int]] = field(default_factory=list)


def _pairs(value: Any) -> list[tuple[str, int]]:
    if not isinstance(value, list):
        return []
    return [
        (str(v[0]), int(v[1]))
        for v in value
        if isinstance(v, list) and len(v) == 2 and isinstance(v[1], int)
    ]


@dataclass
class ParsedReport:
    """What the in-sandbox plugin reported (already stripped for hidden tests)."""

    exitstatus: int | None
    tests: list[TestResult] = field(default_factory=list)
    collection_errors: list[CollectionError] = field(default_factory=list)


class ReportError(ValueError):
    """The report is missing or does not have the expected shape."""


def is_hidden(nodeid: str) -> bool:
    return nodeid.startswith(HIDDEN_PREFIX)


def first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return ""


def _str(d: dict[str, Any], key: str) -> str:
    value = d.get(key, "")
    if not isinstance(value, str):
        raise ReportError(f"field {key!r} is not a string")
    return value


def parse_report(raw: bytes) -> ParsedReport:
    """Parse the plugin's JSON. Never trusts ``hidden`` from the sandbox: recomputed here."""
    if not raw.strip():
        raise ReportError("empty report")
    try:
        data = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ReportError(f"corrupt report: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("tests"), list):
        raise ReportError("report has no test list")
    exitstatus = data.get("exitstatus")
    parsed = ParsedReport(exitstatus=exitstatus if isinstance(exitstatus, int) else None)
    for item in data["tests"]:
        if not isinstance(item, dict):
            raise ReportError("test entry is not an object")
        nodeid = _str(item, "nodeid")
        hidden = is_hidden(nodeid)
        status = _str(item, "status")
        if status not in ("passed", "failed", "error", "skipped"):
            raise ReportError(f"unknown status {status!r}")
        duration = item.get("duration", 0.0)
        message = _str(item, "message")
        parsed.tests.append(
            TestResult(
                nodeid=nodeid,
                name=_str(item, "name") or nodeid.rsplit("::", 1)[-1],
                status=status,
                # Defence in depth: the plugin already strips hidden tests, do it again here.
                message=first_line(message) if hidden else message,
                output="" if hidden else _str(item, "output"),
                duration=float(duration) if isinstance(duration, int | float) else 0.0,
                hidden=hidden,
            )
        )
    for err in data.get("collection_errors", []):
        if not isinstance(err, dict):
            raise ReportError("collection error entry is not an object")
        nodeid = _str(err, "nodeid")
        hidden = is_hidden(nodeid)
        message = _str(err, "message")
        parsed.collection_errors.append(
            CollectionError(
                nodeid=nodeid,
                message=message.splitlines()[-1].strip() if hidden and message else message,
                hidden=hidden,
                locations=_pairs(err.get("locations")),
                frames=_pairs(err.get("frames")),
            )
        )
    return parsed


class Redactor:
    """Replaces any hidden-test source line (stripped, >= 8 chars) found in learner-facing text."""

    def __init__(self, hidden_sources: Iterable[str]) -> None:
        lines = {
            line.strip()
            for source in hidden_sources
            for line in source.splitlines()
            if len(line.strip()) >= MIN_REDACT_LINE
        }
        # Longest first so a line containing a shorter hidden line is replaced as a whole.
        ordered = sorted(lines, key=len, reverse=True)
        self._pattern = re.compile("|".join(re.escape(x) for x in ordered)) if ordered else None

    def __call__(self, text: str) -> str:
        if self._pattern is None or not text:
            return text
        return self._pattern.sub(REDACTED, text)

    def apply(self, tests: Sequence[TestResult]) -> None:
        for test in tests:
            test.message = self(test.message)
            test.output = self(test.output)
