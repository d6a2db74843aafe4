"""Hidden checks: they record what the code does; the grader compares with the reference."""

import numpy as np
import pandas as pd
from demand.cleaning import load_hours
from demand.features import add_features
from demand.modelling import build_model, chronological_split, slot_baseline, train_and_compare
from demand.report import run, summary_text, write_report

WEEKDAY = [2, 1, 1, 1, 2, 6, 18, 45, 60, 30, 20, 22, 26, 24, 22, 28, 45, 70, 55, 35, 22, 14, 8, 4]
WEEKEND = [6, 4, 3, 2, 2, 2, 4, 8, 14, 24, 34, 40, 44, 46, 44, 40, 34, 28, 22, 18, 14, 10, 8, 6]


def write_hours(path, days, seed):
    """An hourly export with realistic mess: bad stamps, re-sent rows, gaps, shuffled."""
    rng = np.random.default_rng(seed)
    start = np.datetime64("2024-04-01T00:00")  # a Monday
    lines = []
    for d in range(days):
        for h in range(24):
            stamp = str(start + np.timedelta64(d * 24 + h, "h")).replace("T", " ")
            base = (WEEKEND if d % 7 >= 5 else WEEKDAY)[h]
            temp = 8 + 0.15 * d + 6 * np.sin((h - 9) / 24 * 2 * np.pi) + rng.normal(0, 1.5)
            rain = max(0.0, rng.normal(-1.2, 1.5))
            rentals = max(0, int(round(base * (1 + 0.03 * (temp - 12)) * (0.55 if rain > 0 else 1) + rng.normal(0, 3))))
            temp_text = f"{temp:.1f}" if rng.random() > 0.04 else ""
            rain_text = f"{rain:.1f}" if rng.random() > 0.02 else " "
            rent_text = str(rentals)
            roll = rng.random()
            if roll < 0.01:
                stamp = "2024-04-31 25:00"
            elif roll < 0.015:
                rent_text = "n/a"
            elif roll < 0.02:
                rent_text = "-3"
            elif roll < 0.025:
                rent_text = "4.0"
            lines.append(f" {stamp} ,{temp_text},{rain_text},{rent_text}")
            if rng.random() < 0.01:
                lines.append(f"{stamp},{temp_text},{rain_text},{rentals + 5}")  # a re-sent row
    order = rng.permutation(len(lines))
    path.write_text("timestamp,temperature_c,rain_mm,rentals\n" + "\n".join(lines[i] for i in order) + "\n")
    return path


def check_cleaning(observe, tmp_path):
    hours, report = load_hours(write_hours(tmp_path / "april.csv", 30, seed=4))
    observe(report)
    observe(hours.iloc[::37])
    observe((len(hours), [str(t) for t in hours.dtypes], hours.index[-1]))


def check_cleaning_edges(observe, tmp_path):
    path = tmp_path / "edges.csv"
    path.write_text(
        "timestamp,temperature_c,rain_mm,rentals\n"
        "2024-04-02 05:00,,0,1\n"          # leading gap: filled from the next value
        "2024-04-02 03:00,bad,,0\n"        # an unreadable temperature counts as missing
        "2024-04-02 04:00,4.0,x,07\n"
        "2024-04-02 06:00,9.0,0.5, 3 \n"
        "2024-04-02 03:00,5.0,0,2\n"       # a duplicate of an earlier row
        "2024-04-02 07:00,,0,4\n"          # trailing gap: filled from the previous value
        "2024-04-02 08:00,1.0,0,+4\n"
        "2024-04-02 09:00,1.0,0,\n"
        "2024/04/02 10:00,1.0,0,4\n"
    )
    observe(load_hours(path))
    # Another spelling first: the format is the statement's, not one guessed from row one.
    other = tmp_path / "other-first.csv"
    other.write_text(
        "timestamp,temperature_c,rain_mm,rentals\n"
        "2024/04/03 01:00,2.0,0,5\n"
        "2024-04-03 02:00,2.5,0,6\n"
        "2024-04-03 03:00,3.0,0,7\n"
    )
    observe(load_hours(other))


def check_features(observe, tmp_path):
    hours, _ = load_hours(write_hours(tmp_path / "may.csv", 9, seed=6))
    before = hours.copy()
    features = add_features(hours)
    observe(list(features.columns))
    observe([str(t) for t in features.dtypes])
    observe(features.iloc[100:124, 4:])
    observe(bool(hours.equals(before)))
    observe(features["slot"].value_counts().sort_index().head(6))


def check_split_and_baseline(observe, tmp_path):
    hours, _ = load_hours(write_hours(tmp_path / "june.csv", 10, seed=8))
    shuffled = add_features(hours).sample(frac=1.0, random_state=3)
    train, test = chronological_split(shuffled)
    observe((len(train), len(test), str(train["timestamp"].max()), str(test["timestamp"].min())))
    observe(train.index.tolist()[:12])
    small_train = train[train["hour"] < 20]
    observe(slot_baseline(small_train, test.iloc[:30]).round(6), tol=1e-9)
    observe(chronological_split(shuffled.iloc[:7])[1]["hour"].tolist())


def check_model_structure_and_metrics(observe, tmp_path):
    model = build_model()
    observe(list(model.named_steps))
    prepare = model.named_steps["prepare"]
    observe([(name, t if isinstance(t, str) else type(t).__name__, list(cols)) for name, t, cols in prepare.transformers])
    observe((type(model.named_steps["model"]).__name__, model.named_steps["model"].alpha))
    hours, _ = load_hours(write_hours(tmp_path / "july.csv", 35, seed=10))
    observe(train_and_compare(add_features(hours)), tol=1e-6)


def check_summary_text(observe):
    cleaning = {"rows_in": 500, "rows_out": 480, "imputed_temperature": 7, "bad_timestamp": 20}
    for model_mae, baseline_mae in [(4.26, 5.0), (5.0, 5.0), (6.04, 5.5)]:
        metrics = {"n_train": 360, "n_test": 120, "first_test_hour": "2024-07-16 00:00",
                   "mae_model": model_mae, "mae_baseline": baseline_mae}
        observe(summary_text(cleaning, metrics))


def check_report_files(observe, tmp_path):
    cleaning = {"rows_in": 3, "rows_out": 3, "imputed_temperature": 0, "duplicates": 0}
    metrics = {"n_train": 2, "n_test": 1, "first_test_hour": "2024-01-01 02:00", "mae_model": 1.25, "mae_baseline": 1.5}
    folder = write_report(cleaning, metrics, str(tmp_path / "deep" / "folder"))
    observe(type(folder).__name__)
    observe(folder.name)
    observe.tree(tmp_path / "deep")
    write_report(cleaning, dict(metrics, mae_model=2.0), tmp_path / "deep" / "folder")  # already exists
    observe.tree(tmp_path / "deep")


def check_run_end_to_end(observe, tmp_path):
    csv_path = write_hours(tmp_path / "season.csv", 42, seed=3)
    result = run(csv_path, tmp_path / "out")
    observe(result, tol=1e-6)
    observe.tree(tmp_path / "out")
