"""Helpers for a shop till: defaults, keyword-only arguments, lambdas and closures."""

from collections.abc import Callable


def line_total(price: float, quantity: int = 1, *, discount: float = 0.0) -> float:
    """Return the cost of one receipt line, rounded to cents."""
    if price < 0 or quantity < 0:
        raise ValueError("price and quantity must not be negative")
    if not 0 <= discount <= 1:
        raise ValueError(f"discount must be between 0 and 1, got {discount}")
    return round(price * quantity * (1 - discount), 2)


def receipt_total(lines: list[tuple[float, int]], *, tax_rate: float = 0.0) -> float:
    """Add up (price, quantity) lines and apply tax, rounded to cents."""
    if tax_rate < 0:
        raise ValueError(f"tax_rate must not be negative, got {tax_rate}")
    subtotal = sum(line_total(price, quantity) for price, quantity in lines)
    return round(subtotal * (1 + tax_rate), 2)


def sort_by_value(items: list[tuple[str, float, int]]) -> list[tuple[str, float, int]]:
    """Return items sorted by price * quantity (biggest first), ties by name."""
    return sorted(items, key=lambda item: (-(item[1] * item[2]), item[0]))


def make_counter(start: int = 0) -> Callable[[], int]:
    """Return a function that counts up from `start`, one step per call."""
    count = start

    def next_number() -> int:
        nonlocal count
        count += 1
        return count

    return next_number


def add_item(item: str, basket: list[str] | None = None) -> list[str]:
    """Append `item` to `basket` (a fresh list when none is given) and return it."""
    if basket is None:
        basket = []
    basket.append(item)
    return basket
