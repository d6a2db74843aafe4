"""A chronological split, a ridge model and a seasonal baseline."""

from __future__ import annotations

import pandas as pd
from sklearn.pipeline import Pipeline

FEATURES = ["slot", "temperature_c", "rain_mm"]
TARGET = "rentals"


def chronological_split(frame: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The first 75 % of hours (in time order) to train, the rest to test."""
    raise NotImplementedError


def build_model() -> Pipeline:
    raise NotImplementedError


def slot_baseline(train: pd.DataFrame, test: pd.DataFrame) -> pd.Series:
    """Predict each test hour with the mean rentals of its slot in training."""
    raise NotImplementedError


def train_and_compare(frame: pd.DataFrame) -> dict[str, object]:
    """Fit on the earlier hours, compare model and baseline on the later ones."""
    raise NotImplementedError
