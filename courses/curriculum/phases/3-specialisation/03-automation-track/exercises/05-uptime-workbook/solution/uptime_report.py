"""A monthly uptime workbook: a Hosts sheet with formulas and a per-team Summary sheet."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

HOST_HEADERS = ("Host", "Team", "Scheduled (min)", "Downtime (min)", "Uptime", "Incidents")
SUMMARY_HEADERS = ("Team", "Hosts", "Downtime (min)", "Incidents", "Worst host", "Worst uptime")
PERCENT = "0.000%"


@dataclass(frozen=True)
class HostMonth:
    host: str
    team: str
    minutes: int
    downtime: int
    incidents: int


def uptime(row: HostMonth) -> float:
    """The share of scheduled minutes the host was up (1.0 means no downtime)."""
    return (row.minutes - row.downtime) / row.minutes


def validate(rows: Iterable[HostMonth]) -> list[HostMonth]:
    """The rows as a list, or ValueError for the first impossible one."""
    checked: list[HostMonth] = []
    seen: set[str] = set()
    for row in rows:
        if not row.host or not row.team:
            raise ValueError(f"host and team must not be empty: {row!r}")
        if row.host in seen:
            raise ValueError(f"host {row.host!r} appears twice")
        if row.minutes <= 0 or not 0 <= row.downtime <= row.minutes or row.incidents < 0:
            raise ValueError(f"impossible figures for {row.host!r}")
        seen.add(row.host)
        checked.append(row)
    return checked


def _header(sheet, headers: tuple[str, ...]) -> None:
    sheet.append(list(headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)


def build_workbook(rows: Iterable[HostMonth], *, month: str) -> Workbook:
    """Summary first, then Hosts; formulas are left for Excel to calculate."""
    data = sorted(validate(rows), key=lambda r: (r.team, r.host))
    workbook = Workbook()
    summary = workbook.active
    summary.title = "Summary"
    hosts = workbook.create_sheet("Hosts")
    workbook.properties.title = f"Uptime {month}"

    _header(hosts, HOST_HEADERS)
    for r, row in enumerate(data, start=2):
        hosts.append([row.host, row.team, row.minutes, row.downtime, f"=(C{r}-D{r})/C{r}", row.incidents])
        hosts.cell(r, 5).number_format = PERCENT
    hosts.freeze_panes = "A2"
    hosts.auto_filter.ref = f"A1:F{len(data) + 1}"

    _header(summary, SUMMARY_HEADERS)
    teams = sorted({row.team for row in data})
    for r, team in enumerate(teams, start=2):
        members = [row for row in data if row.team == team]
        worst = min(members, key=lambda m: (uptime(m), m.host))
        summary.append([
            team,
            f"=COUNTIF(Hosts!B:B,A{r})",
            f"=SUMIF(Hosts!B:B,A{r},Hosts!D:D)",
            f"=SUMIF(Hosts!B:B,A{r},Hosts!F:F)",
            worst.host,
            uptime(worst),
        ])
        summary.cell(r, 6).number_format = PERCENT
    total = len(teams) + 2
    if teams:
        summary.append(["Total", *(f"=SUM({c}2:{c}{total - 1})" for c in "BCD")])
    else:
        summary.append(["Total", 0, 0, 0])
    summary.cell(total, 1).font = Font(bold=True)
    summary.freeze_panes = "A2"
    return workbook


def save_report(rows: Iterable[HostMonth], path: Path, *, month: str) -> Path:
    """Build the workbook and save it at `path`; returns `path`."""
    build_workbook(rows, month=month).save(path)
    return path
