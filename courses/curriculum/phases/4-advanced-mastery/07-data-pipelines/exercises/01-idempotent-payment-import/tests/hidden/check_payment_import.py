"""Hidden checks: re-runs, crashes at every row, retries, duplicates, exact cents."""

import random
import sqlite3

import pytest
from payment_import import BadRowError, import_payments, parse_amount, read_payments

HEADER = "payment_id,account,amount"


def dump(db_path):
    """Every row of the three tables (a missing table counts as empty)."""
    if not db_path.exists():
        return {"payments": [], "balances": [], "imports": []}
    conn = sqlite3.connect(db_path)
    try:
        tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master")}
        return {
            table: conn.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
            if table in tables
            else []
            for table in ("payments", "balances", "imports")
        }
    finally:
        conn.close()


def columns(db_path):
    conn = sqlite3.connect(db_path)
    try:
        return {
            table: [(row[1], row[2], row[3], row[5]) for row in conn.execute(f"PRAGMA table_info({table})")]
            for table in ("payments", "balances", "imports")
        }
    finally:
        conn.close()


class Crash(Exception):
    pass


class Recorder:
    """An on_row hook that remembers its calls and can crash at one row."""

    def __init__(self, crash_at=None):
        self.calls = []
        self.crash_at = crash_at

    def __call__(self, number):
        self.calls.append(number)
        if number == self.crash_at:
            raise Crash(number)


def random_file(rng, rows, ids=40):
    lines = [HEADER]
    for _ in range(rows):
        cents = rng.choice([rng.randint(-5000, 50000), 1999, 29, 57, 1, -1, 0, 110, 2049])
        sign = "-" if cents < 0 else ""
        units, rest = divmod(abs(cents), 100)
        amount = rng.choice([f"{sign}{units}.{rest:02d}", f"{sign}{units}.{rest:02d}".rstrip("0")])
        amount = amount.rstrip(".") if amount.endswith(".") else amount
        lines.append(f"P{rng.randint(1, ids)},ACC-{rng.randint(1, 6)},{amount}")
    return "\n".join(lines) + "\n"


def line_of(function, *args, **kwargs):
    """The 'line N' an error names, or the result."""
    try:
        return function(*args, **kwargs)
    except BadRowError as error:
        return ("BadRowError", str(error).split(":", 1)[0])
    except Exception as error:
        return (type(error).__name__,)


def check_amounts_in_exact_cents(observe):
    texts = ["0", "-0", "0.5", "0.05", "0.29", "0.57", "1.1", "19.99", "2049.99", "-3", "-12.3",
             "007.10", "123456789.99", "4.35", "1.15"]
    observe([parse_amount(text) for text in texts])
    for bad in ["", "-", ".5", "12.", "1.234", "1e3", "+5", "1,5", "12 3", "abc", "--1", "0x10",
                "١٢"]:
        observe.raises(parse_amount, bad)


def check_read_payments_validation(observe):
    good = f"{HEADER}\r\nP1, ACC-1 ,12.30\r\n\r\n  \r\nP2,ACC-2,-3\r\n"
    observe(read_payments(good))
    observe(read_payments(HEADER + "\n"))
    bad_files = [
        "",
        "payment_id,account\nP1,A\n",
        "payment_id, account, amount\nP1,A,1\n",
        f"{HEADER}\nP1,A,1\nP2,A\n",
        f"{HEADER}\nP1,A,1\n\nP2,A,1,extra\n",
        f"{HEADER}\nP1,A,1\n,A,1\n",
        f"{HEADER}\nP1,,1\n",
        f"{HEADER}\nP1,A,1\nP2,A,1.005\nP3,A,x\n",
    ]
    observe([line_of(read_payments, text) for text in bad_files])
    observe(issubclass(BadRowError, ValueError))


def check_first_import_and_rerun(observe, tmp_path):
    rng = random.Random(11)
    day = tmp_path / "day.csv"
    day.write_text(random_file(rng, 30), encoding="utf-8")
    db = tmp_path / "ledger.db"
    hook = Recorder()
    observe(import_payments(day, db, on_row=hook))
    observe(hook.calls)
    first = observe(dump(db))
    rerun = Recorder()
    observe(import_payments(day, db, on_row=rerun))
    observe(rerun.calls)
    observe(dump(db) == first)
    copy = tmp_path / "copy-of-day.csv"  # the same bytes under another name
    copy.write_bytes(day.read_bytes())
    observe(import_payments(str(copy), str(db)))
    observe(dump(db) == first)
    observe(columns(db))


