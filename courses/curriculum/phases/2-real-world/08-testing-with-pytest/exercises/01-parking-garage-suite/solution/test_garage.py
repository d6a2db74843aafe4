"""A reference suite for garage.py: fixtures for the setup, a table for the fees."""

from datetime import datetime, timedelta

import pytest
from garage import Garage, GarageFull, fee_cents, normalise_plate


@pytest.fixture
def opening() -> datetime:
    return datetime(2025, 3, 4, 8, 0)


@pytest.fixture
def garage() -> Garage:
    return Garage(capacity=2)


@pytest.fixture
def full_garage(garage, opening) -> Garage:
    garage.enter("ZZ-999", opening)
    garage.enter("aa 111", opening + timedelta(minutes=5))
    return garage


def stay(hours: int = 0, minutes: int = 0, seconds: int = 0) -> timedelta:
    return timedelta(hours=hours, minutes=minutes, seconds=seconds)


@pytest.mark.parametrize(
    ("length", "cents"),
    [
        (stay(), 0),
        (stay(minutes=15), 0),
        (stay(minutes=15, seconds=1), 250),
        (stay(hours=1), 250),
        (stay(hours=1, seconds=1), 500),
        (stay(hours=7), 1750),
        (stay(hours=7, minutes=1), 1800),
        (stay(hours=23, minutes=59), 1800),
        (stay(hours=24), 1800),
        (stay(hours=24, minutes=10), 2050),
        (stay(hours=26), 2300),
        (stay(hours=48), 3600),
        (stay(hours=71), 5400),
    ],
)
def test_fee_table(length, cents):
    assert fee_cents(length) == cents
    assert type(fee_cents(length)) is int


def test_negative_stay_is_an_error():
    with pytest.raises(ValueError):
        fee_cents(timedelta(seconds=-1))


@pytest.mark.parametrize(("raw", "plate"), [("  ab-12 cd ", "AB12CD"), ("XY9", "XY9")])
def test_normalise_plate(raw, plate):
    assert normalise_plate(raw) == plate


@pytest.mark.parametrize("raw", ["", "  ", " - -"])
def test_empty_plate_is_an_error(raw):
    with pytest.raises(ValueError):
        normalise_plate(raw)


def test_capacity_must_be_positive():
    with pytest.raises(ValueError):
        Garage(0)
    assert Garage(1).free_spaces == 1


def test_a_full_garage_refuses_the_next_car(full_garage, opening):
    assert full_garage.free_spaces == 0
    with pytest.raises(GarageFull):
        full_garage.enter("NEW1", opening + timedelta(hours=1))
    assert full_garage.inside() == ["ZZ999", "AA111"]


def test_leaving_frees_the_space(full_garage, opening):
    assert full_garage.leave("zz999", opening + timedelta(hours=2)) == 500
    assert full_garage.free_spaces == 1
    full_garage.enter("NEW1", opening + timedelta(hours=3))
    assert full_garage.inside() == ["AA111", "NEW1"]


def test_same_plate_in_other_spelling_is_already_inside(garage, opening):
    garage.enter("ab-123", opening)
    with pytest.raises(ValueError):
        garage.enter("AB 123", opening + timedelta(minutes=1))
    assert garage.free_spaces == 1


def test_unknown_car_cannot_leave(garage, opening):
    with pytest.raises(KeyError):
        garage.leave("NOPE", opening)


def test_leaving_before_entering_keeps_the_car(garage, opening):
    garage.enter("AB123", opening)
    with pytest.raises(ValueError):
        garage.leave("AB123", opening - timedelta(minutes=1))
    assert garage.inside() == ["AB123"]
    assert garage.leave("AB123", opening + timedelta(minutes=20)) == 250


def test_leaving_at_the_moment_of_entry_is_free(garage, opening):
    garage.enter("AB123", opening)
    assert garage.leave("AB123", opening) == 0
    assert garage.free_spaces == 2


def test_inside_lists_by_arrival(opening):
    garage = Garage(3)
    garage.enter("MMM", opening + timedelta(minutes=10))
    garage.enter("CCC", opening + timedelta(minutes=20))
    garage.enter("TTT", opening + timedelta(minutes=20))
    assert garage.inside() == ["MMM", "CCC", "TTT"]
