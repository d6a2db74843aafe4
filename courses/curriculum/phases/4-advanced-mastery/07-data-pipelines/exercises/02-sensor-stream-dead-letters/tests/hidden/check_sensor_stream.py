"""Hidden checks: every rule and bound, generated streams, laziness, the output files."""

import random
from datetime import datetime, timedelta
from decimal import Decimal as D

from sensor_stream import (
    EXPECTED_HEADER,
    HeaderError,
    Reading,
    Rejected,
    clean_readings,
    parse_line,
    run_pipeline,
    summarise,
)

HEADER = EXPECTED_HEADER + "\n"
START = datetime(2025, 3, 1, 6, 0)


def verdict(raw):
    try:
        return parse_line(raw)
    except Rejected as rejected:
        return ("Rejected", rejected.reason)


def generated_lines(rng, count):
    """Data lines, most of them valid, the rest broken in one or several ways."""

    def maybe(good, bad, chance=0.12):
        return rng.choice(bad) if rng.random() < chance else good

    lines = []
    for _ in range(count):
        when = START + timedelta(minutes=rng.randint(0, 240))
        fields = [
            maybe(rng.choice(["AB-123", "CD-001", "EF-042"]), ["ab-123", "AB-12", "ABC-123", "AB_123"]),
            maybe(when.strftime("%Y-%m-%dT%H:%M:%S"),
                  ["2025-03-01 10:00:00", "2025-02-30T10:00:00", "", "yesterday"]),
            maybe(rng.choice([f"{rng.randint(-5500, 15500) / 100}", f"{rng.randint(-70, 320)}",
                              "20.005", "-50.005", "150.004", "150.005", "1e1"]),
                  ["nan", "inf", "warm", ""]),
            maybe(rng.choice(["C", "C", "F"]), ["K", "c", ""]),
        ]
        if rng.random() < 0.04:
            fields.append("extra")
        if rng.random() < 0.04:
            fields = fields[:2]
        line = " , ".join(fields) if rng.random() < 0.1 else ",".join(fields)
        lines.append(line + rng.choice(["\n", "\n", "\r\n"]))
        if rng.random() < 0.05:
            lines.append(rng.choice(["\n", "   \n", "\r\n"]))
    if lines and rng.random() < 0.5:
        lines[-1] = lines[-1].rstrip("\r\n")  # the last line may have no line ending
    return lines


def check_parse_line_every_rule(observe):
    raws = [
        "AB-123,2025-03-01T10:00:00,21.5,C",
        " EF-042 ,2025-03-01T23:59:59, 1e1 ,C",
        "CD-001,2025-3-1T1:2:3,70.7,F",
        "AB-123,2025-03-01T10:00:00,21.5",
        "AB-123,2025-03-01T10:00:00,21.5,C,",
        "AB-123,2025-03-01T10:00:00,21.5,C,x",
        "",
        "ab-123,bad,bad,bad",
        "AB-1234,2025-03-01T10:00:00,21.5,C",
        "AB123,2025-03-01T10:00:00,21.5,C",
        "ÅB-123,2025-03-01T10:00:00,21.5,C",
        "AB-12٣,2025-03-01T10:00:00,21.5,C",
        "AB-123,2025-03-01 10:00:00,21.5,C",
        "AB-123,2025-03-01T10:00:00Z,21.5,C",
        "AB-123,2025-02-29T10:00:00,21.5,C",
        "AB-123,2024-02-29T10:00:00,warm,K",
        "AB-123,2025-03-01T10:00:00,nan,C",
        "AB-123,2025-03-01T10:00:00,-Infinity,F",
        "AB-123,2025-03-01T10:00:00,,C",
        "AB-123,2025-03-01T10:00:00,21.5,K",
        "AB-123,2025-03-01T10:00:00,21.5,c",
        "AB-123,2025-03-01T10:00:00,21.5,",
        "AB-123,2025-03-01T10:00:00,999,K",
        "AB-123,2025-03-01T10:00:00,1_000,C",
    ]
    observe([verdict(raw) for raw in raws])
    observe(issubclass(HeaderError, ValueError))


def check_conversion_rounding_and_range_bounds(observe):
    values = [
        ("-50", "C"), ("-50.00", "C"), ("-50.004", "C"), ("-50.005", "C"), ("-50.01", "C"),
        ("150", "C"), ("150.004", "C"), ("150.005", "C"), ("150.01", "C"),
        ("20.005", "C"), ("-20.005", "C"), ("20.0049", "C"), ("0.125", "C"),
        ("-58", "F"), ("-58.01", "F"), ("302", "F"), ("302.01", "F"), ("302.008", "F"),
        ("32.009", "F"), ("33.8", "F"), ("98.6", "F"), ("70.7", "F"), ("212", "F"), ("-40", "F"),
        ("100.1", "F"), ("41.009", "F"),
    ]
    results = [verdict(f"AB-123,2025-03-01T10:00:00,{v},{unit}") for v, unit in values]
    observe(results)
    observe([str(r.celsius) for r in results if isinstance(r, Reading)])


