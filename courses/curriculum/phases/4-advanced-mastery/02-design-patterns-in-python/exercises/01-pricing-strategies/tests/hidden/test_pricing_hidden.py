from decimal import Decimal as D

import pytest
from pricing import Line, Receipt, amount_off, buy_x_get_y_free, checkout, percent_off


def test_each_discount_is_rounded_half_up_before_summing():
    lines = [Line("x", D("0.05"), 1)]
    # 10% of 0.05 = 0.005 -> 0.01 each; summing first would give 0.010 -> 0.01 total
    receipt = checkout(lines, [percent_off(10), percent_off(10)])
    assert receipt.discount == D("0.02")
    assert receipt.total == D("0.03")


def test_buy_x_get_y_counts_each_line_and_only_complete_groups():
    lines = [
        Line("tea", D("3.00"), 5),  # buy 2 get 2: one complete group of 4 -> 2 free
        Line("tea", D("1.00"), 8),  # 2 groups -> 4 free
        Line("milk", D("9.99"), 10),
    ]
    rule = buy_x_get_y_free("tea", 2, 2)
    assert rule(lines) == D("3.00") * 2 + D("1.00") * 4


def test_argument_validation():
    with pytest.raises(ValueError):
        percent_off(101)
    with pytest.raises(ValueError):
        percent_off(-1)
    with pytest.raises(ValueError):
        amount_off(-1)
    with pytest.raises(ValueError):
        buy_x_get_y_free("a", 0, 1)
    with pytest.raises(ValueError):
        buy_x_get_y_free("a", 1, 0)


def test_string_and_decimal_arguments_are_exact():
    lines = [Line("x", D("10.00"), 1)]
    assert percent_off("12.5")(lines) == D("1.25")
    assert amount_off("0.10", min_subtotal="10.00")(lines) == D("0.10")
    assert amount_off(D("0.10"), min_subtotal=D("10.01"))(lines) == D("0")


def test_negative_rule_output_is_rejected():
    with pytest.raises(ValueError):
        checkout([Line("x", D("1.00"), 1)], [lambda lines: D("-0.01")])


def test_checkout_with_no_rules_or_lines():
    assert checkout([], [amount_off(5)]) == Receipt(D("0"), D("0"), D("0"))
    lines = [Line("x", D("2.50"), 2)]
    assert checkout(lines, []) == Receipt(D("5.00"), D("0"), D("5.00"))


def test_checkout_accepts_any_callable_strategy():
    calls: list[int] = []

    def spy(lines):
        calls.append(len(lines))
        return D("1")

    receipt = checkout([Line("a", D("4"), 1), Line("b", D("1"), 1)], [spy])
    assert calls == [2]
    assert receipt.total == D("4.00")
