"""Write the results where a reviewer can read them."""

from __future__ import annotations

from pathlib import Path

from demand.cleaning import load_hours
from demand.features import add_features
from demand.modelling import train_and_compare


def summary_text(cleaning: dict[str, int], metrics: dict[str, object]) -> str:
    raise NotImplementedError


def write_report(cleaning: dict[str, int], metrics: dict[str, object], out_dir: str | Path) -> Path:
    """metrics.json and summary.md in `out_dir` (created if needed)."""
    raise NotImplementedError


def run(csv_path: str | Path, out_dir: str | Path) -> dict[str, object]:
    """The whole analysis: load and clean, add features, model, report."""
    raise NotImplementedError
