"""Hidden checks: they record what the code does; the grader compares with the reference."""

import pytest
from openpyxl import load_workbook
from uptime_report import HostMonth, build_workbook, save_report, uptime, validate

ROWS = [
    HostMonth("web-10", "web", 44640, 30, 1),
    HostMonth("queue-1", "platform", 44640, 0, 0),
    HostMonth("web-9", "web", 44640, 30, 3),
    HostMonth("db-2", "data", 40000, 400, 2),
    HostMonth("db-1", "data", 44640, 44640, 7),
    HostMonth("Web-1", "web", 44640, 1, 0),
    HostMonth("cache-1", "platform", 10, 10, 0),
]


def describe(sheet):
    """Cell values, the header's bold flags, the panes, and the number formats the statement
    fixes (Hosts column E, Summary column F) and the bold total label."""
    cells = [list(row) for row in sheet.iter_rows(values_only=True)]
    header_bold = [bool(c.font.bold) for c in sheet[1]]
    column = "E" if sheet.title == "Hosts" else "F"
    last = sheet.max_row if sheet.title == "Hosts" else sheet.max_row - 1
    formats = [sheet[f"{column}{r}"].number_format for r in range(2, last + 1)]
    extra = bool(sheet[f"A{sheet.max_row}"].font.bold) if sheet.title == "Summary" else None
    return {"cells": cells, "header_bold": header_bold, "formats": formats,
            "total_bold": extra, "freeze": sheet.freeze_panes, "rows": sheet.max_row}


def check_read_back_from_file(observe, tmp_path):
    path = observe(save_report(iter(ROWS), tmp_path / "report.xlsx", month="2024-07"))
    wb = load_workbook(path)
    observe(wb.sheetnames)
    observe(wb.properties.title)
    observe(describe(wb["Summary"]))
    observe(describe(wb["Hosts"]))
    observe(wb["Hosts"].auto_filter.ref)


def check_single_team_and_ties(observe, tmp_path):
    rows = [HostMonth("b", "ops", 100, 5, 0), HostMonth("a", "ops", 200, 10, 1),
            HostMonth("c", "ops", 100, 4, 9)]
    wb = load_workbook(save_report(rows, tmp_path / "one.xlsx", month="2024-08"))
    observe(describe(wb["Summary"]))
    observe(describe(wb["Hosts"]))
    observe(wb["Hosts"].auto_filter.ref)


def check_empty_month(observe, tmp_path):
    wb = load_workbook(save_report([], tmp_path / "empty.xlsx", month="2024-02"))
    observe(wb.sheetnames)
    observe(describe(wb["Summary"]))
    observe(describe(wb["Hosts"]))
    observe(wb["Hosts"].auto_filter.ref)
    observe(wb.properties.title)


def check_uptime_values(observe):
    for row in ROWS:
        observe(uptime(row))
    observe(uptime(HostMonth("x", "t", 3, 1, 0)))


@pytest.mark.parametrize(
    "bad",
    [
        [HostMonth("", "t", 10, 0, 0)],
        [HostMonth("a", "", 10, 0, 0)],
        [HostMonth("a", "t", 0, 0, 0)],
        [HostMonth("a", "t", -10, -10, 0)],
        [HostMonth("a", "t", 10, -1, 0)],
        [HostMonth("a", "t", 10, 11, 0)],
        [HostMonth("a", "t", 10, 0, -1)],
        [HostMonth("a", "t", 10, 0, 0), HostMonth("a", "t", 10, 0, 0)],
        [HostMonth("a", "t", 10, 0, 0), HostMonth("b", "t", 10, 0, 0), HostMonth("a", "u", 5, 0, 0)],
    ],
)
def check_validation(observe, bad):
    observe.raises(validate, bad)
    observe.raises(build_workbook, bad, month="2024-01")
    edge = [HostMonth("a", "t", 1, 1, 0), HostMonth("A", "t", 1, 0, 0), HostMonth("b", "t", 5, 0, 0)]
    observe([(r.host, r.downtime) for r in validate(iter(edge))])
