"""Hidden checks for the expense tracker: they record what the code does, never assert."""

import sqlite3
from datetime import date
from decimal import Decimal

import pytest
from expenses import add_expense, connect, list_expenses, main, parse_amount, summarise


def rows(expenses):
    return [(e.id, e.day, e.amount, e.category, e.note) for e in expenses]


def run(capsys, db, *argv):
    """Exit code, standard output lines, and whether stderr holds one 'error: ' line."""
    code = main(list(argv), db)
    captured = capsys.readouterr()
    err = captured.err
    return (code, captured.out.splitlines(), err.startswith("error: ") and err.count("\n") == 1)


@pytest.mark.parametrize(
    "text",
    ["12.5", "3", "0.01", "1.10", "1.990", "+7", "1e2", "  4.20 ", "999999.99",
     "0", "0.00", "-0", "-4", "0.001", "1.999", "12.345", "abc", "", "1,50", "NaN", "Infinity"],
)
def check_parse_amount(observe, text, tmp_path, capsys):
    observe.call(parse_amount, text)
    observe(run(capsys, tmp_path / "a.db", "add", text, "food", "--date", "2025-01-31"))


def check_parse_amount_accepts_decimals(observe):
    for value in [Decimal("12.5"), Decimal("0.10"), Decimal("7"), Decimal("0.005"), Decimal("-1")]:
        observe.call(parse_amount, value)


def check_listing_is_ordered_by_day_then_id(observe):
    conn = connect(":memory:")
    entries = [
        (date(2025, 3, 9), "5", "Books", "  novel "),
        (date(2025, 2, 28), "100", "rent", ""),
        (date(2025, 3, 9), "0.20", " FOOD ", "gum"),
        (date(2025, 3, 1), "10.10", "food", ""),
        (date(2025, 1, 15), "3.333", "food", "too precise"),
        (date(2025, 3, 9), "2", "food", ""),
    ]
    ids = []
    for entry in entries:
        try:
            ids.append(add_expense(conn, *entry))
        except ValueError:
            ids.append("ValueError")
    observe(ids)
    observe(rows(list_expenses(conn)))
    observe(rows(list_expenses(conn, month="2025-03")))
    observe(rows(list_expenses(conn, category="FOOD ")))
    observe(rows(list_expenses(conn, month="2025-03", category="food")))
    observe(rows(list_expenses(conn, month="2025-02", category="food")))
    observe(rows(list_expenses(conn, month="2024-03")))
    observe(rows(list_expenses(conn, category="books")))


def check_summaries_are_grouped_and_sorted(observe):
    conn = connect(":memory:")
    for day, amount, category in [
        (date(2025, 3, 9), "5", "travel"),
        (date(2025, 3, 1), "10.10", "food"),
        (date(2025, 4, 1), "1", "zoo"),
        (date(2025, 3, 2), "0.90", "Food"),
        (date(2025, 3, 31), "7.5", "books"),
        (date(2025, 2, 28), "100", "rent"),
    ]:
        add_expense(conn, day, amount, category)
    totals = observe(summarise(conn))
    observe(list(totals))
    march = observe(summarise(conn, "2025-03"))
    observe(list(march))
    observe(summarise(conn, month="2025-05"))
    for _ in range(10):
        add_expense(conn, date(2025, 5, 1), "0.10", "coffee")
    observe(summarise(conn, "2025-05"))
    observe(summarise(connect(":memory:")))


@pytest.mark.parametrize("month", ["2025-00", "2025-01", "2025-12", "2025-13", "2025-1", "03-2025", "2025/03", "", "2025-3-01"])
def check_month_validation(observe, month, tmp_path, capsys):
    conn = connect(":memory:")
    add_expense(conn, date(2025, 1, 5), "1", "misc")
    observe.call(lambda: rows(list_expenses(conn, month=month)))
    observe.call(summarise, conn, month)
    db = tmp_path / "m.db"
    observe(run(capsys, db, "add", "2.5", "misc", "--date", "2025-12-24"))
    observe(run(capsys, db, "list", "--month", month))
    observe(run(capsys, db, "summary", "--month", month))


