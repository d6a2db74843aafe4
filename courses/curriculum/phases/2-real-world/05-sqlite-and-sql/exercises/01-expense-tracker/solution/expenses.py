"""A command-line expense tracker that keeps its data in SQLite."""

from __future__ import annotations

import argparse
import re
import sqlite3
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS expenses (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    day      TEXT    NOT NULL,
    cents    INTEGER NOT NULL CHECK (cents > 0),
    category TEXT    NOT NULL,
    note     TEXT    NOT NULL DEFAULT ''
)
"""
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


@dataclass(frozen=True)
class Expense:
    id: int
    day: date
    amount: Decimal
    category: str
    note: str


def connect(db_path: str | Path) -> sqlite3.Connection:
    """Open (creating if needed) the database and make sure the table exists."""
    conn = sqlite3.connect(db_path)
    conn.execute(SCHEMA)
    conn.commit()
    return conn


def parse_amount(text: str | Decimal) -> Decimal:
    """A positive amount with at most two decimal places, as a Decimal."""
    try:
        amount = Decimal(text)
        rounded = amount.quantize(Decimal("0.01"))
    except InvalidOperation:
        raise ValueError(f"not an amount: {text!r}") from None
    if not amount.is_finite() or amount <= 0:
        raise ValueError(f"amount must be positive: {text}")
    if amount != rounded:
        raise ValueError(f"amount has more than two decimal places: {text}")
    return rounded


def _clean_category(category: str) -> str:
    cleaned = category.strip().lower()
    if not cleaned:
        raise ValueError("category must not be empty")
    return cleaned


def _check_month(month: str | None) -> None:
    if month is not None and not MONTH.match(month):
        raise ValueError(f"month must look like YYYY-MM: {month!r}")


def _to_cents(amount: Decimal) -> int:
    return int(amount * 100)


def _from_cents(cents: int) -> Decimal:
    return (Decimal(cents) / 100).quantize(Decimal("0.01"))


def add_expense(
    conn: sqlite3.Connection,
    day: date,
    amount: Decimal | str,
    category: str,
    note: str = "",
) -> int:
    """Store one expense and return its id."""
    value = parse_amount(amount)
    with conn:
        cursor = conn.execute(
            """
            INSERT INTO expenses (day, cents, category, note) VALUES (?, ?, ?, ?)
            """,
            (day.isoformat(), _to_cents(value), _clean_category(category), note.strip()),
        )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def list_expenses(
    conn: sqlite3.Connection, month: str | None = None, category: str | None = None
) -> list[Expense]:
    """Expenses ordered by day then id, optionally only one month and/or category."""
    _check_month(month)
    wanted = None if category is None else _clean_category(category)
    rows = conn.execute(
        """
        SELECT id, day, cents, category, note FROM expenses
        WHERE (:month IS NULL OR substr(day, 1, 7) = :month)
          AND (:category IS NULL OR category = :category)
        ORDER BY day, id
        """,
        {"month": month, "category": wanted},
    )
    return [
        Expense(row[0], date.fromisoformat(row[1]), _from_cents(row[2]), row[3], row[4])
        for row in rows
    ]


def summarise(conn: sqlite3.Connection, month: str | None = None) -> dict[str, Decimal]:
    """Total spent per category (categories A-Z), optionally for one month."""
    _check_month(month)
    rows = conn.execute(
        """
        SELECT category, SUM(cents) FROM expenses
        WHERE (:month IS NULL OR substr(day, 1, 7) = :month)
        GROUP BY category
        ORDER BY category
        """,
        {"month": month},
    )
    return {category: _from_cents(cents) for category, cents in rows}


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser()
    commands = parser.add_subparsers(dest="command", required=True)
    add = commands.add_parser("add")
    add.add_argument("amount")
    add.add_argument("category")
    add.add_argument("--date", type=date.fromisoformat)  # YYYY-MM-DD
    add.add_argument("--note", default="")
    show = commands.add_parser("list")
    show.add_argument("--month")
    show.add_argument("--category")
    summary = commands.add_parser("summary")
    summary.add_argument("--month")
    return parser


def main(argv: Sequence[str] | None = None, db_path: str | Path = "expenses.db") -> int:
    """Run the CLI; return the process exit code."""
    parser = _build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse has already printed its message
        return int(exc.code or 0)
    conn = connect(db_path)
    try:
        if args.command == "add":
            day = args.date or date.today()
            new_id = add_expense(conn, day, args.amount, args.category, args.note)
            amount = parse_amount(args.amount)
            print(f"Added #{new_id}: {amount} {_clean_category(args.category)} on {day}")
        elif args.command == "list":
            expenses = list_expenses(conn, args.month, args.category)
            if not expenses:
                print("No expenses.")
            for e in expenses:
                print(f"#{e.id} {e.day} {e.amount} {e.category} {e.note}".rstrip())
        else:
            totals = summarise(conn, args.month)
            if not totals:
                print("No expenses.")
            else:
                for category, total in totals.items():
                    print(f"{category}: {total}")
                print(f"total: {sum(totals.values())}")
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        conn.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
