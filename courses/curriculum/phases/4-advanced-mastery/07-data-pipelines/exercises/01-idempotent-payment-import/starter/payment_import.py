"""Load a bank's daily payments file into SQLite: safe to re-run, safe to retry.

Running the step twice on the same file changes nothing; a crash at any point leaves the
database exactly as it was, so running it again completes the job.
"""

from __future__ import annotations

import sqlite3  # noqa: F401 - you will need it
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HEADER = "payment_id,account,amount"


class BadRowError(ValueError):
    """The file cannot be imported; the message starts with 'line N:'."""


@dataclass(frozen=True)
class Payment:
    payment_id: str
    account: str
    amount_cents: int


@dataclass(frozen=True)
class ImportResult:
    inserted: int
    duplicates: int
    already_imported: bool


def parse_amount(text: str) -> int:
    """'12.30' -> 1230 cents, '-3' -> -300, '0.5' -> 50; ValueError for anything else."""
    raise NotImplementedError


def read_payments(text: str) -> list[Payment]:
    """The payments of a whole file, validated before anything is written anywhere."""
    raise NotImplementedError


def import_payments(
    csv_path: str | Path,
    db_path: str | Path,
    *,
    on_row: Callable[[int], None] | None = None,
) -> ImportResult:
    """Import one payments file; see the README for the exact guarantees."""
    raise NotImplementedError
