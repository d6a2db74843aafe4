import pandas as pd
import pytest
from orders import clean_orders


def frame(rows):
    columns = ["order_id", "customer_id", "country", "ordered_at", "quantity", "unit_price"]
    return pd.DataFrame(rows, columns=columns, dtype="str")


@pytest.fixture
def example():
    return frame(
        [
            ["A1", "c1", "gb", "2024-03-02", "2", "9.99"],
            [" A2 ", "c2", "u.k.", "2024-03-01", "1", "€1,299.50"],
            ["A1", "c1", "GB", "2024-03-02", "2", "9.99"],
            ["A3", None, "Holland", "2024-02-30", "3", "4"],
        ]
    )


def test_readme_example(example):
    clean, report = clean_orders(example)
    assert clean["order_id"].tolist() == ["A2", "A1"]
    assert clean["revenue"].tolist() == [1299.5, 19.98]
    assert report == {
        "rows_in": 4, "missing_id": 0, "duplicates": 1, "bad_country": 0,
        "bad_quantity": 0, "bad_price": 0, "bad_date": 1, "rows_out": 2,
    }


def test_columns_and_dtypes(example):
    clean, _ = clean_orders(example)
    assert list(clean.columns) == [
        "order_id", "customer_id", "country", "ordered_at", "quantity", "unit_price", "revenue"
    ]
    assert [str(t) for t in clean.dtypes] == [
        "str", "str", "str", "datetime64[us]", "int64", "float64", "float64"
    ]
    assert clean.index.tolist() == [0, 1]


def test_each_dropped_row_is_counted_once():
    raw = frame(
        [
            ["", "c1", "GB", "2024-01-01", "1", "1"],        # missing id (and nothing else)
            ["B1", "c1", "G B", "2024-01-01", "0", "-2"],    # bad country first
            ["B2", "c1", "DE", "2024-01-01", "2.0", "x"],    # bad quantity first
            ["B3", "c1", "DE", "2024-13-01", "1", "0"],      # bad price first
            ["B4", "c1", "DE", "2024-13-01", "1", "1"],      # bad date
        ]
    )
    clean, report = clean_orders(raw)
    assert len(clean) == 0
    assert [report[k] for k in ("missing_id", "bad_country", "bad_quantity", "bad_price", "bad_date")] == [1, 1, 1, 1, 1]


def test_guest_checkout_keeps_a_missing_customer(example):
    clean, _ = clean_orders(example.assign(ordered_at="2024-03-01"))
    assert clean["customer_id"].isna().tolist() == [False, False, True]


def test_raw_frame_is_not_modified(example):
    before = example.copy()
    clean_orders(example)
    pd.testing.assert_frame_equal(example, before)
