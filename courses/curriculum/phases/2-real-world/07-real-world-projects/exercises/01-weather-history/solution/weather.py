"""Fetch weather readings from an API, keep them in SQLite, and summarise them per city."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

Fetcher = Callable[[str], tuple[int, str]]

SCHEMA = """
CREATE TABLE IF NOT EXISTS cities (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL,
    country TEXT NOT NULL,
    UNIQUE (name, country)
);
CREATE TABLE IF NOT EXISTS readings (
    id       INTEGER PRIMARY KEY,
    city_id  INTEGER NOT NULL REFERENCES cities (id),
    time     TEXT    NOT NULL,
    temp_c   REAL    NOT NULL,
    humidity INTEGER NOT NULL,
    UNIQUE (city_id, time)
);
"""


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


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"not a number: {value!r}")
    return float(value)


def parse_payload(payload: str | Mapping[str, Any]) -> list[Reading]:
    """Turn the API's JSON (text or already decoded) into validated readings."""
    try:
        data = json.loads(payload) if isinstance(payload, str) else payload
    except json.JSONDecodeError as exc:
        raise ValueError(f"payload is not JSON: {exc.msg}") from exc
    try:
        city = data["city"]
        name, country = city["name"].strip(), city["country"].strip().upper()
        raw_readings = data["readings"]
    except (KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"payload is missing city or readings: {exc!r}") from exc
    if not name or not isinstance(raw_readings, list):
        raise ValueError("payload needs a city name and a list of readings")
    readings = []
    for index, item in enumerate(raw_readings):
        try:
            time = item["time"]
            datetime.fromisoformat(time)  # Python 3.11+ also reads a trailing "Z"
            temp = _number(item["temp_c"])
            humidity = _number(item["humidity"])
        except (KeyError, TypeError, AttributeError, ValueError) as exc:
            raise ValueError(f"reading {index} is invalid: {exc}") from exc
        if not 0 <= humidity <= 100 or humidity != int(humidity):
            raise ValueError(f"reading {index}: humidity must be a whole 0-100")
        readings.append(Reading(name, country, time, temp, int(humidity)))
    return readings


def create_schema(conn: sqlite3.Connection) -> None:
    """Create the cities and readings tables if they do not exist."""
    conn.executescript(SCHEMA)


def _city_id(conn: sqlite3.Connection, name: str, country: str) -> int:
    conn.execute(
        """INSERT OR IGNORE INTO cities (name, country) VALUES (?, ?)""", (name, country)
    )
    row = conn.execute(
        """SELECT id FROM cities WHERE name = ? AND country = ?""", (name, country)
    ).fetchone()
    return int(row[0])


def store_readings(conn: sqlite3.Connection, readings: Iterable[Reading]) -> int:
    """Insert readings, skipping ones already stored; return how many were new."""
    added = 0
    with conn:
        for reading in readings:
            city_id = _city_id(conn, reading.city, reading.country)
            cursor = conn.execute(
                """
                INSERT OR IGNORE INTO readings (city_id, time, temp_c, humidity)
                VALUES (?, ?, ?, ?)
                """,
                (city_id, reading.time, reading.temp_c, reading.humidity),
            )
            added += cursor.rowcount
    return added


def fetch_and_store(conn: sqlite3.Connection, fetch: Fetcher, city: str) -> int:
    """Ask the API for `city`, check the status, parse, store; return new readings."""
    status, body = fetch(city)
    if status != 200:
        raise WeatherApiError(status, body.strip()[:200] or "no details")
    return store_readings(conn, parse_payload(body))


def city_stats(conn: sqlite3.Connection, city: str | None = None) -> list[CityStats]:
    """Count, min, max and average temperature per city (joined), ordered by name."""
    rows = conn.execute(
        """
        SELECT c.name, c.country, COUNT(r.id), MIN(r.temp_c), MAX(r.temp_c), AVG(r.temp_c)
        FROM cities AS c
        JOIN readings AS r ON r.city_id = c.id
        WHERE :city IS NULL OR lower(c.name) = lower(:city)
        GROUP BY c.id
        ORDER BY c.name, c.country
        """,
        {"city": None if city is None else city.strip()},
    )
    return [
        CityStats(name, country, count, low, high, round(avg, 2))
        for name, country, count, low, high, avg in rows
    ]