def check_invalid_values_store_nothing(observe):
    conn = connect(":memory:")
    for amount, category in [("5", "   "), ("5", ""), ("-5", "food"), ("0.001", "food"), ("x", "food")]:
        observe.raises(add_expense, conn, date(2025, 1, 1), amount, category)
    observe(rows(list_expenses(conn)))
    observe.raises(list_expenses, conn, None, "  ")
    observe(add_expense(conn, date(2025, 1, 2), "6", "food"))
    observe(add_expense(conn, date(2025, 1, 1), "7", "food'); DROP TABLE expenses; --"))
    observe(rows(list_expenses(conn)))
    observe(rows(list_expenses(conn, category="food")))


def check_data_survives_reconnecting(observe, tmp_path):
    path = tmp_path / "money.db"
    first = connect(path)
    observe(add_expense(first, date(2025, 1, 1), "1.25", "misc", "first"))
    first.close()
    second = connect(path)
    observe(add_expense(second, date(2024, 12, 31), "2", "misc"))
    observe(rows(list_expenses(second)))
    second.close()
    third = sqlite3.connect(path)
    observe(third.execute("SELECT typeof(cents), SUM(cents) FROM expenses").fetchall())
    third.close()


def check_cli_add_list_and_summary(observe, tmp_path, capsys):
    db = tmp_path / "cli.db"
    observe(run(capsys, db, "add", "7.5", "Transport", "--date", "2025-03-05"))
    observe(run(capsys, db, "add", "12.50", " Food ", "--date", "2025-03-04", "--note", " lunch with Sam "))
    code, out, error = run(capsys, db, "add", "3", "food", "--note", "today")
    observe((code, out == [f"Added #3: 3.00 food on {date.today().isoformat()}"], error))
    observe(run(capsys, db, "add", "100", "rent", "--date", "2025-02-01"))
    observe(run(capsys, db, "list", "--month", "2025-03"))
    observe(run(capsys, db, "list", "--category", "FOOD", "--month", "2025-03"))
    observe(run(capsys, db, "summary", "--month", "2025-03"))
    observe(run(capsys, db, "summary", "--month", "2025-02"))
    observe(run(capsys, db, "summary", "--month", "2024-12"))
    observe(run(capsys, db, "list", "--month", "2024-12"))
    code, out, _ = run(capsys, db, "list", "--category", "food")
    observe((code, len(out), out[-1].endswith(f"{date.today().isoformat()} 3.00 food today")))


def check_cli_errors_and_exit_codes(observe, tmp_path, capsys):
    db = tmp_path / "errors.db"
    for argv in [
        ["add", "lots", "food", "--date", "2025-03-04"],
        ["add", "-3", "food", "--date", "2025-03-04"],
        ["add", "1.999", "food"],
        ["add", "5", "   ", "--date", "2025-03-04"],
        ["summary", "--month", "2025-3"],
        ["list", "--month", "2025-13"],
    ]:
        observe(run(capsys, db, *argv))
    for argv in [[], ["fly"], ["add", "5"], ["add", "5", "food", "--date", "yesterday"],
                 ["add", "5", "food", "--date", "2025-02-30"], ["list", "--colour", "red"]]:
        code = main(argv, db)
        captured = capsys.readouterr()
        observe((code, captured.out, "usage" in captured.err))
    observe(main(["--help"], db))
    capsys.readouterr()
    observe(run(capsys, db, "list"))
    observe(run(capsys, db, "summary"))


def check_default_database_file(observe, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    observe(main(["add", "4.20", "books", "--date", "2025-06-01"]))
    observe(main(["list"]))
    observe(capsys.readouterr().out.splitlines())
    observe(sorted(path.name for path in tmp_path.iterdir()))
