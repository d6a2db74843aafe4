"""The observation format: exact types on the way in (inside the sandbox), strict comparison
on the way out (on the trusted side). No sandbox needed here."""

from __future__ import annotations

import dataclasses
import datetime
import decimal
import enum
import fractions
from collections import namedtuple
from pathlib import PurePosixPath
from typing import Any

import pytest

from submissions.sandbox.inside.apprentice_observe import (
    DIGEST_ABOVE,
    Observer,
    Unencodable,
    encode,
)
from submissions.sandbox.observations import informative, records_match


def record(value: Any, **kwargs: Any) -> dict[str, Any]:
    observer = Observer()
    observer(value, **kwargs)
    return observer.records[0]


def same(expected: Any, actual: Any, **kwargs: Any) -> bool:
    return records_match([record(expected, **kwargs)], [record(actual)])


@pytest.mark.parametrize(
    ("expected", "actual"),
    [
        (1, 1.0),
        (1, True),
        (0, False),
        ((1, 2), [1, 2]),
        ("1", 1),
        (None, 0),
        (decimal.Decimal("1.0"), decimal.Decimal("1")),
        (frozenset({1}), {1}),
        (b"a", "a"),
        (bytearray(b"a"), b"a"),
        ([1, 2], [2, 1]),
        (datetime.date(2026, 1, 1), datetime.datetime(2026, 1, 1)),
    ],
)
def test_values_of_different_types_or_order_never_match(expected: Any, actual: Any) -> None:
    assert not same(expected, actual)


@pytest.mark.parametrize(
    "value",
    [
        0,
        -(10**30),
        3.25,
        float("nan"),
        float("-inf"),
        "é\n\t",
        "x" * (DIGEST_ABOVE + 5),
        b"\x00\xff",
        [1, (2, [3.5, None])],
        {"b": 1, "a": [True]},
        {3, 1, 2},
        range(1, 10, 2),
        fractions.Fraction(3, 4),
        datetime.timedelta(days=1, seconds=5),
        PurePosixPath("a/b.txt"),
        complex(1, -2),
    ],
)
def test_a_value_matches_itself(value: Any) -> None:
    assert same(value, value)


def test_dicts_match_regardless_of_key_order_but_not_of_values() -> None:
    assert same({"a": 1, "b": 2}, {"b": 2, "a": 1})
    assert not same({"a": 1, "b": 2}, {"a": 1, "b": 3})
    assert not same({"a": 1}, {"a": 1, "b": 2})


def test_long_text_is_compared_by_digest_and_stays_small() -> None:
    long = "y" * 100_000
    encoded = encode(long)
    assert encoded[0] == "str#" and len(str(encoded)) < 200
    assert same(long, long)
    assert not same(long, long[:-1] + "z")


def test_floats_match_within_the_reference_tolerance_only() -> None:
    assert same(0.1 + 0.2, 0.3)  # default relative tolerance 1e-9
    assert not same(1.0, 1.001)
    assert same(1.0, 1.001, tol=1e-2)
    # A learner's record cannot widen the tolerance: only the expected record's counts.
    widened = record(1.5, tol=10.0)
    assert not records_match([record(1.0)], [widened])


def test_always_equal_objects_and_subclasses_cannot_be_recorded() -> None:
    class AlwaysEqual:
        def __eq__(self, other: object) -> bool:
            return True

        __hash__ = object.__hash__

    class Sneaky(str):
        def __eq__(self, other: object) -> bool:
            return True

        __hash__ = str.__hash__

    for value in (AlwaysEqual(), Sneaky("7"), [1, AlwaysEqual()]):
        with pytest.raises(Unencodable):
            encode(value)
        observer = Observer()
        observer(value)
        assert observer.problem
        assert not records_match([record("7")], observer.records)


def test_named_types_keep_their_names() -> None:
    Point = namedtuple("Point", "x y")

    @dataclasses.dataclass
    class Item:
        name: str
        qty: int

    class Colour(enum.Enum):
        RED = 1

    assert encode(Point(1, 2))[:2] == ["namedtuple", "Point"]
    assert not same(Point(1, 2), (1, 2))
    assert same(Item("a", 1), Item("a", 1))
    assert not same(Item("a", 1), Item("a", 2))
    assert encode(Colour.RED)[:3] == ["enum", "Colour", "RED"]


def test_call_records_return_values_and_exception_types() -> None:
    observer = Observer()
    observer.call(int, "12")
    observer.call(int, "twelve")
    observer.raises(int, "3")
    assert [r["v"] for r in observer.records] == [
        ["int", "12"],
        ["raised", "ValueError"],
        ["returned"],
    ]


def test_deep_or_huge_values_are_refused_not_recorded() -> None:
    nested: list[Any] = []
    for _ in range(100):
        nested = [nested]
    with pytest.raises(Unencodable):
        encode(nested)
    with pytest.raises(Unencodable):
        encode(list(range(50_000)))
    with pytest.raises(Unencodable):
        encode(10**100_000)  # more digits than int->str allows


@pytest.mark.parametrize(
    "garbage",
    [None, 5, "x", [None], [{"v": None}], [{"v": ["int"]}], [{"v": ["dict", "no"]}], [[]]],
)
def test_garbage_from_a_learner_run_never_matches_and_never_raises(garbage: Any) -> None:
    assert records_match([record(5)], garbage) is False
    assert records_match([record({"a": 1})], garbage) is False


def test_the_number_of_records_must_match() -> None:
    assert not records_match([record(1), record(2)], [record(1)])
    assert not records_match([record(1)], [record(1), record(2)])


def test_a_check_needs_a_value_that_cannot_be_guessed() -> None:
    assert informative(record(42))
    assert informative(record("error: x"))
    assert not informative(record(True))
    assert not informative(record(None))
    observer = Observer()
    observer.raises(int, "x")
    assert not informative(observer.records[0])
