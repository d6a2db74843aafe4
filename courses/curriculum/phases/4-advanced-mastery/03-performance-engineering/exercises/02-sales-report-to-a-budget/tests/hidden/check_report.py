"""Hidden checks: they record call counts measured with cProfile, the reports, and how many
queries each report cost (counted by the fake database, never timed); the grader compares
them with the reference."""

import random

import pytest
from report import MAX_BATCH, Order, Product, call_counts, fast_report

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


CUSTOMERS = ["Quinn", "ada", "Bea", "bea", "Zed", "li", "Mo", "ola", "Pat", "kim", "Ravi", "uma"]


def build_shop():
    rng = random.Random(20240601)
    catalogue, rates = make_catalogue(rng, 320)
    skus = [p.sku for p in catalogue]
    months = {
        "2024-05": make_orders(rng, 1000, 400, skus, CUSTOMERS),  # about 300 distinct skus
        "2024-06": make_orders(rng, 2000, 6, skus[:12], CUSTOMERS[:3]),
        # exactly 100, 101 and 200 distinct skus: the batch boundaries
        "2024-07": [Order(3000 + n, "ada", "east", ((s, 1),)) for n, s in enumerate(skus[:100])],
        "2024-08": [Order(4000 + n, "Bea", "west", ((s, 2), (s, 1))) for n, s in
                    enumerate(skus[:101])],
        "2024-09": [Order(5000 + n, "Zed", "north", ((s, 1),)) for n, s in
                    enumerate(skus[100:300])],
        "2024-10": [],
        "2024-11": [Order(6000, "li", "south", ()), Order(6001, "li", "south", (("SKU-001", 3),))],
    }
    return months, catalogue, rates


MONTHS, CATALOGUE, RATES = build_shop()


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


class Square:
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side * self.side


class Circle:
    def __init__(self, radius):
        self.radius = radius

    def area(self):
        return 3 * self.radius * self.radius


def helper(x):
    return x + 1


def shapes_total(count, *, scale=1):
    shapes = [Square(n) for n in range(count)] + [Circle(n) for n in range(count // 2)]
    return sum(s.area() for s in shapes) * scale + len(shapes) + helper(count)


def countdown(n):
    while n > 0:
        yield n
        n -= 1


def uses_a_generator(n):
    return [helper(v) for v in countdown(n)]


def broken(n):
    helper(n)
    raise ZeroDivisionError("broken on purpose")


def check_call_counts_with_cprofile(observe):
    observe(call_counts(fib, 15))
    observe(call_counts(fib, 0))
    observe(call_counts(shapes_total, 7, scale=2))
    observe(call_counts(uses_a_generator, 4))
    observe(call_counts(sorted, [3, 1, 2]))
    observe(call_counts(lambda: helper(helper(1))))
    observe.raises(call_counts, broken, 3)


@pytest.mark.parametrize("month", ["2024-05", "2024-06", "2024-10", "2024-11", "2024-12"])
def check_reports_and_their_query_counts(observe, month):
    for top in (3, 0, 1, 50):
        db = FakeDatabase(MONTHS, CATALOGUE, RATES)
        observe(fast_report(db, month, top))
        observe(db.calls)


@pytest.mark.parametrize("month", ["2024-07", "2024-08", "2024-09"])
def check_products_batches_at_the_boundaries(observe, month):
    db = FakeDatabase(MONTHS, CATALOGUE, RATES)
    observe(fast_report(db, month))
    observe(db.calls)


def check_default_top_and_ties(observe):
    tied = {
        "2025-01": [
            Order(1, "nia", "east", (("T-1", 2),)),
            Order(2, "Abe", "east", (("T-2", 1),)),
            Order(3, "cal", "east", (("T-1", 1), ("T-1", 1))),
            Order(4, "bob", "west", (("T-2", 1),)),
            Order(5, "abe", "east", (("T-3", 1),)),
            Order(6, "aaron", "east", (("T-2", 1),)),  # ties with "Abe": names break the tie
            Order(7, "nia", "west", ()),
            Order(8, "Aaa", "east", (("T-2", 1),)),  # a third 1000, last in, first by name
        ]
    }
    catalogue = [Product("T-1", "food", 500), Product("T-2", "toys", 1000),
                 Product("T-3", "toys", 999)]
    rates = {("east", "food"): 1250, ("east", "toys"): 0, ("west", "toys"): 5}
    db = FakeDatabase(tied, catalogue, rates)
    observe(fast_report(db, "2025-01"))
    observe(db.calls)
    observe(fast_report(FakeDatabase(tied, catalogue, rates), "2025-01", top=7).top_customers)


def check_errors_are_the_same_as_slow_report(observe):
    db = FakeDatabase(MONTHS, CATALOGUE, RATES)
    for top in (-1, -20):
        observe.raises(fast_report, db, "2024-05", top)
    observe(db.calls)
    unknown = {"2025-02": [Order(1, "ada", "east", (("SKU-001", 1), ("NOPE", 2)))]}
    observe.raises(fast_report, FakeDatabase(unknown, CATALOGUE, RATES), "2025-02")
    observe(fast_report(FakeDatabase(unknown, CATALOGUE, RATES), "2025-03"))
