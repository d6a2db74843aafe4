from datetime import date
from decimal import Decimal

import pytest
from expenses import Expense, add_expense, connect, list_expenses, main, parse_amount, summarise


@pytest.fixture
def conn(tmp_path):
    connection = connect(tmp_path / "test.db")
    yield connection
    connection.close()


@pytest.mark.parametrize(
    ("text", "expected"),
    [("12.5", Decimal("12.50")), ("3", Decimal("3.00")), ("0.01", Decimal("0.01"))],
)
def test_parse_amount_valid(text, expected):
    assert parse_amount(text) == expected


@pytest.mark.parametrize("text", ["abc", "0", "-4", "1.999", ""])
def test_parse_amount_invalid(text):
    with pytest.raises(ValueError):
        parse_amount(text)


def test_add_and_list_in_date_order(conn):
    first = add_expense(conn, date(2025, 3, 5), "7.5", "Transport")
    second = add_expense(conn, date(2025, 3, 4), Decimal("12.50"), " food ", "lunch")
    assert (first, second) == (1, 2)
    assert list_expenses(conn) == [
        Expense(2, date(2025, 3, 4), Decimal("12.50"), "food", "lunch"),
        Expense(1, date(2025, 3, 5), Decimal("7.50"), "transport", ""),
    ]


def test_filters_and_summary(conn):
    add_expense(conn, date(2025, 2, 28), "100", "rent")
    add_expense(conn, date(2025, 3, 1), "10.10", "food")
    add_expense(conn, date(2025, 3, 9), "0.20", "food")
    add_expense(conn, date(2025, 3, 9), "5", "books")
    assert [e.id for e in list_expenses(conn, month="2025-03")] == [2, 3, 4]
    assert [e.id for e in list_expenses(conn, month="2025-03", category="FOOD")] == [2, 3]
    assert summarise(conn, "2025-03") == {"books": Decimal("5.00"), "food": Decimal("10.30")}
    assert list(summarise(conn)) == ["books", "food", "rent"]


def test_data_survives_reconnecting(tmp_path):
    path = tmp_path / "money.db"
    first = connect(path)
    add_expense(first, date(2025, 1, 1), "1", "misc")
    first.close()
    second = connect(path)
    assert len(list_expenses(second)) == 1
    second.close()


def test_cli_add_list_and_summary(tmp_path, capsys):
    db = tmp_path / "cli.db"
    assert main(["add", "12.50", "Food", "--date", "2025-03-04", "--note", "lunch"], db) == 0
    assert main(["add", "7.5", "transport", "--date", "2025-03-05"], db) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == ["Added #1: 12.50 food on 2025-03-04", "Added #2: 7.50 transport on 2025-03-05"]

    assert main(["list", "--month", "2025-03"], db) == 0
    assert capsys.readouterr().out.splitlines() == [
        "#1 2025-03-04 12.50 food lunch",
        "#2 2025-03-05 7.50 transport",
    ]

    assert main(["summary"], db) == 0
    assert capsys.readouterr().out.splitlines() == [
        "food: 12.50",
        "transport: 7.50",
        "total: 20.00",
    ]


def test_cli_invalid_amount_is_an_error(tmp_path, capsys):
    db = tmp_path / "cli.db"
    assert main(["add", "lots", "food", "--date", "2025-03-04"], db) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("error:")
    assert main(["list"], db) == 0
    assert capsys.readouterr().out == "No expenses.\n"
