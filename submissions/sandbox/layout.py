"""One run's temp dir and process spec, laid out as

    src/work/    the learner's files       → copied by the launcher into /work (writable)
    src/tests/   this run's tests only     → mounted read-only at /work/tests
    src/lib/     launcher, plugin, observe → /src/lib, read-only

`new_run` builds the dir and spec without the learner's files and tests, `fill` adds them, so
a warm run (see `warm.py`) can be launched in between.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from .isolation import (
    PYTHON_FLAGS,
    RUNTIME_MOUNT,
    SANDBOX_LIB,
    SANDBOX_WORK,
    Limits,
    RunCgroup,
    bwrap_argv,
    make_preexec,
    new_run_uid,
    runtime_binds,
    sandbox_env,
    world_traversable,
)
from .process import Spec
from .report import SandboxFile
from .runtimes import Runtime

logger = logging.getLogger("apprentice.sandbox")

INSIDE = Path(__file__).with_name("inside")
INSIDE_FILES = ("launcher.py", "apprentice_sandbox_plugin.py", "apprentice_observe.py")
WARM_START = "warm_start.py"  # a warm run's entry (see inside/warm_start.py)
# Learner files the grader never copies in (also refused when submitted): a conftest.py
# would run before our tests; tests/ belongs to the teacher.
BLOCKED_NAMES = frozenset({"conftest.py"})


@dataclass
class PreparedRun:
    spec: Spec
    tmp: Path
    host_work: str  # where learner files live as the run sees them (for cleaning text)
    kind: str
    mode: str
    run_uid: int | None = None

    @property
    def src(self) -> Path:
        return self.tmp / "src"


def _write_tree(root: Path, files: Sequence[SandboxFile]) -> list[Path]:
    """Write the files under root; returns what was created (for chown)."""
    created: list[Path] = []
    if files and not root.exists():
        root.mkdir()
        created.append(root)
    for f in files:
        target = root / f.path
        for parent in reversed(target.relative_to(root).parents[:-1]):
            if not (root / parent).exists():
                (root / parent).mkdir()
                created.append(root / parent)
        target.write_text(f.content, encoding="utf-8")
        created.append(target)
    return created


def _learner_files(files: Sequence[SandboxFile], *, whole_project: bool) -> list[SandboxFile]:
    """A capstone is the learner's whole project (its tests and conftest included); for an
    exercise, tests/ and conftest.py belong to the grader."""
    if whole_project:
        return list(files)
    kept = []
    for f in files:
        parts = f.path.split("/")
        if parts[0] == "tests" or parts[-1] in BLOCKED_NAMES:
            logger.info("sandbox: ignoring learner file %s (reserved name)", f.path)
            continue
        kept.append(f)
    return kept


def new_run(
    *,
    kind: str,
    args: Sequence[str],
    runtime: Runtime,
    limits: Limits,
    mode: str,
    warm: Mapping[str, str] | None = None,
) -> PreparedRun:
    """Lay out one run's temp dir without the learner's files or tests, and build its
    process spec. `warm` (the launcher's preload settings) gives it a go pipe: it can be
    launched before `fill` and released after (bwrap mode only)."""
    tmp = Path(tempfile.mkdtemp(prefix="apprentice-sandbox-"))
    try:
        src = tmp / "src"
        (src / "work").mkdir(parents=True)
        if kind in ("visible", "hidden"):
            (src / "tests").mkdir()  # the grader's tests, mounted read-only at /work/tests
        (src / "lib").mkdir()
        for name in (*INSIDE_FILES, WARM_START) if warm is not None else INSIDE_FILES:
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
            extra |= {"APPRENTICE_SRC": str(src), "APPRENTICE_WORK": str(work)}
            env = sandbox_env(extra, home=str(work), runtime_bin=str(runtime.path / "bin"))
            command = [str(runtime.python), *PYTHON_FLAGS, str(src / "lib" / "launcher.py")]
            argv = [*command, kind, str(report_w), *args]
            preexec = make_preexec(limits, run_uid=None, stage_mounts=[], cgroup_procs=[])
            spec = Spec(argv, env, limits, preexec, report_w, report_r)
            return PreparedRun(spec, tmp, str(work), kind, mode)
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
        go_r = go_w = None
        if warm is not None:
            go_r, go_w = os.pipe()
            extra |= {"APPRENTICE_GO_FD": str(go_r), **warm}
        env = sandbox_env(extra, home=SANDBOX_WORK, runtime_bin=f"{RUNTIME_MOUNT}/bin")
        entry = WARM_START if warm is not None else "launcher.py"
        command = [f"{RUNTIME_MOUNT}/bin/python", *PYTHON_FLAGS, f"{SANDBOX_LIB}/{entry}"]
        # A warm run imports with the lowest CPU weight, so it only takes cores nothing else
        # wants; the release gives it a normal share (process.py).
        cgroup = RunCgroup(
            memory_bytes=limits.memory_mb << 20,
            max_pids=limits.max_processes,
            low_cpu=warm is not None,
        )
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
        spec = Spec(argv, {}, limits, preexec, report_w, report_r, cgroup, go_r, go_w)
        return PreparedRun(spec, tmp, SANDBOX_WORK, kind, mode, run_uid)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def fill(run: PreparedRun, *, files: Sequence[SandboxFile], tests: Sequence[SandboxFile]) -> None:
    """Put the learner's files and this run's tests where the run will find them."""
    created = _write_tree(
        run.src / "work", _learner_files(files, whole_project=run.kind == "capstone")
    )
    created += _write_tree(run.src / "tests", tests)
    if run.mode == "none" and tests:
        shutil.copytree(run.src / "tests", Path(run.host_work) / "tests")
    if run.run_uid is not None:
        for path in created:
            os.lchown(path, run.run_uid, run.run_uid)


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
    """Lay out one run's temp dir with its files and build its process spec (nothing runs
    yet)."""
    run = new_run(kind=kind, args=args, runtime=runtime, limits=limits, mode=mode)
    try:
        fill(run, files=files, tests=tests)
    except BaseException:
        shutil.rmtree(run.tmp, ignore_errors=True)
        raise
    return run
