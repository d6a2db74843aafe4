"""From raw runs to a grade. Plain Python (no Django).

`passed` needs all of:
* every canonical visible test (its id recorded from the reference run) reported *passed*:
  its setup, call and teardown passed and it was not skipped, xfailed or missing;
* the visible run's pytest exit status 0;
* every hidden check's observations equal to the reference's (see `observations`).

What a learner sees of the hidden run is each check's name, pass or fail, and, if the run did
not finish, its class (timed out, crashed, memory, output). Nothing else from that run.
"""

from __future__ import annotations

import re
import signal
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .isolation import Limits
from .observations import records_match
from .process import RawRun
from .report import (
    CollectionError,
    HiddenReport,
    Outcome,
    ReportError,
    SandboxResult,
    TestResult,
    VisibleReport,
    first_line,
    parse_hidden,
    parse_visible,
)

LOG_TAIL_BYTES = 4096

_SIGNAL_WORDS = {
    signal.SIGSEGV: "segmentation fault, e.g. unbounded recursion or a crash in C code",
    signal.SIGABRT: "aborted",
    signal.SIGBUS: "bus error",
    signal.SIGILL: "illegal instruction",
    signal.SIGFPE: "arithmetic error",
    signal.SIGKILL: "killed",
    signal.SIGTERM: "terminated",
}
_MEMORY_MARKERS = ("MemoryError", "Cannot allocate memory", "[Errno 12]")
_FILE_MARKERS = ("File too large", "[Errno 27]", "No space left on device", "[Errno 28]")
_EXC_RE = re.compile(r"^([A-Za-z_][\w.]*(?:Error|Exception|Exit|Interrupt|Warning))\b:?\s*(.*)$")


