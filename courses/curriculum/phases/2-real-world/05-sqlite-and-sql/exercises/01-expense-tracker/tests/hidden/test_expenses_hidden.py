from datetime import date

import pytest
from expenses import add_expense, connect, list_expenses, main, summarise


def test_usage_errors_return_2_instead_of_exiting(tmp_path, capsys):
    db = tmp_path / "h.db"
    assert main(["fly"], db) == 2
    assert main(["add", "5"], db) == 2
    assert main(["add", "5", "food", "--date", "yesterday"], db) == 2
    capsys.readouterr()


def test_bad_month_is_rejected(tmp_path, capsys):
    conn = connect(":memory:")
    with pytest.raises(ValueError):
        list_expenses(conn, month="2025-13")
    with pytest.raises(ValueError):
        summarise(conn, month="03-2025")
    assert main(["summary", "--month", "2025-3"], tmp_path / "h.db") == 1
    assert "error:" in capsys.readouterr().err


def test_empty_category_is_rejected_and_nothing_stored():
    conn = connect(":memory:")
    with pytest.raises(ValueError):
        add_expense(conn, date(2025, 1, 1), "5", "   ")
    assert list_expenses(conn) == []


def test_sql_injection_attempt_is_just_a_category():
    conn = connect(":memory:")
    add_expense(conn, date(2025, 1, 1), "5", "food'); DROP TABLE expenses; --")
    add_expense(conn, date(2025, 1, 2), "6", "food")
    assert len(list_expenses(conn)) == 2
    assert list_expenses(conn, category="food")[0].amount == 6


def test_cents_do_not_drift():
    conn = connect(":memory:")
    for _ in range(10):
        add_expense(conn, date(2025, 1, 1), "0.10", "coffee")
    assert str(summarise(conn)["coffee"]) == "1.00"


def test_summary_of_an_empty_month(tmp_path, capsys):
    db = tmp_path / "h.db"
    main(["add", "5", "food", "--date", "2025-01-01"], db)
    capsys.readouterr()
    assert main(["summary", "--month", "2025-02"], db) == 0
    assert capsys.readouterr().out == "No expenses.\n"
