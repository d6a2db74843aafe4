"""The pytest plugin of the sandbox (runs inside it; stdlib and pytest only).

The launcher registers one `Recorder` object with pytest and, once pytest returns, has it
write a single JSON document to the report pipe:

* ``visible`` runs: every test's strict status (``passed`` only when its setup, call and
  teardown all passed and it was not marked xfail), a capped message with a short
  traceback, and the captured output.
* ``hidden`` runs: for every check, the observations it recorded through the ``observe``
  fixture and whether it completed. No messages and no output: nothing from a hidden run
  is ever shown to the learner, and the host ignores anything else it finds here.

Learner code runs in this process and can write to the pipe or patch this plugin. The
grader does not rely on it being honest: hidden checks pass only when their observations
equal the reference's, which never enter the sandbox.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Generator
from typing import Any

import pytest
from apprentice_observe import Observer

MESSAGE_CHARS = 4000
MAX_TESTS = 1000
_FILE_LINE_RE = re.compile(r'File "([^"]+)", line (\d+)')
_SHORT_LOC_RE = re.compile(r"^(\S+\.py):(\d+): ", re.MULTILINE)


def _message(report: pytest.TestReport | pytest.CollectReport, *, full: bool) -> str:
    longrepr = report.longrepr
    if longrepr is None:
        return ""
    if isinstance(longrepr, tuple):  # a skip: (path, lineno, reason)
        return str(longrepr[2])[:MESSAGE_CHARS]
    if not full:
        crash = getattr(longrepr, "reprcrash", None)
        if crash is not None:
            return str(crash.message)[:MESSAGE_CHARS]
    return str(longrepr)[:MESSAGE_CHARS]


class Recorder:
    def __init__(self, *, mode: str, fd: int, output_chars: int) -> None:
        self.mode = mode
        self.fd = fd
        self.output_chars = output_chars
        self.pid = os.getpid()  # a forked copy of the session must not write a report
        self.tests: dict[str, dict[str, Any]] = {}
        self.collection_errors: list[dict[str, Any]] = []
        self.observers: dict[str, Observer] = {}
        self.collected = 0
        self.interrupted = ""
        self.exitstatus: int | None = None

    # ---------------------------------------------------------------- the observe fixture

    @pytest.fixture
    def observe(self, request: pytest.FixtureRequest) -> Observer:
        observer = Observer()
        self.observers[request.node.nodeid] = observer
        return observer

    # ---------------------------------------------------------------- hooks

    @pytest.hookimpl(tryfirst=True)
    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        if not report.failed:
            return
        text = str(report.longrepr)
        entry: dict[str, Any] = {"nodeid": report.nodeid}
        if self.mode == "visible":
            entry["message"] = _message(report, full=True)
            entry["locations"] = [[p, int(n)] for p, n in _FILE_LINE_RE.findall(text)][:20]
            entry["frames"] = [[p, int(n)] for p, n in _SHORT_LOC_RE.findall(text)][:20]
        self.collection_errors.append(entry)

    def pytest_collection_modifyitems(self, items: list[pytest.Item]) -> None:
        self.collected = len(items)

    def pytest_collection_finish(self, session: pytest.Session) -> None:
        # A grade must not depend on luck: Hypothesis examples are derived from each test,
        # not drawn at random, and nothing is kept between runs.
        if "hypothesis" in sys.modules:
            import hypothesis

            hypothesis.settings.register_profile(
                "apprentice-grader", derandomize=True, database=None, deadline=None
            )
            hypothesis.settings.load_profile("apprentice-grader")

    def pytest_keyboard_interrupt(self, excinfo: pytest.ExceptionInfo[BaseException]) -> None:
        self.interrupted = excinfo.typename

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(
        self, item: pytest.Item, call: pytest.CallInfo[None]
    ) -> Generator[None, pytest.TestReport, pytest.TestReport]:
        # The terminal runs with --tb=no (a learner's huge message must not flood the log);
        # the report gets its own short traceback, capped.
        report = yield
        if self.mode == "visible" and report.failed and call.excinfo is not None:
            try:
                text = str(item._repr_failure_py(call.excinfo, style="short"))
            except Exception:  # a broken exception object: keep its type at least
                text = call.excinfo.exconly()
            report.apprentice_message = text[:MESSAGE_CHARS]  # type: ignore[attr-defined]
        return report

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        entry = self.tests.get(report.nodeid)
        if entry is None:
            if len(self.tests) >= MAX_TESTS:
                return
            entry = {
                "nodeid": report.nodeid,
                "name": report.nodeid.rsplit("::", 1)[-1],
                "status": "not_run",
                "message": "",
                "output": "",
                "duration": 0.0,
            }
            self.tests[report.nodeid] = entry
        entry["duration"] += float(report.duration)
        xfail = hasattr(report, "wasxfail")
        if report.when == "setup":
            if report.failed:
                entry["status"] = "error"
            elif report.skipped:
                entry["status"] = "xfailed" if xfail else "skipped"
        elif report.when == "call":
            if report.passed:
                entry["status"] = "xpassed" if xfail else "passed"
            elif report.skipped:
                entry["status"] = "xfailed" if xfail else "skipped"
            else:
                entry["status"] = "failed"
        elif report.when == "teardown" and report.failed:
            entry["status"] = "error"
        if self.mode != "visible":
            return
        if (report.failed or report.skipped) and not entry["message"]:
            entry["message"] = getattr(report, "apprentice_message", None) or _message(
                report, full=report.failed
            )
        if report.when == "teardown":
            entry["output"] = (report.capstdout + report.capstderr)[: self.output_chars]

    @pytest.hookimpl(trylast=True)
    def pytest_sessionfinish(self, session: pytest.Session, exitstatus: int) -> None:
        self.exitstatus = int(exitstatus)

    def write(self, **extra: Any) -> None:
        """Send the report to the host (the launcher calls this once pytest returns)."""
        if os.getpid() != self.pid:
            return
        tests = list(self.tests.values())
        if self.mode == "hidden":
            for entry in tests:
                observer = self.observers.get(entry["nodeid"])
                entry["observations"] = observer.records if observer else []
                entry["problem"] = observer.problem if observer else ""
                entry.pop("message", None)
                entry.pop("output", None)
        payload = {
            "mode": self.mode,
            "exitstatus": self.exitstatus,
            "collected": self.collected,
            "interrupted": self.interrupted,
            "tests": tests,
            "collection_errors": self.collection_errors,
            **extra,
        }
        data = json.dumps(payload, separators=(",", ":")).encode("utf-8")
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(self.fd, view) :]
            os.close(self.fd)
        except OSError:
            pass  # the host reports a missing or cut report
