"""The busiest bike-share stations, computed twice: with a lazy Polars query and with DuckDB."""

from __future__ import annotations

from pathlib import Path

import duckdb
import polars as pl

SHORTEST_S = 60  # shorter trips are docking mistakes
LONGEST_S = 3 * 60 * 60  # longer ones are lost or stolen bikes


def busiest_polars(path: str | Path, top: int, min_trips: int = 1) -> pl.DataFrame:
    """The `top` busiest start stations, as a Polars DataFrame."""
    raise NotImplementedError


def busiest_duckdb(path: str | Path, top: int, min_trips: int = 1) -> list[tuple[str, int, float, float]]:
    """The same answer from DuckDB SQL, as a list of (station, trips, mean_minutes, member_share)."""
    raise NotImplementedError
