"""Hidden checks: they record what the code does; the grader compares with the reference."""

import pytest
from temperature import (
    celsius_to_fahrenheit,
    convert,
    fahrenheit_to_celsius,
    parse_temperature,
    to_number,
)


def check_to_number_keeps_ints_and_floats_apart(observe):
    for text in ["-7", "  12\t", "+5", "0", "1e3", " -2.25 ", "-0.0", "3.", ".5", "007"]:
        observe.call(to_number, text)


@pytest.mark.parametrize("text", ["ten", "", "   ", "4,5", "1.2.3", "12C"])
def check_to_number_rejects_text_that_is_not_a_number(observe, text):
    observe.raises(to_number, text)
    observe(to_number(" 19 ") + to_number("0.5"))


def check_conversion_formulas(observe):
    for celsius in [0, 37, -273.15, 21.5, -40, 1000]:
        observe(celsius_to_fahrenheit(celsius))
    for fahrenheit in [32, 98.6, -459.67, 0, 451, -40]:
        observe(fahrenheit_to_celsius(fahrenheit))
    observe(fahrenheit_to_celsius(celsius_to_fahrenheit(12.34)))


def check_parse_temperature_values_and_units(observe):
    for text in ["20C", "  98.6 f", "-3.5c", "0F", "1e2 C", "451F ", "\t-40 C\n", "7 c"]:
        observe.call(parse_temperature, text)


@pytest.mark.parametrize("text", ["", "    ", "C", " f ", "abcF", "12.5.3C", "20K", "20", "C20"])
def check_parse_temperature_rejects_bad_text(observe, text):
    observe.raises(parse_temperature, text)
    observe(parse_temperature(" 15 f "))


def check_convert_rounds_to_one_decimal(observe):
    for text in ["37 c", "0F", "-40C", "100c", "212 F", "36.6C", "-17.8C", "1F", "0.25C", "33.35f"]:
        observe.call(convert, text)
    observe.raises(convert, "20K")
    observe.raises(convert, "hotC")
