import numpy as np
import pandas as pd
import pytest
from delivery_model import FEATURES, RegressionReport, build_model, evaluate, fit_model, split
from sklearn.pipeline import Pipeline


def deliveries(n, seed):
    rng = np.random.default_rng(seed)
    distance = rng.gamma(2.0, 2.5, n).round(2)
    items = rng.integers(1, 12, n)
    hour = rng.integers(8, 23, n)
    weather = rng.choice(["dry", "rain", "snow"], n, p=[0.6, 0.3, 0.1])
    extra = np.select([weather == "rain", weather == "snow"], [6.0, 18.0], 0.0)
    rush = np.where((hour >= 17) & (hour <= 19), 7.0, 0.0)
    minutes = (14 + 3.1 * distance + 0.9 * items + rush + extra + rng.normal(0, 4, n)).round(1)
    return pd.DataFrame(
        {"distance_km": distance, "items": items, "hour": hour, "weather": weather, "minutes": minutes}
    )


@pytest.fixture(scope="module")
def data():
    return deliveries(400, seed=1)


def test_split_sizes_and_seed(data):
    train, test = split(data, seed=7)
    assert (len(train), len(test)) == (300, 100)
    assert sorted(train.index.tolist() + test.index.tolist()) == list(range(400))
    assert split(data, seed=7)[1].index.tolist() == test.index.tolist()
    assert split(data, seed=8)[1].index.tolist() != test.index.tolist()


def test_pipeline_steps():
    model = build_model()
    assert isinstance(model, Pipeline)
    assert list(model.named_steps) == ["prepare", "model"]
    assert [name for name, _, _ in model.named_steps["prepare"].transformers] == ["numbers", "weather"]


def test_scaler_learns_from_training_rows_only(data):
    train, _ = split(data, seed=7)
    scaler = fit_model(train).named_steps["prepare"].named_transformers_["numbers"]
    assert scaler.mean_ == pytest.approx(train[["distance_km", "items", "hour"]].mean().to_numpy())


def test_unknown_weather_does_not_crash(data):
    model = fit_model(data)
    row = pd.DataFrame([{"distance_km": 3.0, "items": 2, "hour": 12, "weather": "fog"}])
    assert model.predict(row[FEATURES]).shape == (1,)


def test_model_beats_the_baseline(data):
    report = evaluate(data, seed=7)
    assert isinstance(report, RegressionReport)
    assert (report.n_train, report.n_test) == (300, 100)
    assert report.model_mae == pytest.approx(4.1285, abs=1e-3)
    assert report.baseline_mae == pytest.approx(10.2260, abs=1e-3)
    assert report.model_mae < report.baseline_mae
    assert 0.8 < report.r2 < 0.9
    assert type(report.model_rmse) is float
