"""Hidden checks: they record what the code does; the grader compares with the reference."""

import pytest
from receipt import add_item, line_total, make_counter, receipt_total, sort_by_value


def check_line_total_defaults_and_rounding(observe):
    observe(line_total(3.2))
    observe(line_total(0.125))
    observe(line_total(1.25, 3))
    observe(line_total(0, 5))
    observe(line_total(4.0, 0))
    observe(line_total(19.99, 3, discount=0.15))
    observe(line_total(10, 3, discount=1 / 3))
    observe(line_total(8.0, 2, discount=1))
    observe(line_total(8.0, 2, discount=0))
    observe.raises(line_total, 10, 2, 0.5)


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [
        ((-0.01,), {}),
        ((2.0, -1), {}),
        ((2.0, 1), {"discount": 1.01}),
        ((2.0, 1), {"discount": -0.01}),
        ((-5.0, -2), {}),
    ],
)
def check_line_total_rejects_bad_values(observe, args, kwargs):
    observe.raises(line_total, *args, **kwargs)
    observe(line_total(abs(args[0]), 2, discount=0.5))


def check_receipt_total_rounds_each_line_then_taxes(observe):
    observe(receipt_total([]))
    observe(receipt_total([], tax_rate=0.2))
    observe(receipt_total([(0.333, 1), (0.333, 1), (0.333, 1)]))
    observe(receipt_total([(19.99, 3), (0.5, 7)], tax_rate=0.2))
    observe(receipt_total([(2.5, 2), (1.1, 3)], tax_rate=0))
    observe(receipt_total([(0.005, 1), (0.015, 1)], tax_rate=0.07))
    observe.raises(receipt_total, [(1.0, 1)], tax_rate=-0.01)
    observe.raises(receipt_total, [(1.0, 1)], 0.2)


def check_sort_by_value_orders_and_leaves_input_alone(observe):
    items = [
        ("pears", 2.0, 1),
        ("apples", 1.0, 2),
        ("figs", 5.0, 1),
        ("Dates", 0.5, 4),
        ("kiwis", 0.25, 2),
        ("bananas", 3.0, 1),
    ]
    before = list(items)
    result = observe(sort_by_value(items))
    observe(items == before)
    observe(result is items)
    observe(sort_by_value([]))
    observe(sort_by_value([("b", 1.0, 1), ("a", 1.0, 1), ("B", 0.5, 2)]))


def check_counters_are_independent(observe):
    first = make_counter()
    second = make_counter(-3)
    third = make_counter(-3)
    observe([first(), first(), second(), first(), second(), third()])
    observe(make_counter(41)())


def check_add_item_baskets(observe):
    basket = ["jam"]
    result = add_item("scones", basket)
    observe(result)
    observe(result is basket)
    observe(add_item("cream", basket))
    fresh_one = add_item("tea")
    fresh_two = add_item("milk")
    observe([fresh_one, fresh_two])
    observe(fresh_one is fresh_two)
    observe(add_item("x", []))
