import random

import pytest
from report import (
    MAX_BATCH,
    Order,
    Product,
    Report,
    call_counts,
    fast_report,
    slow_report,
)

class FakeDatabase:
    """An in-memory database that counts every query, by method."""

    def __init__(self, orders_by_month, products, rates):
        self._orders = orders_by_month
        self._products = {p.sku: p for p in products}
        self._rates = rates
        self.calls = dict.fromkeys(
            ["order_ids", "order", "orders", "product", "products", "tax_rate"], 0
        )

    def order_ids(self, month):
        self.calls["order_ids"] += 1
        return [o.order_id for o in self._orders.get(month, [])]

    def order(self, order_id):
        self.calls["order"] += 1
        for orders in self._orders.values():
            for o in orders:
                if o.order_id == order_id:
                    return o
        raise KeyError(order_id)

    def orders(self, month):
        self.calls["orders"] += 1
        return list(self._orders.get(month, []))

    def product(self, sku):
        self.calls["product"] += 1
        return self._products[sku]

    def products(self, skus):
        self.calls["products"] += 1
        skus = list(skus)
        if len(skus) > MAX_BATCH:
            raise ValueError(f"at most {MAX_BATCH} skus per query, got {len(skus)}")
        return {s: self._products[s] for s in skus if s in self._products}

    def tax_rate(self, region, category):
        self.calls["tax_rate"] += 1
        return self._rates[(region, category)]


REGIONS = ["north", "south", "east", "west"]
CATEGORIES = ["books", "food", "garden", "tools", "toys"]


def make_catalogue(rng, count):
    products = [
        Product(f"SKU-{n:03d}", rng.choice(CATEGORIES), rng.randint(99, 9999))
        for n in range(count)
    ]
    rates = {
        (region, category): rng.choice([0, 550, 1000, 1250, 2000, 2175])
        for region in REGIONS
        for category in CATEGORIES
    }
    return products, rates


def make_orders(rng, first_id, count, skus, customers):
    orders = []
    for n in range(count):
        lines = tuple(
            (rng.choice(skus), rng.randint(1, 5)) for _ in range(rng.randint(1, 4))
        )
        customer = rng.choice(customers)
        region = REGIONS[sum(map(ord, customer)) % len(REGIONS)]
        orders.append(Order(first_id + n, customer, region, lines))
    rng.shuffle(orders)
    return orders


def shop(seed=1, orders=60, products=40):
    rng = random.Random(seed)
    catalogue, rates = make_catalogue(rng, products)
    skus = [p.sku for p in catalogue]
    months = {
        "2024-03": make_orders(rng, 1, orders, skus, ["ana", "bo", "cy", "dee", "eli"]),
        "2024-04": [],
    }
    return lambda: FakeDatabase(months, catalogue, rates)


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def test_call_counts_counts_every_call_of_a_python_function():
    assert call_counts(fib, 10) == (55, {"fib": 177})


def test_call_counts_leaves_out_builtins():
    def total(words):
        return sum(len(w) for w in words)

    result, counts = call_counts(total, words=["a", "bb", "ccc"])
    assert result == 6
    assert counts["total"] == 1
    assert "len" not in counts and "sum" not in counts


def test_fast_report_gives_the_same_report():
    new_db = shop()
    assert fast_report(new_db(), "2024-03") == slow_report(new_db(), "2024-03")
    assert fast_report(new_db(), "2024-03", top=10) == slow_report(new_db(), "2024-03", top=10)


def test_fast_report_reads_the_month_in_one_query():
    db = shop()()
    fast_report(db, "2024-03")
    assert db.calls["orders"] == 1
    assert db.calls["order_ids"] == db.calls["order"] == db.calls["product"] == 0


def test_products_come_in_batches_of_at_most_100():
    db = shop(seed=2, orders=200, products=150)()
    fast_report(db, "2024-03")
    assert db.calls["products"] == 2  # about 150 distinct skus: 100 + the rest


def test_each_tax_rate_is_asked_for_once():
    db = shop()()
    report = fast_report(db, "2024-03")
    pairs = {(o.region, p) for o in db.orders("2024-03") for p in {
        db._products[s].category for s, _ in o.lines}}
    assert db.calls["tax_rate"] == len(pairs)
    assert isinstance(report, Report)


def test_an_empty_month_needs_a_single_query():
    db = shop()()
    assert fast_report(db, "2024-04") == Report("2024-04", 0, 0, {}, [])
    assert sum(db.calls.values()) == 1


def test_negative_top_is_rejected():
    with pytest.raises(ValueError):
        fast_report(shop()(), "2024-03", top=-1)
