"""A file job that is safe to re-run: inbox/*.csv -> outbox/*.json, originals moved to done/."""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class RunReport:
    processed: list[str]
    already_done: list[str]


def csv_to_json(text: str) -> str:
    """CSV rows as a JSON list of objects (values stay strings), indented, ending in a newline."""
    rows = list(csv.DictReader(io.StringIO(text)))
    return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"


def process_inbox(
    root: Path,
    *,
    convert: Callable[[str], str] = csv_to_json,
    replace: Callable[[Path, Path], None] = os.replace,
) -> RunReport:
    """Convert every inbox CSV; a run that crashed half-way is completed by running again."""
    inbox, outbox, done = root / "inbox", root / "outbox", root / "done"
    for folder in (inbox, outbox, done):
        folder.mkdir(parents=True, exist_ok=True)
    for stale in outbox.glob("*.tmp"):
        stale.unlink()
    processed: list[str] = []
    already: list[str] = []
    for source in sorted(p for p in inbox.iterdir() if p.is_file() and p.suffix == ".csv"):
        text = convert(source.read_text(encoding="utf-8"))
        target = outbox / f"{source.stem}.json"
        if target.is_file() and target.read_text(encoding="utf-8") == text:
            already.append(source.name)
        else:
            temporary = outbox / f"{source.stem}.json.tmp"
            temporary.write_text(text, encoding="utf-8")
            replace(temporary, target)
            processed.append(source.name)
        replace(source, done / source.name)
    return RunReport(processed, already)
