"""Turn access-log lines into alerts: too many server errors inside a sliding window."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class Event:
    at: datetime
    host: str
    method: str
    path: str
    status: int
    duration_ms: int


@dataclass(frozen=True)
class Alert:
    host: str
    first: datetime
    at: datetime
    count: int


@dataclass(frozen=True)
class ScanResult:
    alerts: list[Alert]
    malformed: list[int]
    events: int


def parse_line(line: str) -> Event | None:
    """One log line as an Event, or None when it does not have the expected shape."""
    raise NotImplementedError


def error_alerts(events: Iterable[Event], *, threshold: int, window: timedelta) -> list[Alert]:
    """An alert each time a host reaches `threshold` 5xx responses within `window`."""
    raise NotImplementedError


def scan_log(lines: Iterable[str], *, threshold: int, window: timedelta) -> ScanResult:
    """Parse every line, note malformed ones by line number, and raise the alerts."""
    raise NotImplementedError
