"""A two-panel sales chart built with Matplotlib's object-oriented API."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure


def plot_sales(sales: pd.DataFrame) -> Figure:
    """Left: revenue per month, one line per region. Right: total revenue per region."""
    if sales.empty:
        raise ValueError("there are no sales to plot")
    table = sales.pivot_table(
        index="month", columns="region", values="revenue", aggfunc="sum", fill_value=0.0
    ).sort_index()
    months = list(table.index)
    positions = list(range(len(months)))

    figure = Figure(figsize=(11, 4.5))
    by_month, by_region = figure.subplots(1, 2)

    for region in sorted(table.columns):
        by_month.plot(positions, table[region].tolist(), marker="o", label=region)
    by_month.set_xticks(positions, labels=months)
    by_month.set_ylim(bottom=0)
    by_month.set_title("Revenue per month")
    by_month.set_xlabel("Month")
    by_month.set_ylabel("Revenue (EUR)")
    by_month.legend(title="Region")

    totals = sales.groupby("region")["revenue"].sum().reset_index()
    totals = totals.sort_values(["revenue", "region"], ascending=[False, True])
    bar_positions = list(range(len(totals)))
    by_region.bar(bar_positions, totals["revenue"].tolist())
    by_region.set_xticks(bar_positions, labels=totals["region"].tolist())
    by_region.set_title("Revenue per region")
    by_region.set_xlabel("Region")
    by_region.set_ylabel("Revenue (EUR)")

    figure.suptitle(f"Sales {months[0]} to {months[-1]}")
    return figure


def save_sales_chart(sales: pd.DataFrame, path: str | Path) -> Path:
    """Draw the chart and save it as a PNG file at `path`; return the path."""
    target = Path(path)
    plot_sales(sales).savefig(target, format="png", dpi=100)
    return target
