"""Run untrusted learner code (pytest, linters) inside bubblewrap.

Design (see README.md): the host writes the work tree into a private temp dir which is
bind-mounted read-only at ``/src``; a tiny launcher copies it into a size-capped tmpfs at
``/work`` (the only writable place) and runs pytest in-process. The JSON report comes
back over a dedicated pipe, so no writable host directory is shared.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import logging
import os
import re
import resource
import secrets
import selectors
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .report import (
    CollectionError,
    Outcome,
    ParsedReport,
    Redactor,
    ReportError,
    SandboxFile,
    SandboxResult,
    TestResult,
    first_line,
    is_hidden,
    parse_report,
)

logger = logging.getLogger("apprentice.sandbox")

BWRAP = "/usr/bin/bwrap"
SANDBOX_SRC = "/src"
SANDBOX_WORK = "/work"
SANDBOX_UID = 65534
# The virtualenv is mounted here inside the sandbox, wherever it lives on the host: its
# host path may sit under a directory the sandbox replaces (/tmp, /work).
VENV_MOUNT = "/opt/apprentice-venv"
PLUGIN_MODULE = "apprentice_sandbox_plugin"
LOG_TAIL_BYTES = 4096
REPORT_CAP_BYTES = 16 * 1024 * 1024
# Per-run host uid range used when we are root: a fresh uid makes RLIMIT_NPROC count
# only this run's processes (root itself is exempt from RLIMIT_NPROC).
_UID_BASE = 3_000_000
_UID_SPAN = 1_000_000

# Files the learner must not be able to plant: conftest.py would run before our tests
# and could tamper with collection; tests/ belongs to the teacher.
_BLOCKED_LEARNER_NAMES = frozenset({"conftest.py"})

_LAUNCHER = r"""
import os, sys

def _copy(src, dst):
    for root, _dirs, files in os.walk(src):
        rel = os.path.relpath(root, src)
        target = dst if rel == "." else os.path.join(dst, rel)
        os.makedirs(target, exist_ok=True)
        for name in files:
            with open(os.path.join(root, name), "rb") as f, open(os.path.join(target, name), "wb") as g:
                g.write(f.read())

src, work, kind = sys.argv[1], sys.argv[2], sys.argv[3]
_copy(os.path.join(src, "work"), work)
os.makedirs(os.path.join(work, ".tmp"), exist_ok=True)
os.chdir(work)
if kind == "exec":
    os.execv(sys.argv[4], sys.argv[4:])
