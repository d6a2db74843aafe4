"""Clean CSV data: tidy whitespace, fill or drop missing values, remove duplicates."""

import csv
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TextIO

Row = dict[str, str]


def normalize_whitespace(value: str | None) -> str:
    """Strip `value` and collapse inner whitespace; None becomes ''."""
    if value is None:
        return ""
    return " ".join(value.split())


def fill_missing(rows: list[Row], defaults: Mapping[str, str]) -> list[Row]:
    """Return copies of `rows` with empty values replaced by column defaults."""
    return [
        {column: value or defaults.get(column, value) for column, value in row.items()}
        for row in rows
    ]


def drop_incomplete(rows: list[Row], required: Iterable[str]) -> list[Row]:
    """Keep only rows in which every required column has a value."""
    needed = list(required)
    return [row for row in rows if all(row.get(column) for column in needed)]


def drop_duplicates(rows: list[Row]) -> list[Row]:
    """Remove repeated rows, keeping the first occurrence and the original order."""
    seen: set[tuple[tuple[str, str], ...]] = set()
    unique: list[Row] = []
    for row in rows:
        key = tuple(sorted(row.items()))
        if key not in seen:
            seen.add(key)
            unique.append(row)
    return unique


def clean_rows(
    rows: list[Row],
    *,
    required: Iterable[str] = (),
    defaults: Mapping[str, str] | None = None,
) -> list[Row]:
    """Normalise, drop blank rows, fill defaults, drop incomplete rows, then dedupe."""
    tidy = [{column: normalize_whitespace(value) for column, value in row.items()} for row in rows]
    tidy = [row for row in tidy if any(row.values())]
    if defaults:
        tidy = fill_missing(tidy, defaults)
    tidy = drop_incomplete(tidy, required)
    return drop_duplicates(tidy)


def clean_csv(
    source: TextIO,
    target: TextIO,
    *,
    required: Iterable[str] = (),
    defaults: Mapping[str, str] | None = None,
) -> tuple[int, int]:
    """Clean CSV text from `source` into `target`; return (rows_read, rows_written)."""
    reader = csv.reader(source)
    header = next(reader, None)
    if header is None:
        raise ValueError("the CSV is empty: no header row")
    columns = [normalize_whitespace(name) for name in header]
    required = list(required)
    for column in [*required, *(defaults or {})]:
        if column not in columns:
            raise ValueError(f"unknown column {column!r}; the header has {columns}")
    rows: list[Row] = []
    for values in reader:
        # Short rows are padded with "", values beyond the header are ignored.
        rows.append({column: values[i] if i < len(values) else "" for i, column in enumerate(columns)})
    cleaned = clean_rows(rows, required=required, defaults=defaults)
    writer = csv.writer(target)
    writer.writerow(columns)
    writer.writerows([row[column] for column in columns] for row in cleaned)
    return len(rows), len(cleaned)


def clean_file(
    source_path: str | Path,
    target_path: str | Path,
    *,
    required: Iterable[str] = (),
    defaults: Mapping[str, str] | None = None,
) -> tuple[int, int]:
    """Clean the CSV file at `source_path` into `target_path`."""
    with (
        open(source_path, newline="", encoding="utf-8") as source,
        open(target_path, "w", newline="", encoding="utf-8") as target,
    ):
        return clean_csv(source, target, required=required, defaults=defaults)
