"""Count and rank the words in a piece of text."""


def tokenize(text: str) -> list[str]:
    """Return the lower-case words of `text`, with punctuation stripped from their ends."""
    raise NotImplementedError


def word_counts(text: str) -> dict[str, int]:
    """Return a mapping of each word to the number of times it appears."""
    raise NotImplementedError


def top_words(text: str, n: int) -> list[tuple[str, int]]:
    """Return the n most common (word, count) pairs, ties in alphabetical order.

    A negative n raises ValueError.
    """
    raise NotImplementedError
