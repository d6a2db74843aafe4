"""Load the hourly export and make it trustworthy, counting every change."""

from __future__ import annotations

from pathlib import Path

import pandas as pd


def load_hours(path: str | Path) -> tuple[pd.DataFrame, dict[str, int]]:
    """Clean hourly rows and a report of what was dropped or filled in."""
    raw = pd.read_csv(path, dtype=str).apply(lambda column: column.str.strip())
    timestamp = pd.to_datetime(raw["timestamp"], format="%Y-%m-%d %H:%M", errors="coerce")
    rentals_ok = raw["rentals"].str.fullmatch(r"\d+")

    bad_timestamp = timestamp.isna()
    duplicate = ~bad_timestamp & timestamp.duplicated(keep="first")
    bad_rentals = ~bad_timestamp & ~duplicate & ~rentals_ok
    keep = ~(bad_timestamp | duplicate | bad_rentals)

    hours = pd.DataFrame(
        {
            "timestamp": timestamp[keep].astype("datetime64[us]"),
            "temperature_c": pd.to_numeric(raw["temperature_c"][keep], errors="coerce"),
            "rain_mm": pd.to_numeric(raw["rain_mm"][keep], errors="coerce"),
            "rentals": raw["rentals"][keep].astype("int64"),
        }
    )
    hours = hours.sort_values("timestamp").reset_index(drop=True)
    report = {
        "rows_in": len(raw),
        "bad_timestamp": int(bad_timestamp.sum()),
        "duplicates": int(duplicate.sum()),
        "bad_rentals": int(bad_rentals.sum()),
        "imputed_temperature": int(hours["temperature_c"].isna().sum()),
        "imputed_rain": int(hours["rain_mm"].isna().sum()),
        "rows_out": len(hours),
    }
    hours["temperature_c"] = hours["temperature_c"].interpolate(limit_direction="both")
    hours["rain_mm"] = hours["rain_mm"].fillna(0.0)
    return hours, report
