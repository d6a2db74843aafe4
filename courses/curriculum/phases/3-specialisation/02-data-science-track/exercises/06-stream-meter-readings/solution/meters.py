"""Summarise a smart-meter export that is too big to load at once, chunk by chunk."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

HOURS = [f"h{hour:02d}" for hour in range(24)]


def meter_summary(path: str | Path, chunksize: int = 10_000) -> pd.DataFrame:
    """Per meter: days, missing, total_kwh, peak_hour and mean_daily_kwh."""
    if chunksize < 1:
        raise ValueError("chunksize must be at least 1")
    columns = [*HOURS, "days", "missing"]
    # Start from an empty, typed frame so that a file without rows still gives int64 columns.
    parts = [pd.DataFrame(0, index=pd.Index([], dtype="int64", name="meter"), columns=columns)]
    for chunk in pd.read_csv(path, chunksize=chunksize):
        hours = chunk[HOURS]
        part = hours.groupby(chunk["meter"]).sum()
        part["days"] = chunk.groupby("meter").size()
        part["missing"] = hours.isna().sum(axis=1).groupby(chunk["meter"]).sum()
        parts.append(part)
    totals = pd.concat(parts).groupby(level=0).sum().astype("int64")
    totals.index = totals.index.astype("int64")
    hourly = totals[HOURS]
    summary = pd.DataFrame(
        {"days": totals["days"], "missing": totals["missing"], "total_kwh": hourly.sum(axis=1)}
    )
    summary["peak_hour"] = hourly.to_numpy().argmax(axis=1)
    summary["mean_daily_kwh"] = (summary["total_kwh"] / summary["days"]).round(3)
    return summary
