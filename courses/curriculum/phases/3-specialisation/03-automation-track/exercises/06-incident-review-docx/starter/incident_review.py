"""A weekly incident review as a Word document, generated with python-docx."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

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
    raise NotImplementedError


def build_document(incidents: Iterable[Incident], *, period: str) -> DocumentType:
    """Title, a one-line summary, then one heading and table per severity present."""
    raise NotImplementedError


def save_report(incidents: Iterable[Incident], path: Path, *, period: str) -> Path:
    """Build the document and save it at `path`; returns `path`."""
    raise NotImplementedError
