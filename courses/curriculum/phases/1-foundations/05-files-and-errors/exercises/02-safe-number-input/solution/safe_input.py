"""Turn user-typed text into whole numbers, with clear errors."""

from collections.abc import Callable


def parse_int(text: str, *, minimum: int | None = None, maximum: int | None = None) -> int:
    """Return `text` as an int, checking the optional inclusive limits."""
    cleaned = text.strip()
    try:
        number = int(cleaned)
    except ValueError:
        raise ValueError(f"not a whole number: {cleaned!r}") from None
    if minimum is not None and number < minimum:
        raise ValueError(f"must be at least {minimum}")
    if maximum is not None and number > maximum:
        raise ValueError(f"must be at most {maximum}")
    return number


def parse_int_or_default(text: str, default: int) -> int:
    """Return `text` as an int, or `default` when it is not a whole number."""
    try:
        return parse_int(text)
    except ValueError:
        return default


def average_of(texts: list[str]) -> float:
    """Average the entries that are whole numbers, skipping the rest."""
    numbers: list[int] = []
    for text in texts:
        try:
            numbers.append(parse_int(text))
        except ValueError:
            continue
    if not numbers:
        raise ValueError("no valid numbers")
    return sum(numbers) / len(numbers)


def ask_int(
    prompt: str,
    *,
    attempts: int = 3,
    minimum: int | None = None,
    maximum: int | None = None,
    input_func: Callable[[str], str] = input,
) -> int:
    """Keep asking until the answer is a whole number within the limits."""
    if attempts < 1:
        raise ValueError(f"attempts must be at least 1, got {attempts}")
    for _ in range(attempts):
        answer = input_func(prompt)
        try:
            return parse_int(answer, minimum=minimum, maximum=maximum)
        except ValueError as error:
            print(f"Try again: {error}")
    raise ValueError(f"no valid answer after {attempts} attempts")
