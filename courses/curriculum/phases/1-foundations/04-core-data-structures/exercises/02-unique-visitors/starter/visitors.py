"""Answer questions about website visitors with sets."""

from collections.abc import Iterable


def unique_visitors(log: list[str]) -> int:
    """Return the number of different visitor ids in `log`."""
    raise NotImplementedError


def returning_visitors(before: Iterable[str], after: Iterable[str]) -> set[str]:
    """Return the ids present in both groups."""
    raise NotImplementedError


def new_visitors(before: Iterable[str], after: Iterable[str]) -> set[str]:
    """Return the ids in `after` that were not in `before`."""
    raise NotImplementedError


def one_day_only(day1: Iterable[str], day2: Iterable[str]) -> set[str]:
    """Return the ids that visited on exactly one of the two days."""
    raise NotImplementedError


def first_seen_order(log: list[str]) -> list[str]:
    """Return each id once, in the order it first appeared."""
    raise NotImplementedError
