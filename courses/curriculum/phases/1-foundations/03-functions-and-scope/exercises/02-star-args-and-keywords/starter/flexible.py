"""Helpers for an events app that take any number of arguments."""

from collections.abc import Callable


def total(*amounts: float, discount: float = 0.0) -> float:
    """Add up the amounts and take off the discount fraction, rounded to cents (a float).

    A discount outside 0..1 raises ValueError.
    """
    raise NotImplementedError


def join_names(*names: str, sep: str = ", ", last_sep: str = " and ") -> str:
    """Join names like 'Ada, Bo and Cy', skipping blank ones."""
    raise NotImplementedError


def log_line(level: str, *parts: object, sep: str = " ", **fields: object) -> str:
    """One log line: '[LEVEL] message | key=value ...'; an unknown level raises ValueError."""
    raise NotImplementedError


def apply_all(value: object, *functions: Callable[[object], object]) -> object:
    """Pass `value` through each function in turn and return the result."""
    raise NotImplementedError
