"""Find the hot spots with cProfile, then make the monthly sales report fit its budget."""

from __future__ import annotations

import cProfile
import pstats
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any, Protocol

# --- given (do not change) -----------------------------------------------------------------

MAX_BATCH = 100  # Database.products accepts at most this many skus per call


@dataclass(frozen=True)
class Order:
    order_id: int
    customer: str
    region: str
    lines: tuple[tuple[str, int], ...]  # (sku, quantity)


@dataclass(frozen=True)
class Product:
    sku: str
    category: str
    price: int  # cents, before tax


@dataclass(frozen=True)
class Report:
    month: str
    revenue: int  # cents, before tax
    tax: int  # cents
    by_category: dict[str, int]  # revenue before tax, per category
    top_customers: list[tuple[str, int]]  # (customer, spent including tax), best first


class Database(Protocol):
    """Every method is one query: one round trip to the database server."""

    def order_ids(self, month: str) -> list[int]: ...

    def order(self, order_id: int) -> Order: ...

    def orders(self, month: str) -> list[Order]: ...

    def product(self, sku: str) -> Product: ...  # KeyError for an unknown sku

    def products(self, skus: Collection[str]) -> dict[str, Product]: ...  # unknown: left out

    def tax_rate(self, region: str, category: str) -> int: ...  # basis points: 2000 = 20 %


def line_tax(amount: int, rate: int) -> int:
    """Tax in cents on `amount` cents at `rate` basis points, rounded half up."""
    return (amount * rate + 5000) // 10000


def slow_report(db: Database, month: str, top: int = 3) -> Report:
    """Correct, and far too slow: it is the specification of fast_report."""
    if top < 0:
        raise ValueError("top must not be negative")
    revenue = tax = 0
    by_category: dict[str, int] = {}
    spent: dict[str, int] = {}
    for order_id in db.order_ids(month):
        order = db.order(order_id)
        for sku, quantity in order.lines:
            product = db.product(sku)
            amount = product.price * quantity
            line = line_tax(amount, db.tax_rate(order.region, product.category))
            revenue += amount
            tax += line
            by_category[product.category] = by_category.get(product.category, 0) + amount
            spent[order.customer] = spent.get(order.customer, 0) + amount + line
    best = sorted(spent.items(), key=lambda item: (-item[1], item[0]))
    return Report(month, revenue, tax, by_category, best[:top])


# --- your code -----------------------------------------------------------------------------


def call_counts(
    func: Callable[..., Any], /, *args: Any, **kwargs: Any
) -> tuple[Any, dict[str, int]]:
    """Run func under cProfile; its result and the calls of each Python function, by name."""
    raise NotImplementedError


def fast_report(db: Database, month: str, top: int = 3) -> Report:
    """The same Report as slow_report, within the query budget of the README."""
    return slow_report(db, month, top)  # correct, but far over budget: profile it, then fix it
