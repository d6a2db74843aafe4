"""Validate volunteers' air-quality readings with pydantic, reporting every bad row."""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, ValidationError, field_validator


class Reading(BaseModel):
    """One valid reading."""

    model_config = ConfigDict(str_strip_whitespace=True)

    station: str = Field(pattern=r"^[A-Z]{2}[0-9]{2}$")
    measured_at: AwareDatetime
    pm25: float = Field(ge=0, lt=1000)
    no2: float | None = Field(default=None, ge=0)
    sensor_ok: bool

    @field_validator("no2", mode="before")
    @classmethod
    def _blank_is_missing(cls, value: object) -> object:
        if isinstance(value, str) and not value.strip():
            return None
        return value


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
    valid: list[Reading] = []
    errors: list[RowError] = []
    rejected: list[int] = []
    for line, row in enumerate(rows, start=2):
        try:
            valid.append(Reading.model_validate(row))
        except ValidationError as exc:
            rejected.append(line)
            errors.extend(RowError(line, str(error["loc"][0])) for error in exc.errors())
    return ValidationReport(valid, errors, rejected)


def load_readings(path: str | Path) -> ValidationReport:
    """Validate the rows of a CSV file with a header line."""
    with open(path, newline="", encoding="utf-8") as handle:
        return validate_rows(csv.DictReader(handle))


def error_counts(report: ValidationReport) -> dict[str, int]:
    """Errors per field, most frequent first; equal counts in field-name order."""
    counts = Counter(error.field for error in report.errors)
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))