# Import pytest and our plugin before the work dir is on sys.path, so a learner file
# named pytest.py or like the plugin cannot shadow them.
sys.path[0] = os.path.join(src, "lib")
import pytest
sys.path.insert(1, work)
code = int(pytest.main(sys.argv[4:]))
sys.stdout.flush()
sys.stderr.flush()
# os._exit: do not wait for non-daemon threads the learner may have left behind.
os._exit(code)
"""


class SandboxUnavailable(RuntimeError):
    """The sandbox cannot be used on this host (or an unknown mode was requested)."""


@dataclass(frozen=True)
class Limits:
    wall_seconds: float = 10.0
    cpu_seconds: int = 10
    memory_mb: int = 512
    max_processes: int = 64
    max_file_mb: int = 16
    max_open_files: int = 256
    max_output_bytes: int = 1_000_000  # stdout+stderr of the whole run
    tmpfs_mb: int = 64
    test_output_chars: int = 2000  # captured output kept per test


DEFAULT_LIMITS = Limits()


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
    work_prefix: str = SANDBOX_WORK + "/"
    notes: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- checks


def _validate_mode(mode: str) -> None:
    if mode not in ("bwrap", "none"):
        raise SandboxUnavailable(f"unknown sandbox mode {mode!r} (expected 'bwrap' or 'none')")


def check_sandbox(mode: str = "bwrap") -> None:
    """Raise SandboxUnavailable with a clear message unless ``mode`` can run here."""
    _validate_mode(mode)
    if mode == "none":
        return
    if not os.access(BWRAP, os.X_OK):
        raise SandboxUnavailable(
            f"bubblewrap not found at {BWRAP}; install the 'bubblewrap' package"
        )
    # Same path as a real run: as root we drop to an unprivileged uid first, so this also
    # proves that unprivileged user namespaces are allowed on this kernel.
    run_uid = _UID_BASE + secrets.randbelow(_UID_SPAN) if os.geteuid() == 0 else None
    try:
        proc = subprocess.run(  # fixed argv, no shell, no learner input
            [
                BWRAP,
                "--unshare-all",
                "--unshare-user",
                "--die-with-parent",
                *_system_binds(),
                "--proc",
                "/proc",
                "--dev",
                "/dev",
                "/usr/bin/true",
            ],
            capture_output=True,
            timeout=10,
            check=False,
            preexec_fn=_make_preexec(DEFAULT_LIMITS, run_uid, []),
        )
    except (OSError, subprocess.SubprocessError) as exc:
        raise SandboxUnavailable(f"cannot run bubblewrap: {exc}") from exc
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace").strip()
        raise SandboxUnavailable(
            f"bubblewrap cannot create namespaces here: {err or proc.returncode}"
        )


# --------------------------------------------------------------------------- host side setup


def _write_tree(root: Path, entries: Sequence[tuple[str, str]]) -> None:
    for rel, content in entries:
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")


def _learner_entries(files: Sequence[SandboxFile]) -> list[tuple[str, str]]:
    entries = []
    for f in files:
        parts = f.path.split("/")
        if parts[0] == "tests" or parts[-1] in _BLOCKED_LEARNER_NAMES:
            logger.info("sandbox: ignoring learner file %s (reserved name)", f.path)
            continue
        entries.append((f.path, f.content))
    return entries


def _prepare_src(
    tmp: Path,
    files: Sequence[SandboxFile],
    visible_tests: Sequence[SandboxFile],
    hidden_tests: Sequence[SandboxFile],
) -> None:
    src = tmp / "src"
    _write_tree(src / "work", _learner_entries(files))
    _write_tree(src / "work", [(f"tests/{t.path}", t.content) for t in visible_tests])
    _write_tree(src / "work", [(f"tests/hidden/{t.path}", t.content) for t in hidden_tests])
    lib = src / "lib"
    lib.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(Path(__file__).with_name("pytest_plugin.py"), lib / f"{PLUGIN_MODULE}.py")
    (src / "launcher.py").write_text(_LAUNCHER, encoding="utf-8")
    (src / "work" / "tests").mkdir(parents=True, exist_ok=True)


def _interpreter_paths() -> list[str]:
    """Prefixes the interpreter needs; the venv only, never the project around it."""
    candidates = [sys.base_prefix, sys.prefix, os.path.dirname(os.path.realpath(sys.executable))]
    paths: list[str] = []
    for cand in sorted({os.path.realpath(c) for c in candidates} | {sys.prefix, sys.base_prefix}):
        if cand == "/usr" or cand.startswith("/usr/"):
            continue  # already bound
        if any(cand == p or cand.startswith(p + "/") for p in paths):
            continue
        paths.append(cand)
    return paths


def _venv_prefixes() -> list[str]:
    """Host spellings of the active virtualenv's prefix (none when not in a venv)."""
    if sys.prefix == sys.base_prefix:
        return []
    return sorted({sys.prefix, os.path.realpath(sys.prefix)}, key=len, reverse=True)


def in_sandbox(host_path: str) -> str:
    """Where a host path of the interpreter is seen inside the bwrap sandbox."""
    for prefix in _venv_prefixes():
        if host_path == prefix or host_path.startswith(prefix + "/"):
            return VENV_MOUNT + host_path[len(prefix) :]
    return host_path


def _world_traversable(path: str) -> bool:
    parts = Path(path).parts
    for i in range(1, len(parts) + 1):
        try:
            st = os.stat(os.path.join(*parts[:i]))
        except OSError:
            return False
        if not st.st_mode & stat.S_IXOTH:
            return False
    return True


_CLONE_NEWNS = 0x00020000
_MS_REC = 16384
_MS_BIND = 4096
_MS_PRIVATE = 1 << 18


