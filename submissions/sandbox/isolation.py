"""How a sandboxed run is isolated: the bwrap command line, the per-run cgroup, rlimits and
the unprivileged uid. Nothing here runs learner code; `process.execute` does."""

from __future__ import annotations

import contextlib
import ctypes
import errno
import logging
import os
import resource
import secrets
import signal
import stat
import subprocess
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .runtimes import Runtime

logger = logging.getLogger("apprentice.sandbox")

BWRAP = "/usr/bin/bwrap"
SANDBOX_SRC = "/src"
SANDBOX_WORK = "/work"
SANDBOX_LIB = "/src/lib"
RUNTIME_MOUNT = "/opt/runtime"
SANDBOX_UID = 65534
# How every interpreter starts in the sandbox: no user site (-s), neither the script's folder
# nor the working directory on sys.path (-P), no bytecode written (-B). Not -I: it implies
# -E, which would drop PYTHONHASHSEED=0 (the environment is cleared by bwrap anyway).
PYTHON_FLAGS = ("-s", "-P", "-B")
# Per-run host uid range used when we are root: a fresh uid makes RLIMIT_NPROC count
# only this run's processes (root itself is exempt from RLIMIT_NPROC).
_UID_BASE = 3_000_000
_UID_SPAN = 1_000_000
CGROUP_ROOT = Path("/sys/fs/cgroup")


class SandboxUnavailable(RuntimeError):
    """The sandbox cannot be used on this host (or an unknown mode was requested)."""


@dataclass(frozen=True)
class Limits:
    wall_seconds: float = 10.0
    cpu_seconds: int = 10
    memory_mb: int = 512  # cgroup: every process of the run plus its tmpfs and /dev/shm pages
    address_space_mb: int = 4096  # RLIMIT_AS per process: numpy & co. reserve a lot of it
    max_processes: int = 64
    max_file_mb: int = 16
    max_open_files: int = 256
    max_output_bytes: int = 1_000_000  # stdout+stderr of the whole run
    tmpfs_mb: int = 64
    shm_mb: int = 16
    test_output_chars: int = 2000  # captured output kept per test


DEFAULT_LIMITS = Limits()


def validate_mode(mode: str) -> None:
    if mode not in ("bwrap", "none"):
        raise SandboxUnavailable(f"unknown sandbox mode {mode!r} (expected 'bwrap' or 'none')")


# --------------------------------------------------------------------------- cgroups


@dataclass
class CgroupStats:
    oom_kills: int = 0
    peak_bytes: int = 0
    pid_limit_hits: int = 0  # forks refused because the run had max_processes already


_V1_LOW_SHARES, _V1_NORMAL_SHARES = 2, 1024


