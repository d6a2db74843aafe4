"""Descriptive statistics and z-score outlier detection on plain Python sequences.

Z-scores use the mean and standard deviation, both of which an extreme value drags towards
itself; in small samples prefer a median-based rule (median absolute deviation or the
interquartile range), which one outlier cannot move.
"""

from __future__ import annotations

import math
from collections.abc import Sequence


def _require_data(values: Sequence[float]) -> None:
    if len(values) == 0:
        raise ValueError("at least one value is required")


def mean(values: Sequence[float]) -> float:
    """Arithmetic mean; ValueError when empty."""
    _require_data(values)
    return math.fsum(values) / len(values)


def median(values: Sequence[float]) -> float:
    """Middle value (mean of the two middle values for an even count)."""
    _require_data(values)
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return float(ordered[middle])
    return (ordered[middle - 1] + ordered[middle]) / 2


def stdev(values: Sequence[float], *, sample: bool = True) -> float:
    """Standard deviation, sample (n - 1) or population (n)."""
    _require_data(values)
    n = len(values)
    if sample and n < 2:
        raise ValueError("the sample standard deviation needs at least two values")
    centre = mean(values)
    squares = math.fsum((x - centre) ** 2 for x in values)
    return math.sqrt(squares / (n - 1 if sample else n))


def quantile(values: Sequence[float], q: float) -> float:
    """Quantile with linear interpolation between closest ranks."""
    _require_data(values)
    if not 0 <= q <= 1:
        raise ValueError("q must be between 0 and 1")
    ordered = sorted(values)
    position = q * (len(ordered) - 1)
    lo = math.floor(position)
    hi = min(lo + 1, len(ordered) - 1)
    return float(ordered[lo] + (ordered[hi] - ordered[lo]) * (position - lo))


def describe(values: Sequence[float]) -> dict[str, float]:
    """count, mean, std, min, 25%, 50%, 75%, max - like pandas' describe()."""
    _require_data(values)
    return {
        "count": float(len(values)),
        "mean": mean(values),
        "std": stdev(values) if len(values) > 1 else 0.0,
        "min": float(min(values)),
        "25%": quantile(values, 0.25),
        "50%": quantile(values, 0.5),
        "75%": quantile(values, 0.75),
        "max": float(max(values)),
    }


def zscore_outliers(values: Sequence[float], threshold: float = 3.0) -> list[int]:
    """Indices of values whose |z-score| is strictly above `threshold`."""
    if threshold <= 0:
        raise ValueError("threshold must be positive")
    if len(values) < 2:
        return []
    centre, spread = mean(values), stdev(values)
    if spread == 0:
        return []
    return [i for i, x in enumerate(values) if abs(x - centre) / spread > threshold]
