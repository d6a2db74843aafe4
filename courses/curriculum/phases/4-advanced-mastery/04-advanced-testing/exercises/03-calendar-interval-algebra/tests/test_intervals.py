"""Examples, and properties checked against the simplest possible model: a set of minutes."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intervals import difference, free_slots, intersection, normalise, total, union

interval = st.tuples(st.integers(-30, 30), st.integers(0, 15)).map(lambda p: (p[0], p[0] + p[1]))
interval_lists = st.lists(interval, max_size=6)


def minutes(intervals):
    """The model: the set of minutes a list of intervals covers."""
    return {t for start, end in intervals for t in range(start, end)}


def is_canonical(intervals):
    pairs = zip(intervals, intervals[1:])
    return all(s < e for s, e in intervals) and all(a[1] < b[0] for a, b in pairs)


def test_normalise_examples():
    assert normalise([(5, 8), (1, 3)]) == [(1, 3), (5, 8)]
    assert normalise([(1, 3), (3, 5)]) == [(1, 5)]  # touching intervals merge
    assert normalise([(1, 10), (2, 3)]) == [(1, 10)]
    assert normalise([(4, 4)]) == []
    assert normalise([]) == []


def test_normalise_rejects_backwards_intervals():
    with pytest.raises(ValueError):
        normalise([(1, 2), (5, 3)])


def test_set_operation_examples():
    assert union([(1, 3)], [(2, 6)]) == [(1, 6)]
    assert intersection([(1, 5), (8, 12)], [(3, 10)]) == [(3, 5), (8, 10)]
    assert difference([(0, 10)], [(2, 4), (6, 7)]) == [(0, 2), (4, 6), (7, 10)]
    assert total([(0, 10), (5, 15)]) == 15


def test_free_slots_example():
    busy = [(540, 600), (660, 690), (400, 545)]
    assert free_slots((480, 720), busy, 30) == [(600, 660), (690, 720)]
    assert free_slots((480, 720), busy, 31) == [(600, 660)]


@given(interval_lists)
def test_normalise_keeps_the_minutes_and_is_canonical(items):
    result = normalise(items)
    assert minutes(result) == minutes(items)
    assert is_canonical(result)
    assert normalise(result) == result


@given(interval_lists, interval_lists)
def test_set_operations_match_the_model(a, b):
    assert minutes(union(a, b)) == minutes(a) | minutes(b)
    assert minutes(intersection(a, b)) == minutes(a) & minutes(b)
    assert minutes(difference(a, b)) == minutes(a) - minutes(b)
    for result in (union(a, b), intersection(a, b), difference(a, b)):
        assert is_canonical(result)
    assert total(a) == len(minutes(a))


@given(interval, interval_lists, st.integers(1, 8))
def test_free_slots_stay_in_the_window(window, busy, min_length):
    slots = free_slots(window, busy, min_length)
    assert minutes(slots) <= minutes([window]) - minutes(busy)
    assert all(end - start >= min_length for start, end in slots)
    assert is_canonical(slots)
