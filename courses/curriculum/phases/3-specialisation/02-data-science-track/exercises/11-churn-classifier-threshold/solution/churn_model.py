"""Which gym members will cancel? A logistic regression, honest metrics and a tuned threshold."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

NUMERIC = ["tenure_months", "monthly_fee", "visits_per_week", "support_calls"]
CATEGORICAL = ["plan"]
FEATURES = NUMERIC + CATEGORICAL
TARGET = "churned"
THRESHOLDS = [round(0.05 * step, 2) for step in range(1, 20)]  # 0.05, 0.1, ..., 0.95


def split(members: pd.DataFrame, seed: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """30 % for testing, stratified by the target so both parts have the same churn rate."""
    train, test = train_test_split(
        members, test_size=0.3, random_state=seed, stratify=members[TARGET]
    )
    return train, test


def build_model() -> Pipeline:
    prepare = ColumnTransformer(
        [
            ("numbers", StandardScaler(), NUMERIC),
            ("plan", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL),
        ]
    )
    return Pipeline([("prepare", prepare), ("model", LogisticRegression(max_iter=1000))])


def classification_metrics(actual: Sequence[int], predicted: Sequence[int]) -> dict[str, object]:
    """Accuracy, precision, recall and F1 of class 1, and the confusion matrix."""
    y, p = np.asarray(actual) == 1, np.asarray(predicted) == 1
    if len(y) == 0 or len(y) != len(p):
        raise ValueError("actual and predicted must be non-empty and of the same length")
    tp, fp = int((y & p).sum()), int((~y & p).sum())
    fn, tn = int((y & ~p).sum()), int((~y & ~p).sum())
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "accuracy": (tp + tn) / len(y),
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "confusion": [[tn, fp], [fn, tp]],
    }


def choose_threshold(actual: Sequence[int], probabilities: Sequence[float], min_recall: float) -> float:
    """The highest threshold in THRESHOLDS whose recall (probability >= threshold) reaches
    `min_recall`."""
    if not 0 < min_recall <= 1:
        raise ValueError("min_recall must be in (0, 1]")
    scores = np.asarray(probabilities)
    for threshold in reversed(THRESHOLDS):
        predicted = (scores >= threshold).astype(int)
        if classification_metrics(actual, predicted)["recall"] >= min_recall:
            return threshold
    raise ValueError("no threshold reaches the requested recall")


def evaluate(members: pd.DataFrame, seed: int, min_recall: float = 0.8) -> dict[str, object]:
    """Baseline, model at 0.5 and model at a threshold tuned on the training rows, all
    measured on the test rows."""
    train, test = split(members, seed)
    model = build_model().fit(train[FEATURES], train[TARGET])
    baseline = DummyClassifier(strategy="most_frequent").fit(train[FEATURES], train[TARGET])
    threshold = choose_threshold(
        train[TARGET], model.predict_proba(train[FEATURES])[:, 1], min_recall
    )
    test_scores = model.predict_proba(test[FEATURES])[:, 1]
    return {
        "baseline": classification_metrics(test[TARGET], baseline.predict(test[FEATURES])),
        "model": classification_metrics(test[TARGET], (test_scores >= 0.5).astype(int)),
        "threshold": threshold,
        "tuned": classification_metrics(test[TARGET], (test_scores >= threshold).astype(int)),
    }
