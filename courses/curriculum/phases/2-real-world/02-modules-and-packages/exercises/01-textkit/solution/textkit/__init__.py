"""textkit - small, dependable helpers for everyday text."""

from .cleaning import normalise_whitespace, slugify, words
from .stats import reading_time, top_words, word_count

__version__ = "1.0.0"

__all__ = [
    "normalise_whitespace",
    "reading_time",
    "slugify",
    "top_words",
    "word_count",
    "words",
]
