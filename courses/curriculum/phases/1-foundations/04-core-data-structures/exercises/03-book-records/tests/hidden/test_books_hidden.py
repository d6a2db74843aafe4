import pytest
from books import Book, oldest, parse_book, titles_by_author, year_range


@pytest.mark.parametrize(
    "line", ["Emma;Jane Austen;eighteen", ";Jane Austen;1815", "Emma; ;1815", "a;b;1;2", ""]
)
def test_parse_book_rejects_bad_lines(line):
    with pytest.raises(ValueError):
        parse_book(line)


def test_oldest_tie_returns_first():
    first = Book("A", "X", 1900)
    second = Book("B", "Y", 1900)
    assert oldest([first, second]) is first


def test_empty_lists_raise():
    with pytest.raises(ValueError):
        oldest([])
    with pytest.raises(ValueError):
        year_range([])
    assert titles_by_author([]) == {}


def test_parsed_year_is_int_and_fields_are_named():
    book = parse_book("Beloved;Toni Morrison;1987")
    assert book.year == 1987
    assert isinstance(book.year, int)
    title, author, year = book
    assert (title, author) == ("Beloved", "Toni Morrison")
