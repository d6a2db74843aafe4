"""Which gym members will cancel? A logistic regression, honest metrics and a tuned threshold."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from sklearn.pipeline import Pipeline

NUMERIC = ["tenure_months", "monthly_fee", "visits_per_week", "support_calls"]
CATEGORICAL = ["plan"]
FEATURES = NUMERIC + CATEGORICAL
TARGET = "churned"
THRESHOLDS = [round(0.05 * step, 2) for step in range(1, 20)]  # 0.05, 0.1, ..., 0.95


def split(members: pd.DataFrame, seed: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """30 % for testing, stratified by the target so both parts have the same churn rate."""
    raise NotImplementedError


def build_model() -> Pipeline:
    raise NotImplementedError


def classification_metrics(actual: Sequence[int], predicted: Sequence[int]) -> dict[str, object]:
    """Accuracy, precision, recall and F1 of class 1, and the confusion matrix."""
    raise NotImplementedError


def choose_threshold(actual: Sequence[int], probabilities: Sequence[float], min_recall: float) -> float:
    """The highest threshold in THRESHOLDS whose recall (probability >= threshold) reaches
    `min_recall`."""
    raise NotImplementedError


def evaluate(members: pd.DataFrame, seed: int, min_recall: float = 0.8) -> dict[str, object]:
    """Baseline, model at 0.5 and model at a threshold tuned on the training rows, all
    measured on the test rows."""
    raise NotImplementedError
