"""Counting things in text.

TODO: import `words` from the sibling module cleaning.py with a *relative* import.
"""


def word_count(text: str) -> int:
    """How many words `text` contains."""
    raise NotImplementedError


def top_words(text: str, n: int = 3) -> list[tuple[str, int]]:
    """The `n` most frequent words with their counts, most frequent first, ties A-Z."""
    raise NotImplementedError


def reading_time(text: str, words_per_minute: int = 200) -> int:
    """Whole minutes needed to read `text`, rounded up."""
    raise NotImplementedError
