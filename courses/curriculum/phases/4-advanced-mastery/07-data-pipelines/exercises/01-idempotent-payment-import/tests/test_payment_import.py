import sqlite3

import pytest

from payment_import import (
    BadRowError,
    ImportResult,
    Payment,
    import_payments,
    parse_amount,
    read_payments,
)

FILE = "payment_id,account,amount\nP1,ACC-1,12.30\nP2,ACC-2,-3\nP3,ACC-1,0.5\n"


def dump(db_path):
    conn = sqlite3.connect(db_path)
    try:
        tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master")}
        return {
            table: conn.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
            for table in ("payments", "balances", "imports")
            if table in tables
        }
    finally:
        conn.close()


class Crash(Exception):
    pass


def crash_at(row):
    def on_row(number):
        if number == row:
            raise Crash(number)
    return on_row


def test_parse_amount():
    assert parse_amount("12.30") == 1230
    assert parse_amount("-3") == -300
    assert parse_amount("0.5") == 50
    assert parse_amount("19.99") == 1999
    for bad in ["", "1.234", "abc", "1e3", "12."]:
        with pytest.raises(ValueError):
            parse_amount(bad)


def test_read_payments_validates_the_whole_file():
    assert read_payments(FILE)[1] == Payment("P2", "ACC-2", -300)
    with pytest.raises(BadRowError, match="^line 3:"):
        read_payments("payment_id,account,amount\nP1,A,1\nP2,A,oops\n")


def test_first_import(tmp_path):
    (tmp_path / "day.csv").write_text(FILE)
    result = import_payments(tmp_path / "day.csv", tmp_path / "ledger.db")
    assert result == ImportResult(inserted=3, duplicates=0, already_imported=False)
    state = dump(tmp_path / "ledger.db")
    assert state["balances"] == [("ACC-1", 1280), ("ACC-2", -300)]
    assert len(state["imports"]) == 1


def test_running_twice_changes_nothing(tmp_path):
    (tmp_path / "day.csv").write_text(FILE)
    import_payments(tmp_path / "day.csv", tmp_path / "ledger.db")
    before = dump(tmp_path / "ledger.db")
    again = import_payments(tmp_path / "day.csv", tmp_path / "ledger.db")
    assert again == ImportResult(0, 0, True)
    assert dump(tmp_path / "ledger.db") == before


def test_a_crash_leaves_nothing_behind_and_a_retry_completes(tmp_path):
    (tmp_path / "day.csv").write_text(FILE)
    with pytest.raises(Crash):
        import_payments(tmp_path / "day.csv", tmp_path / "ledger.db", on_row=crash_at(2))
    assert dump(tmp_path / "ledger.db").get("payments", []) == []
    assert import_payments(tmp_path / "day.csv", tmp_path / "ledger.db") == ImportResult(3, 0, False)


def test_payments_seen_in_an_earlier_file_are_duplicates(tmp_path):
    (tmp_path / "mon.csv").write_text(FILE)
    (tmp_path / "tue.csv").write_text("payment_id,account,amount\nP3,ACC-1,0.5\nP4,ACC-2,1\n")
    import_payments(tmp_path / "mon.csv", tmp_path / "ledger.db")
    result = import_payments(tmp_path / "tue.csv", tmp_path / "ledger.db")
    assert result == ImportResult(inserted=1, duplicates=1, already_imported=False)
    assert dump(tmp_path / "ledger.db")["balances"] == [("ACC-1", 1280), ("ACC-2", -200)]
