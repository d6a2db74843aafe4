"""Calendar and weather features the model can use."""

from __future__ import annotations

import pandas as pd


def add_features(hours: pd.DataFrame) -> pd.DataFrame:
    """A copy of `hours` with hour, weekday, is_weekend, is_raining and slot columns."""
    raise NotImplementedError
