"""Public entry points of the sandbox: grade a submission, record an answer key, run a tool.

Each sandboxed run gets a private temp dir on the host (removed afterwards; see `layout.py`).

A submission is graded by two runs started together: the *visible* run (learner files and
the visible tests, full feedback) and the *hidden* run (learner files and the hidden checks,
which only record observations). The hidden run's files never share a sandbox with the
visible run, and nothing of its output reaches the learner.
"""

from __future__ import annotations

import functools
import logging
import shutil
import tempfile
import time
from collections.abc import Sequence

from .isolation import (
    DEFAULT_LIMITS,
    RUNTIME_MOUNT,
    SANDBOX_WORK,
    Limits,
    SandboxUnavailable,
    cgroups_available,
    check_bwrap,
    validate_mode,
)
from .layout import PreparedRun, fill, new_run, prepare_run
from .observations import informative
from .process import Launched, RawRun, close_pipes, discard, execute, launch, run_launched
from .report import HIDDEN_PREFIX, Outcome, SandboxFile, SandboxResult
from .runtimes import Runtime, RuntimeUnavailable
from .verdict import (
    AnswerKey,
    grade,
    hidden_checks_match,
    one_line,
    read_hidden,
    read_visible,
    run_end,
)
from .warm import WarmKey, WarmPool, WarmRun, preload_modules

logger = logging.getLogger("apprentice.sandbox")

_COMMON_PYTEST_ARGS = (
    "-p",
    "no:cacheprovider",
    "-c",
    "/dev/null",  # ignore any ini file the learner may upload
    "--rootdir=.",  # the launcher runs in the work dir
    "--import-mode=importlib",  # visible and hidden files may share basenames
    "--basetemp=.tmp/pytest",  # tmp_path names are the same in every run
    "-q",
    "-rN",
    "--color=no",
)
VISIBLE_ARGS = (*_COMMON_PYTEST_ARGS, "--tb=no", "tests")  # tracebacks go to the report
HIDDEN_ARGS = (
    *_COMMON_PYTEST_ARGS,
    "--tb=no",
    "-o",
    "python_files=check_*.py",
    "-o",
    "python_functions=check_*",
    "tests/hidden",
)


class AnswerKeyError(ValueError):
    """The reference solution does not produce a usable answer key (an authoring error)."""


@functools.cache
def _check_bwrap_once() -> None:
    """bwrap and per-run cgroups work here; failures are not cached (functools.cache does
    not keep exceptions), so a fixed host recovers without a restart."""
    check_bwrap()
    problem = cgroups_available()
    if problem:
        raise SandboxUnavailable(problem)


def check_sandbox(mode: str = "bwrap") -> None:
    """Raise SandboxUnavailable with a clear message unless `mode` can run here."""
    validate_mode(mode)
    if mode == "bwrap":
        _check_bwrap_once()


# --------------------------------------------------------------------------- one run


def run_prepared(prepared: Sequence[PreparedRun]) -> list[RawRun]:
    """Run prepared runs at once (see `process.execute`) and remove their temp dirs."""
    try:
        return execute([p.spec for p in prepared])
    finally:
        for p in prepared:
            shutil.rmtree(p.tmp, ignore_errors=True)


def text_cleaner(host_work: str) -> functools.partial[str]:
    return functools.partial(_clean, host_work=host_work)


def _clean(text: str, *, host_work: str) -> str:
    """Learner-visible text names /work and /opt/runtime, never a host path."""
    if host_work != SANDBOX_WORK:
        text = text.replace(host_work, SANDBOX_WORK)
    return text.replace(tempfile.gettempdir() + "/apprentice-sandbox-", "/sandbox-")


def internal_error_result(reason: str, exc: BaseException) -> SandboxResult:
    """Our side failed: a generic reason for the learner, the details logged and in the
    staff notes."""
    logger.error("sandbox run failed: %s: %s", type(exc).__name__, exc, exc_info=exc)
    return SandboxResult(
        outcome=Outcome.INTERNAL_ERROR,
        tests=[],
        reason=reason,
        duration=0.0,
        exit_code=None,
        log_tail="",
        staff_notes=[f"{type(exc).__name__}: {exc}"],
    )


# --------------------------------------------------------------------------- grading


def _under(prefix: str, files: Sequence[SandboxFile]) -> list[SandboxFile]:
    return [SandboxFile(f"{prefix}{f.path}", f.content) for f in files]


