"""The busiest bike-share stations, computed twice: with a lazy Polars query and with DuckDB."""

from __future__ import annotations

from pathlib import Path

import duckdb
import polars as pl

SHORTEST_S = 60  # shorter trips are docking mistakes
LONGEST_S = 3 * 60 * 60  # longer ones are lost or stolen bikes

QUERY = """
    SELECT start_station AS station,
           count(*) AS trips,
           avg(duration_s) / 60 AS mean_minutes,
           avg(member::INTEGER) AS member_share
    FROM read_csv($path)
    WHERE duration_s BETWEEN $shortest AND $longest AND start_station IS NOT NULL
    GROUP BY start_station
    HAVING count(*) >= $min_trips
    ORDER BY trips DESC, station ASC
    LIMIT $top
"""


def _check(top: int, min_trips: int) -> None:
    if top < 1:
        raise ValueError("top must be at least 1")
    if min_trips < 1:
        raise ValueError("min_trips must be at least 1")


def busiest_polars(path: str | Path, top: int, min_trips: int = 1) -> pl.DataFrame:
    """The `top` busiest start stations, as a Polars DataFrame."""
    _check(top, min_trips)
    return (
        pl.scan_csv(path)
        .filter(pl.col("duration_s").is_between(SHORTEST_S, LONGEST_S))
        .filter(pl.col("start_station").is_not_null())
        .group_by("start_station")
        .agg(
            trips=pl.len().cast(pl.Int64),
            mean_minutes=pl.col("duration_s").mean() / 60,
            member_share=pl.col("member").mean(),
        )
        .filter(pl.col("trips") >= min_trips)
        .sort(["trips", "start_station"], descending=[True, False])
        .head(top)
        .rename({"start_station": "station"})
        .collect()
    )


def busiest_duckdb(path: str | Path, top: int, min_trips: int = 1) -> list[tuple[str, int, float, float]]:
    """The same answer from DuckDB SQL, as a list of (station, trips, mean_minutes, member_share)."""
    _check(top, min_trips)
    parameters = {
        "path": str(path),
        "shortest": SHORTEST_S,
        "longest": LONGEST_S,
        "min_trips": min_trips,
        "top": top,
    }
    with duckdb.connect() as connection:
        return connection.execute(QUERY, parameters).fetchall()
