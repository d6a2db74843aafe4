"""Fetch weather readings from an API, keep them in SQLite, and summarise them per city.

Read README.md for the payload format, the schema and every rule.
"""

from __future__ import annotations

import json  # noqa: F401 - you will need it
import sqlite3
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

Fetcher = Callable[[str], tuple[int, str]]


class WeatherApiError(Exception):
    """The weather service answered with something other than 200 OK."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(f"weather API returned {status}: {message}")
        self.status = status


@dataclass(frozen=True)
class Reading:
    city: str
    country: str
    time: str
    temp_c: float
    humidity: int


@dataclass(frozen=True)
class CityStats:
    city: str
    country: str
    count: int
    min_c: float
    max_c: float
    avg_c: float


def parse_payload(payload: str | Mapping[str, Any]) -> list[Reading]:
    """Turn the API's JSON (text or already decoded) into validated readings."""
    raise NotImplementedError


def create_schema(conn: sqlite3.Connection) -> None:
    """Create the cities and readings tables if they do not exist."""
    raise NotImplementedError


def store_readings(conn: sqlite3.Connection, readings: Iterable[Reading]) -> int:
    """Insert readings, skipping ones already stored; return how many were new."""
    raise NotImplementedError


def fetch_and_store(conn: sqlite3.Connection, fetch: Fetcher, city: str) -> int:
    """Ask the API for `city`, check the status, parse, store; return new readings."""
    raise NotImplementedError


def city_stats(conn: sqlite3.Connection, city: str | None = None) -> list[CityStats]:
    """Count, min, max and average temperature per city (joined), ordered by name."""
    raise NotImplementedError
