"""A weekly incident review as a Word document, generated with python-docx."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentType

COLUMNS = ("ID", "Service", "Started", "Duration", "Summary")


@dataclass(frozen=True)
class Incident:
    ident: str
    service: str
    severity: int
    started: datetime
    resolved: datetime | None
    summary: str


def format_duration(delta: timedelta) -> str:
    """Whole hours and minutes, seconds dropped: timedelta(hours=26, minutes=5) -> '26h 05m'."""
    if delta < timedelta(0):
        raise ValueError(f"a duration cannot be negative: {delta}")
    minutes = int(delta.total_seconds()) // 60
    return f"{minutes // 60}h {minutes % 60:02d}m"


def _validate(incidents: Iterable[Incident]) -> list[Incident]:
    checked: list[Incident] = []
    seen: set[str] = set()
    for incident in incidents:
        if incident.severity not in (1, 2, 3, 4):
            raise ValueError(f"{incident.ident}: severity must be 1 to 4")
        if incident.resolved is not None and incident.resolved < incident.started:
            raise ValueError(f"{incident.ident}: resolved before it started")
        if incident.ident in seen:
            raise ValueError(f"{incident.ident}: listed twice")
        seen.add(incident.ident)
        checked.append(incident)
    return checked


def build_document(incidents: Iterable[Incident], *, period: str) -> DocumentType:
    """Title, a one-line summary, then one heading and table per severity present."""
    data = _validate(incidents)
    document = Document()
    title = f"Incident review {period}"
    document.core_properties.title = title
    document.add_heading(title, level=0)
    if not data:
        document.add_paragraph("No incidents in this period.")
        return document
    still_open = sum(1 for i in data if i.resolved is None)
    downtime = sum((i.resolved - i.started for i in data if i.resolved is not None), timedelta(0))
    noun = "incident" if len(data) == 1 else "incidents"
    document.add_paragraph(
        f"{len(data)} {noun}, {still_open} still open, {format_duration(downtime)} of downtime."
    )
    for severity in sorted({i.severity for i in data}):
        group = sorted((i for i in data if i.severity == severity), key=lambda i: (i.started, i.ident))
        document.add_heading(f"SEV{severity} ({len(group)})", level=1)
        table = document.add_table(rows=1, cols=len(COLUMNS))
        table.style = "Table Grid"
        for cell, name in zip(table.rows[0].cells, COLUMNS):
            cell.paragraphs[0].add_run(name).bold = True
        for incident in group:
            duration = (
                "open"
                if incident.resolved is None
                else format_duration(incident.resolved - incident.started)
            )
            texts = (
                incident.ident,
                incident.service,
                incident.started.strftime("%Y-%m-%d %H:%M"),
                duration,
                incident.summary,
            )
            for cell, text in zip(table.add_row().cells, texts):
                cell.text = text
    return document


def save_report(incidents: Iterable[Incident], path: Path, *, period: str) -> Path:
    """Build the document and save it at `path`; returns `path`."""
    build_document(incidents, period=period).save(str(path))
    return path
