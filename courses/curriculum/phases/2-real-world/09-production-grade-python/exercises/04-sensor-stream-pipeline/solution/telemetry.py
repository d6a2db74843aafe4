"""A lazy pipeline over a large telemetry file: constant memory, whatever its size."""

import heapq
import math
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple


class Reading(NamedTuple):
    sensor: str
    value: float


class Stats(NamedTuple):
    count: int
    minimum: float
    maximum: float
    mean: float


def read_lines(path: Path) -> Iterator[str]:
    """Each line without its line ending, skipping blank and comment lines, one at a time."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            text = line.rstrip("\r\n")
            if text.strip() and not text.lstrip().startswith("#"):
                yield text


def parse_readings(lines: Iterable[str]) -> Iterator[Reading]:
    """'s07,21.4' -> Reading('s07', 21.4); lines that are not a valid reading are skipped."""
    for line in lines:
        fields = line.split(",")
        if len(fields) != 2 or not fields[0].strip():
            continue
        try:
            value = float(fields[1])
        except ValueError:
            continue
        if math.isfinite(value):
            yield Reading(fields[0].strip(), value)


def summarise(readings: Iterable[Reading]) -> dict[str, Stats]:
    """Count, minimum, maximum and mean per sensor, keeping only running totals."""
    totals: dict[str, list[float]] = {}
    for sensor, value in readings:
        if sensor not in totals:
            totals[sensor] = [0, value, value, 0.0]
        entry = totals[sensor]
        entry[0] += 1
        entry[1] = min(entry[1], value)
        entry[2] = max(entry[2], value)
        entry[3] += value
    return {
        sensor: Stats(int(count), low, high, total / count)
        for sensor, (count, low, high, total) in sorted(totals.items())
    }


def top_readings(readings: Iterable[Reading], n: int) -> list[Reading]:
    """The n highest readings, highest first; equal values keep their order of arrival."""
    return heapq.nlargest(n, readings, key=lambda reading: reading.value)


def report(path: Path, n: int = 5) -> tuple[dict[str, Stats], list[Reading]]:
    """Per-sensor statistics and the n highest readings of the file at `path`."""
    stats = summarise(parse_readings(read_lines(path)))
    return stats, top_readings(parse_readings(read_lines(path)), n)
