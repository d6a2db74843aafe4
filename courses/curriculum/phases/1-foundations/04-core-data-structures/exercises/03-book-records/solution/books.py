"""Read and summarise book records stored as 'title;author;year' lines."""

from collections.abc import Iterable
from typing import NamedTuple


class Book(NamedTuple):
    title: str
    author: str
    year: int


def parse_book(line: str) -> Book:
    """Parse one 'title;author;year' line into a Book."""
    fields = [field.strip() for field in line.split(";")]
    if len(fields) != 3 or not fields[0] or not fields[1]:
        raise ValueError(f"expected 'title;author;year' with a title and an author: {line!r}")
    title, author, year_text = fields
    return Book(title, author, int(year_text))  # int() raises ValueError for a bad year


def read_books(lines: Iterable[str]) -> list[Book]:
    """Parse every non-blank, non-comment line."""
    return [
        parse_book(line) for line in lines if line.strip() and not line.lstrip().startswith("#")
    ]


def oldest(books: list[Book]) -> Book:
    """Return the book with the earliest year (the first one on a tie)."""
    return min(books, key=lambda book: book.year)  # min() of an empty list is a ValueError


def year_range(books: list[Book]) -> tuple[int, int]:
    """Return (earliest year, latest year)."""
    years = [book.year for book in books]
    return min(years), max(years)  # ValueError when there are no books


def titles_by_author(books: list[Book]) -> dict[str, list[str]]:
    """Group titles under their author, in the order given."""
    grouped: dict[str, list[str]] = {}
    for book in books:
        grouped.setdefault(book.author, []).append(book.title)
    return grouped
