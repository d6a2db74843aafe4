"""Hidden checks: they record what the code does; the grader compares with the reference."""

import pytest
from books import Book, oldest, parse_book, read_books, titles_by_author, year_range

SHELF = [
    Book("Beloved", "Toni Morrison", 1987),
    Book("Emma", "Jane Austen", 1815),
    Book("Jazz", "Toni Morrison", 1992),
    Book("Sula", "Toni Morrison", 1973),
    Book("Mansfield Park", "Jane Austen", 1814),
    Book("Dune", "Frank Herbert", 1965),
]


def check_parse_book_fields_and_types(observe):
    for line in [
        "Beloved;Toni Morrison;1987",
        "  The Odyssey ;Homer; -700 ",
        "Dune;Frank Herbert;1965\n",
        "Emma;Jane Austen;+1815",
    ]:
        book = observe.call(parse_book, line)
        observe(type(book.year).__name__)


@pytest.mark.parametrize(
    "line",
    [
        "Emma;Jane Austen;eighteen",
        ";Jane Austen;1815",
        "   ;Jane Austen;1815",
        "Emma; ;1815",
        "Emma;Jane Austen;1815.0",
        "Emma;Jane Austen;",
        "a;b;1;2",
        "Emma,Jane Austen,1815",
        "",
    ],
)
def check_parse_book_rejects_bad_lines(observe, line):
    observe.raises(parse_book, line)
    observe(parse_book(f" Title {len(line)} ;Author;{1900 + len(line)}"))


def check_read_books_skips_blanks_and_comments(observe):
    lines = [
        "# reading club 2024\n",
        "Jazz;Toni Morrison;1992\n",
        "\n",
        "   # a comment after spaces\n",
        "  \t\n",
        "Emma;Jane Austen;1815\n",
        "Title # not a comment;Someone;2000",
    ]
    observe(read_books(lines))
    observe(read_books(iter(["Sula;Toni Morrison;1973"])))
    observe(read_books([]))
    observe.raises(read_books, ["Jazz;Toni Morrison;1992", "broken line"])


def check_oldest_and_ties(observe):
    observe(oldest(SHELF))
    observe(oldest(list(reversed(SHELF))))
    tie = [Book("B", "Y", 1950), Book("A", "X", 1900), Book("C", "Z", 1900)]
    observe(oldest(tie))
    observe(oldest([Book("Only", "One", 2020)]))
    observe.raises(oldest, [])


def check_year_range_on_unsorted_books(observe):
    observe(year_range(SHELF))
    observe(year_range(SHELF[:1]))
    observe(year_range([Book("a", "b", 1999), Book("c", "d", -50), Book("e", "f", 2005)]))
    observe.raises(year_range, [])


def check_titles_grouped_in_given_order(observe):
    grouped = observe(titles_by_author(SHELF))
    observe(list(grouped))
    observe(titles_by_author([]))
    observe(titles_by_author(SHELF[::-1]))
