"""A monthly uptime workbook: a Hosts sheet with formulas and a per-team Summary sheet."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook

HOST_HEADERS = ("Host", "Team", "Scheduled (min)", "Downtime (min)", "Uptime", "Incidents")
SUMMARY_HEADERS = ("Team", "Hosts", "Downtime (min)", "Incidents", "Worst host", "Worst uptime")


@dataclass(frozen=True)
class HostMonth:
    host: str
    team: str
    minutes: int
    downtime: int
    incidents: int


def uptime(row: HostMonth) -> float:
    """The share of scheduled minutes the host was up (1.0 means no downtime)."""
    raise NotImplementedError


def validate(rows: Iterable[HostMonth]) -> list[HostMonth]:
    """The rows as a list, or ValueError for the first impossible one."""
    raise NotImplementedError


def build_workbook(rows: Iterable[HostMonth], *, month: str) -> Workbook:
    """Summary first, then Hosts; formulas are left for Excel to calculate."""
    raise NotImplementedError


def save_report(rows: Iterable[HostMonth], path: Path, *, month: str) -> Path:
    """Build the workbook and save it at `path`; returns `path`."""
    raise NotImplementedError
