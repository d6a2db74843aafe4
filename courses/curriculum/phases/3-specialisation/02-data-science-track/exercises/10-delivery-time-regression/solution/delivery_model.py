"""Predict delivery times with a scikit-learn pipeline, and prove it beats a baseline."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyRegressor
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

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
    train, test = train_test_split(deliveries, test_size=0.25, random_state=seed)
    return train, test


def build_model() -> Pipeline:
    """Scale the numbers, one-hot encode the weather, then ridge regression."""
    prepare = ColumnTransformer(
        [
            ("numbers", StandardScaler(), NUMERIC),
            ("weather", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL),
        ]
    )
    return Pipeline([("prepare", prepare), ("model", Ridge(alpha=1.0))])


def fit_model(train: pd.DataFrame) -> Pipeline:
    """The pipeline fitted on the training rows only."""
    return build_model().fit(train[FEATURES], train[TARGET])


def evaluate(deliveries: pd.DataFrame, seed: int) -> RegressionReport:
    """Fit on the training split, score the model and a mean baseline on the test split."""
    train, test = split(deliveries, seed)
    model = fit_model(train)
    baseline = DummyRegressor(strategy="mean").fit(train[FEATURES], train[TARGET])
    actual = test[TARGET]
    predicted = model.predict(test[FEATURES])
    return RegressionReport(
        n_train=len(train),
        n_test=len(test),
        model_mae=float(mean_absolute_error(actual, predicted)),
        baseline_mae=float(mean_absolute_error(actual, baseline.predict(test[FEATURES]))),
        model_rmse=float(np.sqrt(mean_squared_error(actual, predicted))),
        r2=float(r2_score(actual, predicted)),
    )
