"""Checkout pricing with interchangeable discount strategies."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Line:
    sku: str
    unit_price: Decimal
    quantity: int

    def __post_init__(self) -> None:
        """Reject quantities below 1 and negative prices."""
        # TODO: raise ValueError for quantity < 1 or unit_price < 0


Rule = Callable[[Sequence[Line]], Decimal]


@dataclass(frozen=True)
class Receipt:
    subtotal: Decimal
    discount: Decimal
    total: Decimal


def subtotal(lines: Sequence[Line]) -> Decimal:
    """Sum of unit_price * quantity."""
    raise NotImplementedError


def percent_off(percent: Decimal | int | str, *, min_subtotal: Decimal | int | str = 0) -> Rule:
    """A percentage of the subtotal, when the subtotal reaches `min_subtotal`."""
    raise NotImplementedError


def amount_off(amount: Decimal | int | str, *, min_subtotal: Decimal | int | str = 0) -> Rule:
    """A fixed amount, when the subtotal reaches `min_subtotal`."""
    raise NotImplementedError


def buy_x_get_y_free(sku: str, buy: int, free: int) -> Rule:
    """Every group of buy + free units of `sku` gets `free` units free."""
    raise NotImplementedError


def best_of(*rules: Rule) -> Rule:
    """The largest discount among `rules`."""
    raise NotImplementedError


def checkout(lines: Sequence[Line], rules: Sequence[Rule]) -> Receipt:
    """Apply every rule to the original lines and cap the discount at the subtotal."""
    raise NotImplementedError
