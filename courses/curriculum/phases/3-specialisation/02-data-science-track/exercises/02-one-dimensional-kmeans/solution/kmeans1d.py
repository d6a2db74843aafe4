"""Lloyd's k-means algorithm for one-dimensional data."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class KMeansResult:
    labels: list[int]
    centroids: list[float]
    inertia: float


def initial_centroids(values: Sequence[float], k: int) -> list[float]:
    """Evenly spaced picks from the sorted distinct values."""
    if len(values) == 0:
        raise ValueError("values must not be empty")
    distinct = sorted(set(values))
    m = len(distinct)
    if not 1 <= k <= m:
        raise ValueError(f"k must be between 1 and the number of distinct values ({m})")
    if k == 1:
        return [float(distinct[0])]
    return [float(distinct[(i * (m - 1)) // (k - 1)]) for i in range(k)]


def assign(values: Sequence[float], centroids: Sequence[float]) -> list[int]:
    """Index of the nearest centroid for each value (lowest index on ties)."""
    if len(centroids) == 0:
        raise ValueError("centroids must not be empty")
    indices = range(len(centroids))
    # min() returns the first minimum it meets, which gives the lowest index on ties.
    return [min(indices, key=lambda i: abs(x - centroids[i])) for x in values]


def _update(values: Sequence[float], labels: list[int], centroids: list[float]) -> list[float]:
    members: list[list[float]] = [[] for _ in centroids]
    for value, label in zip(values, labels):
        members[label].append(value)
    return [
        math.fsum(group) / len(group) if group else old
        for group, old in zip(members, centroids)
    ]


def _inertia(values: Sequence[float], labels: list[int], centroids: list[float]) -> float:
    return math.fsum((x - centroids[label]) ** 2 for x, label in zip(values, labels))


def kmeans_1d(values: Sequence[float], k: int, *, max_iter: int = 100) -> KMeansResult:
    """Cluster `values` into `k` groups with Lloyd's algorithm."""
    if max_iter < 1:
        raise ValueError("max_iter must be at least 1")
    centroids = initial_centroids(values, k)
    labels = assign(values, centroids)
    for _ in range(max_iter):
        centroids = _update(values, labels, centroids)
        new_labels = assign(values, centroids)
        if new_labels == labels:
            break
        labels = new_labels
    return KMeansResult(labels, centroids, _inertia(values, labels, centroids))
