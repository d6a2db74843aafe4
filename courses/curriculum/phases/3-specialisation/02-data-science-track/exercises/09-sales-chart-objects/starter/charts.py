"""A two-panel sales chart built with Matplotlib's object-oriented API."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure


def plot_sales(sales: pd.DataFrame) -> Figure:
    """Left: revenue per month, one line per region. Right: total revenue per region."""
    raise NotImplementedError


def save_sales_chart(sales: pd.DataFrame, path: str | Path) -> Path:
    """Draw the chart and save it as a PNG file at `path`; return the path."""
    raise NotImplementedError
