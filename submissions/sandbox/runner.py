"""Public entry points of the sandbox: grade a submission, record an answer key, run a tool.

Each sandboxed run gets a private temp dir on the host (removed afterwards) laid out as

    src/work/    the learner's files       → copied by the launcher into /work (writable)
    src/tests/   this run's tests only     → mounted read-only at /work/tests
    src/lib/     launcher, plugin, observe → /src/lib, read-only

A submission is graded by two runs started together: the *visible* run (learner files and
the visible tests, full feedback) and the *hidden* run (learner files and the hidden checks,
which only record observations). The hidden run's files never share a sandbox with the
visible run, and nothing of its output reaches the learner.
"""

from __future__ import annotations

import functools
import logging
import os
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .isolation import (
    DEFAULT_LIMITS,
    PYTHON_FLAGS,
    RUNTIME_MOUNT,
    SANDBOX_LIB,
    SANDBOX_WORK,
    Limits,
    RunCgroup,
    SandboxUnavailable,
    bwrap_argv,
    cgroups_available,
    check_bwrap,
    make_preexec,
    new_run_uid,
    runtime_binds,
    sandbox_env,
    validate_mode,
    world_traversable,
)
from .observations import informative
from .process import RawRun, Spec, execute
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

logger = logging.getLogger("apprentice.sandbox")

INSIDE = Path(__file__).with_name("inside")
INSIDE_FILES = ("launcher.py", "apprentice_sandbox_plugin.py", "apprentice_observe.py")
# Learner files the grader never copies in (also refused when submitted): a conftest.py
# would run before our tests; tests/ belongs to the teacher.
_BLOCKED_NAMES = frozenset({"conftest.py"})

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


@dataclass
class PreparedRun:
    spec: Spec
    tmp: Path
    host_work: str  # where learner files live as the run sees them (for cleaning text)


def _write_tree(root: Path, files: Sequence[SandboxFile]) -> None:
    root.mkdir(parents=True, exist_ok=True)
    for f in files:
        target = root / f.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f.content, encoding="utf-8")


def _learner_files(files: Sequence[SandboxFile], *, whole_project: bool) -> list[SandboxFile]:
    """A capstone is the learner's whole project (its tests and conftest included); for an
    exercise, tests/ and conftest.py belong to the grader."""
    if whole_project:
        return list(files)
    kept = []
    for f in files:
        parts = f.path.split("/")
        if parts[0] == "tests" or parts[-1] in _BLOCKED_NAMES:
            logger.info("sandbox: ignoring learner file %s (reserved name)", f.path)
            continue
        kept.append(f)
    return kept


def prepare_run(
    *,
    kind: str,
    files: Sequence[SandboxFile],
    tests: Sequence[SandboxFile],
    args: Sequence[str],
    runtime: Runtime,
    limits: Limits,
    mode: str,
) -> PreparedRun:
    """Lay out one run's temp dir and build its process spec (nothing runs yet)."""
    tmp = Path(tempfile.mkdtemp(prefix="apprentice-sandbox-"))
    try:
        src = tmp / "src"
        _write_tree(src / "work", _learner_files(files, whole_project=kind == "capstone"))
        if tests:
            _write_tree(src / "tests", tests)
        (src / "lib").mkdir(parents=True)
        for name in INSIDE_FILES:
            shutil.copyfile(INSIDE / name, src / "lib" / name)
        report_r, report_w = os.pipe()
        extra = {"APPRENTICE_OUTPUT_CHARS": str(limits.test_output_chars)}
        if mode == "none":
            logger.warning(
                "SANDBOX DISABLED (mode='none'): running learner code WITHOUT isolation; "
                "development only, never in production"
            )
            work = tmp / "work"
            work.mkdir()
            if tests:
                shutil.copytree(src / "tests", work / "tests")
            extra |= {"APPRENTICE_SRC": str(src), "APPRENTICE_WORK": str(work)}
            env = sandbox_env(extra, home=str(work), runtime_bin=str(runtime.path / "bin"))
            command = [str(runtime.python), *PYTHON_FLAGS, str(src / "lib" / "launcher.py")]
            argv = [*command, kind, str(report_w), *args]
            return PreparedRun(
                Spec(
                    argv,
                    env,
                    limits,
                    make_preexec(limits, run_uid=None, stage_mounts=[], cgroup_procs=[]),
                    report_w,
                    report_r,
                ),
                tmp,
                str(work),
            )
        run_uid = new_run_uid()
        stage: list[tuple[str, str]] = []
        binds = []
        for i, bind in enumerate(runtime_binds(runtime)):
            if run_uid is not None and not world_traversable(bind.source):
                mountpoint = tmp / f"stage{i}"
                mountpoint.mkdir()
                stage.append((bind.source, str(mountpoint)))
                binds.append(type(bind)(str(mountpoint), bind.dest))
            else:
                binds.append(bind)
        if run_uid is not None:
            for path in [tmp, *tmp.rglob("*")]:
                os.lchown(path, run_uid, run_uid)
        env = sandbox_env(extra, home=SANDBOX_WORK, runtime_bin=f"{RUNTIME_MOUNT}/bin")
        command = [f"{RUNTIME_MOUNT}/bin/python", *PYTHON_FLAGS, f"{SANDBOX_LIB}/launcher.py"]
        cgroup = RunCgroup(memory_bytes=limits.memory_mb << 20, max_pids=limits.max_processes)
        argv = bwrap_argv(
            src=src,
            limits=limits,
            env=env,
            binds=binds,
            command=[*command, kind, str(report_w), *args],
        )
        preexec = make_preexec(
            limits, run_uid=run_uid, stage_mounts=stage, cgroup_procs=cgroup.procs_files
        )
        return PreparedRun(
            Spec(argv, {}, limits, preexec, report_w, report_r, cgroup), tmp, SANDBOX_WORK
        )
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


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
) -> SandboxResult:
    """Grade the learner's files against the answer key. Never raises for anything the
    learner's code does; raises SandboxUnavailable only for configuration problems."""
    check_sandbox(mode)
    try:
        runs = [
            prepare_run(
                kind="visible",
                files=files,
                tests=_under("", visible_tests),
                args=VISIBLE_ARGS,
                runtime=runtime,
                limits=limits,
                mode=mode,
            )
        ]
        if hidden_checks:
            runs.append(
                prepare_run(
                    kind="hidden",
                    files=files,
                    tests=_under("hidden/", hidden_checks),
                    args=HIDDEN_ARGS,
                    runtime=runtime,
                    limits=limits,
                    mode=mode,
                )
            )
        raws = run_prepared(runs)
    except SandboxUnavailable:
        raise
    except Exception as exc:  # our side failed, not the learner's code
        return internal_error_result("The grader failed to run your code; it will be retried.", exc)
    return grade(
        visible_raw=raws[0],
        hidden_raw=raws[1] if len(raws) > 1 else None,
        key=key,
        limits=limits,
        clean=text_cleaner(runs[0].host_work),
    )


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
