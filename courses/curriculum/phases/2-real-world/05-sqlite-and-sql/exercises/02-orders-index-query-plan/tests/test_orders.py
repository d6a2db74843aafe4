import sqlite3
from datetime import date

import pytest
from orders import (
    CUSTOMER_ORDERS_SQL,
    DAILY_TOTALS_SQL,
    add_orders,
    create_schema,
    customer_orders,
    daily_totals,
    explain,
)

D = date


@pytest.fixture
def conn():
    connection = sqlite3.connect(":memory:")
    create_schema(connection)
    add_orders(connection, [(7, D(2025, 3, 2), 1250), (7, D(2025, 3, 1), 990), (8, D(2025, 3, 1), 500)])
    yield connection
    connection.close()


def test_schema_can_be_created_twice(conn):
    create_schema(conn)
    names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"idx_orders_customer_placed", "idx_orders_placed"} <= names


def test_add_orders_counts_rows(conn):
    assert add_orders(conn, [(9, D(2025, 1, 1), 100), (9, D(2025, 1, 2), 200)]) == 2
    assert conn.execute("SELECT COUNT(*) FROM orders").fetchone()[0] == 5


def test_customer_orders_half_open_and_sorted(conn):
    assert customer_orders(conn, 7, D(2025, 3, 1), D(2025, 3, 3)) == [(2, "2025-03-01", 990), (1, "2025-03-02", 1250)]
    assert customer_orders(conn, 7, D(2025, 3, 1), D(2025, 3, 2)) == [(2, "2025-03-01", 990)]
    assert customer_orders(conn, 9, D(2025, 1, 1), D(2026, 1, 1)) == []


def test_daily_totals(conn):
    assert daily_totals(conn, D(2025, 3, 1), D(2025, 4, 1)) == [("2025-03-01", 2, 1490), ("2025-03-02", 1, 1250)]
    with pytest.raises(ValueError):
        daily_totals(conn, D(2025, 4, 1), D(2025, 3, 1))


def test_customer_query_uses_the_index(conn):
    plan = explain(conn, CUSTOMER_ORDERS_SQL, (7, "2025-03-01", "2025-04-01"))
    assert len(plan) == 1
    assert plan[0].startswith("SEARCH orders USING INDEX idx_orders_customer_placed")


def test_daily_query_uses_the_date_index(conn):
    plan = explain(conn, DAILY_TOTALS_SQL, ("2025-03-01", "2025-04-01"))
    assert plan == ["SEARCH orders USING INDEX idx_orders_placed (placed_on>? AND placed_on<?)"]
