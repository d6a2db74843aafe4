"""Hidden checks: every component on its own, then the whole job on generated files."""

import random
from datetime import date
from decimal import Decimal as D

import pytest
from order_report import (
    REQUIRED_COLUMNS,
    CustomerTotals,
    MissingColumnsError,
    OrderLine,
    RowError,
    discount_rate,
    parse_row,
    read_orders,
    render_report,
    run,
    summarise,
)

HEADER = "order_id,customer,sku,quantity,unit_price,placed_on"
CUSTOMERS = ["Acme Ltd", "Bloom & Co", "Zed", "acme ltd", "A Very Long Customer Name Indeed",
             "Čapek s.r.o.", "Bea"]


def outcome(function, *args):
    """The result, or the exception's type name and message."""
    try:
        return function(*args)
    except Exception as error:  # the message is part of the behaviour here
        return (type(error).__name__, str(error))


def random_lines(rng, rows):
    lines = [HEADER]
    for _ in range(rows):
        fields = [
            f"O-{rng.randint(1, 12)}",
            rng.choice(CUSTOMERS),
            rng.choice(["ab-1", "AB-1", "cd-2", "EF-3", " gh-4 "]),
            rng.choice(["1", "2", "3", "10", "0", "-1", "x", "2.0", " 4 ", "+2", "1_0", ""]),
            rng.choice(["12.50", "3", "0", "0.00", "99.99", "250", "1e2", "12.345", "-1", "abc",
                        "", "NaN", "499.99", "500", "0.005", "7.5", "333.33", "1000"]),
            rng.choice(["2025-03-01", "2025-03-31", "2025-3-5", "2025-02-30", "31/03/2025", "",
                        "2025-03-15", "2024-12-31"]),
        ]
        for index in (0, 1, 2):
            if rng.random() < 0.04:
                fields[index] = rng.choice(["", "  "])
        line = ",".join(f'"{f}"' if "," in f else f for f in fields)
        if rng.random() < 0.04:
            line = ",".join(fields[:3])  # a short row: the rest is None
        lines.append(line)
        if rng.random() < 0.05:
            lines.append("")  # skipped by csv, not counted
    return lines


def row(**changes):
    base = {"order_id": "O-7", "customer": "Bloom & Co", "sku": "cd-2", "quantity": "3",
            "unit_price": "19.99", "placed_on": "2025-03-14"}
    return {**base, **changes}


def check_parse_row_field_by_field(observe):
    cases = [
        {},
        {"order_id": "  O-8 ", "customer": " Bea ", "sku": " ef-3 "},
        {"quantity": " +2 "}, {"quantity": "1_0"}, {"quantity": "2.0"}, {"quantity": ""},
        {"quantity": "0"}, {"quantity": "-4"}, {"quantity": None}, {"quantity": "1"},
        {"unit_price": "1e2"}, {"unit_price": "12.5"}, {"unit_price": "0"}, {"unit_price": "0.005"},
        {"unit_price": "-0.01"}, {"unit_price": "NaN"}, {"unit_price": "Infinity"},
        {"unit_price": "abc"}, {"unit_price": None}, {"unit_price": "7.10"},
        {"placed_on": "2025-3-5"}, {"placed_on": "2025-02-29"}, {"placed_on": "2024-02-29"},
        {"placed_on": " 2025-03-31 "}, {"placed_on": "2025-03-31T10:00"}, {"placed_on": None},
        {"order_id": "", "customer": ""}, {"customer": None, "sku": ""}, {"sku": "  "},
        {"order_id": None},
    ]
    observe([outcome(parse_row, row(**changes)) for changes in cases])
    observe([issubclass(RowError, ValueError), issubclass(MissingColumnsError, ValueError)])
    observe(REQUIRED_COLUMNS)


def check_read_orders_on_generated_files(observe):
    rng = random.Random(2025)
    for rows in (0, 3, 12, 30, 30):
        lines = random_lines(rng, rows)
        first = outcome(read_orders, lines)
        observe(first)
        observe(outcome(read_orders, iter(lines)) == first)  # no state kept between calls


