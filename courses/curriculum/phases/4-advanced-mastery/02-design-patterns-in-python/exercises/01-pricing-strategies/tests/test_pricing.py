from decimal import Decimal as D

import pytest
from pricing import (
    Line,
    Receipt,
    amount_off,
    best_of,
    buy_x_get_y_free,
    checkout,
    percent_off,
    subtotal,
)

BASKET = [Line("apple", D("0.40"), 7), Line("bread", D("2.10"), 1)]


def test_subtotal():
    assert subtotal(BASKET) == D("4.90")
    assert subtotal([]) == D("0")


def test_readme_example():
    rules = [buy_x_get_y_free("apple", 2, 1), percent_off(10, min_subtotal=5)]
    assert checkout(BASKET, rules) == Receipt(D("4.90"), D("0.80"), D("4.10"))


def test_percent_off_respects_threshold():
    assert percent_off(10, min_subtotal=4)(BASKET) == D("0.49")
    assert percent_off(10, min_subtotal=5)(BASKET) == D("0")


def test_rules_apply_to_original_lines_and_add_up():
    lines = [Line("x", D("10.00"), 2)]
    receipt = checkout(lines, [percent_off(10), amount_off(5)])
    assert receipt == Receipt(D("20.00"), D("7.00"), D("13.00"))


def test_discount_never_exceeds_subtotal():
    receipt = checkout([Line("x", D("3.00"), 1)], [amount_off(5), amount_off(5)])
    assert receipt.discount == D("3.00")
    assert receipt.total == D("0.00")


def test_best_of_picks_the_largest_single_discount():
    rule = best_of(percent_off(10), amount_off("0.75"), buy_x_get_y_free("apple", 3, 1))
    assert rule(BASKET) == D("0.75")
    assert best_of()(BASKET) == D("0")


def test_line_validation():
    with pytest.raises(ValueError):
        Line("x", D("1.00"), 0)
    with pytest.raises(ValueError):
        Line("x", D("-1.00"), 1)