def check_generated_streams(observe):
    rng = random.Random(4)
    for count in (0, 5, 60, 300):
        dead = []
        readings = list(clean_readings([HEADER, *generated_lines(rng, count)], dead))
        observe(readings)
        observe(dead)


def check_duplicates_only_count_accepted_readings(observe):
    lines = [
        HEADER,
        "AB-123,2025-03-01T10:00:00,999,C\n",  # out of range: not accepted
        "AB-123,2025-03-01T10:00:00,21,C\n",  # so this one is not a duplicate
        "AB-123,2025-03-01T10:00:00,22,F\n",  # this one is
        "CD-001,2025-03-01T10:00:00,21,C\n",  # other sensor, same time: fine
        "AB-123,2025-03-01T10:00:01,21,C\n",
        "AB-123, 2025-03-01T10:00:00 ,23,C\n",  # same key after stripping
        "AB-123,2025-03-01T10:09:00,23,CX\r\n",
        "AB-123,2025-03-01T10:10:00,23,C \n",  # a trailing space belongs to the raw text
        "AB-123,2025-03-01T10:11:00,23,C\r\r\n",
    ]
    dead = []
    observe(list(clean_readings(lines, dead)))
    observe(dead)


def check_laziness_and_dead_letters_as_they_come(observe):
    consumed = []

    def source():
        yield HEADER
        for index in range(5000):
            consumed.append(index)
            when = (START + timedelta(seconds=index)).strftime("%Y-%m-%dT%H:%M:%S")
            if index % 3 == 1:
                yield f"AB-123,{when},{index},K\n"  # a bad unit
            else:
                yield f"AB-123,{when},{index % 90},C\n"

    dead = []
    stream = clean_readings(source(), dead)
    progress = [(len(consumed), len(dead))]
    for _ in range(6):
        reading = next(stream)
        progress.append((len(consumed), len(dead), str(reading.celsius)))
    observe(progress)
    observe([letter.line_number for letter in dead])


def check_headers_and_empty_input(observe):
    observe(list(clean_readings([], [])))
    observe(list(clean_readings([HEADER], [])))
    observe(list(clean_readings([EXPECTED_HEADER + "\r\n", "AB-123,2025-03-01T10:00:00,1,C"], [])))
    for header in ["sensor_id,timestamp,value", " sensor_id,timestamp,value,unit", "",
                   "SENSOR_ID,TIMESTAMP,VALUE,UNIT", "sensor_id,timestamp,value,unit,",
                   "sensor_id,timestamp,value,unit ", "sensor_id,timestamp,value,unitX",
                   "sensor_id,timestamp,value,unit\t"]:
        dead = []
        observe.raises(lambda h=header: list(clean_readings([h + "\n", "AB-123,x,1,C\n"], dead)))
        observe(len(dead))


def check_summarise(observe):
    def reading(sensor, minute, value):
        return Reading(sensor, START + timedelta(minutes=minute), D(value))

    readings = [reading("ZZ-999", 0, "10.00"), reading("AB-123", 1, "20.00"),
                reading("AB-123", 2, "20.01"), reading("CD-001", 3, "-0.01"),
                reading("CD-001", 4, "-0.02"), reading("AB-123", 5, "19.99"),
                reading("EF-042", 6, "150.00"), reading("EF-042", 7, "-50.00")]
    stats = observe(summarise(readings))
    observe(list(stats))
    observe(summarise(iter(readings[1:3])))
    observe(summarise([]))
    rng = random.Random(12)
    observe(summarise(clean_readings([HEADER, *generated_lines(rng, 200)], [])))


def check_run_pipeline_files(observe, tmp_path):
    rng = random.Random(99)
    source = tmp_path / "in" / "readings.csv"
    source.parent.mkdir()
    lines = [HEADER, *generated_lines(rng, 80), "ÅB-123,2025-03-01T10:00:00,1,°C\n"]
    source.write_text("".join(lines), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    observe(run_pipeline(source, out / "clean.csv", out / "dead-letters.jsonl"))
    observe.tree(out)
    empty = tmp_path / "in" / "empty.csv"
    empty.write_text(HEADER, encoding="utf-8")
    observe(run_pipeline(str(empty), str(out / "clean-2.csv"), str(out / "dead-2.jsonl")))
    observe.tree(out)