def _make_preexec(
    limits: Limits, run_uid: int | None, stage_mounts: list[tuple[str, str]]
) -> Callable[[], None]:
    libc = ctypes.CDLL(None, use_errno=True) if stage_mounts else None

    def preexec() -> None:
        # Runs in the forked child before exec: keep it to syscalls.
        if libc is not None:
            # Private mount namespace so the unprivileged uid can bind interpreter dirs
            # that live under a root-only path (e.g. /root/.pyenv); the host is untouched.
            if libc.unshare(_CLONE_NEWNS) != 0:
                raise OSError(ctypes.get_errno(), "unshare(CLONE_NEWNS) failed")
            if libc.mount(None, b"/", None, _MS_REC | _MS_PRIVATE, None) != 0:
                raise OSError(ctypes.get_errno(), "mount private failed")
            for source, target in stage_mounts:
                if (
                    libc.mount(source.encode(), target.encode(), None, _MS_BIND | _MS_REC, None)
                    != 0
                ):
                    raise OSError(ctypes.get_errno(), f"bind {source} failed")
        cpu = max(1, int(limits.cpu_seconds))
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
        mem = limits.memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (mem, mem))
        fsize = limits.max_file_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))
        resource.setrlimit(resource.RLIMIT_NOFILE, (limits.max_open_files, limits.max_open_files))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        resource.setrlimit(resource.RLIMIT_NPROC, (limits.max_processes, limits.max_processes))
        if run_uid is not None:
            os.setgroups([])
            os.setgid(run_uid)
            os.setuid(run_uid)

    return preexec


def _sandbox_env(extra: dict[str, str], *, home: str, path_dirs: Sequence[str]) -> dict[str, str]:
    env = {
        "PATH": ":".join([*path_dirs, "/usr/local/bin", "/usr/bin", "/bin"]),
        "HOME": home,
        "TMPDIR": f"{home}/.tmp",
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONHASHSEED": "0",
        "PYTHONNOUSERSITE": "1",
        "LANG": "C.UTF-8",
        # Entry-point plugins from the venv (pytest-django, ...) must not load in the sandbox.
        "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1",
    }
    env.update(extra)
    return env


def _system_binds() -> list[str]:
    """/usr read-only plus /bin, /lib* as the host has them (symlinks on merged-/usr Debian)."""
    argv = ["--ro-bind", "/usr", "/usr"]
    for name in ("bin", "sbin", "lib", "lib32", "lib64", "libx32"):
        host = f"/{name}"
        if os.path.islink(host):
            argv += ["--symlink", os.readlink(host), host]
        elif os.path.isdir(host):
            argv += ["--ro-bind", host, host]
    return argv


def _bwrap_argv(
    *,
    tmp: Path,
    limits: Limits,
    env: dict[str, str],
    binds: list[tuple[str, str]],
    command: Sequence[str],
) -> list[str]:
    argv = [
        BWRAP,
        "--unshare-all",
        "--unshare-user",
        "--uid",
        str(SANDBOX_UID),
        "--gid",
        str(SANDBOX_UID),
        "--die-with-parent",
        "--new-session",
        "--hostname",
        "sandbox",
        "--clearenv",
    ]
    for key, value in env.items():
        argv += ["--setenv", key, value]
    argv += _system_binds()
    # Only the dynamic loader cache from /etc: no passwd, hosts, resolv.conf, ...
    argv += ["--ro-bind-try", "/etc/ld.so.cache", "/etc/ld.so.cache"]
    argv += ["--proc", "/proc", "--dev", "/dev"]
    argv += ["--size", str(limits.tmpfs_mb * 1024 * 1024), "--tmpfs", SANDBOX_WORK]
    # /tmp points into the capped tmpfs so writes there count against the same cap.
    argv += ["--symlink", f"{SANDBOX_WORK}/.tmp", "/tmp"]  # noqa: S108 - the sandbox's own /tmp
    for source, dest in binds:
        argv += ["--ro-bind", source, dest]
    argv += ["--ro-bind", str(tmp / "src"), SANDBOX_SRC, "--chdir", "/"]
    # bwrap's own root is an uncapped tmpfs: make it read-only so /work stays the only
    # writable (and size-capped) place.
    argv += ["--remount-ro", "/"]
    argv += list(command)
    return argv


# --------------------------------------------------------------------------- execution


def _kill_group(pgid: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, signal.SIGKILL)


