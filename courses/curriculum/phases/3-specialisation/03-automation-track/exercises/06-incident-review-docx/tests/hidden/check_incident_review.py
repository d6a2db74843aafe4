"""Hidden checks: they record what the code does; the grader compares with the reference."""

from datetime import datetime, timedelta, timezone

import pytest
from docx import Document
from incident_review import Incident, build_document, format_duration, save_report

T = datetime(2024, 12, 30, 22, 45, tzinfo=timezone.utc)


def body(document):
    items = []
    for block in document.iter_inner_content():
        if hasattr(block, "rows"):
            header = block.rows[0].cells if block.rows else []
            bold = [[bool(r.bold) for r in c.paragraphs[0].runs] for c in header]
            items.append(["table", block.style.name, [[c.text for c in r.cells] for r in block.rows], bold])
        else:
            items.append([block.style.name, block.text])
    return items


def check_format_duration(observe):
    for delta in [
        timedelta(0), timedelta(seconds=59), timedelta(seconds=60), timedelta(minutes=59, seconds=59),
        timedelta(hours=1), timedelta(hours=9, minutes=9), timedelta(hours=10, minutes=10),
        timedelta(days=3, minutes=1), timedelta(minutes=61, microseconds=999999),
        timedelta(hours=23, minutes=59, seconds=59, microseconds=999999),
    ]:
        observe(format_duration(delta))
    observe.raises(format_duration, timedelta(seconds=-1))
    observe.raises(format_duration, timedelta(microseconds=-1))


def check_full_document_from_file(observe, tmp_path):
    incidents = [
        Incident("INC-3", "api", 3, T, T + timedelta(minutes=14, seconds=59), "Latency spike"),
        Incident("INC-12", "db", 1, T + timedelta(hours=2), T + timedelta(hours=29, minutes=1), "Primary lost"),
        Incident("INC-2", "api", 3, T, T + timedelta(minutes=1), "Same start, sorts by ident"),
        Incident("INC-40", "dns", 4, T - timedelta(days=2), None, "Resolver flapping"),
        Incident("INC-11", "db", 1, T - timedelta(minutes=5), None, "Replica lag"),
        Incident("INC-5", "api", 3, T - timedelta(hours=1), T - timedelta(hours=1), "Zero length"),
    ]
    path = observe(save_report(iter(incidents), tmp_path / "review.docx", period="2024-W52"))
    document = Document(str(path))
    observe(document.core_properties.title)
    observe(body(document))


def check_single_incident_and_singular(observe):
    one = [Incident("INC-1", "cdn", 2, T, T + timedelta(seconds=30), "Blip")]
    observe(body(build_document(one, period="p")))
    observe(build_document(one, period="p").core_properties.title)
    open_only = [Incident("INC-1", "cdn", 4, T, None, "Open"), Incident("INC-0", "cdn", 4, T, None, "x")]
    observe(body(build_document(open_only, period="night shift")))


def check_empty_document(observe):
    document = build_document([], period="2025-W01")
    observe(body(document))
    observe(document.core_properties.title)
    observe(len(document.tables))


@pytest.mark.parametrize(
    "incidents",
    [
        [Incident("A", "s", 0, T, None, "")],
        [Incident("A", "s", 5, T, None, "")],
        [Incident("A", "s", -1, T, None, "")],
        [Incident("A", "s", 2, T, T - timedelta(seconds=1), "")],
        [Incident("A", "s", 2, T, None, ""), Incident("A", "t", 3, T, None, "")],
    ],
)
def check_validation(observe, incidents):
    observe.raises(build_document, incidents, period="p")
    edge = [Incident("A", "s", 1, T, T, ""), Incident("B", "s", 4, T, None, "")]
    observe(body(build_document(edge, period="edge")))
