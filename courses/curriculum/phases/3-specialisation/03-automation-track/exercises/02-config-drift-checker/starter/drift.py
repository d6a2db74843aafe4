"""Compare host configurations with a baseline and report drift without leaking secrets."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Drift:
    key: str
    kind: str
    expected: str | None
    actual: str | None


@dataclass(frozen=True)
class HostReport:
    host: str
    drifts: list[Drift]
    error: str | None = None


def parse_config(text: str, fmt: str) -> dict[str, str]:
    """Parse INI or JSON text into a flat {dotted.key: str} dictionary."""
    raise NotImplementedError


def load_config(path: Path) -> dict[str, str]:
    """Read a .ini/.cfg/.json file and parse it by suffix."""
    raise NotImplementedError


def diff_configs(
    expected: Mapping[str, str],
    actual: Mapping[str, str],
    *,
    ignore: Iterable[str] = (),
    secrets: Iterable[str] = ("*password*", "*secret*", "*token*"),
) -> list[Drift]:
    """Differences between two flat configurations, sorted by key, secrets masked."""
    raise NotImplementedError


def check_fleet(
    baseline: Mapping[str, str],
    hosts: Sequence[str],
    fetch: Callable[[str], Mapping[str, str]],
    *,
    ignore: Iterable[str] = (),
) -> list[HostReport]:
    """Diff every host's configuration against the baseline; record fetch errors."""
    raise NotImplementedError
