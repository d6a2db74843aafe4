"""A command-line expense tracker that keeps its data in SQLite.

Read README.md for the full specification, including the exact output of each command.
"""

from __future__ import annotations

import argparse  # noqa: F401 - you will need it
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path


@dataclass(frozen=True)
class Expense:
    id: int
    day: date
    amount: Decimal
    category: str
    note: str


def connect(db_path: str | Path) -> sqlite3.Connection:
    """Open (creating if needed) the database and make sure the table exists."""
    raise NotImplementedError


def parse_amount(text: str | Decimal) -> Decimal:
    """A positive amount with at most two decimal places, as a Decimal."""
    raise NotImplementedError


def add_expense(
    conn: sqlite3.Connection,
    day: date,
    amount: Decimal | str,
    category: str,
    note: str = "",
) -> int:
    """Store one expense and return its id."""
    raise NotImplementedError


def list_expenses(
    conn: sqlite3.Connection, month: str | None = None, category: str | None = None
) -> list[Expense]:
    """Expenses ordered by day then id, optionally only one month and/or category."""
    raise NotImplementedError


def summarise(conn: sqlite3.Connection, month: str | None = None) -> dict[str, Decimal]:
    """Total spent per category (categories A-Z), optionally for one month."""
    raise NotImplementedError


def main(argv: Sequence[str] | None = None, db_path: str | Path = "expenses.db") -> int:
    """Run the CLI; return the process exit code."""
    raise NotImplementedError


if __name__ == "__main__":
    raise SystemExit(main())
