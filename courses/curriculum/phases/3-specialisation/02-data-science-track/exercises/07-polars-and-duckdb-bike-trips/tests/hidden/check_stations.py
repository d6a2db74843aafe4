"""Hidden checks: they record what the code does; the grader compares with the reference."""

import random

import pytest
from stations import busiest_duckdb, busiest_polars

STATIONS = ["Harbour", "Market", "Museum", "Station", "Library", "Arena", "Zoo", "Bridge"]


def write_trips(path, count, seed):
    rng = random.Random(seed)
    lines = ["trip_id,started_at,start_station,end_station,duration_s,member"]
    for trip in range(1, count + 1):
        weights = [8, 6, 6, 5, 3, 3, 1, 1]
        start = rng.choices(STATIONS, weights)[0] if rng.random() > 0.03 else ""
        end = rng.choice(STATIONS)
        duration = rng.choice([rng.randrange(20, 2400), 59, 60, 61, 10799, 10800, 10801, 20000])
        member = "true" if rng.random() < 0.6 else "false"
        minute = trip % 60
        lines.append(f"{trip},2024-06-0{1 + trip % 7} 0{trip % 10}:{minute:02d}:00,{start},{end},{duration},{member}")
    path.write_text("\n".join(lines) + "\n")
    return path


def check_polars_query(observe, tmp_path):
    path = write_trips(tmp_path / "june.csv", 1500, seed=8)
    result = busiest_polars(path, top=5)
    observe(result, tol=1e-9)
    observe(busiest_polars(str(path), top=50), tol=1e-9)


def check_duckdb_query(observe, tmp_path):
    path = write_trips(tmp_path / "june.csv", 1500, seed=8)
    observe(busiest_duckdb(path, top=5), tol=1e-9)
    observe(busiest_duckdb(str(path), top=50), tol=1e-9)


def check_duration_bounds_are_inclusive(observe, tmp_path):
    rows = [
        "1,2024-06-01 08:00:00,A,B,59,true",
        "2,2024-06-01 08:00:00,A,B,60,true",
        "3,2024-06-01 08:00:00,B,B,10800,false",
        "4,2024-06-01 08:00:00,B,B,10801,true",
        "5,2024-06-01 08:00:00,C,B,61,false",
        "6,2024-06-01 08:00:00,C,B,10799,false",
        "7,2024-06-01 08:00:00,,B,600,true",
    ]
    path = tmp_path / "edges.csv"
    path.write_text("trip_id,started_at,start_station,end_station,duration_s,member\n" + "\n".join(rows) + "\n")
    observe(busiest_polars(path, top=10))
    observe(busiest_duckdb(path, top=10))


@pytest.mark.parametrize(("top", "min_trips"), [(1, 1), (3, 1), (4, 224), (8, 225), (8, 150), (2, 100_000)])
def check_top_and_min_trips_agree(observe, tmp_path, top, min_trips):
    path = write_trips(tmp_path / "july.csv", 2500, seed=31)
    polars_rows = busiest_polars(path, top, min_trips)
    duckdb_rows = busiest_duckdb(path, top, min_trips)
    observe(polars_rows, tol=1e-9)
    observe(duckdb_rows, tol=1e-9)


def check_ties_are_broken_by_name(observe, tmp_path):
    rows = [f"{i},2024-06-01 08:00:00,{name},X,300,{'true' if i % 2 else 'false'}" for i, name in
            enumerate(["Oak", "Elm", "Ash", "Elm", "Oak", "Ash", "Fir", "Yew", "Yew"], start=1)]
    path = tmp_path / "ties.csv"
    path.write_text("trip_id,started_at,start_station,end_station,duration_s,member\n" + "\n".join(rows) + "\n")
    observe(busiest_polars(path, top=4).rows())
    observe(busiest_duckdb(path, top=4))


def check_bad_arguments(observe, tmp_path):
    path = write_trips(tmp_path / "tiny.csv", 20, seed=1)
    for top, min_trips in [(0, 1), (-1, 1), (3, 0), (3, -2)]:
        observe.raises(busiest_polars, path, top, min_trips)
        observe.raises(busiest_duckdb, path, top, min_trips)
    observe(busiest_duckdb(path, 1, 1))
