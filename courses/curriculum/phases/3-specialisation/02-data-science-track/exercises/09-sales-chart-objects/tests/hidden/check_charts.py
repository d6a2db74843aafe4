"""Hidden checks: they record what the code does; the grader compares with the reference."""

import random

import matplotlib.pyplot as plt
import pandas as pd
from charts import plot_sales, save_sales_chart


def sales_table(seed=3):
    rng = random.Random(seed)
    rows = []
    for month in ["2023-11", "2024-02", "2023-12", "2024-01"]:
        for region in ["West", "East", "Central", "Islands"]:
            if region == "Islands" and month in ("2023-12", "2024-01"):
                continue  # no sales there: plotted as 0.0
            for _ in range(rng.randrange(1, 3)):
                rows.append((month, region, round(rng.uniform(100, 900), 2)))
    rng.shuffle(rows)
    return pd.DataFrame(rows, columns=["month", "region", "revenue"])


def describe_axes(ax):
    legend = ax.get_legend()
    return {
        "title": ax.get_title(),
        "xlabel": ax.get_xlabel(),
        "ylabel": ax.get_ylabel(),
        "xticks": [float(x) for x in ax.get_xticks()],
        "xticklabels": [t.get_text() for t in ax.get_xticklabels()],
        "lines": [
            (line.get_label(), [float(x) for x in line.get_xdata()], [float(y) for y in line.get_ydata()])
            for line in ax.lines
        ],
        "bars": [(float(p.get_x() + p.get_width() / 2), float(p.get_height())) for p in ax.patches],
        "legend": None if legend is None else [t.get_text() for t in legend.get_texts()],
        "legend_title": None if legend is None else legend.get_title().get_text(),
        "ybottom": float(ax.get_ylim()[0]),
    }


def check_line_panel(observe):
    figure = plot_sales(sales_table())
    observe(len(figure.axes))
    # One row, two columns, as the statement asks: (rows, columns, first, last) per panel.
    observe([list(ax.get_subplotspec().get_geometry()) for ax in figure.axes])
    observe(describe_axes(figure.axes[0]), tol=1e-9)


def check_bar_panel(observe):
    figure = plot_sales(sales_table())
    info = describe_axes(figure.axes[1])
    del info["ybottom"]
    observe(info, tol=1e-9)


def check_titles_and_pyplot_state(observe):
    before = len(plt.get_fignums())
    figure = plot_sales(sales_table(seed=9))
    observe(figure.get_suptitle())
    observe(len(plt.get_fignums()) - before)
    observe(type(figure).__name__)


def check_ties_single_month_and_one_region(observe):
    tied = pd.DataFrame(
        {"month": ["2024-05", "2024-05", "2024-05"], "region": ["Zeta", "Alpha", "Mid"], "revenue": [10.0, 10.0, 2.5]}
    )
    figure = plot_sales(tied)
    observe([describe_axes(ax) for ax in figure.axes])
    observe(figure.get_suptitle())
    single = pd.DataFrame({"month": ["2024-07", "2024-06"], "region": ["Solo", "Solo"], "revenue": [1.5, 4.0]})
    observe([describe_axes(ax) for ax in plot_sales(single).axes])


def check_empty_sales_and_saving(observe, tmp_path):
    observe.raises(plot_sales, sales_table().iloc[:0])
    path = save_sales_chart(sales_table(), str(tmp_path / "chart"))
    observe(type(path).__name__)
    observe(path.name)
    data = path.read_bytes()
    observe(data[:8])
    observe(len(data) > 10_000)
