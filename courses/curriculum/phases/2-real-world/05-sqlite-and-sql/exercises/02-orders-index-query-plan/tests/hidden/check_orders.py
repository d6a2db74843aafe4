"""Hidden checks for the indexed order queries: they record what the code does, never assert."""

import random
import sqlite3
from datetime import date, timedelta

import orders
import pytest
from orders import add_orders, create_schema, customer_orders, daily_totals, explain

START = date(2025, 1, 1)


def fixture_orders(seed=7, count=400):
    """Orders in random order over ~3 months for customers 1-12 (a seeded, fixed sample)."""
    rng = random.Random(seed)
    return [
        (rng.randint(1, 12), START + timedelta(days=rng.randint(0, 89)), rng.randint(100, 20000))
        for _ in range(count)
    ]


def database():
    conn = sqlite3.connect(":memory:")
    create_schema(conn)
    create_schema(conn)
    return conn


def shape(plan):
    """Each plan step without its parenthesised constraint."""
    return [step.split(" (")[0] for step in plan]


def check_schema(observe):
    conn = database()
    observe(sorted(
        tuple(row) for row in conn.execute(
            "SELECT type, name, tbl_name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
    ))
    observe([tuple(row) for row in conn.execute("PRAGMA index_info(idx_orders_customer_placed)")])
    observe([tuple(row) for row in conn.execute("PRAGMA index_info(idx_orders_placed)")])
    observe([(row[1], row[2], row[3], row[5]) for row in conn.execute("PRAGMA table_info(orders)")])


def check_add_orders(observe):
    conn = database()
    observe(add_orders(conn, fixture_orders(count=25)))
    observe(add_orders(conn, iter([(3, date(2024, 12, 31), 1)])))
    observe(add_orders(conn, []))
    observe(conn.execute("SELECT * FROM orders ORDER BY id LIMIT 5").fetchall())
    observe(conn.execute("SELECT COUNT(*), MAX(id), typeof(placed_on) FROM orders").fetchone())
    observe(conn.execute("SELECT * FROM orders WHERE id = 26").fetchone())


@pytest.mark.parametrize(
    ("customer", "start", "end"),
    [(3, "2025-01-01", "2025-04-01"), (3, "2025-01-10", "2025-01-31"), (12, "2025-02-01", "2025-03-01"),
     (5, "2025-03-15", "2025-03-16"), (1, "2025-01-05", "2025-01-05"), (99, "2025-01-01", "2026-01-01"),
     (7, "2024-01-01", "2025-01-02")],
)
def check_customer_orders(observe, customer, start, end):
    conn = database()
    add_orders(conn, fixture_orders())
    result = observe(customer_orders(conn, customer, date.fromisoformat(start), date.fromisoformat(end)))
    observe(len(result))


def check_boundaries_and_ties(observe):
    conn = database()
    day = date(2025, 2, 10)
    add_orders(conn, [
        (4, day, 300), (4, day - timedelta(days=1), 200), (4, day + timedelta(days=1), 400),
        (4, day, 100), (5, day, 999), (4, day - timedelta(days=1), 50),
    ])
    observe(customer_orders(conn, 4, day, day + timedelta(days=1)))
    observe(customer_orders(conn, 4, day - timedelta(days=1), day))
    observe(customer_orders(conn, 4, day - timedelta(days=1), day + timedelta(days=2)))
    observe(customer_orders(conn, 4, day, day))
    observe(daily_totals(conn, day - timedelta(days=1), day + timedelta(days=1)))
    observe(daily_totals(conn, day, day))
    observe.raises(customer_orders, conn, 4, day, day - timedelta(days=1))
    observe.raises(daily_totals, conn, day + timedelta(days=1), day)


@pytest.mark.parametrize(("start", "end"), [("2025-01-01", "2025-01-08"), ("2025-03-25", "2025-04-05"),
                                            ("2025-02-27", "2025-03-02"), ("2024-12-01", "2025-01-01")])
def check_daily_totals(observe, start, end):
    conn = database()
    add_orders(conn, fixture_orders(seed=11))
    observe(daily_totals(conn, date.fromisoformat(start), date.fromisoformat(end)))


def check_plans_use_the_indexes(observe):
    conn = database()
    add_orders(conn, fixture_orders())
    customer_plan = observe(explain(conn, orders.CUSTOMER_ORDERS_SQL, (3, "2025-01-01", "2025-02-01")))
    observe(shape(customer_plan))
    daily_plan = observe(explain(conn, orders.DAILY_TOTALS_SQL, ("2025-01-01", "2025-02-01")))
    observe(shape(daily_plan))
    observe([any("SCAN" in step or "TEMP B-TREE" in step for step in plan) for plan in (customer_plan, daily_plan)])


def check_explain_on_other_queries(observe):
    conn = database()
    for sql, params in [
        ("SELECT * FROM orders WHERE customer_id = ?", (3,)),
        ("SELECT * FROM orders WHERE customer_id = ? AND placed_on = ?", (3, "2025-01-09")),
        ("SELECT * FROM orders WHERE placed_on = ?", ("2025-01-09",)),
        ("SELECT id FROM orders WHERE total_cents > ?", (500,)),
        ("SELECT customer_id, placed_on FROM orders WHERE customer_id = ? ORDER BY placed_on DESC", (3,)),
        ("SELECT * FROM orders ORDER BY total_cents", ()),
    ]:
        observe(explain(conn, sql, params))


def check_explain_really_asks_sqlite(observe, tmp_path):
    path = tmp_path / "shop.db"
    conn = sqlite3.connect(path)
    create_schema(conn)
    add_orders(conn, fixture_orders(count=50))
    before = explain(conn, orders.CUSTOMER_ORDERS_SQL, (2, "2025-01-01", "2025-03-01"))
    conn.execute("DROP INDEX idx_orders_customer_placed")
    conn.commit()
    conn.close()
    # a new connection: sqlite3 keeps prepared statements, plans included, per connection
    conn = sqlite3.connect(path)
    after = explain(conn, orders.CUSTOMER_ORDERS_SQL, (2, "2025-01-01", "2025-03-01"))
    observe((shape(before), after))
    observe(customer_orders(conn, 2, date(2025, 1, 1), date(2025, 1, 20)))
    conn.execute("DROP INDEX idx_orders_placed")
    conn.commit()
    conn.close()
    conn = sqlite3.connect(path)
    observe(explain(conn, orders.DAILY_TOTALS_SQL, ("2025-01-01", "2025-03-01")))
    create_schema(conn)
    conn.close()
    conn = sqlite3.connect(path)
    observe(shape(explain(conn, orders.DAILY_TOTALS_SQL, ("2025-01-01", "2025-03-01"))))
    conn.close()
