"""Pytest plugin loaded inside the sandbox (``-p apprentice_sandbox_plugin``).

This file is copied verbatim into the sandbox, so it must stay self-contained: stdlib
and pytest only, no imports from the ``submissions`` package.

It writes one JSON document to the file descriptor named by ``APPRENTICE_REPORT_FD``
(a pipe to the host), so the report never mixes with the learner's stdout and no
writable host directory is needed. Hidden tests (``tests/hidden/...``) get no traceback,
no captured output and only the first line of the exception message.
"""

from __future__ import annotations

import json
import os
import re
from typing import Any

import pytest

HIDDEN_PREFIX = "tests/hidden/"
_FILE_LINE_RE = re.compile(r'File "([^"]+)", line (\d+)')
_SHORT_LOC_RE = re.compile(r"^(\S+\.py):(\d+): ", re.MULTILINE)
_EXC_LINE_RE = re.compile(r"^[A-Za-z_][\w.]*(Error|Exception|Exit|Interrupt|Warning)\b")


def _output_chars() -> int:
    try:
        return max(0, int(os.environ.get("APPRENTICE_OUTPUT_CHARS", "2000")))
    except ValueError:
        return 2000


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return ""


def _crash_message(report: pytest.TestReport | pytest.CollectReport) -> str:
    """The ``E   SomeError: ...`` part of a failure, without the traceback."""
    longrepr = report.longrepr
    if longrepr is None:
        return ""
    if isinstance(longrepr, tuple):  # skip: (path, lineno, reason)
        return str(longrepr[2])
    reprcrash = getattr(longrepr, "reprcrash", None)
    if reprcrash is not None:
        return str(reprcrash.message)
    text = str(longrepr)
    # Collection errors are plain strings: keep the "E   " lines (the exception) and
    # the last "File ..., line N" so the host can name the broken file.
    e_lines = [ln.removeprefix("E   ") for ln in text.splitlines() if ln.startswith("E ")]
    return "\n".join(e_lines).strip() or text.strip()


class _Recorder:
    def __init__(self, fd: int) -> None:
        self.fd = fd
        # A forked copy of the session (os.fork in learner code) must not write a report.
        self.pid = os.getpid()
        self.chars = _output_chars()
        self.tests: dict[str, dict[str, Any]] = {}
        self.order: list[str] = []
        self.collection_errors: list[dict[str, Any]] = []

    @pytest.hookimpl(tryfirst=True)
    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        if not report.failed:
            return
        hidden = report.nodeid.startswith(HIDDEN_PREFIX)
        message = _crash_message(report)
        if hidden:
            # Only the exception line ("SyntaxError: ..."), never source from the test.
            exc_lines = [ln for ln in message.splitlines() if _EXC_LINE_RE.match(ln.strip())]
            message = exc_lines[-1].strip() if exc_lines else _first_line(message)
        text = str(report.longrepr)
        self.collection_errors.append(
            {
                "nodeid": report.nodeid,
                "message": message,
                # File/line pairs only (no source) so the host can name e.g. the file
                # with a SyntaxError: 'File "x", line N' first, then "x:N:" frames.
                "locations": [[p, int(n)] for p, n in _FILE_LINE_RE.findall(text)],
                "frames": [[p, int(n)] for p, n in _SHORT_LOC_RE.findall(text)],
            }
        )

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        nodeid = report.nodeid
        hidden = nodeid.startswith(HIDDEN_PREFIX)
        entry = self.tests.get(nodeid)
        if entry is None:
            entry = {
                "nodeid": nodeid,
                "name": nodeid.rsplit("::", 1)[-1],
                "status": "passed",
                "message": "",
                "output": "",
                "duration": 0.0,
            }
            self.tests[nodeid] = entry
            self.order.append(nodeid)
        entry["duration"] += float(report.duration)
        if report.skipped and entry["status"] == "passed":
            entry["status"] = "skipped"
            entry["message"] = _crash_message(report)
        elif report.failed:
            if report.when == "call" and entry["status"] in ("passed", "skipped"):
                entry["status"] = "failed"
            elif entry["status"] != "failed":
                entry["status"] = "error"
            if not entry["message"] or entry["status"] == "error":
                message = _crash_message(report)
                entry["message"] = _first_line(message) if hidden else message
        if not hidden and report.when == "teardown":
            out = report.capstdout + report.capstderr
            entry["output"] = out[: self.chars]

    @pytest.hookimpl(trylast=True)
    def pytest_sessionfinish(self, session: pytest.Session, exitstatus: int) -> None:
        if os.getpid() != self.pid:
            return
        payload = {
            "exitstatus": int(exitstatus),
            "tests": [self.tests[n] for n in self.order],
            "collection_errors": self.collection_errors,
        }
        data = json.dumps(payload).encode("utf-8")
        try:
            view = memoryview(data)
            while view:
                written = os.write(self.fd, view)
                view = view[written:]
            os.close(self.fd)
        except OSError:
            pass  # host side reports a missing/corrupt report


def pytest_configure(config: pytest.Config) -> None:
    fd_text = os.environ.get("APPRENTICE_REPORT_FD")
    if not fd_text:
        return
    fd = int(fd_text)
    # Keep the pipe away from subprocesses the learner may spawn.
    os.set_inheritable(fd, False)
    config.pluginmanager.register(_Recorder(fd), "apprentice_sandbox_recorder")
