import pytest
from receipt import add_item, line_total, make_counter, receipt_total, sort_by_value


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [((-1.0,), {}), ((1.0, -2), {}), ((1.0, 1), {"discount": 1.5}), ((1.0, 1), {"discount": -0.1})],
)
def test_line_total_rejects_bad_values(args, kwargs):
    with pytest.raises(ValueError):
        line_total(*args, **kwargs)


def test_receipt_total_empty_and_negative_tax():
    assert receipt_total([]) == 0.0
    with pytest.raises(ValueError):
        receipt_total([(1.0, 1)], tax_rate=-0.2)


def test_sort_by_value_ties_by_name_and_leaves_input_alone():
    items = [("pears", 2.0, 1), ("apples", 1.0, 2), ("figs", 5.0, 1)]
    snapshot = list(items)
    assert sort_by_value(items) == [("figs", 5.0, 1), ("apples", 1.0, 2), ("pears", 2.0, 1)]
    assert items == snapshot


def test_counters_are_independent():
    a = make_counter()
    b = make_counter()
    assert a() == 1
    assert a() == 2
    assert b() == 1


def test_add_item_uses_given_basket():
    basket = ["jam"]
    result = add_item("scones", basket)
    assert result is basket
    assert basket == ["jam", "scones"]
