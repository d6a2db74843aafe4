"""Write the results where a reviewer can read them."""

from __future__ import annotations

import json
from pathlib import Path

from demand.cleaning import load_hours
from demand.features import add_features
from demand.modelling import train_and_compare


def summary_text(cleaning: dict[str, int], metrics: dict[str, object]) -> str:
    dropped = cleaning["rows_in"] - cleaning["rows_out"]
    change = (metrics["mae_baseline"] - metrics["mae_model"]) / metrics["mae_baseline"] * 100
    verdict = "better" if metrics["mae_model"] < metrics["mae_baseline"] else "not better"
    return (
        "# Bike demand: model versus baseline\n\n"
        f"- Rows used: {cleaning['rows_out']} of {cleaning['rows_in']} ({dropped} dropped, "
        f"{cleaning['imputed_temperature']} temperatures interpolated)\n"
        f"- Test period: {metrics['n_test']} hours from {metrics['first_test_hour']}\n"
        f"- Mean absolute error: model {metrics['mae_model']:.1f}, "
        f"baseline {metrics['mae_baseline']:.1f} rentals per hour\n"
        f"- The model is {verdict} than the baseline ({change:+.1f} %).\n"
    )


def write_report(cleaning: dict[str, int], metrics: dict[str, object], out_dir: str | Path) -> Path:
    """metrics.json and summary.md in `out_dir` (created if needed)."""
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    payload = {"cleaning": cleaning, "model": metrics}
    (folder / "metrics.json").write_text(json.dumps(payload, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    (folder / "summary.md").write_text(summary_text(cleaning, metrics), encoding="utf-8")
    return folder


def run(csv_path: str | Path, out_dir: str | Path) -> dict[str, object]:
    """The whole analysis: load and clean, add features, model, report."""
    hours, cleaning = load_hours(csv_path)
    metrics = train_and_compare(add_features(hours))
    write_report(cleaning, metrics, out_dir)
    return {"cleaning": cleaning, "model": metrics}