def _execute(
    argv: list[str],
    *,
    env: dict[str, str] | None,
    limits: Limits,
    preexec: Callable[[], None],
    report_w: int,
    report_r: int,
) -> RawRun:
    start = time.monotonic()
    log = bytearray()
    report = bytearray()
    timed_out = output_exceeded = report_exceeded = False
    try:
        proc = subprocess.Popen(  # argv built by us; learner data only as files
            argv,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            env=env,
            pass_fds=(report_w,),
            start_new_session=True,  # own process group, killed as a whole below
            # Between fork and exec: mount ns, rlimits, uid drop. It only makes syscalls,
            # so the usual threads caveat (locks held by other threads) does not bite.
            preexec_fn=preexec,
        )
    finally:
        os.close(report_w)
    if proc.stdout is None:  # cannot happen with stdout=PIPE; keeps mypy honest
        raise RuntimeError("no stdout pipe")
    out_fd = proc.stdout.fileno()
    deadline = start + limits.wall_seconds
    sel = selectors.DefaultSelector()
    sel.register(out_fd, selectors.EVENT_READ)
    sel.register(report_r, selectors.EVENT_READ)
    exited_at: float | None = None
    try:
        while sel.get_map():
            now = time.monotonic()
            if now >= deadline:
                timed_out = True
                break
            if exited_at is None and proc.poll() is not None:
                exited_at = now
            if exited_at is not None and now - exited_at > 0.5:
                break  # something outside the sandbox pid namespace kept the pipes open
            for key, _ in sel.select(timeout=min(deadline - now, 0.1)):
                fd = int(key.fd)
                chunk = os.read(fd, 65536)
                if not chunk:
                    sel.unregister(fd)
                elif fd == out_fd:
                    log += chunk
                    if len(log) > limits.max_output_bytes:
                        output_exceeded = True
                else:
                    report += chunk
                    if len(report) > REPORT_CAP_BYTES:
                        report_exceeded = True
            if output_exceeded or report_exceeded:
                break
    finally:
        sel.close()
        # Always kill the group (also after a normal exit) so nothing lingers; the pid
        # namespace + --die-with-parent take care of processes that changed session.
        _kill_group(proc.pid)
        proc.wait()
        proc.stdout.close()
        os.close(report_r)
    return RawRun(
        exit_code=proc.returncode,
        log=bytes(log[: limits.max_output_bytes]),
        report=bytes(report),
        duration=time.monotonic() - start,
        timed_out=timed_out,
        output_exceeded=output_exceeded,
        report_exceeded=report_exceeded,
    )


def run_in_sandbox(
    *,
    work_files: Sequence[SandboxFile],
    visible_tests: Sequence[SandboxFile] = (),
    hidden_tests: Sequence[SandboxFile] = (),
    kind: str,
    args: Sequence[str],
    limits: Limits,
    mode: str,
) -> RawRun:
    """Low-level: copy the tree into a sandbox and run pytest (kind="pytest") or exec args."""
    _validate_mode(mode)
    if mode == "none":
        logger.warning(
            "SANDBOX DISABLED (mode='none'): running learner code WITHOUT isolation; "
            "development only, never in production"
        )
    else:
        check_available()
    tmp = Path(tempfile.mkdtemp(prefix="apprentice-sandbox-"))
    report_r, report_w = os.pipe()
    try:
        _prepare_src(tmp, work_files, visible_tests, hidden_tests)
        extra = {
            "APPRENTICE_REPORT_FD": str(report_w),
            "APPRENTICE_OUTPUT_CHARS": str(limits.test_output_chars),
        }
        venv_bin = os.path.join(sys.prefix, "bin")
        if mode == "none":
            work = tmp / "work"
            work.mkdir()
            env = _sandbox_env(extra, home=str(work), path_dirs=[venv_bin])
            argv = [
                sys.executable,
                str(tmp / "src" / "launcher.py"),
                str(tmp / "src"),
                str(work),
                kind,
            ]
            preexec = _make_preexec(limits, None, [])
            prefix = str(work) + "/"
        else:
            run_uid: int | None = None
            stage: list[tuple[str, str]] = []
            binds: list[tuple[str, str]] = []
            if os.geteuid() == 0:
                run_uid = _UID_BASE + secrets.randbelow(_UID_SPAN)
            for i, path in enumerate(_interpreter_paths()):
                if run_uid is not None and not _world_traversable(path):
                    mountpoint = tmp / f"stage{i}"
                    mountpoint.mkdir()
                    stage.append((path, str(mountpoint)))
                    binds.append((str(mountpoint), in_sandbox(path)))
                else:
                    binds.append((path, in_sandbox(path)))
            if run_uid is not None:
                for p in [tmp, *tmp.rglob("*")]:
                    os.lchown(p, run_uid, run_uid)
            env = _sandbox_env(extra, home=SANDBOX_WORK, path_dirs=[in_sandbox(venv_bin)])
            command = [
                in_sandbox(sys.executable),
                f"{SANDBOX_SRC}/launcher.py",
                SANDBOX_SRC,
                SANDBOX_WORK,
                kind,
            ]
            argv = _bwrap_argv(tmp=tmp, limits=limits, env=env, binds=binds, command=command)
            env = {}
            preexec = _make_preexec(limits, run_uid, stage)
            prefix = SANDBOX_WORK + "/"
            args = [in_sandbox(arg) for arg in args]
        argv += list(args)
        raw = _execute(
            argv, env=env, limits=limits, preexec=preexec, report_w=report_w, report_r=report_r
        )
        raw.work_prefix = prefix
        return raw
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


