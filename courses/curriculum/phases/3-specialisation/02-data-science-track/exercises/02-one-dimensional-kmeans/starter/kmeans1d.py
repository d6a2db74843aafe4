"""Lloyd's k-means algorithm for one-dimensional data."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class KMeansResult:
    labels: list[int]
    centroids: list[float]
    inertia: float


def initial_centroids(values: Sequence[float], k: int) -> list[float]:
    """Evenly spaced picks from the sorted distinct values."""
    raise NotImplementedError


def assign(values: Sequence[float], centroids: Sequence[float]) -> list[int]:
    """Index of the nearest centroid for each value (lowest index on ties)."""
    raise NotImplementedError


def kmeans_1d(values: Sequence[float], k: int, *, max_iter: int = 100) -> KMeansResult:
    """Cluster `values` into `k` groups with Lloyd's algorithm."""
    raise NotImplementedError
