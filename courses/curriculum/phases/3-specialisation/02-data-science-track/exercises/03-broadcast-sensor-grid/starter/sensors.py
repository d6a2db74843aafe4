"""Whole-array NumPy helpers for a network of weather sensors (no Python loops)."""

from __future__ import annotations

import numpy as np


def standardise(readings: np.ndarray) -> np.ndarray:
    """Column-wise z-scores (population standard deviation); constant columns become 0."""
    raise NotImplementedError


def flag_anomalies(readings: np.ndarray, limit: float) -> np.ndarray:
    """True where a reading's |z-score| within its column is strictly above `limit`."""
    raise NotImplementedError


def pairwise_distances(points: np.ndarray, stations: np.ndarray) -> np.ndarray:
    """Euclidean distance from every point (rows) to every station (columns)."""
    raise NotImplementedError


def nearest_station(points: np.ndarray, stations: np.ndarray) -> np.ndarray:
    """Index of the closest station for every point; the lowest index wins a tie."""
    raise NotImplementedError


def rolling_mean(values: np.ndarray, window: int) -> np.ndarray:
    """Means of every run of `window` consecutive values (full windows only)."""
    raise NotImplementedError
