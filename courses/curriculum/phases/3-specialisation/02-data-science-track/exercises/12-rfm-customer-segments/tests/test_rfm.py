import numpy as np
import pandas as pd
import pytest
from rfm import choose_k, profile, rfm_table, segment

TODAY = pd.Timestamp("2024-12-31")


@pytest.fixture
def small():
    return pd.DataFrame(
        {
            "invoice": ["i1", "i1", "i2", "i3", "i4", "i5"],
            "customer_id": ["b", "b", "b", "a", None, "a"],
            "date": pd.to_datetime(["2024-12-01", "2024-12-01", "2024-12-21", "2024-06-30", "2024-12-30", "2024-07-01"]),
            "amount": [10.0, 5.5, 20.0, 99.99, 1.0, -9.99],
        }
    )


def test_rfm_table(small):
    table = rfm_table(small, TODAY)
    assert table.index.tolist() == ["a", "b"]
    assert list(table.columns) == ["recency_days", "frequency", "monetary"]
    assert table.loc["a"].tolist() == [183, 2, 90.0]
    assert table.loc["b"].tolist() == [10, 2, 35.5]
    assert [str(t) for t in table.dtypes] == ["int64", "int64", "float64"]


def test_future_transactions_are_refused(small):
    with pytest.raises(ValueError):
        rfm_table(small, pd.Timestamp("2024-12-15"))


def many_customers():
    rng = np.random.default_rng(0)
    rows = []
    for c in range(60):
        group = c % 3
        for v in range([1, 8, 3][group]):
            day = TODAY - pd.Timedelta(days=int([200, 5, 40][group] + 3 * v + rng.integers(0, 5)))
            rows.append((f"I{len(rows)}", f"C{c:02d}", day, float([20, 60, 900][group] + rng.integers(0, 10))))
    return pd.DataFrame(rows, columns=["invoice", "customer_id", "date", "amount"])


def test_segments_are_numbered_by_spend():
    rfm = rfm_table(many_customers(), TODAY)
    segmented = segment(rfm, 3, seed=0)
    assert "segment" not in rfm.columns
    assert str(segmented["segment"].dtype) == "int64"
    means = segmented.groupby("segment")["monetary"].mean()
    assert means.is_monotonic_decreasing


def test_profile_columns():
    table = profile(segment(rfm_table(many_customers(), TODAY), 3, seed=0))
    assert list(table.columns) == ["customers", "recency_days", "frequency", "monetary"]
    assert table["customers"].tolist() == [20, 20, 20]


def test_choose_k():
    rfm = rfm_table(many_customers(), TODAY)
    assert choose_k(rfm, [4, 2, 3, 3], seed=0) == 3
    with pytest.raises(ValueError):
        choose_k(rfm, [1, 2], seed=0)
