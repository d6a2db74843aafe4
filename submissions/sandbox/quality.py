"""Static checks (ruff, mypy) of learner files, run inside the same sandbox as the tests.

The tools come from the learner runtime (never the app's venv) and start isolated: ruff by
its absolute path, mypy as ``python -s -P -B -m mypy``, so a learner folder named ``mypy`` or a
``sitecustomize.py`` cannot stand in for them."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from .isolation import (
    DEFAULT_LIMITS,
    PYTHON_FLAGS,
    SANDBOX_WORK,
    Limits,
    SandboxUnavailable,
    validate_mode,
)
from .process import RawRun
from .report import SandboxFile
from .runner import run_tool, tool_path
from .runtimes import Runtime

logger = logging.getLogger("apprentice.sandbox")

RUFF_SELECT = "E,F,W,B,UP,SIM,I"


@dataclass(frozen=True)
class Finding:
    tool: str  # "ruff" | "mypy"
    path: str
    line: int
    column: int
    code: str
    message: str


@dataclass
class QualityResult:
    findings: list[Finding] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # tool failures, human readable
    duration: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "findings": [asdict(f) for f in self.findings],
            "errors": list(self.errors),
            "duration": round(self.duration, 4),
        }


def _relative(path: str) -> str:
    return path.removeprefix(SANDBOX_WORK + "/")


def _tool_failure(tool: str, raw: RawRun) -> str | None:
    if raw.timed_out:
        return f"{tool}: time limit exceeded"
    if raw.output_exceeded:
        return f"{tool}: output limit exceeded"
    return None


def _parse_ruff(raw: RawRun) -> tuple[list[Finding], str | None]:
    failure = _tool_failure("ruff", raw)
    if failure:
        return [], failure
    text = raw.log.decode("utf-8", "replace")
    # ruff exits 0 (clean) or 1 (findings); anything else is a tool error.
    if raw.exit_code not in (0, 1):
        return [], f"ruff failed (exit {raw.exit_code}): {text.strip()[-500:]}"
    try:
        items = json.loads(text[text.index("[") :])
    except ValueError:
        return [], f"ruff produced unreadable output: {text.strip()[-500:]}"
    findings = []
    for item in items:
        loc = item.get("location") or {}
        findings.append(
            Finding(
                tool="ruff",
                path=_relative(str(item.get("filename", ""))),
                line=int(loc.get("row", 0)),
                column=int(loc.get("column", 0)),
                code=str(item.get("code") or ""),
                message=str(item.get("message", "")),
            )
        )
    return findings, None


def _parse_mypy(raw: RawRun) -> tuple[list[Finding], str | None]:
    failure = _tool_failure("mypy", raw)
    if failure:
        return [], failure
    text = raw.log.decode("utf-8", "replace")
    findings = []
    junk = []
    for line in text.splitlines():
        if not line.startswith("{"):
            if line.strip():
                junk.append(line)
            continue
        try:
            item = json.loads(line)
        except ValueError:
            junk.append(line)
            continue
        message = str(item.get("message", ""))
        if item.get("hint"):
            message += f" ({item['hint']})"
        findings.append(
            Finding(
                tool="mypy",
                path=_relative(str(item.get("file", ""))),
                line=int(item.get("line", 0)),
                column=int(item.get("column", 0)) + 1,  # mypy json columns are 0-based
                code=str(item.get("code") or item.get("severity") or ""),
                message=message,
            )
        )
    # mypy exits 0 (clean), 1 (type errors), 2 (crash / bad usage).
    if raw.exit_code not in (0, 1) or (raw.exit_code == 1 and not findings):
        return findings, f"mypy failed (exit {raw.exit_code}): {' '.join(junk)[-500:]}"
    return findings, None


def run_quality(
    *,
    files: Sequence[SandboxFile],
    runtime: Runtime,
    limits: Limits = DEFAULT_LIMITS,
    mode: str = "bwrap",
) -> QualityResult:
    """Lint and type-check the learner's ``.py`` files; tool failures are reported, not raised."""
    validate_mode(mode)
    started = time.monotonic()
    result = QualityResult()
    py_files = sorted(f.path for f in files if f.path.endswith(".py"))
    if not py_files:
        return result
    runs: list[tuple[str, list[str]]] = [
        (
            "ruff",
            [
                tool_path(runtime, mode, "bin/ruff"),
                "check",
                "--output-format=json",
                "--no-cache",
                "--isolated",
                "--target-version=py311",
                f"--select={RUFF_SELECT}",
                *py_files,
            ],
        ),
        (
            "mypy",
            [
                tool_path(runtime, mode, "bin/python"),
                *PYTHON_FLAGS,
                "-m",
                "mypy",
                "--ignore-missing-imports",
                "--no-error-summary",
                "--show-column-numbers",
                "--cache-dir=.tmp/mypy_cache",  # inside the capped tmpfs
                "--output=json",
                *py_files,
            ],
        ),
    ]
    for tool, argv in runs:
        try:
            raw = run_tool(
                kind="exec", files=files, args=argv, runtime=runtime, limits=limits, mode=mode
            )
        except SandboxUnavailable:
            raise
        except Exception:
            logger.exception("quality tool %s failed to run", tool)
            result.errors.append(f"{tool}: the tool could not be run")
            continue
        findings, error = _parse_ruff(raw) if tool == "ruff" else _parse_mypy(raw)
        result.findings.extend(findings)
        if error:
            result.errors.append(error)
    result.duration = time.monotonic() - started
    return result
