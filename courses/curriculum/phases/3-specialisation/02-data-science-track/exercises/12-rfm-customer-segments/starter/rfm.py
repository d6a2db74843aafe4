"""Segment a shop's customers by recency, frequency and monetary value with k-means."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

RFM = ["recency_days", "frequency", "monetary"]


def rfm_table(transactions: pd.DataFrame, today: pd.Timestamp) -> pd.DataFrame:
    """One row per customer: days since the last purchase, invoices, total spend."""
    raise NotImplementedError


def segment(rfm: pd.DataFrame, k: int, seed: int) -> pd.DataFrame:
    """`rfm` with a `segment` column: 0 is the cluster with the highest mean monetary value."""
    raise NotImplementedError


def profile(segmented: pd.DataFrame) -> pd.DataFrame:
    """Per segment: how many customers and their mean recency, frequency and spend."""
    raise NotImplementedError


def choose_k(rfm: pd.DataFrame, ks: Iterable[int], seed: int) -> int:
    """The k with the highest silhouette score; the smallest such k on a tie."""
    raise NotImplementedError
