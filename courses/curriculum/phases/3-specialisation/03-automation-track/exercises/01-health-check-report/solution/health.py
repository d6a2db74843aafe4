"""Run injected health checks, summarise them and render a Markdown report."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

STATUSES = ("ok", "warn", "fail")
_SEVERITY = {status: rank for rank, status in enumerate(STATUSES)}


@dataclass(frozen=True)
class CheckResult:
    name: str
    status: str
    detail: str


def disk_check(
    path: str, *, warn_at: float, fail_at: float, usage: Callable[[str], tuple[int, int]]
) -> Callable[[], tuple[str, str]]:
    """Build a check that grades the disk usage of `path`."""
    if not 0 < warn_at < fail_at <= 100:
        raise ValueError("thresholds must satisfy 0 < warn_at < fail_at <= 100")

    def check() -> tuple[str, str]:
        total, used = usage(path)
        if total <= 0:
            return "fail", "invalid disk size"
        percent = used / total * 100
        if percent >= fail_at:
            status = "fail"
        elif percent >= warn_at:
            status = "warn"
        else:
            status = "ok"
        return status, f"{percent:.1f}% used"

    return check


def run_checks(checks: Mapping[str, Callable[[], tuple[str, str]]]) -> list[CheckResult]:
    """Run every check, turning crashes and invalid statuses into failures."""
    results: list[CheckResult] = []
    for name, check in checks.items():
        try:
            status, detail = check()
        except Exception as exc:  # a broken check must not stop the others
            results.append(CheckResult(name, "fail", f"check crashed: {type(exc).__name__}: {exc}"))
            continue
        if status not in _SEVERITY:
            results.append(CheckResult(name, "fail", f"invalid status {status!r}"))
        else:
            results.append(CheckResult(name, status, detail))
    return results


def overall_status(results: Sequence[CheckResult]) -> str:
    """The most severe status present ('ok' when there are no results)."""
    return max((r.status for r in results), key=_SEVERITY.__getitem__, default="ok")


def exit_code(results: Sequence[CheckResult]) -> int:
    """0 for ok, 1 for warn, 2 for fail (Nagios convention)."""
    return _SEVERITY[overall_status(results)]


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def render_report(results: Sequence[CheckResult], *, title: str, generated_at: datetime) -> str:
    """A Markdown report, most severe results first."""
    counts = {status: sum(r.status == status for r in results) for status in STATUSES}
    ordered = sorted(results, key=lambda r: -_SEVERITY[r.status])  # sorted() is stable
    lines = [
        f"# {title}",
        "",
        f"Generated: {generated_at.isoformat(timespec='seconds')}",
        f"Overall: {overall_status(results).upper()} "
        f"({counts['fail']} fail, {counts['warn']} warn, {counts['ok']} ok)",
        "",
        "| Check | Status | Detail |",
        "|---|---|---|",
        *(f"| {_cell(r.name)} | {r.status.upper()} | {_cell(r.detail)} |" for r in ordered),
    ]
    return "\n".join(lines) + "\n"
