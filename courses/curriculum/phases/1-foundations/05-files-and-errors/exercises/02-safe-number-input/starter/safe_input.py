"""Turn user-typed text into whole numbers, with clear errors."""

from collections.abc import Callable


def parse_int(text: str, *, minimum: int | None = None, maximum: int | None = None) -> int:
    """Return `text` as an int, checking the optional inclusive limits.

    Raise ValueError("not a whole number: '...'"), ValueError("must be at least N") or
    ValueError("must be at most N").
    """
    raise NotImplementedError


def parse_int_or_default(text: str, default: int) -> int:
    """Return `text` as an int, or `default` when it is not a whole number."""
    raise NotImplementedError


def average_of(texts: list[str]) -> float:
    """Average the entries that are whole numbers, skipping the rest.

    Raise ValueError("no valid numbers") when nothing is valid.
    """
    raise NotImplementedError


def ask_int(
    prompt: str,
    *,
    attempts: int = 3,
    minimum: int | None = None,
    maximum: int | None = None,
    input_func: Callable[[str], str] = input,
) -> int:
    """Keep asking until the answer is a whole number within the limits.

    Print "Try again: <reason>" after each bad answer; after `attempts` bad answers raise
    ValueError("no valid answer after N attempts").
    """
    raise NotImplementedError
