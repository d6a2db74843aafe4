"""Load the hourly export and make it trustworthy, counting every change."""

from __future__ import annotations

from pathlib import Path

import pandas as pd


def load_hours(path: str | Path) -> tuple[pd.DataFrame, dict[str, int]]:
    """Clean hourly rows and a report of what was dropped or filled in."""
    raise NotImplementedError
