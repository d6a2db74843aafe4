"""Process control: start sandboxed processes, read their output and reports under caps,
enforce the wall clock, and leave nothing behind.

Several runs (a submission's visible and hidden runs) go at once from a single thread:
each is forked in turn (the pre-exec step must never run beside other threads), then one
selector loop reads all of them. Each run has its own deadline, caps, cgroup and kill.

A run may be *launched* before its files exist and *released* later (see `warm.py`): its
launcher then waits on a "go" pipe, and the run's clock starts at the release.
"""

from __future__ import annotations

import contextlib
import os
import selectors
import signal
import subprocess
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .isolation import CgroupStats, Limits, RunCgroup

REPORT_CAP_BYTES = 4 * 1024 * 1024
# After the main process exits, how long its pipes may stay open (a process outside the
# pid namespace would have to hold them; none should) before we stop reading.
_LINGER_SECONDS = 0.5


@dataclass
class RawRun:
    """What came out of one sandboxed process, before interpretation."""

    exit_code: int | None
    log: bytes
    report: bytes
    duration: float
    timed_out: bool = False
    output_exceeded: bool = False
    report_exceeded: bool = False
    cgroup: CgroupStats = field(default_factory=CgroupStats)
    spawn_error: str = ""  # our side could not start it (logged; never shown to learners)


@dataclass
class Spec:
    """One process to run: its argv, limits, pre-exec step and cgroup."""

    argv: list[str]
    env: dict[str, str] | None
    limits: Limits
    preexec: Callable[[], None]
    report_w: int
    report_r: int
    cgroup: RunCgroup | None = None
    # A warm run's "go" pipe: the launcher waits for one byte on go_r before it runs.
    go_r: int | None = None
    go_w: int | None = None


@dataclass
class Launched:
    """A started process, released (its clock running) or still waiting for its go."""

    spec: Spec
    proc: subprocess.Popen[bytes] | None
    started: float
    deadline: float
    log: bytearray = field(default_factory=bytearray)
    report: bytearray = field(default_factory=bytearray)
    timed_out: bool = False
    output_exceeded: bool = False
    report_exceeded: bool = False
    exited_at: float | None = None
    open_fds: set[int] = field(default_factory=set)
    done: bool = False
    spawn_error: str = ""


def _kill(running: Launched) -> None:
    if running.proc is not None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(running.proc.pid, signal.SIGKILL)
    if running.spec.cgroup is not None:
        running.spec.cgroup.kill_all()


def launch(spec: Spec) -> Launched:
    """Start the process; a cold run (no go pipe) is released at once."""
    now = time.monotonic()
    running = Launched(spec=spec, proc=None, started=now, deadline=now + spec.limits.wall_seconds)
    pass_fds = (spec.report_w,) if spec.go_r is None else (spec.report_w, spec.go_r)
    try:
        running.proc = subprocess.Popen(  # argv built by us; learner data only as files
            spec.argv,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            env=spec.env,
            pass_fds=pass_fds,
            start_new_session=True,  # own process group, killed as a whole
            preexec_fn=spec.preexec,  # cgroup, mount ns, rlimits, uid drop: syscalls only
        )
    except (OSError, subprocess.SubprocessError) as exc:
        running.spawn_error = f"{type(exc).__name__}: {exc}"
        running.done = True
    finally:
        os.close(spec.report_w)
        if spec.go_r is not None:
            os.close(spec.go_r)
    if running.proc is not None and running.proc.stdout is not None:
        running.open_fds = {running.proc.stdout.fileno(), spec.report_r}
    return running


def waiting(running: Launched) -> bool:
    """Launched, not released, and still alive (a warm run that can be used)."""
    return (
        running.spec.go_w is not None and running.proc is not None and running.proc.poll() is None
    )


