"""Count and rank the words in a piece of text."""

import string


def tokenize(text: str) -> list[str]:
    """Return the lower-case words of `text`, with punctuation stripped from their ends."""
    words = (piece.strip(string.punctuation).lower() for piece in text.split())
    return [word for word in words if word]


def word_counts(text: str) -> dict[str, int]:
    """Return a mapping of each word to the number of times it appears."""
    counts: dict[str, int] = {}
    for word in tokenize(text):
        counts[word] = counts.get(word, 0) + 1
    return counts


def top_words(text: str, n: int) -> list[tuple[str, int]]:
    """Return the n most common (word, count) pairs, ties in alphabetical order."""
    if n < 0:
        raise ValueError(f"n must not be negative, got {n}")
    ranked = sorted(word_counts(text).items(), key=lambda pair: (-pair[1], pair[0]))
    return ranked[:n]
