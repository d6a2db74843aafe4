"""Read and summarise book records stored as 'title;author;year' lines."""

from collections.abc import Iterable
from typing import NamedTuple


class Book(NamedTuple):
    title: str
    author: str
    year: int


def parse_book(line: str) -> Book:
    """Parse one 'title;author;year' line into a Book.

    Raise ValueError for the wrong number of fields, an empty title or author,
    or a year that is not a whole number.
    """
    raise NotImplementedError


def read_books(lines: Iterable[str]) -> list[Book]:
    """Parse every line, skipping blank lines and lines starting with '#'."""
    raise NotImplementedError


def oldest(books: list[Book]) -> Book:
    """Return the book with the earliest year (the first one on a tie); empty -> ValueError."""
    raise NotImplementedError


def year_range(books: list[Book]) -> tuple[int, int]:
    """Return (earliest year, latest year); empty -> ValueError."""
    raise NotImplementedError


def titles_by_author(books: list[Book]) -> dict[str, list[str]]:
    """Group titles under their author, in the order given."""
    raise NotImplementedError
