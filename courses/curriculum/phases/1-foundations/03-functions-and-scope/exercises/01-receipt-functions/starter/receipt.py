"""Helpers for a shop till: defaults, keyword-only arguments, lambdas and closures."""

from collections.abc import Callable


def line_total(price: float, quantity: int = 1, *, discount: float = 0.0) -> float:
    """Return price * quantity * (1 - discount), rounded to 2 decimal places.

    Negative price or quantity, or a discount outside 0..1, raises ValueError.
    """
    raise NotImplementedError


def receipt_total(lines: list[tuple[float, int]], *, tax_rate: float = 0.0) -> float:
    """Add up (price, quantity) lines, apply tax and round to 2 decimal places."""
    raise NotImplementedError


def sort_by_value(items: list[tuple[str, float, int]]) -> list[tuple[str, float, int]]:
    """Return a new list sorted by price * quantity (biggest first), ties by name."""
    raise NotImplementedError


def make_counter(start: int = 0) -> Callable[[], int]:
    """Return a function whose calls return start + 1, start + 2, ..."""
    raise NotImplementedError


def add_item(item: str, basket: list[str] | None = None) -> list[str]:
    """Append `item` to `basket` (a fresh list when none is given) and return it."""
    raise NotImplementedError
