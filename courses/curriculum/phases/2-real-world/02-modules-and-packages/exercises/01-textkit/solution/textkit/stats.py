"""Counting things in text."""

import math
from collections import Counter

from .cleaning import words


def word_count(text: str) -> int:
    """How many words `text` contains."""
    return len(words(text))


def top_words(text: str, n: int = 3) -> list[tuple[str, int]]:
    """The `n` most frequent words with their counts, most frequent first, ties A-Z."""
    if n < 0:
        raise ValueError("n must not be negative")
    counts = Counter(words(text))
    ranked = sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))
    return ranked[:n]


def reading_time(text: str, words_per_minute: int = 200) -> int:
    """Whole minutes needed to read `text`, rounded up."""
    if words_per_minute <= 0:
        raise ValueError("words_per_minute must be positive")
    return math.ceil(word_count(text) / words_per_minute)
