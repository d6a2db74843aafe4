"""Run injected health checks, summarise them and render a Markdown report."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

STATUSES = ("ok", "warn", "fail")


@dataclass(frozen=True)
class CheckResult:
    name: str
    status: str
    detail: str


def disk_check(
    path: str, *, warn_at: float, fail_at: float, usage: Callable[[str], tuple[int, int]]
) -> Callable[[], tuple[str, str]]:
    """Build a check that grades the disk usage of `path`."""
    raise NotImplementedError


def run_checks(checks: Mapping[str, Callable[[], tuple[str, str]]]) -> list[CheckResult]:
    """Run every check, turning crashes and invalid statuses into failures."""
    raise NotImplementedError


def overall_status(results: Sequence[CheckResult]) -> str:
    """The most severe status present ('ok' when there are no results)."""
    raise NotImplementedError


def exit_code(results: Sequence[CheckResult]) -> int:
    """0 for ok, 1 for warn, 2 for fail (Nagios convention)."""
    raise NotImplementedError


def render_report(results: Sequence[CheckResult], *, title: str, generated_at: datetime) -> str:
    """A Markdown report, most severe results first."""
    raise NotImplementedError