class RunCgroup:
    """One run's memory and pids cgroup, nested under the worker's own (v2 when the host
    delegates controllers to us, v1 otherwise). Created before, joined between fork and
    exec, emptied and removed after the run."""

    def __init__(self, *, memory_bytes: int, max_pids: int, low_cpu: bool = False) -> None:
        self.dirs: list[Path] = []
        self.version = 0
        self.cpu_dir: Path | None = None
        name = f"apprentice-run-{secrets.token_hex(6)}"
        try:
            self._create(name, memory_bytes, max_pids)
        except OSError as exc:
            self.remove()
            raise SandboxUnavailable(f"cannot create the run's cgroup: {exc}") from exc
        if low_cpu:
            self._create_low_cpu(name)

    def _create_low_cpu(self, name: str) -> None:
        """A cpu cgroup with the lowest weight (a warm run importing ahead), raised by
        `normal_cpu`. Best effort: without a cpu controller the run keeps a normal share."""
        try:
            if self.version == 1:
                own = self._own_paths().get("cpu", "/").lstrip("/")
                path = CGROUP_ROOT / "cpu" / own / name
                path.mkdir()
                self.cpu_dir = path
                (path / "cpu.shares").write_text(str(_V1_LOW_SHARES))
            else:
                path = self.dirs[0]
                parent = path.parent
                if "cpu" not in (parent / "cgroup.subtree_control").read_text().split():
                    (parent / "cgroup.subtree_control").write_text("+cpu")
                (path / "cpu.weight").write_text("1")
        except OSError as exc:
            logger.info("sandbox: no low CPU weight for a warm run (%s)", exc)
            if self.cpu_dir is not None:
                with contextlib.suppress(OSError):
                    self.cpu_dir.rmdir()
                self.cpu_dir = None

    def normal_cpu(self) -> None:
        with contextlib.suppress(OSError, IndexError):
            if self.cpu_dir is not None:
                (self.cpu_dir / "cpu.shares").write_text(str(_V1_NORMAL_SHARES))
            elif self.version == 2 and (self.dirs[0] / "cpu.weight").exists():
                (self.dirs[0] / "cpu.weight").write_text("100")

    @staticmethod
    def _own_paths() -> dict[str, str]:
        paths: dict[str, str] = {}
        for line in Path("/proc/self/cgroup").read_text().splitlines():
            _, controllers, path = line.split(":", 2)
            for controller in controllers.split(",") if controllers else [""]:
                paths[controller] = path
        return paths

    def _create(self, name: str, memory_bytes: int, max_pids: int) -> None:
        own = self._own_paths()
        v1_memory = CGROUP_ROOT / "memory"
        if (v1_memory / "memory.limit_in_bytes").exists() or (v1_memory / "tasks").exists():
            self.version = 1
            memory = v1_memory / own["memory"].lstrip("/") / name
            pids = CGROUP_ROOT / "pids" / own.get("pids", "/").lstrip("/") / name
            memory.mkdir()
            self.dirs.append(memory)
            (memory / "memory.limit_in_bytes").write_text(str(memory_bytes))
            with contextlib.suppress(FileNotFoundError):  # no swap accounting on this kernel
                (memory / "memory.memsw.limit_in_bytes").write_text(str(memory_bytes))
            pids.mkdir()
            self.dirs.append(pids)
            (pids / "pids.max").write_text(str(max_pids))
            return
        parent = CGROUP_ROOT / own.get("", "/").lstrip("/")
        if not (parent / "cgroup.subtree_control").exists():
            raise OSError(errno.ENOENT, "no cgroup v1 memory controller and no cgroup v2")
        enabled = (parent / "cgroup.subtree_control").read_text().split()
        missing = [c for c in ("memory", "pids") if c not in enabled]
        if missing:
            (parent / "cgroup.subtree_control").write_text(" ".join(f"+{c}" for c in missing))
        self.version = 2
        path = parent / name
        path.mkdir()
        self.dirs.append(path)
        (path / "memory.max").write_text(str(memory_bytes))
        with contextlib.suppress(FileNotFoundError):
            (path / "memory.swap.max").write_text("0")
        (path / "pids.max").write_text(str(max_pids))

    @property
    def procs_files(self) -> list[str]:
        extra = [self.cpu_dir] if self.cpu_dir is not None else []
        return [str(d / "cgroup.procs") for d in [*self.dirs, *extra]]

    def stats(self) -> CgroupStats:
        stats = CgroupStats()
        with contextlib.suppress(OSError, ValueError, IndexError):
            memory = self.dirs[0]
            if self.version == 1:
                for line in (memory / "memory.oom_control").read_text().splitlines():
                    if line.startswith("oom_kill "):
                        stats.oom_kills = int(line.split()[1])
                stats.peak_bytes = int((memory / "memory.max_usage_in_bytes").read_text())
            else:
                for line in (memory / "memory.events").read_text().splitlines():
                    if line.startswith("oom_kill "):
                        stats.oom_kills = int(line.split()[1])
                with contextlib.suppress(FileNotFoundError):
                    stats.peak_bytes = int((memory / "memory.peak").read_text())
        with contextlib.suppress(OSError, ValueError, IndexError):
            pids = self.dirs[-1]
            for line in (pids / "pids.events").read_text().splitlines():
                if line.startswith("max "):
                    stats.pid_limit_hits = int(line.split()[1])
        return stats

    def kill_all(self) -> None:
        for procs in self.procs_files:
            with contextlib.suppress(OSError, ValueError):
                for pid in Path(procs).read_text().split():
                    with contextlib.suppress(ProcessLookupError, PermissionError):
                        os.kill(int(pid), signal.SIGKILL)

    def remove(self) -> None:
        extra = [self.cpu_dir] if self.cpu_dir is not None else []
        for directory in reversed([*self.dirs, *extra]):
            for attempt in range(50):
                try:
                    directory.rmdir()
                    break
                except FileNotFoundError:
                    break
                except OSError:
                    self.kill_all()
                    time.sleep(0.01 * (attempt + 1))
            else:
                logger.error("sandbox: could not remove cgroup %s", directory)
        self.dirs = []
        self.cpu_dir = None


