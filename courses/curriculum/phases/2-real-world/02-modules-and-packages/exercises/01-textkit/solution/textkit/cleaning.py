"""Turning messy text into tidy text."""

import re
import unicodedata

_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")


def normalise_whitespace(text: str) -> str:
    """Collapse every run of whitespace into one space and trim both ends."""
    return " ".join(text.split())


def words(text: str) -> list[str]:
    """The lowercase words of `text`; an apostrophe inside a word belongs to it."""
    return _WORD.findall(text.lower())


def slugify(text: str) -> str:
    """A URL-friendly version of `text`: ASCII words joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return "-".join(word.replace("'", "") for word in words(ascii_text))
