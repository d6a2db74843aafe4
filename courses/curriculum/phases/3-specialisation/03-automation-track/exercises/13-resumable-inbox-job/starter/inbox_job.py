"""A file job that is safe to re-run: inbox/*.csv -> outbox/*.json, originals moved to done/."""

from __future__ import annotations

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
    raise NotImplementedError


def process_inbox(
    root: Path,
    *,
    convert: Callable[[str], str] = csv_to_json,
    replace: Callable[[Path, Path], None] = os.replace,
) -> RunReport:
    """Convert every inbox CSV; a run that crashed half-way is completed by running again."""
    raise NotImplementedError
