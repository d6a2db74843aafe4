"""Convert temperatures between Celsius and Fahrenheit."""


def to_number(text: str) -> int | float:
    """Return `text` as an int when it is a whole number, otherwise as a float."""
    cleaned = text.strip()
    try:
        return int(cleaned)
    except ValueError:
        return float(cleaned)  # raises ValueError for text that is not a number


def celsius_to_fahrenheit(celsius: float) -> float:
    """Convert degrees Celsius to degrees Fahrenheit."""
    return celsius * 9 / 5 + 32


def fahrenheit_to_celsius(fahrenheit: float) -> float:
    """Convert degrees Fahrenheit to degrees Celsius."""
    return (fahrenheit - 32) * 5 / 9


def parse_temperature(text: str) -> tuple[float, str]:
    """Split text such as '21.5C' into (21.5, 'C')."""
    cleaned = text.strip()
    if not cleaned:
        raise ValueError("empty temperature")
    unit = cleaned[-1].upper()
    if unit not in ("C", "F"):
        raise ValueError(f"unknown unit in {text!r}: use C or F")
    number = cleaned[:-1].strip()
    try:
        value = float(number)
    except ValueError:
        raise ValueError(f"not a number: {number!r}") from None
    return value, unit


def convert(text: str) -> str:
    """Convert a temperature to the other unit, formatted like '212.0F'."""
    value, unit = parse_temperature(text)
    if unit == "C":
        return f"{celsius_to_fahrenheit(value):.1f}F"
    return f"{fahrenheit_to_celsius(value):.1f}C"
