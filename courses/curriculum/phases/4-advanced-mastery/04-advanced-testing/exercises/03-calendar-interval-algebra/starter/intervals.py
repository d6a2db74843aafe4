"""Set algebra on half-open time intervals, for a meeting-room calendar.

An interval is a tuple ``(start, end)`` of ints meaning every minute ``t`` with
``start <= t < end``. A *canonical* list is sorted by start, has no empty intervals and no
two intervals that overlap or touch.
"""

from __future__ import annotations

from collections.abc import Iterable

Interval = tuple[int, int]


def normalise(intervals: Iterable[Interval]) -> list[Interval]:
    """The canonical list covering the same minutes as `intervals` (given in any order).

    ValueError if an interval ends before it starts.
    """
    raise NotImplementedError


def union(a: Iterable[Interval], b: Iterable[Interval]) -> list[Interval]:
    """Minutes in `a` or in `b`, canonical."""
    raise NotImplementedError


def intersection(a: Iterable[Interval], b: Iterable[Interval]) -> list[Interval]:
    """Minutes in both `a` and `b`, canonical."""
    raise NotImplementedError


def difference(a: Iterable[Interval], b: Iterable[Interval]) -> list[Interval]:
    """Minutes in `a` but not in `b`, canonical."""
    raise NotImplementedError


def total(intervals: Iterable[Interval]) -> int:
    """How many minutes `intervals` cover (overlaps counted once)."""
    raise NotImplementedError


def free_slots(window: Interval, busy: Iterable[Interval], min_length: int = 1) -> list[Interval]:
    """The parts of `window` not covered by `busy`, each at least `min_length` long, in order.

    Busy intervals may reach outside the window; the slots never do. ValueError when the
    window ends before it starts or `min_length` is less than 1.
    """
    raise NotImplementedError
