"""Order history queries that stay fast because the right indexes exist.

Read README.md for the exact schema, index names and queries.
"""

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
"""

CUSTOMER_ORDERS_SQL = """
SELECT id, placed_on, total_cents FROM orders
"""

DAILY_TOTALS_SQL = """
SELECT placed_on, COUNT(*), SUM(total_cents) FROM orders
"""


def create_schema(conn: sqlite3.Connection) -> None:
    """The orders table and its two indexes; safe to run again."""
    raise NotImplementedError


def add_orders(conn: sqlite3.Connection, orders: Iterable[tuple[int, date, int]]) -> int:
    """Insert (customer_id, placed_on, total_cents) rows in one transaction; return how many."""
    raise NotImplementedError


def customer_orders(
    conn: sqlite3.Connection, customer_id: int, start: date, end: date
) -> list[tuple[int, str, int]]:
    """One customer's orders with start <= placed_on < end, oldest first (then by id)."""
    raise NotImplementedError


def daily_totals(conn: sqlite3.Connection, start: date, end: date) -> list[tuple[str, int, int]]:
    """(day, number of orders, total cents) for each day with orders in [start, end)."""
    raise NotImplementedError


def explain(conn: sqlite3.Connection, sql: str, params: Sequence[Any] = ()) -> list[str]:
    """The detail column of every row of EXPLAIN QUERY PLAN for `sql`."""
    raise NotImplementedError
