"""Predict delivery times with a scikit-learn pipeline, and prove it beats a baseline."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from sklearn.pipeline import Pipeline

NUMERIC = ["distance_km", "items", "hour"]
CATEGORICAL = ["weather"]
FEATURES = NUMERIC + CATEGORICAL
TARGET = "minutes"


@dataclass(frozen=True)
class RegressionReport:
    n_train: int
    n_test: int
    model_mae: float
    baseline_mae: float
    model_rmse: float
    r2: float


def split(deliveries: pd.DataFrame, seed: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A quarter of the rows for testing, chosen by `seed`."""
    raise NotImplementedError


def build_model() -> Pipeline:
    """Scale the numbers, one-hot encode the weather, then ridge regression."""
    raise NotImplementedError


def fit_model(train: pd.DataFrame) -> Pipeline:
    """The pipeline fitted on the training rows only."""
    raise NotImplementedError


def evaluate(deliveries: pd.DataFrame, seed: int) -> RegressionReport:
    """Fit on the training split, score the model and a mean baseline on the test split."""
    raise NotImplementedError
