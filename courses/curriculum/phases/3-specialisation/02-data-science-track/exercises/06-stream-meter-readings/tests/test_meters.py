import random

import pytest
from meters import HOURS, meter_summary

HEADER = "meter," + ",".join(HOURS) + "\n"


def write(path, rows):
    path.write_text(HEADER + "".join(",".join(map(str, row)) + "\n" for row in rows))
    return path


def row(meter, readings):
    return [meter, *readings]


@pytest.fixture
def export(tmp_path):
    return write(
        tmp_path / "export.csv",
        [
            row(7, [1] * 24),
            row(3, [2] * 23 + [""]),
            row(7, [0] * 5 + [9] + [0] * 18),
        ],
    )


def test_readme_example(export):
    summary = meter_summary(export, chunksize=2)
    assert summary.index.tolist() == [3, 7]
    assert summary.index.name == "meter"
    assert list(summary.columns) == ["days", "missing", "total_kwh", "peak_hour", "mean_daily_kwh"]
    assert summary.loc[7].tolist() == [2, 0, 33, 5, 16.5]
    assert summary.loc[3].tolist() == [1, 1, 46, 0, 46.0]


def test_dtypes(export):
    summary = meter_summary(export, chunksize=1)
    assert [str(t) for t in summary.dtypes] == ["int64", "int64", "int64", "int64", "float64"]
    assert str(summary.index.dtype) == "int64"


def test_result_does_not_depend_on_chunksize(export):
    expected = meter_summary(export, chunksize=10)
    for chunksize in (1, 2, 3):
        assert meter_summary(export, chunksize=chunksize).equals(expected)


def test_chunksize_must_be_positive(export):
    with pytest.raises(ValueError):
        meter_summary(export, chunksize=0)


def test_header_only_file(tmp_path):
    summary = meter_summary(write(tmp_path / "empty.csv", []))
    assert len(summary) == 0
    assert list(summary.columns) == ["days", "missing", "total_kwh", "peak_hour", "mean_daily_kwh"]


def test_a_file_too_big_to_load_at_once(tmp_path):
    # About 15 MB: reading it whole exceeds the memory limit; chunks of 10,000 rows do not.
    rng = random.Random(1)
    patterns = [",".join(str(rng.randrange(10)) for _ in range(24)) for _ in range(997)]
    path = tmp_path / "big.csv"
    with path.open("w") as out:
        out.write(HEADER)
        for start in range(0, 300_000, 1000):
            out.write("".join(f"{rng.randrange(500)},{patterns[(start + i) % 997]}\n" for i in range(1000)))
    summary = meter_summary(path)
    assert int(summary["days"].sum()) == 300_000
    assert len(summary) == 500
