from visitors import (
    first_seen_order,
    new_visitors,
    one_day_only,
    returning_visitors,
    unique_visitors,
)

MONDAY = ["ann", "bob", "ann", "cy"]
TUESDAY = ["bob", "dee", "cy", "bob"]


def test_unique_visitors_counts_distinct_ids():
    assert unique_visitors(MONDAY) == 3


def test_returning_visitors():
    assert returning_visitors(MONDAY, TUESDAY) == {"bob", "cy"}


def test_new_visitors():
    assert new_visitors(MONDAY, TUESDAY) == {"dee"}


def test_one_day_only():
    assert one_day_only(MONDAY, TUESDAY) == {"ann", "dee"}


def test_first_seen_order():
    assert first_seen_order(["b", "a", "b", "c", "a"]) == ["b", "a", "c"]
