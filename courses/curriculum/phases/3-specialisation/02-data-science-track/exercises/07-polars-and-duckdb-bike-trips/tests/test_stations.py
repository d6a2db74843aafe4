import polars as pl
import pytest
from stations import busiest_duckdb, busiest_polars

CSV = """trip_id,started_at,start_station,end_station,duration_s,member
1,2024-05-01 08:00:00,Quay,Park,600,true
2,2024-05-01 08:05:00,,Park,700,false
3,2024-05-01 08:10:00,Park,Quay,59,true
4,2024-05-01 08:11:00,Park,Quay,60,false
5,2024-05-01 08:12:00,Park,Park,10800,true
6,2024-05-01 08:13:00,Quay,Park,10801,true
7,2024-05-01 08:14:00,Mill,Park,300,false
"""


@pytest.fixture
def trips(tmp_path):
    path = tmp_path / "trips.csv"
    path.write_text(CSV)
    return path


def test_polars_answer(trips):
    result = busiest_polars(trips, top=5)
    assert result.columns == ["station", "trips", "mean_minutes", "member_share"]
    assert result.rows() == [("Park", 2, 90.5, 0.5), ("Mill", 1, 5.0, 0.0), ("Quay", 1, 10.0, 1.0)]


def test_polars_types(trips):
    result = busiest_polars(trips, top=5)
    assert result.dtypes == [pl.String, pl.Int64, pl.Float64, pl.Float64]


def test_duckdb_answer(trips):
    assert busiest_duckdb(str(trips), top=2) == [("Park", 2, 90.5, 0.5), ("Mill", 1, 5.0, 0.0)]


def test_min_trips(trips):
    assert busiest_duckdb(trips, top=5, min_trips=2) == [("Park", 2, 90.5, 0.5)]
    assert busiest_polars(trips, top=5, min_trips=3).height == 0


def test_both_engines_agree(trips):
    for top in (1, 2, 3, 10):
        assert busiest_polars(trips, top).rows() == busiest_duckdb(trips, top)


def test_bad_arguments(trips):
    with pytest.raises(ValueError):
        busiest_polars(trips, top=0)
    with pytest.raises(ValueError):
        busiest_duckdb(trips, top=3, min_trips=0)
