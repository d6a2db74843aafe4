import pytest
from gradebook import all_scores, averages, curve, initials, passing, seat_labels

SCORES = {"Ada": [71, 88, 93], "Bo": [45, 52], "Cy": [], "Di": [100, 99, 98, 97]}


def test_averages_skip_students_without_scores():
    assert averages(SCORES) == {"Ada": 84.0, "Bo": 48.5, "Di": 98.5}


def test_passing_is_sorted_and_uses_the_default_mark():
    assert passing({"Zed": 50.0, "Bo": 48.5, "Ada": 84.0}) == ["Ada", "Zed"]


def test_curve_caps_the_scores():
    assert curve([50, 95, 99], 3) == [53, 98, 100]
    assert curve([2, 40], -5, cap=30) == [0, 30]


def test_initials():
    assert initials(["ada", " Bo", "alan", "  "]) == {"A", "B"}


def test_all_scores_flattens_in_order():
    assert all_scores(SCORES) == [71, 88, 93, 45, 52, 100, 99, 98, 97]


def test_seat_labels():
    assert seat_labels(2, 3) == [["A1", "A2", "A3"], ["B1", "B2", "B3"]]


def test_seat_labels_needs_a_letter_per_row():
    with pytest.raises(ValueError):
        seat_labels(27, 1)