def cgroups_available() -> str:
    """'' when per-run cgroups work here, else why not."""
    try:
        group = RunCgroup(memory_bytes=64 * 1024 * 1024, max_pids=8)
    except SandboxUnavailable as exc:
        return str(exc)
    group.remove()
    return ""


# --------------------------------------------------------------------------- binds


@dataclass(frozen=True)
class Bind:
    source: str  # host path
    dest: str  # path inside the sandbox


def world_traversable(path: str) -> bool:
    parts = Path(path).parts
    for i in range(1, len(parts) + 1):
        try:
            st = os.stat(os.path.join(*parts[:i]))
        except OSError:
            return False
        if not st.st_mode & stat.S_IXOTH:
            return False
    return True


def interpreter_prefix(runtime: Runtime) -> str:
    """The base interpreter's prefix, which the runtime's bin/python points into."""
    return str(Path(os.path.realpath(runtime.python)).parent.parent)


def runtime_binds(runtime: Runtime) -> list[Bind]:
    """The runtime at a fixed path and the interpreter it was made from; nothing else of the
    project (no app venv, no settings, no .env, no .git)."""
    prefix = interpreter_prefix(runtime)
    binds = [Bind(str(runtime.path), RUNTIME_MOUNT)]
    if not (prefix == "/usr" or prefix.startswith("/usr/")):
        binds.append(Bind(prefix, prefix))
    return binds


def system_binds() -> list[str]:
    """/usr read-only plus /bin, /lib* as the host has them (symlinks on merged-/usr Debian)."""
    argv = ["--ro-bind", "/usr", "/usr"]
    for name in ("bin", "sbin", "lib", "lib32", "lib64", "libx32"):
        host = f"/{name}"
        if os.path.islink(host):
            argv += ["--symlink", os.readlink(host), host]
        elif os.path.isdir(host):
            argv += ["--ro-bind", host, host]
    return argv


def sandbox_env(extra: dict[str, str], *, home: str, runtime_bin: str) -> dict[str, str]:
    env = {
        "PATH": f"{runtime_bin}:/usr/local/bin:/usr/bin:/bin",
        "HOME": home,
        "TMPDIR": f"{home}/.tmp",
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONHASHSEED": "0",
        "PYTHONUNBUFFERED": "1",
        "LANG": "C.UTF-8",
        # Entry-point plugins of the runtime (anyio, hypothesis) stay out of the grader.
        "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1",
        "MPLBACKEND": "Agg",
        "AWS_EC2_METADATA_DISABLED": "true",  # boto3 must not probe for a metadata server
    }
    env.update(extra)
    return env


