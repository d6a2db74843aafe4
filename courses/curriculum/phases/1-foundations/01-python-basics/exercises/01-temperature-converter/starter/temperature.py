"""Convert temperatures between Celsius and Fahrenheit."""


def to_number(text: str) -> int | float:
    """Return `text` as an int when it is a whole number, otherwise as a float.

    Surrounding whitespace is ignored; text that is not a number raises ValueError.
    """
    raise NotImplementedError


def celsius_to_fahrenheit(celsius: float) -> float:
    """Convert degrees Celsius to degrees Fahrenheit."""
    raise NotImplementedError


def fahrenheit_to_celsius(fahrenheit: float) -> float:
    """Convert degrees Fahrenheit to degrees Celsius."""
    raise NotImplementedError


def parse_temperature(text: str) -> tuple[float, str]:
    """Split text such as '21.5C' into (21.5, 'C').

    The last character is the unit (C or F, any case); the rest is the number.
    Raise ValueError for empty text, an unknown unit or a bad number.
    """
    raise NotImplementedError


def convert(text: str) -> str:
    """Convert a temperature to the other unit, formatted like '212.0F'."""
    raise NotImplementedError
