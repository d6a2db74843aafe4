"""Parse web-server access logs with regular expressions, without ever crashing on junk."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

_MONTHS = {
    name: number
    for number, name in enumerate(
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
        start=1,
    )
}
_OCTET = r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
_IPV4 = rf"{_OCTET}(?:\.{_OCTET}){{3}}"
IPV4 = re.compile(rf"^{_IPV4}$")
_IPV4_IN_TEXT = re.compile(rf"(?<![\d.]){_IPV4}(?!\d|\.\d)")
LINE = re.compile(
    rf"""
    ^(?P<ip>{_IPV4})\s+\S+\s+\S+\s+
    \[(?P<day>\d{{2}})/(?P<month>[A-Z][a-z]{{2}})/(?P<year>\d{{4}})
      :(?P<hour>\d{{2}}):(?P<minute>\d{{2}}):(?P<second>\d{{2}})
      \s(?P<sign>[+-])(?P<tz_h>\d{{2}})(?P<tz_m>\d{{2}})\]\s+
    "(?P<method>[A-Z]+)\s(?P<path>/\S*)\sHTTP/(?P<version>\d(?:\.\d)?)"\s+
    (?P<status>[1-5]\d{{2}})\s+
    (?P<size>\d+|-)$
    """,
    re.VERBOSE,
)


@dataclass(frozen=True)
class LogRecord:
    ip: str
    timestamp: datetime
    method: str
    path: str
    status: int
    size: int


@dataclass
class ParseReport:
    records: list[LogRecord] = field(default_factory=list)
    malformed: list[tuple[int, str]] = field(default_factory=list)


def is_valid_ipv4(text: str) -> bool:
    """True for a dotted-quad IPv4 address with every part between 0 and 255."""
    return IPV4.fullmatch(text) is not None


def parse_line(line: str) -> LogRecord | None:
    """One log line as a LogRecord, or None if it does not follow the format."""
    match = LINE.match(line.strip())
    if match is None or match["month"] not in _MONTHS:
        return None
    offset = timedelta(hours=int(match["tz_h"]), minutes=int(match["tz_m"]))
    try:
        timestamp = datetime(
            int(match["year"]),
            _MONTHS[match["month"]],
            int(match["day"]),
            int(match["hour"]),
            int(match["minute"]),
            int(match["second"]),
            tzinfo=timezone(-offset if match["sign"] == "-" else offset),
        )
    except ValueError:  # 31 Feb, hour 25, offset out of range...
        return None
    size = 0 if match["size"] == "-" else int(match["size"])
    return LogRecord(
        match["ip"], timestamp, match["method"], match["path"], int(match["status"]), size
    )


def parse_lines(lines: Iterable[str]) -> ParseReport:
    """Parse every line; blank lines are skipped, bad ones are reported with their number."""
    report = ParseReport()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        record = parse_line(line)
        if record is None:
            report.malformed.append((number, line.rstrip("\n")))
        else:
            report.records.append(record)
    return report


def count_statuses(records: Iterable[LogRecord]) -> dict[int, int]:
    """How many records have each status code, codes in ascending order."""
    counts = Counter(record.status for record in records)
    return dict(sorted(counts.items()))


def extract_ips(text: str) -> list[str]:
    """Every valid IPv4 address in free text, each once, in order of first appearance."""
    return list(dict.fromkeys(_IPV4_IN_TEXT.findall(text)))
