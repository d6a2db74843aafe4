"""Generate strong passwords that follow the user's preferences."""

import string
from typing import Any

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
    """Return one string of characters per selected class (ValueError if none)."""
    raise NotImplementedError


def generate_password(
    length: int = 16,
    *,
    lowercase: bool = True,
    uppercase: bool = True,
    digits: bool = True,
    symbols: bool = False,
    exclude_ambiguous: bool = False,
    rng: Any = None,
) -> str:
    """Return a random password with at least one character from each selected class.

    Use rng.choice / rng.shuffle; default to secrets.SystemRandom() when rng is None.
    """
    raise NotImplementedError


def entropy_bits(length: int, alphabet_size: int) -> float:
    """Return length * log2(alphabet_size) rounded to one decimal place."""
    raise NotImplementedError


def generate_from_answers(answers: dict[str, str], rng: Any = None) -> str:
    """Build a password from questionnaire answers (length, symbols, ambiguous)."""
    raise NotImplementedError
