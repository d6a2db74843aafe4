"""Turn the text fields of a web form into typed values, and back."""

Value = int | float | bool | None | str


def parse_bool(text: str) -> bool:
    """Read a yes/no answer: true/yes/y/on/1 or false/no/n/off/0, any case.

    Anything else raises ValueError.
    """
    raise NotImplementedError


def coerce(text: str) -> Value:
    """Guess the type of one form field (None, bool, int, float or str); see the README."""
    raise NotImplementedError


def parse_form(fields: dict[str, str]) -> dict[str, Value]:
    """Return a new dict with every value passed through coerce()."""
    raise NotImplementedError


def to_text(value: Value) -> str:
    """Turn a typed value back into form text ('' for None, 'true'/'false' for booleans)."""
    raise NotImplementedError


def numeric_total(values: list[Value]) -> int | float:
    """Add up the int and float values, ignoring None, strings and booleans."""
    raise NotImplementedError
