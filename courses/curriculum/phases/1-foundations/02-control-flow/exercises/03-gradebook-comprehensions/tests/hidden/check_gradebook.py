"""Hidden checks: they record what the code does; the grader compares with the reference."""

import pytest
from gradebook import all_scores, averages, curve, initials, passing, seat_labels

CLASS = {
    "Yusuf": [70, 71],
    "Eve": [],
    "Anna": [100],
    "Oli": [33, 67, 99, 0],
    "Bea": [49, 50, 51, 49],
    "Cam": [72, 73, 72, 72],
}


def check_averages(observe):
    result = observe(averages(CLASS))
    observe(list(result))
    observe(averages({}))
    observe(averages({"Solo": [0]}))
    observe(averages({"A": [1, 2, 2], "B": [2, 2, 3]}))


def check_passing_at_least_the_mark(observe):
    table = {"Zoe": 50.0, "bob": 61.5, "Al": 49.9, "Mo": 75.0, "Ann": 50.1}
    observe(passing(table))
    observe(passing(table, 75.0))
    observe(passing(table, pass_mark=0))
    observe(passing(table, 100.5))
    observe(passing({}))
    observe(passing(averages(CLASS), 49.75))


def check_curve_clamps_both_ends(observe):
    scores = [50, 95, 99, 100, 0, 97]
    observe(curve(scores, 3))
    observe(curve(scores, -10))
    observe(curve(scores, 5, cap=98))
    observe(curve(scores, 0, cap=50))
    observe(curve([], 7))
    observe(scores)
    observe(curve([10, 20], -15, cap=10))


def check_initials(observe):
    observe(initials(["ada", " Bo", "alan", "  ", "", "\tcy", "Zoe", "zed", "\u00e9mile"]))
    observe(initials([]))
    observe(initials(["   ", ""]))


def check_all_scores_keeps_the_order(observe):
    observe(all_scores(CLASS))
    observe(all_scores({}))
    observe(all_scores({"x": [], "y": [5, 5]}))


@pytest.mark.parametrize(("rows", "seats"), [(2, 3), (1, 1), (0, 4), (3, 0), (26, 2), (4, 11)])
def check_seat_labels(observe, rows, seats):
    labels = observe(seat_labels(rows, seats))
    observe([len(row) for row in labels])


@pytest.mark.parametrize(("rows", "seats"), [(27, 1), (-1, 3), (2, -1), (40, 0)])
def check_seat_labels_rejects(observe, rows, seats):
    observe.raises(seat_labels, rows, seats)
    observe(seat_labels(min(abs(rows), 26), 2)[-1])
