"""A lazy pipeline over a large telemetry file: constant memory, whatever its size."""

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
    raise NotImplementedError


def parse_readings(lines: Iterable[str]) -> Iterator[Reading]:
    """'s07,21.4' -> Reading('s07', 21.4); lines that are not a valid reading are skipped."""
    raise NotImplementedError


def summarise(readings: Iterable[Reading]) -> dict[str, Stats]:
    """Count, minimum, maximum and mean per sensor, keeping only running totals."""
    raise NotImplementedError


def top_readings(readings: Iterable[Reading], n: int) -> list[Reading]:
    """The n highest readings, highest first; equal values keep their order of arrival."""
    raise NotImplementedError


def report(path: Path, n: int = 5) -> tuple[dict[str, Stats], list[Reading]]:
    """Per-sensor statistics and the n highest readings of the file at `path`."""
    raise NotImplementedError
