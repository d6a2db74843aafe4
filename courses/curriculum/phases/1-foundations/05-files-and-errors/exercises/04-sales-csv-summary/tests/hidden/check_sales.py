"""Hidden checks: they record what the code does; the grader compares with the reference."""

import locale

import pytest
from sales import csv_to_json, read_sales, summarise, write_summary

HEADER = "date,region,product,quantity,unit_price\n"
ROWS = [
    "2024-06-01, West ,rye loaf,2,3.35",
    "2024-06-01,East,bagel,10,0.95",
    "",
    "2024-06-02,Z\u00fcrich,pretzel,4,2.10",
    "2024-06-02,East,rye loaf,1,3.35",
    "2024-06-03,West,bagel,3,0.95",
    "2024-06-03,Central, pretzel ,-1,2.10",
]


@pytest.fixture
def ascii_default_encoding():
    """Python's default text encoding becomes ASCII, as on a machine not set up for UTF-8."""
    previous = locale.setlocale(locale.LC_CTYPE)
    locale.setlocale(locale.LC_CTYPE, "C")
    yield
    locale.setlocale(locale.LC_CTYPE, previous)


def message_of(function, *args):
    """The text of the exception `function` raises ("" when it returns)."""
    try:
        function(*args)
    except Exception as error:  # noqa: BLE001 - the message is what we look at
        return str(error)
    return ""


def write(tmp_path, text, name="sales.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    return path


def check_read_sales(observe, tmp_path):
    path = write(tmp_path, HEADER + "\n".join(ROWS) + "\n")
    observe(read_sales(path))
    reordered = write(
        tmp_path, "unit_price,note,quantity,product,region,date\r\n1.5,x,2, tea , North ,2024-01-01\r\n", "b.csv"
    )
    observe(read_sales(str(reordered)))
    observe(read_sales(write(tmp_path, HEADER, "c.csv")))


@pytest.mark.parametrize(
    ("text", "missing"),
    [
        ("date,region,product,quantity\n", "unit_price"),
        ("region,product,quantity,unit_price\n2024,a,b,1\n", "date"),
        ("date,Region,product,quantity,unit_price\n", "region"),
        ("", None),
    ],
)
def check_missing_columns(observe, tmp_path, text, missing):
    path = write(tmp_path, text)
    observe.raises(read_sales, path)
    message = message_of(read_sales, path)
    if missing:
        observe(missing in message)
    else:
        observe(any(column in message for column in ["date", "region", "product", "quantity", "unit_price"]))
    observe(summarise(read_sales(write(tmp_path, HEADER + ROWS[1] + "\n", "ok.csv"))))


@pytest.mark.parametrize(
    ("bad_row", "position"),
    [
        ("2024-06-04,East,bagel,two,0.95", 3),
        ("2024-06-04,East,bagel,2.5,0.95", 9),
        ("2024-06-04,East,bagel,2,\u20ac0.95", 5),
        ("2024-06-04,East,bagel,,0.95", 1),
    ],
)
def check_bad_numbers_name_their_line(observe, tmp_path, bad_row, position):
    rows = list(ROWS)
    rows.insert(position, bad_row)
    path = write(tmp_path, HEADER + "\n".join(rows) + "\n")
    observe.raises(read_sales, path)
    message = message_of(read_sales, path)
    observe([f"line {n}" in message for n in range(1, 13)])


def check_summarise(observe, tmp_path):
    sales = read_sales(write(tmp_path, HEADER + "\n".join(ROWS) + "\n"))
    summary = observe(summarise(sales))
    observe(list(summary))
    observe(list(summary["by_region"]))
    observe(summarise([]))
    observe(summarise(sales[:1]))


def check_revenue_is_rounded_once(observe):
    sales = [
        {"date": "d", "region": "A", "product": "x", "quantity": 1, "unit_price": 0.333},
        {"date": "d", "region": "B", "product": "y", "quantity": 1, "unit_price": 0.333},
        {"date": "d", "region": "A", "product": "z", "quantity": 1, "unit_price": 0.333},
    ]
    observe(summarise(sales))
    tie = [
        {"date": "d", "region": "N", "product": "scone", "quantity": 2, "unit_price": 1.5},
        {"date": "d", "region": "S", "product": "bun", "quantity": 3, "unit_price": 1.0},
        {"date": "d", "region": "N", "product": "tart", "quantity": 1, "unit_price": 2.5},
    ]
    observe(summarise(tie))
    spread = [
        {"date": "d", "region": "N", "product": "cake", "quantity": 1, "unit_price": 5.0},
        {"date": "d", "region": "S", "product": "pie", "quantity": 1, "unit_price": 6.0},
        {"date": "d", "region": "E", "product": "cake", "quantity": 1, "unit_price": 2.0},
    ]
    observe(summarise(spread)["top_product"])
    late = [
        {"date": "d", "region": "N", "product": "apple pie", "quantity": 1, "unit_price": 3.0},
        {"date": "d", "region": "S", "product": "walnut loaf", "quantity": 2, "unit_price": 2.0},
        {"date": "d", "region": "N", "product": "bun", "quantity": 3, "unit_price": 1.3},
    ]
    observe(summarise(late))


def check_write_summary(observe, tmp_path):
    summary = {"rows": 2, "units": 5, "revenue": 7.25, "by_region": {"Z\u00fcrich": 7.25}, "top_product": "cr\u00eape"}
    write_summary(summary, tmp_path / "out" / "deep" / "summary.json")
    write_summary({"b": None, "a": [1, 2]}, str(tmp_path / "plain.json"))
    observe.tree(tmp_path)


def check_csv_to_json(observe, tmp_path):
    source = write(tmp_path, HEADER + "\n".join(ROWS) + "\n")
    observe(csv_to_json(source, tmp_path / "json" / "summary.json"))
    observe((tmp_path / "json" / "summary.json").read_bytes())
    empty = write(tmp_path, HEADER, "empty.csv")
    observe(csv_to_json(str(empty), str(tmp_path / "empty.json")))
    observe((tmp_path / "empty.json").read_text(encoding="utf-8"))


def check_quoted_line_breaks_survive(observe, tmp_path):
    source = tmp_path / "quoted.csv"
    source.write_bytes(
        (HEADER + '2024-06-05,North,"gift\r\nbox",1,9.99\r\n2024-06-05,South,tea,2,1.5\r\n').encode("utf-8")
    )
    observe(read_sales(source))


def check_files_are_utf8(observe, tmp_path, ascii_default_encoding):
    source = tmp_path / "sales.csv"
    source.write_bytes((HEADER + "2024-06-02,Z\u00fcrich,cr\u00eape,4,2.10\n").encode("utf-8"))
    observe.call(read_sales, source)
    observe.call(csv_to_json, source, tmp_path / "summary.json")
    observe.tree(tmp_path)