@pytest.mark.parametrize(
    "header",
    ["", "order_id,customer", "placed_on,unit_price,quantity,sku,customer,order_id,notes",
     " order_id,customer,sku,quantity,unit_price,placed_on", "sku;quantity"],
)
def check_headers(observe, header):
    lines = [header, "O-1,Acme,ab-1,2,12.50,2025-03-04"] if header else []
    observe(outcome(read_orders, lines))
    observe(outcome(read_orders, [HEADER, "O-2,Zed,x,1,1,2025-03-04"]))


def check_discount_rate_bounds(observe):
    nets = ["0", "0.00", "499.99", "500", "500.00", "500.01", "999.99", "1000", "1000.00",
            "1000.01", "25000"]
    observe([discount_rate(D(net)) for net in nets])


def check_summarise(observe):
    lines = [
        OrderLine("A3", "Cat", "X", 1, D("100"), date(2025, 2, 1)),  # same gross as Bee
        OrderLine("A1", "Bee", "X", 1, D("100"), date(2025, 3, 1)),
        OrderLine("A2", "Ant", "X", 3, D("200"), date(2025, 3, 9)),
        OrderLine("A2", "Ant", "Y", 1, D("0.5"), date(2025, 3, 2)),
        OrderLine("A4", "Bee", "Z", 1, D("0"), date(2025, 1, 31)),
        OrderLine("A5", "Dog", "X", 2, D("250"), date(2025, 3, 3)),  # exactly 500
        OrderLine("A6", "Eel", "X", 1, D("999.99"), date(2025, 3, 3)),
        OrderLine("A7", "Fox", "X", 4, D("250"), date(2025, 3, 3)),  # exactly 1000
        OrderLine("A8", "Ant", "Z", 1, D("3"), date(2025, 3, 20)),
        OrderLine("A9", "ant", "Z", 1, D("3"), date(2025, 3, 20)),
    ]
    observe(summarise(lines))
    observe(summarise(reversed(lines)))
    observe(summarise([]))
    rng = random.Random(77)
    for _ in range(3):
        orders, _errors = read_orders(random_lines(rng, 40))
        observe(summarise(orders))


def check_render_report(observe):
    totals = [
        CustomerTotals("A Very Long Customer Name Indeed", 12, D("1234.50"), D("123.45"),
                       D("222.21"), D("1333.26"), date(2025, 3, 31)),
        CustomerTotals("Ant", 1, D("600.50"), D("30.03"), D("114.09"), D("684.56"),
                       date(2025, 3, 9)),
        CustomerTotals("Zed", 3, D("0.00"), D("0.00"), D("0.00"), D("0.00"), date(2024, 12, 1)),
    ]
    observe(render_report(totals, []))
    observe(render_report(totals[1:2], ["line 4: missing sku"]))
    observe(render_report([], ["line 2: missing order_id", "line 9: missing sku"]))
    observe(render_report([], []))


def check_run_end_to_end(observe, tmp_path, capsys):
    rng = random.Random(31)
    for index, rows in enumerate((0, 6, 25, 40)):
        source = tmp_path / f"orders-{index}.csv"
        source.write_text("\n".join(random_lines(rng, rows)) + "\n", encoding="utf-8")
        observe(run(source, tmp_path / f"report-{index}.txt"))
        observe(capsys.readouterr().out)
    clean = tmp_path / "clean.csv"
    clean.write_text(HEADER + "\nO-1,Acme,ab-1,2,12.50,2025-03-04\n", encoding="utf-8")
    observe(run(str(clean), str(tmp_path / "clean.txt")))
    observe(capsys.readouterr().out)
    windows = tmp_path / "windows.csv"  # CRLF line ends, a quoted line break in a name
    windows.write_bytes(
        (HEADER + '\r\nO-1,"Acme\r\nLtd",ab-1,2,12.50,2025-03-04\r\nO-2,Zed,x,0,1,2025-03-05\r\n')
        .encode("utf-8")
    )
    observe(run(windows, tmp_path / "windows.txt"))
    observe(capsys.readouterr().out)
    broken = tmp_path / "broken.csv"
    broken.write_text("order_id,customer,sku\nO-1,Acme,x\n", encoding="utf-8")
    observe(run(broken, tmp_path / "never.txt"))
    observe(capsys.readouterr().out)
    observe.tree(tmp_path)
