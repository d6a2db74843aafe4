"""Whole-array NumPy helpers for a network of weather sensors (no Python loops)."""

from __future__ import annotations

import numpy as np


def standardise(readings: np.ndarray) -> np.ndarray:
    """Column-wise z-scores (population standard deviation); constant columns become 0."""
    data = np.asarray(readings, dtype=np.float64)
    if data.ndim != 2:
        raise ValueError("readings must be a 2-D array (times x sensors)")
    centred = data - data.mean(axis=0)
    spread = data.std(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        z = centred / spread
    z[:, spread == 0] = 0.0  # a constant column: 0/0 above, 0 by definition here
    return z


def flag_anomalies(readings: np.ndarray, limit: float) -> np.ndarray:
    """True where a reading's |z-score| within its column is strictly above `limit`."""
    if limit <= 0:
        raise ValueError("limit must be positive")
    return np.abs(standardise(readings)) > limit


def pairwise_distances(points: np.ndarray, stations: np.ndarray) -> np.ndarray:
    """Euclidean distance from every point (rows) to every station (columns)."""
    a = np.asarray(points, dtype=np.float64)
    b = np.asarray(stations, dtype=np.float64)
    if a.ndim != 2 or b.ndim != 2 or a.shape[1] != b.shape[1]:
        raise ValueError("points and stations must be 2-D with the same number of columns")
    difference = a[:, np.newaxis, :] - b[np.newaxis, :, :]
    return np.sqrt((difference**2).sum(axis=2))


def nearest_station(points: np.ndarray, stations: np.ndarray) -> np.ndarray:
    """Index of the closest station for every point; the lowest index wins a tie."""
    if len(stations) == 0:
        raise ValueError("there must be at least one station")
    return pairwise_distances(points, stations).argmin(axis=1)


def rolling_mean(values: np.ndarray, window: int) -> np.ndarray:
    """Means of every run of `window` consecutive values (full windows only)."""
    data = np.asarray(values, dtype=np.float64)
    if data.ndim != 1:
        raise ValueError("values must be a 1-D array")
    if not 1 <= window <= len(data):
        raise ValueError("window must be between 1 and the number of values")
    totals = np.concatenate(([0.0], np.cumsum(data)))
    return (totals[window:] - totals[:-window]) / window
