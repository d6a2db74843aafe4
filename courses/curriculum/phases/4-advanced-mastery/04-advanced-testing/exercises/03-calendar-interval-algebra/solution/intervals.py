"""Set algebra on half-open time intervals, for a meeting-room calendar.

An interval is a tuple ``(start, end)`` of ints meaning every minute ``t`` with
``start <= t < end``. A *canonical* list is sorted by start, has no empty intervals and no
two intervals that overlap or touch.
"""

from __future__ import annotations

from collections.abc import Iterable

Interval = tuple[int, int]


def normalise(intervals: Iterable[Interval]) -> list[Interval]:
    """The canonical list covering the same minutes as `intervals` (given in any order)."""
    pieces = []
    for start, end in intervals:
        if start > end:
            raise ValueError(f"an interval cannot end before it starts: {(start, end)}")
        if start < end:
            pieces.append((start, end))
    pieces.sort()
    merged: list[Interval] = []
    for start, end in pieces:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def union(a: Iterable[Interval], b: Iterable[Interval]) -> list[Interval]:
    """Minutes in `a` or in `b`, canonical."""
    return normalise([*a, *b])


def intersection(a: Iterable[Interval], b: Iterable[Interval]) -> list[Interval]:
    """Minutes in both `a` and `b`, canonical."""
    left, right = normalise(a), normalise(b)
    result: list[Interval] = []
    i = j = 0
    while i < len(left) and j < len(right):
        start = max(left[i][0], right[j][0])
        end = min(left[i][1], right[j][1])
        if start < end:
            result.append((start, end))
        if left[i][1] < right[j][1]:
            i += 1
        else:
            j += 1
    return result


def difference(a: Iterable[Interval], b: Iterable[Interval]) -> list[Interval]:
    """Minutes in `a` but not in `b`, canonical."""
    result: list[Interval] = []
    cuts = normalise(b)
    for start, end in normalise(a):
        for cut_start, cut_end in cuts:
            if cut_end <= start or cut_start >= end:
                continue
            if cut_start > start:
                result.append((start, cut_start))
            start = max(start, cut_end)
        if start < end:
            result.append((start, end))
    return result


def total(intervals: Iterable[Interval]) -> int:
    """How many minutes `intervals` cover (overlaps counted once)."""
    return sum(end - start for start, end in normalise(intervals))


def free_slots(window: Interval, busy: Iterable[Interval], min_length: int = 1) -> list[Interval]:
    """The parts of `window` not covered by `busy`, each at least `min_length` long, in order.

    Busy intervals may reach outside the window; the slots never do. ValueError when the
    window ends before it starts or `min_length` is less than 1.
    """
    if min_length < 1:
        raise ValueError("min_length must be at least 1")
    return [slot for slot in difference([window], busy) if slot[1] - slot[0] >= min_length]