def bwrap_argv(
    *,
    src: Path,
    limits: Limits,
    env: dict[str, str],
    binds: Sequence[Bind],
    command: Sequence[str],
) -> list[str]:
    argv = [
        BWRAP,
        "--unshare-all",
        "--unshare-user",
        "--disable-userns",  # no nested user namespace: no "root" inside to mount with
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
    argv += system_binds()
    # Only the dynamic loader cache from /etc: no passwd, hosts, resolv.conf, ...
    argv += ["--ro-bind-try", "/etc/ld.so.cache", "/etc/ld.so.cache"]
    argv += ["--proc", "/proc", "--dev", "/dev"]
    # /dev/shm is a capped tmpfs of its own; the rest of /dev is made read-only below.
    argv += ["--perms", "1777", "--size", str(limits.shm_mb << 20), "--tmpfs", "/dev/shm"]  # noqa: S108
    argv += ["--size", str(limits.tmpfs_mb << 20), "--tmpfs", SANDBOX_WORK]
    # /tmp points into the capped tmpfs so writes there count against the same cap.
    argv += ["--symlink", f"{SANDBOX_WORK}/.tmp", "/tmp"]  # noqa: S108 - the sandbox's own /tmp
    for bind in binds:
        argv += ["--ro-bind", bind.source, bind.dest]
    argv += ["--ro-bind", str(src), SANDBOX_SRC]
    if (src / "tests").is_dir():
        # The exercise's tests: read-only inside the writable work dir.
        argv += ["--ro-bind", str(src / "tests"), f"{SANDBOX_WORK}/tests"]
    argv += ["--chdir", "/"]
    # bwrap's own root and /dev are uncapped tmpfs: read-only, so the capped /work and
    # /dev/shm are the only writable places.
    argv += ["--remount-ro", "/dev", "--remount-ro", "/"]
    argv += list(command)
    return argv


# --------------------------------------------------------------------------- the child


_CLONE_NEWNS = 0x00020000
_MS_REC = 16384
_MS_BIND = 4096
_MS_PRIVATE = 1 << 18


def new_run_uid() -> int | None:
    """A fresh unprivileged host uid for one run when we are root, else None."""
    return _UID_BASE + secrets.randbelow(_UID_SPAN) if os.geteuid() == 0 else None


NPROC_BACKSTOP_SLACK = 16


def make_preexec(
    limits: Limits,
    *,
    run_uid: int | None,
    stage_mounts: Sequence[tuple[str, str]],
    cgroup_procs: Sequence[str],
) -> Callable[[], None]:
    libc = ctypes.CDLL(None, use_errno=True) if stage_mounts else None
    # With a pids cgroup, the cgroup is the limit (it counts the refusals, so the verdict can
    # name the cause) and RLIMIT_NPROC a backstop a little above it; without one, the rlimit.
    nproc = limits.max_processes + (NPROC_BACKSTOP_SLACK if cgroup_procs else 0)

    def preexec() -> None:
        # Runs in the forked child before exec: keep it to syscalls.
        pid = str(os.getpid()).encode()
        for procs in cgroup_procs:
            fd = os.open(procs, os.O_WRONLY)
            try:
                os.write(fd, pid)
            finally:
                os.close(fd)
        if libc is not None:
            # Private mount namespace so the unprivileged uid can bind interpreter dirs
            # that live under a root-only path (e.g. /root/.pyenv); the host is untouched.
            if libc.unshare(_CLONE_NEWNS) != 0:
                raise OSError(ctypes.get_errno(), "unshare(CLONE_NEWNS) failed")
            if libc.mount(None, b"/", None, _MS_REC | _MS_PRIVATE, None) != 0:
                raise OSError(ctypes.get_errno(), "mount private failed")
            for source, target in stage_mounts:
                flags = _MS_BIND | _MS_REC
                if libc.mount(source.encode(), target.encode(), None, flags, None) != 0:
                    raise OSError(ctypes.get_errno(), f"bind {source} failed")
        cpu = max(1, int(limits.cpu_seconds))
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
        address_space = limits.address_space_mb << 20
        resource.setrlimit(resource.RLIMIT_AS, (address_space, address_space))
        fsize = limits.max_file_mb << 20
        resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))
        resource.setrlimit(resource.RLIMIT_NOFILE, (limits.max_open_files, limits.max_open_files))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        resource.setrlimit(resource.RLIMIT_NPROC, (nproc, nproc))
        if run_uid is not None:
            os.setgroups([])
            os.setgid(run_uid)
            os.setuid(run_uid)

    return preexec


def check_bwrap() -> None:
    """Raise SandboxUnavailable with a clear message unless bwrap can run here."""
    if not os.access(BWRAP, os.X_OK):
        raise SandboxUnavailable(
            f"bubblewrap not found at {BWRAP}; install the 'bubblewrap' package"
        )
    # Same path as a real run: as root we drop to an unprivileged uid first, so this also
    # proves that unprivileged user namespaces are allowed on this kernel.
    try:
        proc = subprocess.run(  # fixed argv, no shell, no learner input
            [
                BWRAP,
                "--unshare-all",
                "--unshare-user",
                "--die-with-parent",
                *system_binds(),
                "--proc",
                "/proc",
                "--dev",
                "/dev",
                "/usr/bin/true",
            ],
            capture_output=True,
            timeout=10,
            check=False,
            preexec_fn=make_preexec(
                DEFAULT_LIMITS, run_uid=new_run_uid(), stage_mounts=[], cgroup_procs=[]
            ),
        )
    except (OSError, subprocess.SubprocessError) as exc:
        raise SandboxUnavailable(f"cannot run bubblewrap: {exc}") from exc
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace").strip()
        raise SandboxUnavailable(
            f"bubblewrap cannot create namespaces here: {err or proc.returncode}"
        )
