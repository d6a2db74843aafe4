import json

import pytest
from invoice_cli import run
from timesheet import Entry, InvoiceLine, bill, parse_line, parse_timesheet, render_invoice, round_up

SHEET = [
    "day,client,start,end,note",
    "2025-03-03,Acme,09:15,10:40,design review, then notes",
    "2025-03-03,Globex,13:00,13:20,call",
    "# a comment line",
    "2025-03-04,acme,16:05,16:10,fix typo",
]
RATES = {"acme": 4546, "globex": 9000}
INVOICE = (
    "client           entries   hours      amount\n"
    "acme                   2    1.75       79.56\n"
    "globex                 1    0.50       45.00\n"
    "total                  3    2.25      124.56\n"
)


def test_parse_line_keeps_commas_in_the_note():
    entry = parse_line("2025-03-03, Acme , 09:15, 10:40, design review, then notes")
    assert entry == Entry("2025-03-03", "acme", 85, "design review, then notes")


@pytest.mark.parametrize(
    "line",
    ["2025-03-03,acme,9:15,10:00,x", "2025-03-03,acme,10:00,10:00,x", "2025-03-03,,10:00,11:00,x",
     "2025-03-03,acme,10:00,11:00"],
)
def test_parse_line_rejects_bad_entries(line):
    with pytest.raises(ValueError):
        parse_line(line)


def test_parse_timesheet_skips_header_comments_and_reports_bad_lines():
    entries, bad = parse_timesheet([*SHEET, "", "2025-03-05,acme,11:00,10:00,backwards"])
    assert [e.minutes for e in entries] == [85, 20, 5]
    assert bad == [7]


@pytest.mark.parametrize(("minutes", "rounded"), [(1, 15), (15, 15), (16, 30), (0, 0)])
def test_round_up(minutes, rounded):
    assert round_up(minutes) == rounded


def test_bill_rounds_each_entry_and_orders_by_amount():
    entries, _ = parse_timesheet(SHEET)
    assert bill(entries, RATES) == [
        InvoiceLine("acme", 2, 105, 7956),
        InvoiceLine("globex", 1, 30, 4500),
    ]


def test_bill_needs_a_rate_for_every_client():
    entries, _ = parse_timesheet(SHEET)
    with pytest.raises(ValueError, match="globex"):
        bill(entries, {"acme": 4546})


def test_render_invoice():
    entries, _ = parse_timesheet(SHEET)
    assert render_invoice(bill(entries, RATES)) == INVOICE


def test_run_writes_the_invoice_and_reports_skipped_lines(tmp_path, capsys):
    sheet = tmp_path / "march.csv"
    sheet.write_text("\n".join([*SHEET, "oops"]) + "\n", encoding="utf-8")
    rates = tmp_path / "rates.json"
    rates.write_text(json.dumps({"Acme": 4546, "GLOBEX": 9000}), encoding="utf-8")
    out = tmp_path / "invoice.txt"
    assert run(sheet, rates, out) == 1
    assert out.read_text(encoding="utf-8") == INVOICE
    assert capsys.readouterr().err == "line 6: skipped\n"
