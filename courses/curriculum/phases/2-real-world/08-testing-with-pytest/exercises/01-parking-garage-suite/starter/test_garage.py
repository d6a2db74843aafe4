"""Your tests for garage.py: make every one pass on the real module, and catch the bugs."""

from datetime import datetime, timedelta

import pytest
from garage import Garage, GarageFull, fee_cents, normalise_plate


@pytest.fixture
def opening() -> datetime:
    """A fixed moment to build every other time from (never use the current time)."""
    return datetime(2025, 3, 4, 8, 0)


@pytest.fixture
def garage() -> Garage:
    return Garage(capacity=2)


def test_a_new_garage_is_empty(garage):
    assert garage.free_spaces == 2
    assert garage.inside() == []


# TODO: a parametrized table of stays and their fees (think about every edge in the README)
# TODO: entering and leaving: the last free space, the same plate written two ways,
#       leaving before entering, the order of inside()
