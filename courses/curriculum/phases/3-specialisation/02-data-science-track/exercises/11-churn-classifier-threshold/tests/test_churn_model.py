import numpy as np
import pandas as pd
import pytest
from churn_model import build_model, choose_threshold, classification_metrics, evaluate, split


def members(n, seed):
    rng = np.random.default_rng(seed)
    tenure = rng.integers(1, 60, n)
    plan = rng.choice(["basic", "plus", "family"], n, p=[0.5, 0.3, 0.2])
    fee = np.select([plan == "basic", plan == "plus"], [19.0, 29.0], 45.0) + rng.normal(0, 2, n).round(2)
    visits = rng.poisson(2.0, n)
    calls = rng.poisson(0.8, n)
    logit = 0.4 - 0.06 * tenure - 0.8 * visits + 0.9 * calls + 0.04 * (fee - 25)
    churned = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int)
    return pd.DataFrame(
        {"tenure_months": tenure, "monthly_fee": fee.round(2), "visits_per_week": visits,
         "support_calls": calls, "plan": plan, "churned": churned}
    )


def test_metrics_and_confusion_matrix():
    result = classification_metrics([1, 0, 1, 1, 0, 0], [1, 1, 0, 1, 0, 0])
    assert result["confusion"] == [[2, 1], [1, 2]]
    assert result["accuracy"] == pytest.approx(4 / 6)
    assert result["precision"] == pytest.approx(2 / 3)
    assert result["recall"] == pytest.approx(2 / 3)
    assert result["f1"] == pytest.approx(2 / 3)


def test_no_predicted_positives_gives_zero_not_an_error():
    result = classification_metrics([1, 0, 0], [0, 0, 0])
    assert (result["precision"], result["recall"], result["f1"]) == (0.0, 0.0, 0.0)


def test_choose_threshold_is_inclusive_and_picks_the_highest():
    actual = [1, 1, 1, 1, 0]
    probabilities = [0.9, 0.6, 0.4, 0.2, 0.5]
    assert choose_threshold(actual, probabilities, 0.5) == 0.6
    assert choose_threshold(actual, probabilities, 0.75) == 0.4
    assert choose_threshold(actual, probabilities, 1.0) == 0.2
    with pytest.raises(ValueError):
        choose_threshold(actual, probabilities, 0)


def test_split_is_stratified():
    data = members(500, seed=3)
    train, test = split(data, seed=5)
    assert (len(train), len(test)) == (350, 150)
    assert train["churned"].mean() == pytest.approx(test["churned"].mean(), abs=0.01)


def test_pipeline_steps():
    assert list(build_model().named_steps) == ["prepare", "model"]


def test_evaluate_matches_the_readme():
    result = evaluate(members(500, seed=3), seed=5)
    assert result["baseline"]["recall"] == 0.0
    assert result["model"]["recall"] == pytest.approx(0.5625)
    assert result["threshold"] == 0.2
    assert result["tuned"]["recall"] == pytest.approx(0.875)
    assert result["tuned"]["confusion"] == [[97, 21], [4, 28]]
