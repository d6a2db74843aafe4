"""A streaming clean-up step for temperature readings, with a dead-letter list.

Lines are read one at a time and never all at once: a file of any size streams through in
constant memory (apart from the keys remembered to spot duplicates).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path

EXPECTED_HEADER = "sensor_id,timestamp,value,unit"
TIMESTAMP_FORMAT = "%Y-%m-%dT%H:%M:%S"


class HeaderError(ValueError):
    """The first line is not EXPECTED_HEADER."""


class Rejected(Exception):
    """A line that cannot become a reading; `reason` is one of the dead-letter reasons."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Reading:
    sensor_id: str
    taken_at: datetime
    celsius: Decimal


@dataclass(frozen=True)
class DeadLetter:
    line_number: int
    raw: str
    reason: str


@dataclass(frozen=True)
class SensorStats:
    count: int
    lowest: Decimal
    highest: Decimal
    mean: Decimal


def parse_line(raw: str) -> Reading:
    """One data line (no line ending) as a Reading; Rejected names the first rule it breaks."""
    raise NotImplementedError


def clean_readings(lines: Iterable[str], dead_letters: list[DeadLetter]) -> Iterator[Reading]:
    """Yield the valid readings of `lines` (header first), lazily, in order.

    Every rejected line is appended to `dead_letters` as soon as it is read.
    """
    raise NotImplementedError


def summarise(readings: Iterable[Reading]) -> dict[str, SensorStats]:
    """Count, lowest, highest and mean (half up, to 0.01) per sensor, in one pass."""
    raise NotImplementedError


def run_pipeline(source: str | Path, accepted: str | Path, rejected: str | Path) -> tuple[int, int]:
    """Stream `source` into a CSV of clean readings and a JSON Lines file of dead letters.

    Returns (readings written, dead letters written).
    """
    raise NotImplementedError
