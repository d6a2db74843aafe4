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
    unit = cleaned[-1:].upper()  # "" for empty text
    if unit not in ("C", "F"):
        raise ValueError(f"expected a number and C or F, like '21.5C', got {text!r}")
    return float(cleaned[:-1]), unit  # float() raises ValueError for a bad number


def convert(text: str) -> str:
    """Convert a temperature to the other unit, formatted like '212.0F'."""
    value, unit = parse_temperature(text)
    if unit == "C":
        return f"{celsius_to_fahrenheit(value):.1f}F"
    return f"{fahrenheit_to_celsius(value):.1f}C"
