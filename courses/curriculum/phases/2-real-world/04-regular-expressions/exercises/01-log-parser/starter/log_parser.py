"""Parse web-server access logs with regular expressions, without ever crashing on junk.

Read README.md for the exact format and rules.
"""

from __future__ import annotations

import re  # noqa: F401 - you will need it
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime


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
    raise NotImplementedError


def parse_line(line: str) -> LogRecord | None:
    """One log line as a LogRecord, or None if it does not follow the format."""
    raise NotImplementedError


def parse_lines(lines: Iterable[str]) -> ParseReport:
    """Parse every line; blank lines are skipped, bad ones are reported with their number."""
    raise NotImplementedError


def count_statuses(records: Iterable[LogRecord]) -> dict[int, int]:
    """How many records have each status code, codes in ascending order."""
    raise NotImplementedError


def extract_ips(text: str) -> list[str]:
    """Every valid IPv4 address in free text, each once, in order of first appearance."""
    raise NotImplementedError
