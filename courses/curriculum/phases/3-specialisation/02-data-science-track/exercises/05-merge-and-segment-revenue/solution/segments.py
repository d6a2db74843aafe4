"""Join customers to their orders safely and summarise revenue per customer segment."""

from __future__ import annotations

import pandas as pd

KEY = "customer_id"


def join_orders(customers: pd.DataFrame, orders: pd.DataFrame) -> pd.DataFrame:
    """Every customer with each of their orders; customers without orders keep one row."""
    people = customers[[KEY, "name", "segment"]]
    bought = orders[["order_id", KEY, "amount"]]
    joined = people.merge(bought, on=KEY, how="left", validate="one_to_many")
    return joined.reset_index(drop=True)


def orphan_orders(customers: pd.DataFrame, orders: pd.DataFrame) -> pd.DataFrame:
    """Orders whose customer_id is not a known customer, in their original order."""
    unknown = ~orders["customer_id"].isin(customers["customer_id"])
    return orders[unknown].reset_index(drop=True)


def segment_summary(customers: pd.DataFrame, orders: pd.DataFrame) -> pd.DataFrame:
    """One row per segment: customers, buyers, orders, revenue, avg_order and share."""
    joined = join_orders(customers, orders)
    grouped = joined.groupby("segment")
    summary = pd.DataFrame(
        {
            "customers": grouped["customer_id"].nunique(),
            "buyers": joined.dropna(subset=["order_id"]).groupby("segment")["customer_id"].nunique(),
            "orders": grouped["order_id"].count(),
            "revenue": grouped["amount"].sum(),
        }
    )
    summary["buyers"] = summary["buyers"].fillna(0).astype("int64")
    summary["avg_order"] = summary["revenue"] / summary["orders"]
    total = summary["revenue"].sum()
    summary["share"] = (summary["revenue"] / total).round(4) if total else 0.0
    summary = summary.reset_index().sort_values(["revenue", "segment"], ascending=[False, True])
    return summary.set_index("segment")
