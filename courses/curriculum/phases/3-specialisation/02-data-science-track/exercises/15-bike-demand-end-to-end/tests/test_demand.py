import json

import numpy as np
import pandas as pd
import pytest
from demand.cleaning import load_hours
from demand.features import add_features
from demand.modelling import build_model, chronological_split, slot_baseline, train_and_compare
from demand.report import run, summary_text, write_report

HEADER = "timestamp,temperature_c,rain_mm,rentals\n"


@pytest.fixture
def messy(tmp_path):
    path = tmp_path / "hours.csv"
    path.write_text(
        HEADER
        + " 2024-04-01 09:00 ,10.0,0.0,40\n"
        + "2024-04-01 07:00,,,12\n"
        + "2024-04-01 08:00,6.0,1.5,n/a\n"
        + "2024-04-31 25:00,6.0,0.0,3\n"
        + "2024-04-01 07:00,8.0,0.0,99\n"
        + "2024-04-01 10:00,12.0,0.2,-1\n"
        + "2024-04-06 10:00,14.0,0.0,30\n"
    )
    return path


def test_load_hours_report(messy):
    hours, report = load_hours(messy)
    assert report == {
        "rows_in": 7, "bad_timestamp": 1, "duplicates": 1, "bad_rentals": 2,
        "imputed_temperature": 1, "imputed_rain": 1, "rows_out": 3,
    }
    assert hours["rentals"].tolist() == [12, 40, 30]
    assert hours["temperature_c"].tolist() == [10.0, 10.0, 14.0]  # filled from its neighbour
    assert [str(t) for t in hours.dtypes] == ["datetime64[us]", "float64", "float64", "int64"]


def test_features(messy):
    hours, _ = load_hours(messy)
    features = add_features(hours)
    assert list(features.columns)[4:] == ["hour", "weekday", "is_weekend", "is_raining", "slot"]
    assert features["slot"].tolist() == ["weekday-07", "weekday-09", "weekend-10"]
    assert features["hour"].dtype == np.int64
    assert "slot" not in hours.columns


def frame(n):
    stamps = pd.date_range("2024-04-01", periods=n, freq="h")
    hours = pd.DataFrame(
        {"timestamp": stamps.astype("datetime64[us]"), "temperature_c": np.linspace(5, 15, n),
         "rain_mm": [0.0, 0.5] * (n // 2), "rentals": (np.arange(n) % 24 * 2).astype("int64")}
    )
    return add_features(hours)


def test_chronological_split():
    data = frame(48).sample(frac=1.0, random_state=1)
    train, test = chronological_split(data)
    assert (len(train), len(test)) == (36, 12)
    assert train["timestamp"].max() < test["timestamp"].min()


def test_slot_baseline_falls_back_to_the_mean():
    train, test = frame(48).iloc[:20], frame(48).iloc[24:]
    baseline = slot_baseline(train, test)
    assert baseline.index.tolist() == test.index.tolist()
    assert baseline.iloc[0] == train.loc[train["slot"] == test["slot"].iloc[0], "rentals"].mean()
    assert baseline.iloc[-1] == pytest.approx(train["rentals"].mean())  # slot 23 is not in training


def test_model_and_comparison():
    assert list(build_model().named_steps) == ["prepare", "model"]
    metrics = train_and_compare(frame(96))
    assert (metrics["n_train"], metrics["n_test"]) == (72, 24)
    assert metrics["first_test_hour"] == "2024-04-04 00:00"
    assert type(metrics["mae_model"]) is float


def test_summary_and_files(tmp_path, messy):
    cleaning = {"rows_in": 10, "rows_out": 8, "imputed_temperature": 1}
    metrics = {"n_test": 5, "first_test_hour": "2024-04-02 01:00", "mae_model": 2.0, "mae_baseline": 2.5}
    assert summary_text(cleaning, metrics).splitlines()[-1] == "- The model is better than the baseline (+20.0 %)."
    folder = write_report(cleaning, metrics, tmp_path / "out" / "week1")
    assert json.loads((folder / "metrics.json").read_text())["model"]["mae_model"] == 2.0
    assert (folder / "summary.md").read_text().startswith("# Bike demand: model versus baseline\n")
