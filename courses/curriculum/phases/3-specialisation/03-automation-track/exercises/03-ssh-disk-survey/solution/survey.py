"""Survey disk usage across a fleet over SSH, with the SSH client injected."""

from __future__ import annotations

import shlex
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

DF_COMMAND = "df -P -k"
PSEUDO_FILESYSTEMS = ("tmpfs", "devtmpfs")


@dataclass(frozen=True)
class Mount:
    filesystem: str
    mount_point: str
    size_kb: int
    used_kb: int
    available_kb: int
    percent: int


@dataclass(frozen=True)
class HostSurvey:
    host: str
    mounts: list[Mount]
    full: list[str]
    error: str | None = None


def parse_df(output: str) -> list[Mount]:
    """Parse `df -P -k` output: skip the header and blank lines, keep spaces in mount points."""
    mounts: list[Mount] = []
    lines = [line for line in output.splitlines() if line.strip()]
    for line in lines[1:]:
        fields = line.split()
        if len(fields) < 6:
            raise ValueError(f"unexpected df line: {line!r}")
        filesystem, size, used, available, capacity = fields[:5]
        percent = 0 if capacity == "-" else int(capacity.removesuffix("%"))
        mounts.append(
            Mount(filesystem, " ".join(fields[5:]), int(size), int(used), int(available), percent)
        )
    return mounts


def df_command(paths: Iterable[str] = ()) -> str:
    """The command to run remotely, every path quoted for the remote shell."""
    return " ".join([DF_COMMAND, *(shlex.quote(path) for path in paths)])


def survey_host(
    connect: Callable[[], Any],
    host: str,
    *,
    user: str,
    timeout: float = 10.0,
    threshold: int = 90,
    paths: Sequence[str] = (),
) -> HostSurvey:
    """Run df on one host; never raises for a failure on the host's side."""
    client = connect()
    try:
        client.connect(host, username=user, timeout=timeout)
        _, stdout, stderr = client.exec_command(df_command(paths), timeout=timeout)
        out = stdout.read().decode("utf-8", errors="replace")  # read first: a full buffer blocks
        status = stdout.channel.recv_exit_status()
        if status != 0:
            err = stderr.read().decode("utf-8", errors="replace").strip()
            return HostSurvey(host, [], [], error=f"df exited with {status}: {err}")
        mounts = [m for m in parse_df(out) if m.filesystem not in PSEUDO_FILESYSTEMS]
    except Exception as exc:  # one broken host must not stop the survey
        return HostSurvey(host, [], [], error=f"{type(exc).__name__}: {exc}")
    finally:
        client.close()
    full = sorted(
        (m for m in mounts if m.percent >= threshold), key=lambda m: (-m.percent, m.mount_point)
    )
    return HostSurvey(host, mounts, [m.mount_point for m in full])


def survey_fleet(
    connect: Callable[[], Any],
    hosts: Iterable[str],
    *,
    user: str,
    timeout: float = 10.0,
    threshold: int = 90,
) -> list[HostSurvey]:
    """One fresh client per host, hosts in the order given."""
    return [
        survey_host(connect, host, user=user, timeout=timeout, threshold=threshold)
        for host in hosts
    ]
