import pandas as pd
import pytest
from segments import join_orders, orphan_orders, segment_summary


@pytest.fixture
def customers():
    return pd.DataFrame(
        {
            "customer_id": ["c1", "c2", "c3", "c4"],
            "name": ["Ann", "Bo", "Cy", "Di"],
            "segment": ["retail", "trade", "retail", "vip"],
        }
    )


@pytest.fixture
def orders():
    return pd.DataFrame(
        {
            "order_id": ["o1", "o2", "o3", "o4", "o5"],
            "customer_id": ["c3", "c1", "c3", "c9", "c2"],
            "amount": [10.0, 5.5, 2.5, 99.0, 40.0],
        }
    )


def test_join_keeps_customers_without_orders(customers, orders):
    joined = join_orders(customers, orders)
    assert list(joined.columns) == ["customer_id", "name", "segment", "order_id", "amount"]
    assert joined["customer_id"].tolist() == ["c1", "c2", "c3", "c3", "c4"]
    assert joined["order_id"].isna().tolist() == [False, False, False, False, True]


def test_duplicated_customer_is_refused(customers, orders):
    with pytest.raises(pd.errors.MergeError):
        join_orders(pd.concat([customers, customers.iloc[[0]]]), orders)


def test_orphan_orders(customers, orders):
    orphans = orphan_orders(customers, orders)
    assert orphans["order_id"].tolist() == ["o4"]
    assert orphans.index.tolist() == [0]


def test_segment_summary_matches_the_readme(customers, orders):
    summary = segment_summary(customers, orders)
    assert summary.index.tolist() == ["trade", "retail", "vip"]
    assert summary.index.name == "segment"
    assert list(summary.columns) == ["customers", "buyers", "orders", "revenue", "avg_order", "share"]
    assert summary.loc["retail"].tolist() == [2, 2, 3, 18.0, 6.0, 0.3103]
    assert summary.loc["vip", "revenue"] == 0.0
    assert pd.isna(summary.loc["vip", "avg_order"])


def test_summary_dtypes(customers, orders):
    summary = segment_summary(customers, orders)
    assert [str(t) for t in summary.dtypes] == ["int64", "int64", "int64", "float64", "float64", "float64"]


def test_inputs_are_not_modified(customers, orders):
    before = customers.copy(), orders.copy()
    segment_summary(customers, orders)
    pd.testing.assert_frame_equal(customers, before[0])
    pd.testing.assert_frame_equal(orders, before[1])
