import json

import pytest
from sales import csv_to_json, read_sales, summarise, write_summary

CSV = (
    "date,region,product,quantity,unit_price\n"
    "2024-05-01,North,sourdough,3,4.50\n"
    "2024-05-01,South,croissant,12,1.20\n"
    "2024-05-02,North,croissant,5,1.20\n"
)


@pytest.fixture
def sales_csv(tmp_path):
    path = tmp_path / "sales.csv"
    path.write_text(CSV, encoding="utf-8")
    return path


def test_read_sales_converts_numbers(sales_csv):
    sales = read_sales(sales_csv)
    assert sales[0] == {
        "date": "2024-05-01",
        "region": "North",
        "product": "sourdough",
        "quantity": 3,
        "unit_price": 4.5,
    }
    assert len(sales) == 3


def test_missing_column_is_named(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("date,region,product,quantity\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unit_price"):
        read_sales(path)


def test_bad_number_names_the_line(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(CSV + "2024-05-03,East,bagel,two,0.90\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 5"):
        read_sales(path)


def test_summarise(sales_csv):
    assert summarise(read_sales(sales_csv)) == {
        "rows": 3,
        "units": 20,
        "revenue": 33.9,
        "by_region": {"North": 19.5, "South": 14.4},
        "top_product": "croissant",
    }


def test_summarise_nothing():
    assert summarise([]) == {
        "rows": 0,
        "units": 0,
        "revenue": 0.0,
        "by_region": {},
        "top_product": None,
    }


def test_write_summary_keeps_non_ascii_text(tmp_path):
    path = tmp_path / "out" / "summary.json"
    write_summary({"by_region": {"Z\u00fcrich": 1.5}}, path)
    text = path.read_text(encoding="utf-8")
    assert "Z\u00fcrich" in text
    assert text.endswith("}\n")


def test_csv_to_json_round_trip(sales_csv, tmp_path):
    target = tmp_path / "summary.json"
    summary = csv_to_json(sales_csv, target)
    assert json.loads(target.read_text(encoding="utf-8")) == summary
