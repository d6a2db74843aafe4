"""A chronological split, a ridge model and a seasonal baseline."""

from __future__ import annotations

import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder

FEATURES = ["slot", "temperature_c", "rain_mm"]
TARGET = "rentals"


def chronological_split(frame: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The first 75 % of hours (in time order) to train, the rest to test."""
    ordered = frame.sort_values("timestamp")
    cut = len(ordered) * 3 // 4
    return ordered.iloc[:cut], ordered.iloc[cut:]


def build_model() -> Pipeline:
    prepare = ColumnTransformer(
        [
            ("slot", OneHotEncoder(handle_unknown="ignore"), ["slot"]),
            ("weather", "passthrough", ["temperature_c", "rain_mm"]),
        ]
    )
    return Pipeline([("prepare", prepare), ("model", Ridge(alpha=1.0))])


def slot_baseline(train: pd.DataFrame, test: pd.DataFrame) -> pd.Series:
    """Predict each test hour with the mean rentals of its slot in training."""
    means = train.groupby("slot")[TARGET].mean()
    return test["slot"].map(means).fillna(train[TARGET].mean())


def train_and_compare(frame: pd.DataFrame) -> dict[str, object]:
    """Fit on the earlier hours, compare model and baseline on the later ones."""
    train, test = chronological_split(frame)
    model = build_model().fit(train[FEATURES], train[TARGET])
    model_mae = mean_absolute_error(test[TARGET], model.predict(test[FEATURES]))
    baseline_mae = mean_absolute_error(test[TARGET], slot_baseline(train, test))
    return {
        "n_train": len(train),
        "n_test": len(test),
        "first_test_hour": test["timestamp"].iloc[0].strftime("%Y-%m-%d %H:%M"),
        "mae_model": round(float(model_mae), 4),
        "mae_baseline": round(float(baseline_mae), 4),
    }
