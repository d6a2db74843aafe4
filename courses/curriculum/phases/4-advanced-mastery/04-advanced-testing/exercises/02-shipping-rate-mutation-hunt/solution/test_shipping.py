"""Shipping quotes: exact amounts, both sides of every boundary, every rule on its own."""

from decimal import Decimal as D

import pytest

from shipping import ShippingError, band_price, is_remote, quote


@pytest.mark.parametrize(
    ("weight", "price"),
    [
        ("0.001", "3.50"),
        ("0.5", "3.50"),
        ("0.501", "5.90"),
        ("2", "5.90"),
        ("2.01", "9.80"),
        ("10", "9.80"),
        ("10.2", "11.00"),
        ("11", "11.00"),
        ("11.5", "12.20"),
        ("13", "13.40"),
    ],
)
def test_band_prices_on_both_sides_of_each_limit(weight, price):
    result = band_price(D(weight))
    assert result == D(price)
    assert str(result) == price


@pytest.mark.parametrize("weight", ["0", "0.000", "-0.1", "-3"])
def test_a_parcel_must_weigh_something(weight):
    with pytest.raises(ShippingError):
        band_price(D(weight))
    with pytest.raises(ShippingError):
        quote(D("10"), D(weight))


def test_shipping_error_is_a_value_error():
    assert issubclass(ShippingError, ValueError)


@pytest.mark.parametrize(
    ("subtotal", "expected"),
    [("0", "5.90"), ("49.99", "5.90"), ("50.00", "0.00"), ("50", "0.00"), ("120", "0.00")],
)
def test_free_shipping_starts_at_fifty(subtotal, expected):
    result = quote(D(subtotal), D("1.5"))
    assert result == D(expected)
    assert str(result) == expected


def test_negative_subtotal_is_rejected():
    with pytest.raises(ShippingError):
        quote(D("-0.01"), D("1"))


@pytest.mark.parametrize(
    ("weight", "expected"),
    [("0.5", "4.73"), ("2", "7.97"), ("10", "13.23"), ("10.5", "14.85"), ("12", "16.47")],
)
def test_express_multiplies_and_rounds_half_up(weight, expected):
    # 3.50 * 1.35 = 4.725 and 5.90 * 1.35 = 7.965: half-up and half-even differ here
    result = quote(D("10"), D(weight), express=True)
    assert str(result) == expected


def test_express_is_never_free():
    assert str(quote(D("50"), D("1"), express=True)) == "7.97"
    assert str(quote(D("500"), D("0.2"), express=True)) == "4.73"


@pytest.mark.parametrize(
    "postcode",
    ["HS1 2AB", "hs9 9zz", "ZE2 9QQ", " ze1 0aa ", "KW15 1AB", "kw16 3xy", "KW17", "KW17 2CD"],
)
def test_remote_postcodes(postcode):
    assert is_remote(postcode) is True


@pytest.mark.parametrize(
    "postcode",
    ["", "   ", "EH1 1AA", "KW1 4YT", "KW14 7AA", "KW18 1AA", "KW150", "KWX", "AHS1 1AA", "E1W 1AA",
     "HSX 1AA", "ZE1X"],
)
def test_postcodes_that_are_not_remote(postcode):
    assert is_remote(postcode) is False


def test_remote_surcharge_applies_to_every_kind_of_shipping():
    assert str(quote(D("20"), D("1"), postcode="ZE1 0AA")) == "9.90"
    assert str(quote(D("60"), D("1"), postcode="ZE1 0AA")) == "4.00"
    assert str(quote(D("60"), D("1"), express=True, postcode="kw17 1aa")) == "11.97"
    assert str(quote(D("60"), D("1"), postcode="KW14 1AA")) == "0.00"
