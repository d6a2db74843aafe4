"""Validate volunteers' air-quality readings with pydantic, reporting every bad row."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel


class Reading(BaseModel):
    """One valid reading: define its fields and rules (see README.md)."""


@dataclass(frozen=True)
class RowError:
    line: int  # line of the file: the header is line 1, the first data row line 2
    field: str


@dataclass(frozen=True)
class ValidationReport:
    valid: list[Reading]
    errors: list[RowError]
    rejected_lines: list[int]


def validate_rows(rows: Iterable[Mapping[str, str]]) -> ValidationReport:
    """Validate every row; bad rows are reported (one RowError per bad field), not dropped."""
    raise NotImplementedError


def load_readings(path: str | Path) -> ValidationReport:
    """Validate the rows of a CSV file with a header line."""
    raise NotImplementedError


def error_counts(report: ValidationReport) -> dict[str, int]:
    """Errors per field, most frequent first; equal counts in field-name order."""
    raise NotImplementedError
