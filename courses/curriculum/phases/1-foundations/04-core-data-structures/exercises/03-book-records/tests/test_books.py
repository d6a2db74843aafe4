import pytest
from books import Book, oldest, parse_book, read_books, titles_by_author, year_range

SHELF = [
    Book("Emma", "Jane Austen", 1815),
    Book("Dune", "Frank Herbert", 1965),
    Book("Persuasion", "Jane Austen", 1817),
]


def test_parse_book_strips_fields():
    assert parse_book(" Emma ; Jane Austen ; 1815 ") == Book("Emma", "Jane Austen", 1815)


def test_parse_book_rejects_wrong_field_count():
    with pytest.raises(ValueError):
        parse_book("Emma;Jane Austen")


def test_read_books_skips_blanks_and_comments():
    lines = ["# my list", "Dune;Frank Herbert;1965", "", "   "]
    assert read_books(lines) == [Book("Dune", "Frank Herbert", 1965)]


def test_oldest():
    assert oldest(SHELF).title == "Emma"


def test_year_range():
    assert year_range(SHELF) == (1815, 1965)


def test_titles_by_author_keeps_order():
    assert titles_by_author(SHELF) == {
        "Jane Austen": ["Emma", "Persuasion"],
        "Frank Herbert": ["Dune"],
    }