def _release(running: Launched) -> None:
    now = time.monotonic()
    running.started, running.deadline = now, now + running.spec.limits.wall_seconds
    go_w, running.spec.go_w = running.spec.go_w, None
    if running.spec.cgroup is not None:
        running.spec.cgroup.normal_cpu()  # a warm run imported with the lowest CPU weight
    if go_w is not None:
        # A launcher that died meanwhile shows as a run that ended without a report.
        with contextlib.suppress(OSError):
            os.write(go_w, b"g")
        os.close(go_w)


def close_pipes(spec: Spec) -> None:
    """Close a spec's pipe ends in this process (a spec that will never be launched)."""
    for fd in (spec.report_r, spec.report_w, spec.go_r, spec.go_w):
        if fd is not None:
            with contextlib.suppress(OSError):
                os.close(fd)


def discard(running: Launched) -> None:
    """Kill an unused run and remove what it holds (its pipes and cgroup)."""
    if running.spec.go_w is not None:
        os.close(running.spec.go_w)
        running.spec.go_w = None
    _finish(running)


def _finish(running: Launched) -> RawRun:
    _kill(running)  # also after a normal exit, so nothing lingers
    exit_code: int | None = None
    if running.proc is not None:
        exit_code = running.proc.wait()
        if running.proc.stdout is not None:
            running.proc.stdout.close()
    with contextlib.suppress(OSError):
        os.close(running.spec.report_r)
    stats = CgroupStats()
    if running.spec.cgroup is not None:
        stats = running.spec.cgroup.stats()
        running.spec.cgroup.remove()
    return RawRun(
        exit_code=exit_code,
        log=bytes(running.log[: running.spec.limits.max_output_bytes]),
        report=bytes(running.report),
        duration=time.monotonic() - running.started,
        timed_out=running.timed_out,
        output_exceeded=running.output_exceeded,
        report_exceeded=running.report_exceeded,
        cgroup=stats,
        spawn_error=running.spawn_error,
    )


def execute(specs: Sequence[Spec]) -> list[RawRun]:
    """Run every spec to its end (or its limit); results in the same order."""
    return run_launched([launch(spec) for spec in specs])


def run_launched(runs: Sequence[Launched]) -> list[RawRun]:
    """Release the launched runs and run them to their end (or their limit)."""
    for running in runs:
        _release(running)
    sel = selectors.DefaultSelector()
    owners: dict[int, Launched] = {}
    for running in runs:
        for fd in running.open_fds:
            sel.register(fd, selectors.EVENT_READ)
            owners[fd] = running
    try:
        while any(not r.done for r in runs):
            now = time.monotonic()
            for running in runs:
                if running.done:
                    continue
                if now >= running.deadline:
                    running.timed_out = True
                elif running.exited_at is None and running.proc and running.proc.poll() is not None:
                    running.exited_at = now
                if (
                    running.timed_out
                    or running.output_exceeded
                    or running.report_exceeded
                    or not running.open_fds
                    or (running.exited_at is not None and now - running.exited_at > _LINGER_SECONDS)
                ):
                    running.done = True
                    for fd in list(running.open_fds):
                        sel.unregister(fd)
                        running.open_fds.discard(fd)
                    _kill(running)
            pending = [r for r in runs if not r.done]
            if not pending or not sel.get_map():
                if pending:  # all pipes closed; wait for the processes to be reaped
                    time.sleep(0.005)
                continue
            timeout = max(0.0, min(min(r.deadline for r in pending) - now, 0.1))
            for key, _ in sel.select(timeout=timeout):
                fd = int(key.fd)
                running = owners[fd]
                chunk = os.read(fd, 65536)
                if not chunk:
                    sel.unregister(fd)
                    running.open_fds.discard(fd)
                elif fd == running.spec.report_r:
                    running.report += chunk
                    if len(running.report) > REPORT_CAP_BYTES:
                        running.report_exceeded = True
                else:
                    running.log += chunk
                    if len(running.log) > running.spec.limits.max_output_bytes:
                        running.output_exceeded = True
    finally:
        sel.close()
    return [_finish(running) for running in runs]