@functools.cache
def check_available() -> None:
    """check_sandbox("bwrap") once per process (it costs a bwrap start); failures are not cached."""
    check_sandbox("bwrap")


# --------------------------------------------------------------------------- classification

_EXC_RE = re.compile(r"^([A-Za-z_][\w.]*(?:Error|Exception|Exit|Interrupt|Warning))\b:?\s*(.*)$")


def _exception_of(message: str) -> tuple[str, str]:
    for line in reversed(message.splitlines()):
        m = _EXC_RE.match(line.strip())
        if m:
            return m.group(1).rsplit(".", 1)[-1], m.group(2)
    return "", first_line(message)


def _relative(path: str, prefix: str) -> str:
    return path.removeprefix(prefix)


def describe_collection_error(err: CollectionError, prefix: str) -> str:
    """E.g. "SyntaxError in calculator.py line 3: expected ':'"; never names hidden source."""
    exc, msg = _exception_of(err.message)
    where = err.nodeid or "the test files"

    def shown(loc: tuple[str, int]) -> bool:
        return not is_hidden(_relative(loc[0], prefix))

    # A SyntaxError names its file in 'File "...", line N'; tracebacks use "path:N:".
    candidates = [*err.frames, *err.locations]
    if exc in ("SyntaxError", "IndentationError", "TabError"):
        candidates = [*err.frames, *err.locations] if not err.locations else err.locations
    visible = [loc for loc in candidates if shown(loc)]
    if visible:
        path, line = visible[-1]
        where = f"{_relative(path, prefix)} line {line}"
    label = exc or "Error"
    return f"{label} in {where}" + (f": {msg}" if msg else "")


_MEMORY_MARKERS = ("MemoryError", "Cannot allocate memory", "[Errno 12]")
_FILE_MARKERS = ("File too large", "[Errno 27]", "No space left on device", "[Errno 28]")