@pytest.mark.parametrize("crash_at", [1, 4, 9, 12], ids=["first", "early", "late", "last"])
def check_crash_then_retry(observe, tmp_path, crash_at):
    rng = random.Random(crash_at)
    db = tmp_path / "ledger.db"
    monday = tmp_path / "monday.csv"
    monday.write_text(random_file(rng, 15, ids=20), encoding="utf-8")
    import_payments(monday, db)
    before = dump(db)
    tuesday = tmp_path / "tuesday.csv"
    tuesday.write_text(random_file(rng, 12, ids=20), encoding="utf-8")
    hook = Recorder(crash_at=crash_at)
    observe.call(import_payments, tuesday, db, on_row=hook)
    observe(hook.calls)
    observe(dump(db) == before)  # nothing of the failed run is left
    second = Recorder(crash_at=crash_at + 1)  # it crashes again, a little later
    observe.call(import_payments, tuesday, db, on_row=second)
    observe(dump(db) == before)
    observe(import_payments(tuesday, db))  # the retry completes
    observe(dump(db))
    observe(import_payments(tuesday, db))


def check_retry_equals_a_clean_run(observe, tmp_path):
    rng = random.Random(5)
    files = []
    for name in ("a", "b", "c"):
        path = tmp_path / f"{name}.csv"
        path.write_text(random_file(rng, 14, ids=25), encoding="utf-8")
        files.append(path)
    clean_db, crashed_db = tmp_path / "clean.db", tmp_path / "crashed.db"
    clean = [import_payments(path, clean_db) for path in files]
    crashed = []
    for index, path in enumerate(files):
        try:
            import_payments(path, crashed_db, on_row=Recorder(crash_at=3 + index))
        except Crash:
            pass
        crashed.append(import_payments(path, crashed_db))
    observe(clean)
    observe(crashed == clean)
    observe(dump(clean_db))
    observe(dump(crashed_db) == dump(clean_db))


def check_duplicates_within_and_across_files(observe, tmp_path):
    db = tmp_path / "ledger.db"
    first = tmp_path / "first.csv"
    first.write_text(f"{HEADER}\nP1,ACC-1,10.00\nP2,ACC-2,0.29\nP1,ACC-9,99.99\n", encoding="utf-8")
    observe(import_payments(first, db))
    second = tmp_path / "second.csv"
    second.write_text(f"{HEADER}\nP2,ACC-2,0.29\nP3,ACC-2,19.99\nP3,ACC-2,19.99\n\n", encoding="utf-8")
    observe(import_payments(second, db))
    observe(dump(db)["payments"])
    observe(dump(db)["balances"])
    observe([row[1:] for row in dump(db)["imports"]])


def check_bad_files_change_nothing(observe, tmp_path):
    db = tmp_path / "ledger.db"
    good = tmp_path / "good.csv"
    good.write_text(f"{HEADER}\nP1,ACC-1,5\nP2,ACC-1,7.25\n", encoding="utf-8")
    import_payments(good, db)
    before = dump(db)
    bad = tmp_path / "bad.csv"
    bad.write_text(f"{HEADER}\nP3,ACC-1,1\nP4,ACC-2,2\nP5,ACC-2,2,3\n", encoding="utf-8")
    hook = Recorder()
    observe(line_of(import_payments, bad, db, on_row=hook))
    observe(hook.calls)
    observe(dump(db) == before)
    bad.write_text(f"{HEADER}\nP3,ACC-1,1\nP4,ACC-2,2\n", encoding="utf-8")  # fixed, re-sent
    observe(import_payments(bad, db))
    observe(dump(db)["balances"])
    fresh = tmp_path / "fresh.db"
    bad_header = tmp_path / "bad-header.csv"
    bad_header.write_text("id,account,amount\nP1,ACC-1,5\n", encoding="utf-8")
    observe(line_of(import_payments, bad_header, fresh))
    observe(dump(fresh))