def grade_submission(
    *,
    files: Sequence[SandboxFile],
    visible_tests: Sequence[SandboxFile],
    hidden_checks: Sequence[SandboxFile],
    key: AnswerKey,
    runtime: Runtime,
    limits: Limits = DEFAULT_LIMITS,
    mode: str = "bwrap",
    warm: WarmPool | None = None,
) -> SandboxResult:
    """Grade the learner's files against the answer key. Never raises for anything the
    learner's code does; raises SandboxUnavailable only for configuration problems.

    With a `warm` pool (bwrap mode), the runs waiting there for this exercise are used and
    new ones started for the next submission (see `warm.py`)."""
    check_sandbox(mode)
    pool = warm if mode == "bwrap" else None
    plans: list[tuple[str, list[SandboxFile], tuple[str, ...]]] = [
        ("visible", _under("", visible_tests), VISIBLE_ARGS)
    ]
    if hidden_checks:
        plans.append(("hidden", _under("hidden/", hidden_checks), HIDDEN_ARGS))
    keys: list[WarmKey] = []
    runs: list[PreparedRun] = []
    launched: list[Launched] = []
    warm_runs = 0
    try:
        try:
            for kind, tests, args in plans:
                preload = preload_modules([*tests, *files], runtime)
                warm_key = WarmKey(kind, str(runtime.path), limits, args, preload)
                keys.append(warm_key)
                ready = pool.take(warm_key) if pool is not None else None
                if ready is None:
                    run = new_run(kind=kind, args=args, runtime=runtime, limits=limits, mode=mode)
                    runs.append(run)
                    fill(run, files=files, tests=tests)
                    launched.append(launch(run.spec))
                else:
                    warm_runs += 1
                    runs.append(ready.prepared)
                    launched.append(ready.launched)
                    fill(ready.prepared, files=files, tests=tests)
        except BaseException:
            for running in launched:
                discard(running)
            for run in runs[len(launched) :]:
                close_pipes(run.spec)
            raise
        raws = run_launched(launched)
        if pool is not None:
            logger.info("sandbox: %d of %d runs were warm", warm_runs, len(launched))
    except SandboxUnavailable:
        raise
    except Exception as exc:  # our side failed, not the learner's code
        return internal_error_result("The grader failed to run your code; it will be retried.", exc)
    finally:
        for run in runs:
            shutil.rmtree(run.tmp, ignore_errors=True)
        if pool is not None:
            for warm_key in keys:
                pool.put(warm_key, functools.partial(_start_warm, warm_key, runtime, pool))
    return grade(
        visible_raw=raws[0],
        hidden_raw=raws[1] if len(raws) > 1 else None,
        key=key,
        limits=limits,
        clean=text_cleaner(runs[0].host_work),
    )


def _start_warm(key: WarmKey, runtime: Runtime, pool: WarmPool) -> WarmRun:
    run = new_run(
        kind=key.kind,
        args=key.args,
        runtime=runtime,
        limits=key.limits,
        mode="bwrap",
        warm={
            "APPRENTICE_PRELOAD": ",".join(key.preload),
            "APPRENTICE_IDLE_SECONDS": str(pool.idle_seconds),
        },
    )
    return WarmRun(prepared=run, launched=launch(run.spec), started=time.monotonic())


def hidden_checks_pass(
    *,
    files: Sequence[SandboxFile],
    hidden_checks: Sequence[SandboxFile],
    key: AnswerKey,
    runtime: Runtime,
    limits: Limits = DEFAULT_LIMITS,
    mode: str = "bwrap",
) -> bool:
    """Only the hidden run: a cheap first look for trusted code (mutation testing), where
    False already decides that `grade_submission` would not pass."""
    check_sandbox(mode)
    run = prepare_run(
        kind="hidden",
        files=files,
        tests=_under("hidden/", hidden_checks),
        args=HIDDEN_ARGS,
        runtime=runtime,
        limits=limits,
        mode=mode,
    )
    (raw,) = run_prepared([run])
    return hidden_checks_match(raw, key, limits)


