"""A streaming clean-up step for temperature readings, with a dead-letter list.

Lines are read one at a time and never all at once: a file of any size streams through in
constant memory (apart from the keys remembered to spot duplicates).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path

EXPECTED_HEADER = "sensor_id,timestamp,value,unit"
TIMESTAMP_FORMAT = "%Y-%m-%dT%H:%M:%S"
SENSOR_ID = re.compile(r"[A-Z]{2}-[0-9]{3}")
LOWEST, HIGHEST = Decimal("-50.00"), Decimal("150.00")
CENT = Decimal("0.01")


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
    fields = [field.strip() for field in raw.split(",")]
    if len(fields) != 4:
        raise Rejected("fields")
    sensor_id, timestamp, value_text, unit = fields
    if not SENSOR_ID.fullmatch(sensor_id):
        raise Rejected("sensor")
    try:
        taken_at = datetime.strptime(timestamp, TIMESTAMP_FORMAT)
    except ValueError:
        raise Rejected("timestamp") from None
    try:
        value = Decimal(value_text)
    except InvalidOperation:
        raise Rejected("value") from None
    if not value.is_finite():
        raise Rejected("value")
    if unit == "C":
        celsius = value
    elif unit == "F":
        celsius = (value - 32) * 5 / 9
    else:
        raise Rejected("unit")
    celsius = celsius.quantize(CENT, rounding=ROUND_HALF_UP)
    if not LOWEST <= celsius <= HIGHEST:
        raise Rejected("range")
    return Reading(sensor_id, taken_at, celsius)


def clean_readings(lines: Iterable[str], dead_letters: list[DeadLetter]) -> Iterator[Reading]:
    """Yield the valid readings of `lines` (header first), lazily, in order.

    Every rejected line is appended to `dead_letters` as soon as it is read.
    """
    source = iter(lines)
    header = next(source, None)
    if header is None:
        return
    if header.rstrip("\r\n") != EXPECTED_HEADER:
        raise HeaderError(f"expected the header {EXPECTED_HEADER!r}")
    seen: set[tuple[str, datetime]] = set()
    for number, line in enumerate(source, start=2):
        raw = line.rstrip("\r\n")
        if not raw.strip():
            continue
        try:
            reading = parse_line(raw)
            key = (reading.sensor_id, reading.taken_at)
            if key in seen:
                raise Rejected("duplicate")
        except Rejected as rejected:
            dead_letters.append(DeadLetter(number, raw, rejected.reason))
            continue
        seen.add(key)
        yield reading


def summarise(readings: Iterable[Reading]) -> dict[str, SensorStats]:
    """Count, lowest, highest and mean (half up, to 0.01) per sensor, in one pass."""
    totals: dict[str, tuple[int, Decimal, Decimal, Decimal]] = {}
    for reading in readings:
        value = reading.celsius
        if reading.sensor_id in totals:
            count, lowest, highest, total = totals[reading.sensor_id]
            totals[reading.sensor_id] = (count + 1, min(lowest, value), max(highest, value), total + value)
        else:
            totals[reading.sensor_id] = (1, value, value, value)
    return {
        sensor: SensorStats(count, lowest, highest, (total / count).quantize(CENT, ROUND_HALF_UP))
        for sensor, (count, lowest, highest, total) in sorted(totals.items())
    }


def run_pipeline(source: str | Path, accepted: str | Path, rejected: str | Path) -> tuple[int, int]:
    """Stream `source` into a CSV of clean readings and a JSON Lines file of dead letters.

    Returns (readings written, dead letters written).
    """
    dead_letters: list[DeadLetter] = []
    count = 0
    with open(source, encoding="utf-8") as lines:
        with open(accepted, "w", encoding="utf-8") as good:
            good.write("sensor_id,taken_at,celsius\n")
            for reading in clean_readings(lines, dead_letters):
                good.write(f"{reading.sensor_id},{reading.taken_at.isoformat()},{reading.celsius}\n")
                count += 1
    with open(rejected, "w", encoding="utf-8") as bad:
        bad.writelines(_dead_letter_json(letter) for letter in dead_letters)
    return count, len(dead_letters)


def _dead_letter_json(letter: DeadLetter) -> str:
    record = {"line": letter.line_number, "reason": letter.reason, "raw": letter.raw}
    return json.dumps(record) + "\n"
