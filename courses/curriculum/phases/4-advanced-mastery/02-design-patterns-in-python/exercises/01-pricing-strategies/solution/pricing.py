"""Checkout pricing with interchangeable discount strategies."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

ZERO = Decimal("0")
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Line:
    sku: str
    unit_price: Decimal
    quantity: int

    def __post_init__(self) -> None:
        """Reject quantities below 1 and negative prices."""
        if self.quantity < 1:
            raise ValueError(f"quantity must be at least 1, got {self.quantity}")
        if self.unit_price < 0:
            raise ValueError(f"unit_price must not be negative, got {self.unit_price}")


Rule = Callable[[Sequence[Line]], Decimal]


@dataclass(frozen=True)
class Receipt:
    subtotal: Decimal
    discount: Decimal
    total: Decimal


def _money(value: Decimal | int | str) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(str(value))


def subtotal(lines: Sequence[Line]) -> Decimal:
    """Sum of unit_price * quantity."""
    return sum((line.unit_price * line.quantity for line in lines), ZERO)


def percent_off(percent: Decimal | int | str, *, min_subtotal: Decimal | int | str = 0) -> Rule:
    """A percentage of the subtotal, when the subtotal reaches `min_subtotal`."""
    rate, threshold = _money(percent), _money(min_subtotal)
    if not 0 <= rate <= 100:
        raise ValueError("percent must be between 0 and 100")

    def rule(lines: Sequence[Line]) -> Decimal:
        sub = subtotal(lines)
        return sub * rate / 100 if sub >= threshold else ZERO

    return rule


def amount_off(amount: Decimal | int | str, *, min_subtotal: Decimal | int | str = 0) -> Rule:
    """A fixed amount, when the subtotal reaches `min_subtotal`."""
    value, threshold = _money(amount), _money(min_subtotal)
    if value < 0:
        raise ValueError("amount must not be negative")

    def rule(lines: Sequence[Line]) -> Decimal:
        return value if subtotal(lines) >= threshold else ZERO

    return rule


def buy_x_get_y_free(sku: str, buy: int, free: int) -> Rule:
    """Every group of buy + free units of `sku` gets `free` units free."""
    if buy < 1 or free < 1:
        raise ValueError("buy and free must both be at least 1")
    group = buy + free

    def rule(lines: Sequence[Line]) -> Decimal:
        return sum(
            (
                line.unit_price * (line.quantity // group) * free
                for line in lines
                if line.sku == sku
            ),
            ZERO,
        )

    return rule


def best_of(*rules: Rule) -> Rule:
    """The largest discount among `rules`."""

    def rule(lines: Sequence[Line]) -> Decimal:
        return max((r(lines) for r in rules), default=ZERO)

    return rule


def checkout(lines: Sequence[Line], rules: Sequence[Rule]) -> Receipt:
    """Apply every rule to the original lines and cap the discount at the subtotal."""
    sub = subtotal(lines)
    discounts: list[Decimal] = []
    for rule in rules:
        amount = rule(lines)
        if amount < 0:
            raise ValueError(f"rule {rule!r} returned a negative discount {amount}")
        discounts.append(amount.quantize(CENT, rounding=ROUND_HALF_UP))
    discount = min(sum(discounts, ZERO), sub)
    return Receipt(sub, discount, sub - discount)