@dataclass(frozen=True)
class AnswerKey:
    """What the reference solution did, recorded on the trusted side at sync time."""

    visible: list[str]  # canonical visible test ids
    checks: dict[str, list[dict[str, Any]]]  # hidden check id → expected records

    def to_dict(self) -> dict[str, Any]:
        return {"visible": list(self.visible), "checks": dict(self.checks)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> AnswerKey:
        return cls(visible=list(data["visible"]), checks=dict(data["checks"]))


@dataclass
class RunEnd:
    """How a run ended, when it did not end normally (limits, signals, our own failure)."""

    outcome: Outcome
    reason: str
    detail: str = ""  # for logs and staff only


def one_line(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def signal_of(exit_code: int | None) -> int | None:
    """The signal that ended bwrap's child (bwrap reports it as 128 + n) or the process."""
    if exit_code is None:
        return None
    if exit_code < 0:
        return -exit_code
    if 128 < exit_code < 128 + 65:
        return exit_code - 128
    return None


def run_end(raw: RawRun, limits: Limits, texts: list[str]) -> RunEnd | None:
    """Limits and crashes, in a fixed order; None when the run ended on its own terms.
    `texts` are failure messages of the run, searched for MemoryError and friends."""
    if raw.spawn_error:
        return RunEnd(Outcome.INTERNAL_ERROR, "the grader could not start", raw.spawn_error)
    if raw.output_exceeded:
        return RunEnd(Outcome.OUTPUT_EXCEEDED, f"output exceeded {limits.max_output_bytes} bytes")
    # A run the kernel had to stop for memory or processes often then runs out of time too;
    # name the cause, not the symptom.
    if raw.cgroup.oom_kills:
        return RunEnd(Outcome.MEMORY_EXCEEDED, f"memory limit of {limits.memory_mb} MB exceeded")
    if raw.cgroup.pid_limit_hits:
        return RunEnd(Outcome.ERROR, f"process limit of {limits.max_processes} exceeded")
    if raw.timed_out:
        return RunEnd(Outcome.TIMED_OUT, f"time limit of {limits.wall_seconds:g} s exceeded")
    sig = signal_of(raw.exit_code)
    if sig == signal.SIGXCPU:
        return RunEnd(Outcome.TIMED_OUT, f"CPU time limit of {limits.cpu_seconds} s exceeded")
    if raw.report_exceeded:
        return RunEnd(Outcome.OUTPUT_EXCEEDED, "test report too large")
    if any(m in t for t in texts for m in _MEMORY_MARKERS):
        return RunEnd(Outcome.MEMORY_EXCEEDED, f"memory limit of {limits.memory_mb} MB exceeded")
    if sig == signal.SIGXFSZ or any(m in t for t in texts for m in _FILE_MARKERS):
        return RunEnd(
            Outcome.OUTPUT_EXCEEDED,
            f"file size limit exceeded ({limits.max_file_mb} MB per file, "
            f"{limits.tmpfs_mb} MB in all)",
        )
    log = raw.log.decode("utf-8", "replace")
    if raw.exit_code == 1 and log.startswith("bwrap:"):
        return RunEnd(Outcome.INTERNAL_ERROR, "the sandbox failed to start", first_line(log))
    if sig is not None:
        words = _SIGNAL_WORDS.get(signal.Signals(sig), signal.Signals(sig).name)
        return RunEnd(Outcome.CRASHED, f"crashed: {words}")
    return None


def _exception_of(message: str) -> tuple[str, str]:
    for line in reversed(message.splitlines()):
        m = _EXC_RE.match(line.strip().removeprefix("E").strip())
        if m:
            return m.group(1).rsplit(".", 1)[-1], m.group(2)
    return "", first_line(message)


def describe_collection_error(err: CollectionError, work_prefix: str) -> str:
    """E.g. "SyntaxError in calculator.py line 3: expected ':'" (visible runs only)."""
    exc, msg = _exception_of(err.message)
    where = err.nodeid or "the test files"
    candidates = err.locations or err.frames
    shown = [(p, n) for p, n in candidates if p.startswith(work_prefix) or not p.startswith("/")]
    if shown:
        path, line = shown[-1]
        where = f"{path.removeprefix(work_prefix)} line {line}"
    return f"{exc or 'Error'} in {where}" + (f": {one_line(msg, 200)}" if msg else "")


def _tail(raw: RawRun) -> str:
    return raw.log.decode("utf-8", "replace")[-LOG_TAIL_BYTES:]


@dataclass
class Grade:
    """Intermediate: the two runs read, before being folded into a SandboxResult."""

    visible: VisibleReport | None = None
    visible_problem: str = ""
    hidden: HiddenReport | None = None
    hidden_problem: str = ""
    notes: list[str] = field(default_factory=list)


def read_visible(raw: RawRun, limits: Limits) -> tuple[VisibleReport | None, str]:
    try:
        return parse_visible(raw.report, output_chars=limits.test_output_chars), ""
    except ReportError as exc:
        return None, str(exc)


def read_hidden(raw: RawRun) -> tuple[HiddenReport | None, str]:
    try:
        return parse_hidden(raw.report), ""
    except ReportError as exc:
        return None, str(exc)


def _visible_texts(report: VisibleReport | None, raw: RawRun) -> list[str]:
    if report is None:
        return [_tail(raw)]
    texts = [t.message for t in report.tests if t.status in ("failed", "error")]
    return texts + [e.message for e in report.collection_errors]


def _not_run_message(report: VisibleReport | None) -> str:
    if report is not None and report.interrupted:
        return f"did not run: the test run was stopped early ({report.interrupted})"
    return "did not run: the test run stopped before reaching it"


_STATUS_WORDS = {
    "skipped": "was skipped",
    "xfailed": "was marked as an expected failure",
    "xpassed": "was marked as an expected failure",
    "not_run": "did not run",
}


def _visible_results(
    report: VisibleReport | None, canonical: list[str]
) -> tuple[list[TestResult], int]:
    """The canonical visible tests in order (missing ones as not_run), plus any extra tests
    the run reported, failures first; and how many canonical tests did not pass."""
    by_id = {t.nodeid: t for t in report.tests} if report else {}
    results: list[TestResult] = []
    not_passed = 0
    for nodeid in canonical:
        test = by_id.pop(nodeid, None)
        if test is None:
            test = TestResult(
                nodeid=nodeid,
                name=nodeid.rsplit("::", 1)[-1],
                status="not_run",
                message=_not_run_message(report),
                output="",
                duration=0.0,
                hidden=False,
            )
        elif test.status in _STATUS_WORDS and not test.message.startswith("did not"):
            reason = test.message
            test.message = f"not counted as passed: the test {_STATUS_WORDS[test.status]}" + (
                f" ({one_line(reason, 200)})" if reason else ""
            )
        if test.status != "passed":
            not_passed += 1
        results.append(test)
    order = {"error": 0, "failed": 0, "not_run": 1, "skipped": 1, "xfailed": 1, "xpassed": 1}
    results.sort(key=lambda t: order.get(t.status, 2))
    return results, not_passed


def _hidden_results(
    report: HiddenReport | None, key: AnswerKey
) -> tuple[list[TestResult], int, list[str]]:
    results: list[TestResult] = []
    failed = 0
    notes: list[str] = []
    for nodeid, expected in key.checks.items():
        record = report.checks.get(nodeid) if report else None
        ok = bool(
            record is not None
            and record.status == "passed"
            and not record.problem
            and records_match(expected, record.observations)
        )
        if not ok:
            failed += 1
            if record is None:
                notes.append(f"{nodeid}: did not run")
            elif record.status != "passed" or record.problem:
                notes.append(f"{nodeid}: {record.status} {record.problem}".strip())
            else:
                notes.append(f"{nodeid}: observations differ")
        results.append(
            TestResult(
                nodeid=nodeid,
                name=nodeid.rsplit("::", 1)[-1],
                status="passed" if ok else "failed",
                message="",
                output="",
                duration=0.0,
                hidden=True,
            )
        )
    results.sort(key=lambda t: t.status == "passed")
    return results, failed, notes


def hidden_checks_match(hidden_raw: RawRun, key: AnswerKey, limits: Limits) -> bool:
    """Whether a hidden run alone matched every check of the key. False means `grade` of
    the same code cannot pass (the verdict is strict), whatever the visible run does."""
    if run_end(hidden_raw, limits, []) is not None:
        return False
    report, problem = read_hidden(hidden_raw)
    if problem:
        return False
    _, failed, _ = _hidden_results(report, key)
    return failed == 0


def grade(
    *,
    visible_raw: RawRun,
    hidden_raw: RawRun | None,
    key: AnswerKey,
    limits: Limits,
    hidden_limits: Limits | None = None,
    clean: Callable[[str], str] = lambda text: text,
) -> SandboxResult:
    """Fold the two runs into one result. `clean` removes host details from learner text."""
    visible, _ = read_visible(visible_raw, limits)
    hidden, hidden_problem = read_hidden(hidden_raw) if hidden_raw else (None, "no hidden run")
    visible_tests, visible_failed = _visible_results(visible, key.visible)
    hidden_tests, hidden_failed, notes = _hidden_results(hidden, key)
    if hidden_problem and key.checks:
        notes.append(f"hidden run: {hidden_problem}")
    tail = clean(_tail(visible_raw))
    for test in visible_tests:
        test.message = clean(test.message)
        test.output = clean(test.output)

    def result(outcome: Outcome, reason: str, hidden_outcome: str = "") -> SandboxResult:
        return SandboxResult(
            outcome=outcome,
            tests=[*visible_tests, *hidden_tests],
            reason=one_line(clean(reason)),
            duration=max(visible_raw.duration, hidden_raw.duration if hidden_raw else 0.0),
            exit_code=visible_raw.exit_code,
            log_tail=tail,
            hidden_outcome=hidden_outcome,
            staff_notes=notes,
        )

    end = run_end(visible_raw, limits, _visible_texts(visible, visible_raw))
    if end is not None:
        if end.detail:
            notes.append(f"visible run: {end.detail}")
        return result(end.outcome, end.reason)
    if visible is None:
        return result(
            Outcome.ERROR,
            "the test run ended without a report: did the code exit the interpreter "
            "(os._exit, sys.exit at import) or close its output?",
        )
    if visible.collection_errors:
        err = visible.collection_errors[0]
        reason = describe_collection_error(err, "/work/")
        more = len(visible.collection_errors) - 1
        return result(
            Outcome.ERROR, reason + (f" (+{more} more collection errors)" if more else "")
        )
    if visible.collected == 0 and key.visible:
        return result(Outcome.ERROR, "no tests were collected")
    if hidden_raw is not None and key.checks:
        hidden_end = run_end(hidden_raw, hidden_limits or limits, [])
        if hidden_end is not None:
            if hidden_end.detail:
                notes.append(f"hidden run: {hidden_end.detail}")
            if hidden_end.outcome == Outcome.INTERNAL_ERROR:
                return result(hidden_end.outcome, hidden_end.reason)
            return result(
                hidden_end.outcome,
                f"hidden checks: {hidden_end.reason}",
                hidden_outcome=hidden_end.outcome.value,
            )
    if any("[Errno 11]" in t.message for t in visible_tests if t.status in ("failed", "error")):
        return result(Outcome.ERROR, f"process limit of {limits.max_processes} exceeded")
    if visible_failed or hidden_failed or visible.exitstatus != 0:
        parts = []
        if visible_failed:
            parts.append(f"{visible_failed} of {len(key.visible)} tests did not pass")
        if hidden_failed:
            parts.append(f"{hidden_failed} of {len(key.checks)} hidden checks did not pass")
        if not parts:
            parts.append(f"the test run did not succeed (pytest exit status {visible.exitstatus})")
        return result(Outcome.FAILED, "; ".join(parts))
    return result(Outcome.PASSED, "")
