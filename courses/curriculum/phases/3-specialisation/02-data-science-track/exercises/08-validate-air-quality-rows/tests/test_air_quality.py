import pytest
from air_quality import Reading, RowError, error_counts, load_readings, validate_rows

GOOD = {"station": " OX01 ", "measured_at": "2024-05-01T10:00:00Z", "pm25": "12.5", "no2": "", "sensor_ok": "yes"}
BAD = {"station": "ox02", "measured_at": "2024-05-01 10:00", "pm25": "-1", "no2": "8", "sensor_ok": "true"}


def test_valid_row_is_parsed():
    report = validate_rows([GOOD])
    reading = report.valid[0]
    assert isinstance(reading, Reading)
    assert reading.station == "OX01"
    assert reading.pm25 == 12.5 and reading.no2 is None and reading.sensor_ok is True
    assert reading.measured_at.utcoffset().total_seconds() == 0
    assert report.errors == [] and report.rejected_lines == []


def test_bad_row_is_reported_with_every_bad_field():
    report = validate_rows([GOOD, BAD])
    assert len(report.valid) == 1
    assert report.rejected_lines == [3]
    assert report.errors == [RowError(3, "station"), RowError(3, "measured_at"), RowError(3, "pm25")]


def test_pm25_bounds():
    rows = [dict(GOOD, pm25=value) for value in ("0", "999.9", "1000")]
    assert validate_rows(rows).rejected_lines == [4]


def test_missing_required_field():
    row = dict(GOOD)
    del row["sensor_ok"]
    assert validate_rows([row]).errors == [RowError(2, "sensor_ok")]


def test_error_counts_order():
    report = validate_rows([BAD, dict(BAD, station="OX02"), dict(GOOD, no2="-2")])
    assert list(error_counts(report).items()) == [("measured_at", 2), ("pm25", 2), ("no2", 1), ("station", 1)]


def test_load_readings_numbers_lines_from_the_header(tmp_path):
    path = tmp_path / "readings.csv"
    path.write_text(
        "station,measured_at,pm25,no2,sensor_ok\n"
        "OX01,2024-05-01T10:00:00Z,3,1,1\n"
        "OX01,2024-05-01T11:00:00Z,x,1,1\n"
    )
    report = load_readings(path)
    assert len(report.valid) == 1
    assert report.errors == [RowError(3, "pm25")]
