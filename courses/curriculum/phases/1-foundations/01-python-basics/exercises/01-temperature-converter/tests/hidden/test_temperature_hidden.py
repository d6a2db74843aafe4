import pytest
from temperature import convert, parse_temperature, to_number


@pytest.mark.parametrize("text", ["", "   ", "C", "abcF", "12.5.3C"])
def test_parse_temperature_rejects_bad_input(text):
    with pytest.raises(ValueError):
        parse_temperature(text)


def test_to_number_handles_negative_and_scientific():
    assert to_number("-7") == -7
    assert type(to_number("-7")) is int
    assert to_number("1e3") == 1000.0
    assert type(to_number("1e3")) is float


def test_to_number_rejects_empty_text():
    with pytest.raises(ValueError):
        to_number("   ")


def test_convert_rounds_and_handles_space_before_unit():
    assert convert("37 c") == "98.6F"
    assert convert("0F") == "-17.8C"


def test_parse_temperature_returns_float_value():
    value, unit = parse_temperature("20C")
    assert type(value) is float
    assert unit == "C"
