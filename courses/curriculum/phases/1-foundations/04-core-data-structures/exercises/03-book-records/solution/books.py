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
    if len(fields) != 3:
        raise ValueError(f"expected 'title;author;year', got {line!r}")
    title, author, year_text = fields
    if not title or not author:
        raise ValueError(f"title and author must not be empty: {line!r}")
    try:
        year = int(year_text)
    except ValueError:
        raise ValueError(f"year is not a whole number: {year_text!r}") from None
    return Book(title, author, year)


def read_books(lines: Iterable[str]) -> list[Book]:
    """Parse every non-blank, non-comment line."""
    return [
        parse_book(line) for line in lines if line.strip() and not line.lstrip().startswith("#")
    ]


def oldest(books: list[Book]) -> Book:
    """Return the book with the earliest year (the first one on a tie)."""
    if not books:
        raise ValueError("no books given")
    return min(books, key=lambda book: book.year)


def year_range(books: list[Book]) -> tuple[int, int]:
    """Return (earliest year, latest year)."""
    if not books:
        raise ValueError("no books given")
    years = [book.year for book in books]
    return min(years), max(years)


def titles_by_author(books: list[Book]) -> dict[str, list[str]]:
    """Group titles under their author, in the order given."""
    grouped: dict[str, list[str]] = {}
    for book in books:
        grouped.setdefault(book.author, []).append(book.title)
    return grouped
