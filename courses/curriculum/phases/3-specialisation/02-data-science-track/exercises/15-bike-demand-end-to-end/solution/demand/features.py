"""Calendar and weather features the model can use."""

from __future__ import annotations

import pandas as pd


def add_features(hours: pd.DataFrame) -> pd.DataFrame:
    """A copy of `hours` with hour, weekday, is_weekend, is_raining and slot columns."""
    stamp = hours["timestamp"].dt
    weekday = stamp.day_of_week.astype("int64")
    weekend = weekday >= 5
    hour = stamp.hour.astype("int64")
    return hours.assign(
        hour=hour,
        weekday=weekday,
        is_weekend=weekend,
        is_raining=hours["rain_mm"] > 0,
        slot=weekend.map({True: "weekend", False: "weekday"}) + "-" + hour.astype(str).str.zfill(2),
    )
