"""Hidden checks: they record what the code does; the grader compares with the reference."""

import json

import pytest
from invoice_cli import run
from timesheet import Entry, bill, parse_line, parse_timesheet, render_invoice, round_up

LINES = [
    "2025-04-01, Initech , 08:00, 08:01, quick\n",
    "2025-04-01,INITECH,00:00,23:59,",
    "2025-04-02,Umbrella,22:30,23:45,night shift, again, and again",
    ",umbrella,10:00,10:45,no day at all",
    "2025-04-02,acme,9:15,10:00,one digit",
    "2025-04-02,acme,24:00,23:00,no such hour",
    "2025-04-02,acme,10:60,11:00,no such minute",
    "2025-04-02,acme,10:00,10:00,zero",
    "2025-04-02,acme,10:01,10:00,backwards",
    "2025-04-02,  ,10:00,11:00,no client",
    "2025-04-02,acme,10:00,11:00",
    "2025-04-02,acme,1000,1100,no colon",
    "2025-04-02,acme,10:00,11:00:00,seconds",
    "2025-04-02;acme;10:00;11:00;semicolons",
    "2025-04-02,acme, 07:05 , 07:50 ,",
    "2025-04-02,acme,07:05,07:50,a,b,c,",
]


def check_parse_good_lines(observe):
    for line in LINES[:4] + LINES[-2:]:
        observe.call(parse_line, line)


@pytest.mark.parametrize("line", LINES[4:-2])
def check_parse_bad_lines(observe, line):
    observe.raises(parse_line, line)
    observe.call(parse_line, line.replace("2025-04-02", "2025-04-03, acme, 06:00, 06:59, fixed,"))


def check_parse_timesheet(observe):
    lines = [
        "2025-04-01,acme,08:00,09:00,the header is skipped even when it looks like data",
        "2025-04-02,Zeta,09:00,09:05,first",
        "   ",
        "  # indented comment",
        "2025-04-02,acme,10:00,09:00,bad",
        "#2025-04-02,acme,10:00,11:00,commented out",
        "2025-04-03,beta,11:00,11:40,second",
        "",
        "not a line at all",
        "2025-04-03,zeta,13:00,13:05,third # not a comment",
    ]
    observe(parse_timesheet(lines))
    observe(parse_timesheet(iter(lines[1:])))
    observe.call(parse_timesheet, [])
    observe.call(parse_timesheet, ["only a header"])


def check_round_up(observe):
    for minutes, block in [(1, 15), (15, 15), (16, 15), (0, 15), (44, 15), (61, 30),
                           (7, 5), (10, 5), (59, 60), (121, 60)]:
        observe(round_up(minutes, block))
    observe([round_up(m) for m in (1, 14, 15, 29, 30, 31, 46, 90)])


def _entries(*specs):
    return [Entry("2025-04-01", client, minutes, "") for client, minutes in specs]


def check_bill_rounding_and_order(observe):
    entries = _entries(("zeta", 5), ("beta", 60), ("zeta", 5), ("alpha", 15),
                       ("zeta", 5), ("beta", 1), ("gamma", 40), ("alpha", 16))
    rates = {"alpha": 4546, "beta": 3000, "gamma": 7001, "zeta": 6000, "unused": 1}
    observe(bill(entries, rates))
    observe(bill(_entries(("b", 15), ("a", 15), ("c", 30)), {"a": 4000, "b": 4000, "c": 2000}))
    observe(bill(_entries(("half", 15)), {"half": 4546}))
    observe(bill(_entries(("half", 15)), {"half": 4542}))
    observe(bill(_entries(("half", 45)), {"half": 4002}))
    observe(bill(_entries(("third", 15)), {"third": 4545}))
    observe.call(bill, [], {"x": 1})


def check_bill_missing_rates(observe):
    entries = _entries(("acme", 30), ("zeta", 30), ("beta", 30))
    try:
        bill(entries, {"beta": 100})
    except ValueError as error:
        message = str(error)
        observe(["acme" in message, "zeta" in message, "beta" in message])
    else:
        observe("returned")
    observe(bill(entries, {"beta": 100, "acme": 200, "zeta": 300, "ACME": 0}))


def check_render_invoice(observe):
    lines = bill(_entries(("initech", 130), ("initech", 5), ("umbrella corporation", 45),
                          ("tiny", 1)), {"initech": 12345, "umbrella corporation": 8000, "tiny": 20})
    observe(render_invoice(lines))
    observe(render_invoice([]))
    observe(render_invoice(list(reversed(lines))))


SHEET = """day,client,start,end,note
2025-04-01,Café Lumière,09:00,09:50,menu photos
2025-04-01,acme,13:00,13:07,call

bad line here
# comment
2025-04-02,CAFÉ LUMIÈRE,10:00,10:20,edits
2025-04-02,acme,14:00,13:00,backwards
"""


def check_run(observe, tmp_path, capsys):
    sheet = tmp_path / "april.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    rates = tmp_path / "rates.json"
    rates.write_text(json.dumps({"Café LUMIÈRE": 7777, "Acme": 4546}), encoding="utf-8")
    out = tmp_path / "out" / "invoice.txt"
    out.parent.mkdir()
    observe(run(sheet, rates, out))
    observe(capsys.readouterr().err)
    observe.tree(tmp_path / "out")


def check_run_clean_and_missing_rate(observe, tmp_path, capsys):
    sheet = tmp_path / "clean.csv"
    sheet.write_text("day,client,start,end,note\n2025-04-01,acme,09:00,09:10,x\n", encoding="utf-8")
    rates = tmp_path / "rates.json"
    rates.write_text('{"ACME": 6000}', encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    observe(run(sheet, rates, out / "ok.txt"))
    observe(capsys.readouterr().err)
    rates.write_text('{"someone else": 6000}', encoding="utf-8")
    observe.raises(run, sheet, rates, out / "missing.txt")
    observe(capsys.readouterr().err)
    observe.tree(out)
