"""Segment a shop's customers by recency, frequency and monetary value with k-means."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_score
from sklearn.preprocessing import StandardScaler

RFM = ["recency_days", "frequency", "monetary"]


def rfm_table(transactions: pd.DataFrame, today: pd.Timestamp) -> pd.DataFrame:
    """One row per customer: days since the last purchase, invoices, total spend."""
    known = transactions.dropna(subset=["customer_id"])
    if (known["date"] > today).any():
        raise ValueError("a transaction is dated after `today`")
    grouped = known.groupby("customer_id")
    table = pd.DataFrame(
        {
            "recency_days": (today - grouped["date"].max()).dt.days.astype("int64"),
            "frequency": grouped["invoice"].nunique().astype("int64"),
            "monetary": grouped["amount"].sum().round(2),
        }
    )
    return table.sort_index()


def _features(rfm: pd.DataFrame) -> np.ndarray:
    raw = np.column_stack(
        [rfm["recency_days"], np.log1p(rfm["frequency"]), np.log1p(rfm["monetary"].clip(lower=0))]
    )
    return StandardScaler().fit_transform(raw)


def _cluster(features: np.ndarray, k: int, seed: int) -> np.ndarray:
    return KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(features)


def segment(rfm: pd.DataFrame, k: int, seed: int) -> pd.DataFrame:
    """`rfm` with a `segment` column: 0 is the cluster with the highest mean monetary value."""
    labels = _cluster(_features(rfm), k, seed)
    means = pd.Series(rfm["monetary"].to_numpy()).groupby(labels).mean()
    order = means.sort_values(ascending=False, kind="stable").index
    renumber = {old: new for new, old in enumerate(order)}
    return rfm.assign(segment=np.array([renumber[label] for label in labels], dtype="int64"))


def profile(segmented: pd.DataFrame) -> pd.DataFrame:
    """Per segment: how many customers and their mean recency, frequency and spend."""
    grouped = segmented.groupby("segment")
    table = grouped[RFM].mean().round(2)
    table.insert(0, "customers", grouped.size().astype("int64"))
    return table


def choose_k(rfm: pd.DataFrame, ks: Iterable[int], seed: int) -> int:
    """The k with the highest silhouette score; the smallest such k on a tie."""
    features = _features(rfm)
    candidates = sorted(set(ks))
    if not candidates or candidates[0] < 2 or candidates[-1] >= len(rfm):
        raise ValueError("every k must be at least 2 and below the number of customers")
    scores = {k: silhouette_score(features, _cluster(features, k, seed)) for k in candidates}
    return max(candidates, key=scores.__getitem__)  # the first maximum: the smallest k
