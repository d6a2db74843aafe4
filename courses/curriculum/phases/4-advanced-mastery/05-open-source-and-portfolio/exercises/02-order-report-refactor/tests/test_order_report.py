from datetime import date
from decimal import Decimal as D

import pytest

from order_report import (
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


def row(**changes):
    base = {"order_id": "O-1", "customer": "Acme", "sku": "ab-1", "quantity": "2",
            "unit_price": "12.50", "placed_on": "2025-03-04"}
    return {**base, **changes}


def test_parse_row_builds_an_order_line():
    assert parse_row(row()) == OrderLine("O-1", "Acme", "AB-1", 2, D("12.50"), date(2025, 3, 4))


@pytest.mark.parametrize(
    ("changes", "problem"),
    [({"customer": "  "}, "missing customer"),
     ({"quantity": "2.5"}, "quantity is not a whole number"),
     ({"unit_price": "1.999"}, "unit_price must be 0 or more, in pence"),
     ({"placed_on": "04/03/2025"}, "placed_on is not a YYYY-MM-DD date")],
)
def test_parse_row_names_the_problem(changes, problem):
    with pytest.raises(RowError, match=problem):
        parse_row(row(**changes))


def test_read_orders_numbers_lines_and_finds_duplicates():
    lines = [HEADER, "O-1,Acme,ab-1,2,12.50,2025-03-04", "O-1,Acme,AB-1,1,3,2025-03-05",
             "O-2,Acme,ab-1,0,3,2025-03-05"]
    orders, errors = read_orders(lines)
    assert [o.order_id for o in orders] == ["O-1"]
    assert errors == ["line 3: duplicate of an earlier line for O-1/AB-1",
                      "line 4: quantity must be at least 1"]
    assert read_orders(lines) == (orders, errors)  # nothing remembered between calls


def test_missing_columns():
    with pytest.raises(MissingColumnsError, match="missing columns: sku, placed_on"):
        read_orders(["order_id,customer,quantity,unit_price"])


def test_discount_rate_bounds():
    assert discount_rate(D("499.99")) == D("0")
    assert discount_rate(D("500")) == D("0.05")
    assert discount_rate(D("1000.00")) == D("0.10")


def test_summarise_totals_and_order():
    orders = [
        OrderLine("A1", "Bee", "X", 1, D("100"), date(2025, 3, 1)),
        OrderLine("A2", "Ant", "X", 3, D("200"), date(2025, 3, 9)),
        OrderLine("A2", "Ant", "Y", 1, D("0.5"), date(2025, 3, 2)),
    ]
    ant, bee = summarise(orders)
    assert ant == CustomerTotals("Ant", 1, D("600.50"), D("30.03"), D("114.09"), D("684.56"),
                                 date(2025, 3, 9))
    assert (bee.customer, bee.gross) == ("Bee", D("120.00"))


def test_render_report_layout():
    totals = [CustomerTotals("Ant", 1, D("600.50"), D("30.03"), D("114.09"), D("684.56"),
                             date(2025, 3, 9))]
    text = render_report(totals, ["line 4: missing sku"])
    lines = text.splitlines()
    assert lines[:2] == ["ORDER REPORT", "============"]
    assert lines[3] == "Ant                       1     600.50      30.03     114.09     684.56  2025-03-09"
    assert lines[-2:] == ["1 row skipped:", "  line 4: missing sku"]
    assert text.endswith("\n")


def test_run_writes_the_report(tmp_path, capsys):
    source = tmp_path / "orders.csv"
    source.write_text(HEADER + "\nO-1,Acme,ab-1,2,12.50,2025-03-04\n", encoding="utf-8")
    assert run(source, tmp_path / "report.txt") == 0
    assert "Acme" in (tmp_path / "report.txt").read_text(encoding="utf-8")
    assert capsys.readouterr().out.endswith(": 1 customers, 0 rows skipped\n")
