"""Turn access-log lines into alerts: too many server errors inside a sliding window."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

_LINE = re.compile(
    r"(?P<at>\S+) (?P<host>\S+) (?P<method>[A-Z]+) (?P<path>\S+) (?P<status>\d{3}) (?P<ms>\d+)ms"
)


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
    match = _LINE.fullmatch(line.strip())
    if match is None:
        return None
    try:
        at = datetime.strptime(match["at"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
    except ValueError:
        return None
    return Event(
        at, match["host"], match["method"], match["path"], int(match["status"]), int(match["ms"])
    )


def error_alerts(events: Iterable[Event], *, threshold: int, window: timedelta) -> list[Alert]:
    """An alert each time a host reaches `threshold` 5xx responses within `window`."""
    if threshold < 1:
        raise ValueError("threshold must be at least 1")
    if window <= timedelta(0):
        raise ValueError("window must be positive")
    recent: dict[str, deque[datetime]] = {}
    last_alert: dict[str, datetime] = {}
    alerts: list[Alert] = []
    for event in sorted(events, key=lambda e: e.at):
        if not 500 <= event.status <= 599:
            continue
        times = recent.setdefault(event.host, deque())
        times.append(event.at)
        while times[0] <= event.at - window:
            times.popleft()
        previous = last_alert.get(event.host)
        if len(times) >= threshold and (previous is None or event.at - previous >= window):
            alerts.append(Alert(event.host, times[0], event.at, len(times)))
            last_alert[event.host] = event.at
    return sorted(alerts, key=lambda a: (a.at, a.host))


def scan_log(lines: Iterable[str], *, threshold: int, window: timedelta) -> ScanResult:
    """Parse every line, note malformed ones by line number, and raise the alerts."""
    events: list[Event] = []
    malformed: list[int] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        event = parse_line(line)
        if event is None:
            malformed.append(number)
        else:
            events.append(event)
    return ScanResult(error_alerts(events, threshold=threshold, window=window), malformed, len(events))
