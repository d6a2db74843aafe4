"""Generate strong passwords that follow the user's preferences."""

import math
import secrets
import string
from typing import Any, Protocol


class RandomSource(Protocol):
    def choice(self, seq: Any) -> Any: ...

    def shuffle(self, x: list[Any]) -> None: ...


LOWERCASE = string.ascii_lowercase
UPPERCASE = string.ascii_uppercase
DIGITS = string.digits
SYMBOLS = "!#$%&*+-=?@^_"
AMBIGUOUS = "Il1O0o"
MIN_LENGTH, MAX_LENGTH = 4, 128


def character_pools(
    *,
    lowercase: bool = True,
    uppercase: bool = True,
    digits: bool = True,
    symbols: bool = False,
    exclude_ambiguous: bool = False,
) -> list[str]:
    """Return one string of characters per selected class."""
    chosen = [
        pool
        for pool, wanted in (
            (LOWERCASE, lowercase),
            (UPPERCASE, uppercase),
            (DIGITS, digits),
            (SYMBOLS, symbols),
        )
        if wanted
    ]
    if not chosen:
        raise ValueError("select at least one character class")
    if exclude_ambiguous:
        chosen = ["".join(c for c in pool if c not in AMBIGUOUS) for pool in chosen]
    return chosen


def generate_password(
    length: int = 16,
    *,
    lowercase: bool = True,
    uppercase: bool = True,
    digits: bool = True,
    symbols: bool = False,
    exclude_ambiguous: bool = False,
    rng: RandomSource | None = None,
) -> str:
    """Return a random password with at least one character from each selected class."""
    if not MIN_LENGTH <= length <= MAX_LENGTH:
        raise ValueError(f"length must be between {MIN_LENGTH} and {MAX_LENGTH}, got {length}")
    pools = character_pools(
        lowercase=lowercase,
        uppercase=uppercase,
        digits=digits,
        symbols=symbols,
        exclude_ambiguous=exclude_ambiguous,
    )
    source: RandomSource = rng if rng is not None else secrets.SystemRandom()
    everything = "".join(pools)
    characters = [source.choice(pool) for pool in pools]
    characters += [source.choice(everything) for _ in range(length - len(characters))]
    source.shuffle(characters)
    return "".join(characters)


def entropy_bits(length: int, alphabet_size: int) -> float:
    """Estimate the entropy of a random password, in bits."""
    if length < 1 or alphabet_size < 1:
        raise ValueError("length and alphabet_size must be at least 1")
    return round(length * math.log2(alphabet_size), 1)


def _yes_no(answers: dict[str, str], key: str, default: str) -> bool:
    answer = answers.get(key, default).strip().lower()
    if answer in ("y", "yes"):
        return True
    if answer in ("n", "no"):
        return False
    raise ValueError(f"{key}: answer yes or no, got {answer!r}")


def generate_from_answers(answers: dict[str, str], rng: RandomSource | None = None) -> str:
    """Build a password from questionnaire answers (length, symbols, ambiguous)."""
    length_text = answers.get("length", "16").strip()
    try:
        length = int(length_text)
    except ValueError:
        raise ValueError(f"length: not a whole number: {length_text!r}") from None
    return generate_password(
        length,
        symbols=_yes_no(answers, "symbols", "n"),
        exclude_ambiguous=not _yes_no(answers, "ambiguous", "y"),
        rng=rng,
    )
