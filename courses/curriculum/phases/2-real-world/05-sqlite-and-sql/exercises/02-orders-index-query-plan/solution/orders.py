"""Order history queries that stay fast because the right indexes exist."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

SCHEMA = """
CREATE TABLE IF NOT EXISTS orders (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL,
    placed_on   TEXT    NOT NULL,
    total_cents INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS idx_orders_customer_placed ON orders (customer_id, placed_on);
CREATE INDEX IF NOT EXISTS idx_orders_placed ON orders (placed_on);
"""

CUSTOMER_ORDERS_SQL = """
SELECT id, placed_on, total_cents
FROM orders
WHERE customer_id = ? AND placed_on >= ? AND placed_on < ?
ORDER BY placed_on, id
"""

DAILY_TOTALS_SQL = """
SELECT placed_on, COUNT(*), SUM(total_cents)
FROM orders
WHERE placed_on >= ? AND placed_on < ?
GROUP BY placed_on
ORDER BY placed_on
"""


def create_schema(conn: sqlite3.Connection) -> None:
    """The orders table and its two indexes; safe to run again."""
    conn.executescript(SCHEMA)


def add_orders(conn: sqlite3.Connection, orders: Iterable[tuple[int, date, int]]) -> int:
    """Insert (customer_id, placed_on, total_cents) rows in one transaction; return how many."""
    rows = [(customer, placed.isoformat(), cents) for customer, placed, cents in orders]
    with conn:
        conn.executemany(
            """INSERT INTO orders (customer_id, placed_on, total_cents) VALUES (?, ?, ?)""", rows
        )
    return len(rows)


def _range(start: date, end: date) -> tuple[str, str]:
    if start > end:
        raise ValueError(f"start {start} is after end {end}")
    return start.isoformat(), end.isoformat()


def customer_orders(
    conn: sqlite3.Connection, customer_id: int, start: date, end: date
) -> list[tuple[int, str, int]]:
    """One customer's orders with start <= placed_on < end, oldest first (then by id)."""
    low, high = _range(start, end)
    return [tuple(row) for row in conn.execute(CUSTOMER_ORDERS_SQL, (customer_id, low, high))]


def daily_totals(conn: sqlite3.Connection, start: date, end: date) -> list[tuple[str, int, int]]:
    """(day, number of orders, total cents) for each day with orders in [start, end)."""
    low, high = _range(start, end)
    return [tuple(row) for row in conn.execute(DAILY_TOTALS_SQL, (low, high))]


def explain(conn: sqlite3.Connection, sql: str, params: Sequence[Any] = ()) -> list[str]:
    """The detail column of every row of EXPLAIN QUERY PLAN for `sql`."""
    return [row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}", params)]
