"""Answer questions about website visitors with sets."""

from collections.abc import Iterable


def unique_visitors(log: list[str]) -> int:
    """Return the number of different visitor ids in `log`."""
    return len(set(log))


def returning_visitors(before: Iterable[str], after: Iterable[str]) -> set[str]:
    """Return the ids present in both groups."""
    return set(before) & set(after)


def new_visitors(before: Iterable[str], after: Iterable[str]) -> set[str]:
    """Return the ids in `after` that were not in `before`."""
    return set(after) - set(before)


def one_day_only(day1: Iterable[str], day2: Iterable[str]) -> set[str]:
    """Return the ids that visited on exactly one of the two days."""
    return set(day1) ^ set(day2)


def first_seen_order(log: list[str]) -> list[str]:
    """Return each id once, in the order it first appeared."""
    seen: set[str] = set()
    ordered: list[str] = []
    for visitor in log:
        if visitor not in seen:
            seen.add(visitor)
            ordered.append(visitor)
    return ordered
