import csv
import io

from csv_cleaner import (
    clean_csv,
    clean_file,
    clean_rows,
    drop_duplicates,
    drop_incomplete,
    fill_missing,
    normalize_whitespace,
)


def read_back(text):
    return list(csv.reader(io.StringIO(text)))


def test_normalize_whitespace():
    assert normalize_whitespace("  Ada   Lovelace \t") == "Ada Lovelace"
    assert normalize_whitespace(None) == ""


def test_fill_missing_uses_defaults_without_changing_input():
    rows = [{"name": "Ada", "country": ""}]
    assert fill_missing(rows, {"country": "UK"}) == [{"name": "Ada", "country": "UK"}]
    assert rows == [{"name": "Ada", "country": ""}]


def test_drop_incomplete():
    rows = [{"name": "Ada", "email": ""}, {"name": "Bo", "email": "bo@example.com"}]
    assert drop_incomplete(rows, ["email"]) == [{"name": "Bo", "email": "bo@example.com"}]


def test_drop_duplicates_keeps_first_and_order():
    rows = [{"n": "b"}, {"n": "a"}, {"n": "b"}]
    assert drop_duplicates(rows) == [{"n": "b"}, {"n": "a"}]


def test_clean_rows_normalises_before_deduplicating():
    rows = [{"name": " Ada "}, {"name": "Ada"}, {"name": "   "}]
    assert clean_rows(rows) == [{"name": "Ada"}]


def test_clean_csv_with_string_io():
    source = io.StringIO(
        "name,email,country\nAda, ada@example.com ,\nAda,ada@example.com,\nBo,,NO\n"
    )
    target = io.StringIO()
    counts = clean_csv(source, target, required=["email"], defaults={"country": "unknown"})
    assert counts == (3, 1)
    assert read_back(target.getvalue()) == [
        ["name", "email", "country"],
        ["Ada", "ada@example.com", "unknown"],
    ]


def test_clean_file(tmp_path):
    source = tmp_path / "in.csv"
    target = tmp_path / "out.csv"
    source.write_text("city\n Oslo \nOslo\nLima\n", encoding="utf-8")
    assert clean_file(source, target) == (3, 2)
    assert read_back(target.read_text(encoding="utf-8")) == [["city"], ["Oslo"], ["Lima"]]
