"""Tests for cleaning.py: one group per function, both sides of every boundary."""

import pandas as pd
import pytest
from cleaning import clean_products, latest_per_key, normalise_country, parse_price


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12.50", 12.5),
        (" 7 ", 7.0),
        ("€1,299.50", 1299.5),
        ("1,000,000", 1000000.0),
        ("€ 3", 3.0),
        ("0", 0.0),
        ("0.00", 0.0),
        ("2.499", 2.5),
        ("2.494", 2.49),
        (None, None),
        ("", None),
        ("   ", None),
        ("€", None),
    ],
)
def test_parse_price(text, expected):
    assert parse_price(text) == expected


def test_parse_price_returns_floats():
    assert type(parse_price("5")) is float


@pytest.mark.parametrize("text", ["abc", "12 EUR", "-0.01", "-3", "inf", "nan", "-inf", "€€5"])
def test_parse_price_rejects(text):
    with pytest.raises(ValueError):
        parse_price(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("de", "DE"),
        (" fr ", "FR"),
        ("uk", "GB"),
        ("U.K.", "GB"),
        (" u.k. ", "GB"),
        ("Great Britain", "GB"),
        ("holland", "NL"),
        ("GBR", None),
        ("G", None),
        ("G1", None),
        ("", None),
        (None, None),
    ],
)
def test_normalise_country(text, expected):
    assert normalise_country(text) == expected


def stamps(*days):
    return pd.to_datetime([f"2024-05-{day:02d}" for day in days])


def test_latest_per_key_keeps_the_latest_row():
    frame = pd.DataFrame({"sku": ["b", "a", "b", "a"], "at": stamps(3, 9, 1, 2), "v": [1, 2, 3, 4]})
    before = frame.copy()
    result = latest_per_key(frame, "sku", "at")
    expected = pd.DataFrame({"sku": ["a", "b"], "at": stamps(9, 3), "v": [2, 1]})
    pd.testing.assert_frame_equal(result, expected)
    pd.testing.assert_frame_equal(frame, before)


def test_latest_per_key_tie_goes_to_the_later_row():
    frame = pd.DataFrame({"sku": ["x", "x", "x"], "at": stamps(5, 5, 4), "v": [1, 2, 3]})
    assert latest_per_key(frame, "sku", "at")["v"].tolist() == [2]


def test_latest_per_key_index_is_fresh():
    frame = pd.DataFrame({"sku": ["z", "y"], "at": stamps(1, 2)}, index=[10, 20])
    assert latest_per_key(frame, "sku", "at").index.tolist() == [0, 1]


def test_clean_products():
    raw = pd.DataFrame(
        {
            "sku": ["s2", "s1", "s1", "s3", "s4", "s2"],
            "country": ["uk", "de", None, "XXX", "nl", "holland"],
            "price": ["€1,000", "4.999", "-2", None, "inf", "abc"],
            "updated_at": stamps(1, 2, 3, 4, 5, 6),
        }
    )
    result = clean_products(raw)
    assert result["sku"].tolist() == ["s1", "s2"]
    assert result["price"].tolist() == [5.0, 1000.0]
    assert result["country"].tolist() == ["DE", "GB"]
    assert str(result["price"].dtype) == "float64"
    assert result.index.tolist() == [0, 1]


def test_clean_products_keeps_the_latest_valid_row():
    raw = pd.DataFrame(
        {"sku": ["k", "k"], "country": ["se", "se"], "price": ["3", "4"], "updated_at": stamps(8, 8)},
        index=[5, 6],
    )
    assert clean_products(raw)["price"].tolist() == [4.0]


def test_latest_per_key_breaks_many_ties_by_position():
    # Forty rows updated at the same moment: only a stable sort keeps them in frame order,
    # so the last one (price 40) must win.
    frame = pd.DataFrame(
        {"sku": ["A"] * 40, "updated_at": ["2024-05-01"] * 40, "price": list(range(1, 41))}
    )
    assert latest_per_key(frame, "sku", "updated_at")["price"].tolist() == [40]


def test_clean_products_keeps_the_rows_of_a_frame_with_its_own_index():
    raw = pd.DataFrame(
        {"sku": ["A", "B"], "price": ["1", "2"], "country": ["de", "fr"],
         "updated_at": ["2024-01-01", "2024-01-02"]},
        index=[10, 20],
    )
    cleaned = clean_products(raw)
    assert cleaned["country"].tolist() == ["DE", "FR"]
    assert cleaned["price"].tolist() == [1.0, 2.0]


def test_clean_products_without_any_usable_price_keeps_a_float_price_column():
    raw = pd.DataFrame(
        {"sku": ["A"], "price": ["n/a"], "country": ["de"], "updated_at": ["2024-01-01"]}
    )
    cleaned = clean_products(raw)
    assert len(cleaned) == 0
    assert str(cleaned["price"].dtype) == "float64"
