"""Load a bank's daily payments file into SQLite: safe to re-run, safe to retry.

Running the step twice on the same file changes nothing; a crash at any point leaves the
database exactly as it was, so running it again completes the job.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

HEADER = "payment_id,account,amount"
_AMOUNT = re.compile(r"(-?)([0-9]+)(?:\.([0-9]{1,2}))?")
SCHEMA = (
    "CREATE TABLE IF NOT EXISTS payments (payment_id TEXT PRIMARY KEY, account TEXT NOT NULL,"
    " amount_cents INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS balances (account TEXT PRIMARY KEY,"
    " balance_cents INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS imports (file_sha256 TEXT PRIMARY KEY, rows INTEGER NOT NULL,"
    " inserted INTEGER NOT NULL, duplicates INTEGER NOT NULL)",
)


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
    match = _AMOUNT.fullmatch(text)
    if match is None:
        raise ValueError(f"not an amount: {text!r}")
    sign, units, cents = match.groups()
    value = int(units) * 100 + int((cents or "0").ljust(2, "0"))
    return -value if sign else value


def read_payments(text: str) -> list[Payment]:
    """The payments of a whole file, validated before anything is written anywhere."""
    lines = text.splitlines()
    if not lines or lines[0] != HEADER:
        raise BadRowError(f"line 1: the header must be {HEADER!r}")
    payments = []
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        fields = [field.strip() for field in line.split(",")]
        if len(fields) != 3:
            raise BadRowError(f"line {number}: expected 3 fields, found {len(fields)}")
        payment_id, account, amount = fields
        if not payment_id or not account:
            raise BadRowError(f"line {number}: payment_id and account are required")
        try:
            cents = parse_amount(amount)
        except ValueError:
            raise BadRowError(f"line {number}: bad amount {amount!r}") from None
        payments.append(Payment(payment_id, account, cents))
    return payments


def import_payments(
    csv_path: str | Path,
    db_path: str | Path,
    *,
    on_row: Callable[[int], None] | None = None,
) -> ImportResult:
    """Import one payments file; see the README for the exact guarantees."""
    data = Path(csv_path).read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    with closing(sqlite3.connect(db_path)) as conn:
        for statement in SCHEMA:
            conn.execute(statement)
        conn.commit()
        seen = conn.execute("SELECT 1 FROM imports WHERE file_sha256 = ?", (digest,)).fetchone()
        if seen:
            return ImportResult(0, 0, True)
        payments = read_payments(data.decode("utf-8"))
        inserted = duplicates = 0
        with conn:  # one transaction: committed at the end, rolled back on any exception
            for number, payment in enumerate(payments, start=1):
                cursor = conn.execute(
                    "INSERT OR IGNORE INTO payments VALUES (?, ?, ?)",
                    (payment.payment_id, payment.account, payment.amount_cents),
                )
                if cursor.rowcount:
                    conn.execute(
                        "INSERT INTO balances VALUES (?, ?) ON CONFLICT(account) DO UPDATE"
                        " SET balance_cents = balance_cents + excluded.balance_cents",
                        (payment.account, payment.amount_cents),
                    )
                    inserted += 1
                else:
                    duplicates += 1
                if on_row is not None:
                    on_row(number)
            conn.execute(
                "INSERT INTO imports VALUES (?, ?, ?, ?)",
                (digest, len(payments), inserted, duplicates),
            )
        return ImportResult(inserted, duplicates, False)
