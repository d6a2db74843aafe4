"""Descriptive statistics and z-score outlier detection on plain Python sequences."""

from __future__ import annotations

from collections.abc import Sequence


def mean(values: Sequence[float]) -> float:
    """Arithmetic mean; ValueError when empty."""
    raise NotImplementedError


def median(values: Sequence[float]) -> float:
    """Middle value (mean of the two middle values for an even count)."""
    raise NotImplementedError


def stdev(values: Sequence[float], *, sample: bool = True) -> float:
    """Standard deviation, sample (n - 1) or population (n)."""
    raise NotImplementedError


def quantile(values: Sequence[float], q: float) -> float:
    """Quantile with linear interpolation between closest ranks."""
    raise NotImplementedError


def describe(values: Sequence[float]) -> dict[str, float]:
    """count, mean, std, min, 25%, 50%, 75%, max - like pandas' describe()."""
    raise NotImplementedError


def zscore_outliers(values: Sequence[float], threshold: float = 3.0) -> list[int]:
    """Indices of values whose |z-score| is strictly above `threshold`."""
    raise NotImplementedError
