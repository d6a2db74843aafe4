"""Monthly order report.   usage: python order_report.py ORDERS.csv REPORT.txt

The same behaviour as the old script, in pieces that can be tested one at a time:
parse_row -> read_orders -> summarise -> render_report, tied together by run().
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

CENT = Decimal("0.01")
VAT_RATE = Decimal("0.20")
DISCOUNTS = ((Decimal("1000"), Decimal("0.10")), (Decimal("500"), Decimal("0.05")))
NAME_WIDTH, COUNT_WIDTH, MONEY_WIDTH = 20, 7, 11


REQUIRED_COLUMNS = ("order_id", "customer", "sku", "quantity", "unit_price", "placed_on")


class RowError(ValueError):
    """A CSV row that cannot become an order line; the message says why."""


class MissingColumnsError(ValueError):
    """The header lacks required columns: 'missing columns: sku, placed_on'."""


@dataclass(frozen=True)
class OrderLine:
    order_id: str
    customer: str
    sku: str
    quantity: int
    unit_price: Decimal
    placed_on: date


@dataclass(frozen=True)
class CustomerTotals:
    customer: str
    orders: int
    net: Decimal
    discount: Decimal
    vat: Decimal
    gross: Decimal
    last_order: date


def _field(row: Mapping[str, str | None], name: str) -> str:
    return (row.get(name) or "").strip()


def parse_row(row: Mapping[str, str | None]) -> OrderLine:
    """One CSV row (a DictReader dict) as an OrderLine; RowError for the first problem."""
    order_id, customer = _field(row, "order_id"), _field(row, "customer")
    sku = _field(row, "sku").upper()
    for name, value in (("order_id", order_id), ("customer", customer), ("sku", sku)):
        if not value:
            raise RowError(f"missing {name}")
    try:
        quantity = int(_field(row, "quantity"))
    except ValueError:
        raise RowError("quantity is not a whole number") from None
    if quantity < 1:
        raise RowError("quantity must be at least 1")
    try:
        unit_price = Decimal(_field(row, "unit_price"))
    except ArithmeticError:
        raise RowError("unit_price is not a number") from None
    exponent = unit_price.as_tuple().exponent
    if not unit_price.is_finite() or unit_price < 0 or exponent < -2:
        raise RowError("unit_price must be 0 or more, in pence")
    try:
        placed_on = datetime.strptime(_field(row, "placed_on"), "%Y-%m-%d").date()
    except ValueError:
        raise RowError("placed_on is not a YYYY-MM-DD date") from None
    return OrderLine(order_id, customer, sku, quantity, unit_price, placed_on)


def read_orders(lines: Iterable[str]) -> tuple[list[OrderLine], list[str]]:
    """Parse CSV text (header first) into order lines and 'line N: problem' messages.

    N is 1 for the header and counts each record the csv module reads after it. A second
    line for the same (order_id, sku) is an error, not an order line. A header without
    every column of REQUIRED_COLUMNS raises MissingColumnsError.
    """
    reader = csv.DictReader(lines)
    header = reader.fieldnames or []
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    if missing:
        raise MissingColumnsError("missing columns: " + ", ".join(missing))
    orders: list[OrderLine] = []
    errors: list[str] = []
    seen: set[tuple[str, str]] = set()
    for number, row in enumerate(reader, start=2):
        try:
            line = parse_row(row)
        except RowError as error:
            errors.append(f"line {number}: {error}")
            continue
        key = (line.order_id, line.sku)
        if key in seen:
            errors.append(f"line {number}: duplicate of an earlier line for {key[0]}/{key[1]}")
            continue
        seen.add(key)
        orders.append(line)
    return orders, errors


def discount_rate(net: Decimal) -> Decimal:
    """10 % from a net total of 1000 up, 5 % from 500 up, otherwise nothing."""
    for threshold, rate in DISCOUNTS:
        if net >= threshold:
            return rate
    return Decimal("0")


def _money(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def summarise(orders: Iterable[OrderLine]) -> list[CustomerTotals]:
    """Totals per customer, highest gross first, ties by customer name."""
    nets: dict[str, Decimal] = {}
    order_ids: dict[str, set[str]] = {}
    last: dict[str, date] = {}
    for line in orders:
        nets[line.customer] = nets.get(line.customer, Decimal("0")) + line.quantity * line.unit_price
        order_ids.setdefault(line.customer, set()).add(line.order_id)
        last[line.customer] = max(last.get(line.customer, line.placed_on), line.placed_on)
    totals = []
    for customer, net in nets.items():
        discount = _money(net * discount_rate(net))
        vat = _money((net - discount) * VAT_RATE)
        totals.append(
            CustomerTotals(
                customer=customer,
                orders=len(order_ids[customer]),
                net=_money(net),
                discount=discount,
                vat=vat,
                gross=_money(net - discount + vat),
                last_order=last[customer],
            )
        )
    return sorted(totals, key=lambda t: (-t.gross, t.customer))


def _columns(name: str, count: int, amounts: Iterable[Decimal]) -> str:
    money = "".join(str(_money(a)).rjust(MONEY_WIDTH) for a in amounts)
    return name[:NAME_WIDTH].ljust(NAME_WIDTH) + str(count).rjust(COUNT_WIDTH) + money


def render_report(totals: Sequence[CustomerTotals], errors: Sequence[str]) -> str:
    """The report text: header, one line per customer, TOTAL, then the skipped rows."""
    heading = "customer".ljust(NAME_WIDTH) + "orders".rjust(COUNT_WIDTH)
    heading += "".join(h.rjust(MONEY_WIDTH) for h in ("net", "discount", "vat", "gross"))
    out = ["ORDER REPORT", "============", heading + "  last order"]
    for t in totals:
        amounts = (t.net, t.discount, t.vat, t.gross)
        out.append(_columns(t.customer, t.orders, amounts) + "  " + t.last_order.isoformat())
    out.append("-" * 83)
    columns = [(t.net, t.discount, t.vat, t.gross) for t in totals]
    sums = [sum(column, Decimal("0")) for column in zip(*columns)] or [Decimal("0")] * 4
    out.append(_columns("TOTAL", sum(t.orders for t in totals), sums))
    if errors:
        out.append("")
        out.append(f"{len(errors)} row{'' if len(errors) == 1 else 's'} skipped:")
        out.extend(f"  {error}" for error in errors)
    return "\n".join(out) + "\n"


def run(input_path: str | Path, output_path: str | Path) -> int:
    """Read the orders, write the report, print a one-line summary.

    Returns 0, or 1 when rows were skipped; 2 (and no report) when columns are missing.
    """
    with open(input_path, newline="", encoding="utf-8") as source:
        try:
            orders, errors = read_orders(source)
        except MissingColumnsError as error:
            print(error)
            return 2
    totals = summarise(orders)
    Path(output_path).write_text(render_report(totals, errors), encoding="utf-8")
    print(f"wrote {output_path}: {len(totals)} customers, {len(errors)} rows skipped")
    return 1 if errors else 0


def main(argv: Sequence[str] | None = None) -> int:  # pragma: no cover - command line
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 2:
        print("usage: python order_report.py ORDERS.csv REPORT.txt")
        return 2
    return run(args[0], args[1])


if __name__ == "__main__":
    raise SystemExit(main())
