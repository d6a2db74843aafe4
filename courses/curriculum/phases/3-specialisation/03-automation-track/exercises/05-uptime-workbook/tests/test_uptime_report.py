import pytest
from openpyxl import load_workbook
from uptime_report import HostMonth, build_workbook, save_report, uptime

ROWS = [
    HostMonth("web-2", "web", 43200, 90, 2),
    HostMonth("db-1", "data", 43200, 0, 0),
    HostMonth("web-1", "web", 43200, 12, 1),
]


def values(sheet):
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_uptime_is_a_share():
    assert uptime(HostMonth("a", "t", 1000, 25, 0)) == 0.975


def test_sheets_order_and_title(tmp_path):
    wb = load_workbook(save_report(ROWS, tmp_path / "uptime.xlsx", month="2024-05"))
    assert wb.sheetnames == ["Summary", "Hosts"]
    assert wb.properties.title == "Uptime 2024-05"


def test_hosts_sheet_rows_and_formulas(tmp_path):
    wb = load_workbook(save_report(ROWS, tmp_path / "uptime.xlsx", month="2024-05"))
    assert values(wb["Hosts"]) == [
        ["Host", "Team", "Scheduled (min)", "Downtime (min)", "Uptime", "Incidents"],
        ["db-1", "data", 43200, 0, "=(C2-D2)/C2", 0],
        ["web-1", "web", 43200, 12, "=(C3-D3)/C3", 1],
        ["web-2", "web", 43200, 90, "=(C4-D4)/C4", 2],
    ]
    assert wb["Hosts"]["E2"].number_format == "0.000%"
    assert wb["Hosts"].auto_filter.ref == "A1:F4"


def test_summary_sheet_per_team_with_total(tmp_path):
    wb = load_workbook(save_report(ROWS, tmp_path / "uptime.xlsx", month="2024-05"))
    rows = values(wb["Summary"])
    assert rows[1][:5] == ["data", "=COUNTIF(Hosts!B:B,A2)", "=SUMIF(Hosts!B:B,A2,Hosts!D:D)",
                           "=SUMIF(Hosts!B:B,A2,Hosts!F:F)", "db-1"]
    assert rows[2][4] == "web-2"
    assert rows[2][5] == pytest.approx((43200 - 90) / 43200)
    assert rows[3] == ["Total", "=SUM(B2:B3)", "=SUM(C2:C3)", "=SUM(D2:D3)", None, None]


def test_headers_bold_and_panes_frozen():
    wb = build_workbook(ROWS, month="2024-05")
    for sheet in wb.worksheets:
        assert all(cell.font.bold for cell in sheet[1])
        assert sheet.freeze_panes == "A2"
    assert wb["Summary"]["A4"].font.bold


def test_impossible_rows_are_rejected():
    with pytest.raises(ValueError):
        build_workbook([HostMonth("a", "t", 100, 101, 0)], month="2024-05")
    with pytest.raises(ValueError):
        build_workbook([HostMonth("a", "t", 100, 1, 0), HostMonth("a", "u", 100, 1, 0)], month="x")
