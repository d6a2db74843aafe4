"""Hidden checks: they record what the code does; the grader compares with the reference."""

import pytest
from air_quality import RowError, error_counts, load_readings, validate_rows

BASE = {"station": "KE07", "measured_at": "2024-09-14T06:30:00+01:00", "pm25": "7", "no2": "4.5", "sensor_ok": "no"}


def record(observe, report):
    observe([reading.model_dump() for reading in report.valid])
    observe([(error.line, error.field) for error in report.errors])
    observe(report.rejected_lines)
    observe([type(error).__name__ for error in report.errors[:1]])


@pytest.mark.parametrize(
    "station", ["KE07", "  KE07\t", "ke07", "KE7", "KEE07", "K307", "KE0a", "", "KE 07"]
)
def check_station_pattern(observe, station):
    record(observe, validate_rows([dict(BASE, station=station)]))


@pytest.mark.parametrize(
    "when",
    ["2024-09-14T06:30:00Z", "2024-09-14T06:30:00-05:00", "2024-09-14 06:30:00+00:00",
     "2024-09-14T06:30:00", "2024-09-14", "2024-09-31T06:30:00Z", "yesterday"],
)
def check_time_zone_is_required(observe, when):
    record(observe, validate_rows([dict(BASE, measured_at=when)]))


def check_number_ranges(observe):
    pm = ["0", "-0.0", "0.001", "-0.001", "999.999", "1000", "1000.0", "nan", "inf", " 42 ", "4,2", ""]
    no2 = ["0", "-0.5", "", "   ", "1e3", "nan?", None]
    rows = [dict(BASE, pm25=value) for value in pm]
    rows += [dict(BASE, no2=value) if value is not None else {k: v for k, v in BASE.items() if k != "no2"} for value in no2]
    record(observe, validate_rows(rows))


def check_bools_and_missing_keys(observe):
    flags = ["true", "False", "1", "0", "YES", "off", "maybe", "2", ""]
    rows = [dict(BASE, sensor_ok=value) for value in flags]
    rows.append({"station": "KE07", "extra": "ignored"})
    rows.append({})
    record(observe, validate_rows(rows))


def check_every_bad_field_of_a_row_in_model_order(observe):
    rows = [
        {"sensor_ok": "perhaps", "no2": "-1", "pm25": "1e4", "measured_at": "noon", "station": "x"},
        dict(BASE),
        dict(BASE, pm25="-3", sensor_ok="nope"),
        dict(BASE, station="AB12"),
    ]
    report = validate_rows(iter(rows))  # any iterable, read once
    record(observe, report)
    observe(error_counts(report))
    observe(list(error_counts(report)))


def check_error_counts_ordering(observe):
    rows = [dict(BASE, no2="-1"), dict(BASE, station="z", no2="-2"), dict(BASE, pm25="x", station="q"),
            dict(BASE, sensor_ok="?"), dict(BASE, measured_at="x", sensor_ok="?")]
    counts = error_counts(validate_rows(rows))
    observe(counts)
    observe(list(counts))
    observe(error_counts(validate_rows([BASE])))


def check_load_readings_from_a_file(observe, tmp_path):
    path = tmp_path / "volunteer-17.csv"
    path.write_text(
        "station,measured_at,pm25,no2,sensor_ok,comment\n"
        "KE07,2024-09-14T06:30:00Z,7.25,,yes,first\n"
        "KE07,2024-09-14T07:30:00Z,-7,,yes,typo\n"
        "\"KE08\",2024-09-14T07:30:00+02:00,3,2,0,\"quoted, with comma\"\n"
        "KE08,2024-09-14T08:30:00,3,2,0,no zone\n",
        encoding="utf-8",
    )
    report = load_readings(path)
    record(observe, report)
    record(observe, load_readings(str(path)))
    observe(RowError(5, "measured_at") in report.errors)
