"""Clean CSV data: tidy whitespace, fill or drop missing values, remove duplicates."""

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TextIO

Row = dict[str, str]


def normalize_whitespace(value: str | None) -> str:
    """Strip `value` and collapse inner whitespace; None becomes ''."""
    raise NotImplementedError


def fill_missing(rows: list[Row], defaults: Mapping[str, str]) -> list[Row]:
    """Return copies of `rows` with empty values replaced by column defaults."""
    raise NotImplementedError


def drop_incomplete(rows: list[Row], required: Iterable[str]) -> list[Row]:
    """Keep only rows in which every required column has a value."""
    raise NotImplementedError


def drop_duplicates(rows: list[Row]) -> list[Row]:
    """Remove repeated rows, keeping the first occurrence and the original order."""
    raise NotImplementedError


def clean_rows(
    rows: list[Row],
    *,
    required: Iterable[str] = (),
    defaults: Mapping[str, str] | None = None,
) -> list[Row]:
    """Normalise, drop blank rows, fill defaults, drop incomplete rows, then dedupe."""
    raise NotImplementedError


def clean_csv(
    source: TextIO,
    target: TextIO,
    *,
    required: Iterable[str] = (),
    defaults: Mapping[str, str] | None = None,
) -> tuple[int, int]:
    """Clean CSV text from `source` into `target`; return (rows_read, rows_written).

    Raise ValueError for an empty source or an unknown column in required/defaults.
    """
    raise NotImplementedError


def clean_file(
    source_path: str | Path,
    target_path: str | Path,
    *,
    required: Iterable[str] = (),
    defaults: Mapping[str, str] | None = None,
) -> tuple[int, int]:
    """Clean the CSV file at `source_path` into `target_path` (UTF-8, newline='')."""
    raise NotImplementedError
