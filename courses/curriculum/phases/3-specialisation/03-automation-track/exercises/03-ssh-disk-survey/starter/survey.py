"""Survey disk usage across a fleet over SSH, with the SSH client injected."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any


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
    raise NotImplementedError


def df_command(paths: Iterable[str] = ()) -> str:
    """The command to run remotely, every path quoted for the remote shell."""
    raise NotImplementedError


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
    raise NotImplementedError


def survey_fleet(
    connect: Callable[[], Any],
    hosts: Iterable[str],
    *,
    user: str,
    timeout: float = 10.0,
    threshold: int = 90,
) -> list[HostSurvey]:
    """One fresh client per host, hosts in the order given."""
    raise NotImplementedError
