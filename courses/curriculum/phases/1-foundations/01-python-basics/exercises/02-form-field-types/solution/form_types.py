"""Turn the text fields of a web form into typed values, and back."""

import math

TRUE_WORDS = ("true", "yes", "y", "on", "1")
FALSE_WORDS = ("false", "no", "n", "off", "0")

Value = int | float | bool | None | str


def parse_bool(text: str) -> bool:
    """Read a yes/no answer such as 'Yes', 'off' or '1'."""
    word = text.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ValueError(f"not a yes/no answer: {text!r}")


def coerce(text: str) -> Value:
    """Guess the type of one form field: None, bool, int, float or str."""
    cleaned = text.strip()
    if not cleaned:
        return None
    if cleaned.lower() in ("true", "false"):
        return cleaned.lower() == "true"
    try:
        return int(cleaned)
    except ValueError:
        pass
    try:
        number = float(cleaned)
    except ValueError:
        return cleaned
    return number if math.isfinite(number) else cleaned


def parse_form(fields: dict[str, str]) -> dict[str, Value]:
    """Coerce every field of a form, keeping the keys and their order."""
    return {name: coerce(text) for name, text in fields.items()}


def to_text(value: Value) -> str:
    """Turn a typed value back into form text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float | str):
        return str(value)
    raise TypeError(f"cannot turn a {type(value).__name__} into form text")


def numeric_total(values: list[Value]) -> int | float:
    """Add up the int and float values, ignoring None, strings and booleans."""
    return sum(v for v in values if isinstance(v, int | float) and not isinstance(v, bool))
