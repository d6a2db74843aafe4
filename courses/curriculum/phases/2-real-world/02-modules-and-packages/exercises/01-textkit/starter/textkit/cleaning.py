"""Turning messy text into tidy text."""


def normalise_whitespace(text: str) -> str:
    """Collapse every run of whitespace into one space and trim both ends."""
    raise NotImplementedError


def words(text: str) -> list[str]:
    """The lowercase words of `text`; an apostrophe inside a word belongs to it."""
    raise NotImplementedError


def slugify(text: str) -> str:
    """A URL-friendly version of `text`: ASCII words joined by hyphens."""
    raise NotImplementedError
