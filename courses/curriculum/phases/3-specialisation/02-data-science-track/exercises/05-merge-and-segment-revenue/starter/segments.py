"""Join customers to their orders safely and summarise revenue per customer segment."""

from __future__ import annotations

import pandas as pd


def join_orders(customers: pd.DataFrame, orders: pd.DataFrame) -> pd.DataFrame:
    """Every customer with each of their orders; customers without orders keep one row."""
    raise NotImplementedError


def orphan_orders(customers: pd.DataFrame, orders: pd.DataFrame) -> pd.DataFrame:
    """Orders whose customer_id is not a known customer, in their original order."""
    raise NotImplementedError


def segment_summary(customers: pd.DataFrame, orders: pd.DataFrame) -> pd.DataFrame:
    """One row per segment: customers, buyers, orders, revenue, avg_order and share."""
    raise NotImplementedError
