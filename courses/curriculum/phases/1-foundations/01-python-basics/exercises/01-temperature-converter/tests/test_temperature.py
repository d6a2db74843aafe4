import pytest
from temperature import (
    celsius_to_fahrenheit,
    convert,
    fahrenheit_to_celsius,
    parse_temperature,
    to_number,
)


def test_to_number_keeps_whole_numbers_as_int():
    result = to_number(" 42 ")
    assert result == 42
    assert type(result) is int


def test_to_number_returns_float_for_decimals():
    result = to_number("3.5")
    assert result == 3.5
    assert type(result) is float


def test_to_number_rejects_words():
    with pytest.raises(ValueError):
        to_number("ten")


@pytest.mark.parametrize(("celsius", "fahrenheit"), [(0, 32.0), (100, 212.0), (-40, -40.0)])
def test_conversions_both_ways(celsius, fahrenheit):
    assert celsius_to_fahrenheit(celsius) == pytest.approx(fahrenheit)
    assert fahrenheit_to_celsius(fahrenheit) == pytest.approx(celsius)


def test_parse_temperature_reads_value_and_unit():
    assert parse_temperature("21.5C") == (21.5, "C")
    assert parse_temperature(" -40 f ") == (-40.0, "F")


def test_parse_temperature_rejects_unknown_unit():
    with pytest.raises(ValueError):
        parse_temperature("20K")


def test_convert_formats_with_one_decimal():
    assert convert("100C") == "212.0F"
    assert convert("50F") == "10.0C"
