import matplotlib.pyplot as plt
import pandas as pd
import pytest
from charts import plot_sales, save_sales_chart
from matplotlib.figure import Figure


@pytest.fixture
def sales():
    return pd.DataFrame(
        {
            "month": ["2024-02", "2024-01", "2024-02", "2024-03"],
            "region": ["North", "South", "South", "North"],
            "revenue": [5.0, 3.0, 4.0, 2.5],
        }
    )


def test_figure_layout(sales):
    figure = plot_sales(sales)
    assert isinstance(figure, Figure)
    assert len(figure.axes) == 2
    assert figure.get_suptitle() == "Sales 2024-01 to 2024-03"
    assert plt.get_fignums() == []


def test_lines_per_region(sales):
    left = plot_sales(sales).axes[0]
    assert [line.get_label() for line in left.lines] == ["North", "South"]
    assert [list(map(float, line.get_ydata())) for line in left.lines] == [[0.0, 5.0, 2.5], [3.0, 4.0, 0.0]]
    assert [t.get_text() for t in left.get_xticklabels()] == ["2024-01", "2024-02", "2024-03"]


def test_line_panel_labels(sales):
    left = plot_sales(sales).axes[0]
    assert (left.get_title(), left.get_xlabel(), left.get_ylabel()) == ("Revenue per month", "Month", "Revenue (EUR)")
    assert left.get_ylim()[0] == 0
    assert left.get_legend().get_title().get_text() == "Region"


def test_bars_sorted_by_total(sales):
    right = plot_sales(sales).axes[1]
    assert [bar.get_height() for bar in right.patches] == [7.5, 7.0]
    assert [t.get_text() for t in right.get_xticklabels()] == ["North", "South"]
    assert right.get_title() == "Revenue per region"


def test_no_sales_is_an_error():
    with pytest.raises(ValueError):
        plot_sales(pd.DataFrame({"month": [], "region": [], "revenue": []}))


def test_save_as_png(sales, tmp_path):
    path = save_sales_chart(sales, tmp_path / "weekly")
    assert path == tmp_path / "weekly"
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
