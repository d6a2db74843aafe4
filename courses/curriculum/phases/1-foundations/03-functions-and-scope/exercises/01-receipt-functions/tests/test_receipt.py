import pytest
from receipt import add_item, line_total, make_counter, receipt_total, sort_by_value


def test_line_total_uses_defaults():
    assert line_total(2.5) == 2.5
    assert line_total(2.5, 4) == 10.0


def test_line_total_applies_keyword_discount():
    assert line_total(10, 2, discount=0.25) == 15.0


def test_discount_is_keyword_only():
    with pytest.raises(TypeError):
        line_total(10, 2, 0.25)


def test_receipt_total_with_tax():
    assert receipt_total([(1.20, 2), (3.00, 1)], tax_rate=0.1) == 5.94


def test_sort_by_value_biggest_first():
    items = [("milk", 1.0, 2), ("bread", 2.5, 1), ("eggs", 0.3, 12)]
    assert sort_by_value(items) == [("eggs", 0.3, 12), ("bread", 2.5, 1), ("milk", 1.0, 2)]


def test_make_counter_counts_from_start():
    ticket = make_counter(100)
    assert ticket() == 101
    assert ticket() == 102


def test_add_item_starts_fresh_basket_each_time():
    first = add_item("tea")
    second = add_item("coffee")
    assert first == ["tea"]
    assert second == ["coffee"]