def _one_line(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def classify(raw: RawRun, limits: Limits, redact: Callable[[str], str]) -> SandboxResult:
    log_text = raw.log.decode("utf-8", "replace")
    tail = redact(log_text[-LOG_TAIL_BYTES:])

    def result(
        outcome: Outcome, reason: str, tests: list[TestResult] | None = None
    ) -> SandboxResult:
        return SandboxResult(
            outcome=outcome,
            tests=tests or [],
            reason=_one_line(redact(reason)),
            duration=raw.duration,
            exit_code=raw.exit_code,
            log_tail=tail,
        )

    parsed: ParsedReport | None = None
    report_problem = ""
    try:
        parsed = parse_report(raw.report)
    except ReportError as exc:
        report_problem = str(exc)
    tests = parsed.tests if parsed else []
    for t in tests:
        t.message = redact(t.message)
        t.output = redact(t.output)

    if raw.output_exceeded:
        return result(
            Outcome.OUTPUT_EXCEEDED, f"output exceeded {limits.max_output_bytes} bytes", tests
        )
    if raw.timed_out:
        return result(Outcome.TIMED_OUT, f"time limit of {limits.wall_seconds:g} s exceeded", tests)
    if raw.exit_code in (-signal.SIGXCPU, 128 + signal.SIGXCPU):
        return result(
            Outcome.TIMED_OUT, f"CPU time limit of {limits.cpu_seconds} s exceeded", tests
        )
    if raw.report_exceeded:
        return result(Outcome.OUTPUT_EXCEEDED, "test report too large", tests)

    failing = [t for t in tests if t.status in ("failed", "error")]
    errors = parsed.collection_errors if parsed else []
    texts = [t.message for t in failing] + [e.message for e in errors]
    if parsed is None:
        texts.append(log_text[-LOG_TAIL_BYTES:])
    if any(m in text for text in texts for m in _MEMORY_MARKERS):
        return result(
            Outcome.MEMORY_EXCEEDED, f"memory limit of {limits.memory_mb} MB exceeded", tests
        )
    if any(m in text for text in texts for m in _FILE_MARKERS):
        return result(
            Outcome.OUTPUT_EXCEEDED,
            f"file size limit exceeded ({limits.max_file_mb} MB per file, {limits.tmpfs_mb} MB total)",
            tests,
        )

    if parsed is None:
        if raw.exit_code == 1 and log_text.startswith("bwrap:"):
            return result(
                Outcome.INTERNAL_ERROR, f"sandbox failed to start: {first_line(log_text)}"
            )
        if raw.exit_code in (-signal.SIGKILL, 128 + signal.SIGKILL):
            return result(Outcome.MEMORY_EXCEEDED, "killed (SIGKILL), most likely out of memory")
        return result(
            Outcome.ERROR,
            f"the test run ended without a report (exit code {raw.exit_code}; {report_problem}); "
            "did the code call os._exit() or crash the interpreter?",
        )

    if errors:
        # Prefer an error from a visible file: its description can be more specific.
        first = min(errors, key=lambda e: e.hidden)
        reason = describe_collection_error(first, raw.work_prefix)
        if len(errors) > 1:
            reason += f" (+{len(errors) - 1} more collection errors)"
        return result(Outcome.ERROR, reason, tests)
    if not tests:
        return result(Outcome.ERROR, "no tests were collected", tests)
    if any("[Errno 11]" in t.message for t in failing):
        # fork() failing with EAGAIN: the process limit stopped a fork bomb.
        return result(Outcome.ERROR, f"process limit of {limits.max_processes} exceeded", tests)
    if failing:
        return result(Outcome.FAILED, f"{len(failing)} of {len(tests)} tests failed", tests)
    return result(Outcome.PASSED, "", tests)


# --------------------------------------------------------------------------- public entry point


def run_tests(
    *,
    files: Sequence[SandboxFile],
    visible_tests: Sequence[SandboxFile],
    hidden_tests: Sequence[SandboxFile],
    limits: Limits = DEFAULT_LIMITS,
    mode: str = "bwrap",
) -> SandboxResult:
    """Run the tests against the learner's files; never raises for learner behaviour."""
    _validate_mode(mode)  # a configuration error, so it does raise
    redact = Redactor(t.content for t in hidden_tests)
    pytest_args = [
        "-p",
        PLUGIN_MODULE,
        "-p",
        "no:cacheprovider",
        "-c",
        "/dev/null",  # ignore any ini the learner may upload
        "--rootdir=.",  # the launcher chdirs into the work dir
        "--import-mode=importlib",  # visible and hidden tests may share basenames
        "-q",
        "--tb=no",  # tracebacks go to the report, not to the learner-visible log
        "-rN",
        "--color=no",
        "tests",
    ]
    try:
        raw = run_in_sandbox(
            work_files=files,
            visible_tests=visible_tests,
            hidden_tests=hidden_tests,
            kind="pytest",
            args=pytest_args,
            limits=limits,
            mode=mode,
        )
    except SandboxUnavailable:
        raise
    except Exception as exc:  # our side failed, not the learner's code
        logger.exception("sandbox run failed")
        return SandboxResult(
            outcome=Outcome.INTERNAL_ERROR,
            tests=[],
            reason=f"sandbox failure: {type(exc).__name__}: {exc}",
            duration=0.0,
            exit_code=None,
            log_tail="",
        )
    return classify(raw, limits, redact)