def record_answer_key(
    *,
    solution: Sequence[SandboxFile],
    visible_tests: Sequence[SandboxFile],
    hidden_checks: Sequence[SandboxFile],
    runtime: Runtime,
    limits: Limits = DEFAULT_LIMITS,
    mode: str = "bwrap",
) -> AnswerKey:
    """Run the reference solution (trusted) and record the canonical visible test ids and
    every hidden check's observations. Raises AnswerKeyError when the reference does not
    pass every visible test, a check does not complete, or a check records nothing a
    learner could not guess (only bools, None or exception types)."""
    check_sandbox(mode)
    runs = [
        prepare_run(
            kind="visible",
            files=solution,
            tests=_under("", visible_tests),
            args=VISIBLE_ARGS,
            runtime=runtime,
            limits=limits,
            mode=mode,
        ),
        prepare_run(
            kind="hidden",
            files=solution,
            tests=_under("hidden/", hidden_checks),
            args=HIDDEN_ARGS,
            runtime=runtime,
            limits=limits,
            mode=mode,
        ),
    ]
    visible_raw, hidden_raw = run_prepared(runs)
    visible, problem = read_visible(visible_raw, limits)
    texts = [t.message for t in visible.tests] if visible else []
    end = run_end(visible_raw, limits, texts)
    if visible is None or end is not None or visible.exitstatus != 0 or visible.collection_errors:
        detail = (
            end.reason if end else problem or "exit status %s" % (visible and visible.exitstatus)
        )
        failing = [
            f"{t.nodeid}: {one_line(t.message, 400)}"
            for t in (visible.tests if visible else [])
            if t.status != "passed"
        ]
        errors = [one_line(e.message, 400) for e in (visible.collection_errors if visible else [])]
        raise AnswerKeyError(
            "the reference solution does not pass its visible tests: "
            + "; ".join([detail, *failing, *errors])
            + "\n"
            + visible_raw.log.decode("utf-8", "replace")[-1500:]
        )
    canonical = [t.nodeid for t in visible.tests]
    not_passed = [t.nodeid for t in visible.tests if t.status != "passed"]
    if not_passed:
        raise AnswerKeyError(f"visible tests not passed by the reference: {not_passed}")
    hidden, problem = read_hidden(hidden_raw)
    end = run_end(hidden_raw, limits, [])
    if hidden is None or end is not None or hidden.collection_errors:
        raise AnswerKeyError(
            "the hidden checks did not run against the reference solution: "
            + (
                end.reason
                if end
                else problem or f"{hidden and hidden.collection_errors} collection errors"
            )
            + "\n"
            + hidden_raw.log.decode("utf-8", "replace")[-1500:]
        )
    checks: dict[str, list[dict[str, object]]] = {}
    for nodeid, record in hidden.checks.items():
        if not nodeid.startswith(HIDDEN_PREFIX):
            raise AnswerKeyError(f"{nodeid}: not a hidden check")
        if record.status != "passed" or record.problem:
            raise AnswerKeyError(
                f"{nodeid}: the check did not complete against the reference "
                f"({record.status}{': ' + record.problem if record.problem else ''})\n"
                + hidden_raw.log.decode("utf-8", "replace")[-1500:]
            )
        if not any(informative(r) for r in record.observations):
            raise AnswerKeyError(
                f"{nodeid}: records no value a learner could not guess (only bools, None "
                "or exception types); observe at least one computed value"
            )
        checks[nodeid] = record.observations
    if hidden_checks and not checks:
        raise AnswerKeyError("no hidden checks were collected (name them check_*)")
    return AnswerKey(visible=canonical, checks=checks)


# --------------------------------------------------------------------------- tools


def run_tool(
    *,
    kind: str,
    files: Sequence[SandboxFile],
    args: Sequence[str],
    runtime: Runtime,
    limits: Limits = DEFAULT_LIMITS,
    mode: str = "bwrap",
) -> RawRun:
    """Run a quality tool (kind "exec") or a capstone's own tests (kind "capstone").
    Paths in `args` are as the sandbox sees them (use `tool_path`)."""
    check_sandbox(mode)
    prepared = prepare_run(
        kind=kind, files=files, tests=[], args=args, runtime=runtime, limits=limits, mode=mode
    )
    return run_prepared([prepared])[0]


def tool_path(runtime: Runtime, mode: str, relative: str) -> str:
    """`bin/ruff` of the runtime, as a run in `mode` sees it."""
    return str(runtime.path / relative) if mode == "none" else f"{RUNTIME_MOUNT}/{relative}"


__all__ = [
    "AnswerKeyError",
    "RuntimeUnavailable",
    "check_sandbox",
    "grade_submission",
    "record_answer_key",
    "run_tool",
    "tool_path",
]
