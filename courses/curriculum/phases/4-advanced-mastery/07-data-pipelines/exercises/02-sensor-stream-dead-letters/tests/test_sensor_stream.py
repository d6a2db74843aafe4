import json
from datetime import datetime
from decimal import Decimal as D

import pytest

from sensor_stream import (
    DeadLetter,
    HeaderError,
    Reading,
    Rejected,
    SensorStats,
    clean_readings,
    parse_line,
    run_pipeline,
    summarise,
)

HEADER = "sensor_id,timestamp,value,unit\n"


def test_parse_line_converts_to_celsius():
    assert parse_line("AB-123,2025-03-01T10:00:00,21.5,C") == Reading(
        "AB-123", datetime(2025, 3, 1, 10, 0), D("21.50")
    )
    assert parse_line(" CD-001 , 2025-03-01T10:00:00 , 70.7 , F ").celsius == D("21.50")


@pytest.mark.parametrize(
    ("raw", "reason"),
    [("AB-123,2025-03-01T10:00:00,21.5", "fields"),
     ("ab-123,2025-03-01T10:00:00,21.5,C", "sensor"),
     ("AB-123,2025-03-01 10:00:00,21.5,C", "timestamp"),
     ("AB-123,2025-03-01T10:00:00,warm,C", "value"),
     ("AB-123,2025-03-01T10:00:00,21.5,K", "unit"),
     ("AB-123,2025-03-01T10:00:00,150.01,C", "range")],
)
def test_parse_line_names_the_first_broken_rule(raw, reason):
    with pytest.raises(Rejected) as caught:
        parse_line(raw)
    assert caught.value.reason == reason


def test_clean_readings_keeps_bad_lines_as_dead_letters():
    lines = [HEADER, "AB-123,2025-03-01T10:00:00,21.5,C\n", "\n",
             "AB-123,2025-03-01T10:00:00,22,C\n", "XY-9,2025-03-01T10:00:00,1,C\n",
             "AB-123,2025-03-01T10:01:00,-50,C\n"]
    dead = []
    readings = list(clean_readings(lines, dead))
    assert [r.celsius for r in readings] == [D("21.50"), D("-50.00")]
    assert dead == [DeadLetter(4, "AB-123,2025-03-01T10:00:00,22,C", "duplicate"),
                    DeadLetter(5, "XY-9,2025-03-01T10:00:00,1,C", "sensor")]


def test_clean_readings_is_lazy():
    consumed = []

    def source():
        yield HEADER
        for minute in range(1000):
            consumed.append(minute)
            yield f"AB-123,2025-03-01T10:{minute % 60:02d}:{minute // 60:02d},20,C\n"

    stream = clean_readings(source(), [])
    assert consumed == []
    next(stream)
    next(stream)
    assert len(consumed) == 2


def test_wrong_header():
    with pytest.raises(HeaderError):
        list(clean_readings(["sensor,time,value,unit\n"], []))
    assert list(clean_readings([], [])) == []


def test_summarise_rounds_the_mean_half_up():
    readings = [Reading("AB-123", datetime(2025, 3, 1, 10, m), D(v)) for m, v in
                enumerate(["20.00", "20.01"])]
    assert summarise(readings) == {"AB-123": SensorStats(2, D("20.00"), D("20.01"), D("20.01"))}


def test_run_pipeline_writes_both_files(tmp_path):
    (tmp_path / "in.csv").write_text(HEADER + "AB-123,2025-03-01T10:00:00,21.5,C\nbad line\n")
    counts = run_pipeline(tmp_path / "in.csv", tmp_path / "ok.csv", tmp_path / "dead.jsonl")
    assert counts == (1, 1)
    assert (tmp_path / "ok.csv").read_text() == (
        "sensor_id,taken_at,celsius\nAB-123,2025-03-01T10:00:00,21.50\n"
    )
    dead = [json.loads(line) for line in (tmp_path / "dead.jsonl").read_text().splitlines()]
    assert dead == [{"line": 3, "reason": "fields", "raw": "bad line"}]
