from datetime import datetime, timedelta

import pytest
from docx import Document
from incident_review import Incident, build_document, format_duration, save_report

DAY = datetime(2024, 6, 3, 9, 0)
INCIDENTS = [
    Incident("INC-7", "checkout", 2, DAY, DAY + timedelta(hours=1, minutes=5), "Card payments failed"),
    Incident("INC-9", "search", 1, DAY + timedelta(hours=3), None, "Index rebuild stuck"),
    Incident("INC-8", "checkout", 2, DAY - timedelta(days=1), DAY - timedelta(hours=23), "Slow"),
]


def body(document):
    items = []
    for block in document.iter_inner_content():
        if hasattr(block, "rows"):
            items.append(("table", block.style.name, [[c.text for c in r.cells] for r in block.rows]))
        else:
            items.append((block.style.name, block.text))
    return items


def test_format_duration():
    assert format_duration(timedelta(hours=2, minutes=5)) == "2h 05m"
    assert format_duration(timedelta(minutes=59, seconds=59)) == "0h 59m"
    assert format_duration(timedelta(days=1, hours=2)) == "26h 00m"


def test_title_and_summary_line(tmp_path):
    document = Document(str(save_report(INCIDENTS, tmp_path / "review.docx", period="week 23")))
    assert document.core_properties.title == "Incident review week 23"
    assert body(document)[:2] == [
        ("Title", "Incident review week 23"),
        ("Normal", "3 incidents, 1 still open, 2h 05m of downtime."),
    ]


def test_one_heading_and_table_per_severity_in_order(tmp_path):
    document = Document(str(save_report(INCIDENTS, tmp_path / "review.docx", period="week 23")))
    items = body(document)
    assert [item[0] for item in items[2:]] == ["Heading 1", "table", "Heading 1", "table"]
    assert items[2] == ("Heading 1", "SEV1 (1)")
    assert items[4] == ("Heading 1", "SEV2 (2)")
    assert items[5] == ("table", "Table Grid", [
        ["ID", "Service", "Started", "Duration", "Summary"],
        ["INC-8", "checkout", "2024-06-02 09:00", "1h 00m", "Slow"],
        ["INC-7", "checkout", "2024-06-03 09:00", "1h 05m", "Card payments failed"],
    ])
    assert items[3][2][1][3] == "open"


def test_header_cells_are_bold():
    table = build_document(INCIDENTS, period="w").tables[0]
    assert all(run.bold for cell in table.rows[0].cells for run in cell.paragraphs[0].runs)


def test_empty_period():
    assert body(build_document([], period="week 1")) == [
        ("Title", "Incident review week 1"),
        ("Normal", "No incidents in this period."),
    ]


def test_invalid_incidents_are_rejected():
    with pytest.raises(ValueError):
        build_document([Incident("I", "s", 5, DAY, None, "")], period="w")
    with pytest.raises(ValueError):
        build_document([Incident("I", "s", 1, DAY, DAY - timedelta(minutes=1), "")], period="w")
