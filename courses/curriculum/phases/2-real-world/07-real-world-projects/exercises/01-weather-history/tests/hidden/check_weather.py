"""Hidden checks for the weather history: they record what the code does, never assert."""

import json
import sqlite3

import pytest
from weather import (
    WeatherApiError,
    city_stats,
    create_schema,
    fetch_and_store,
    parse_payload,
    store_readings,
)


def make_conn():
    conn = sqlite3.connect(":memory:")
    create_schema(conn)
    create_schema(conn)  # must be safe to call twice
    return conn


def payload(name, country, *temps, start=10, humidity=50):
    return {
        "city": {"name": name, "country": country},
        "readings": [
            {"time": f"2025-03-01T{start + i:02d}:00:00Z", "temp_c": t, "humidity": humidity}
            for i, t in enumerate(temps)
        ],
    }


def api(*payloads, status=200):
    """A fake fetch that answers with the given payloads in turn, and logs the cities asked."""
    answers = list(payloads)

    def fetch(city):
        fetch.asked.append(city)
        body = answers.pop(0)
        return status, body if isinstance(body, str) else json.dumps(body)

    fetch.asked = []
    return fetch


def stats(conn, city=None):
    return [(s.city, s.country, s.count, s.min_c, s.max_c, s.avg_c) for s in city_stats(conn, city)]


def outcome(function, *args):
    try:
        return ("returned", function(*args))
    except WeatherApiError as error:
        return ("WeatherApiError", error.status, str(error))
    except ValueError as error:
        return ("ValueError", type(error).__name__)


def count_rows(conn):
    return [conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] for table in ("cities", "readings")]


def check_parse_cleans_and_converts(observe):
    data = {
        "city": {"name": "  Porto ", "country": " pt"},
        "readings": [
            {"time": "2025-03-01T12:00:00Z", "temp_c": 17, "humidity": 0},
            {"time": "2025-03-01T13:00:00+01:00", "temp_c": -2.5, "humidity": 100},
            {"time": "2025-03-01T14:00:00", "temp_c": 0, "humidity": 55.0},
        ],
    }
    readings = observe(parse_payload(data))
    observe([type(r.temp_c).__name__ for r in readings])
    observe([type(r.humidity).__name__ for r in readings])
    observe(parse_payload(json.dumps(data)))
    observe(parse_payload({"city": {"name": "Nowhere", "country": "xx"}, "readings": []}))


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("humidity", 101), ("humidity", -1), ("humidity", 100), ("humidity", 0), ("humidity", 50.5),
        ("humidity", True), ("humidity", "50"), ("humidity", None), ("temp_c", True),
        ("temp_c", "18"), ("temp_c", None), ("temp_c", -40), ("time", "yesterday"),
        ("time", 20250301), ("time", "2025-02-30T10:00:00Z"), ("time", "2025-03-01T25:00:00Z"),
    ],
)
def check_reading_fields(observe, field, value):
    data = payload("Rome", "it", 20, 21)
    data["readings"][1][field] = value
    observe(outcome(parse_payload, data))


@pytest.mark.parametrize(
    "data",
    [
        "not json",
        "[1, 2, 3]",
        '"Lisbon"',
        {"readings": []},
        {"city": {"name": "X", "country": "Y"}},
        {"city": {"name": "   ", "country": "Y"}, "readings": []},
        {"city": {"country": "Y"}, "readings": []},
        {"city": "Lisbon", "readings": []},
        {"city": {"name": "X", "country": "Y"}, "readings": {"time": "2025-03-01T12:00:00Z"}},
        {"city": {"name": "X", "country": "Y"}, "readings": [["2025-03-01T12:00:00Z", 1, 2]]},
        {"city": {"name": "X", "country": "Y"}, "readings": [{"temp_c": 1, "humidity": 2}]},
    ],
)
def check_bad_payloads(observe, data):
    observe(outcome(parse_payload, data))
    conn = make_conn()
    observe(outcome(fetch_and_store, conn, api(data), "X"))
    observe(count_rows(conn))


def check_store_skips_what_is_already_stored(observe):
    conn = make_conn()
    first = parse_payload(payload("Rome", "IT", 20, 21))
    observe(store_readings(conn, first))
    observe(store_readings(conn, first))
    overlapping = parse_payload(payload("Rome", "IT", 99, 21, 22, 23))
    observe(store_readings(conn, overlapping))
    observe(store_readings(conn, parse_payload(payload("Milan", "IT", 5, 6))))
    observe(store_readings(conn, first + first))
    observe(store_readings(conn, []))
    observe(count_rows(conn))
    observe(stats(conn))
    doubled = parse_payload(payload("Bari", "IT", 1, start=3)) * 2
    observe(store_readings(conn, doubled))
    observe(count_rows(conn))


def check_same_name_different_countries(observe):
    conn = make_conn()
    observe(fetch_and_store(conn, api(payload("Paris", "us", 30, 31, 29)), "Paris"))
    observe(fetch_and_store(conn, api(payload("Paris", "FR", 10, 12)), "Paris"))
    observe(fetch_and_store(conn, api(payload(" Paris ", "fr ", 10, 12, 14)), "Paris"))
    observe(fetch_and_store(conn, api(payload("Austin", "US", 25)), "Austin"))
    observe(count_rows(conn))
    observe(stats(conn))
    observe(stats(conn, "paris"))
    observe(stats(conn, "  PARIS "))
    observe(stats(conn, "Par"))


def check_average_uses_pythons_round(observe):
    conn = make_conn()
    # averages 0.125, 0.375, 2.5 and -1.125: exact halves, where half-up and round() differ
    fetch_and_store(conn, api(payload("Alpha", "AA", 0, 0.25)), "Alpha")
    fetch_and_store(conn, api(payload("Beta", "BB", 0.25, 0.5)), "Beta")
    fetch_and_store(conn, api(payload("Gamma", "CC", 2, 3)), "Gamma")
    fetch_and_store(conn, api(payload("Delta", "DD", -1, -1.25)), "Delta")
    fetch_and_store(conn, api(payload("Epsilon", "EE", 1, 2, 2)), "Epsilon")
    observe(stats(conn))
    observe([type(s.avg_c).__name__ for s in city_stats(conn)])
    observe([type(s.count).__name__ for s in city_stats(conn)])


def check_api_errors_store_nothing(observe):
    for status, body in [(503, "   "), (404, '{"error": "city not found"}'), (201, "created?"),
                         (500, "x" * 300), (429, "  " + "y" * 199 + "  z"), (204, "")]:
        conn = make_conn()
        fetch = api(json.dumps(payload("Oslo", "NO", 1)) if status == 201 else body, status=status)
        observe(outcome(fetch_and_store, conn, fetch, "Oslo"))
        observe(fetch.asked)
        observe(count_rows(conn))


def check_cities_without_readings_are_not_listed(observe):
    conn = make_conn()
    observe(fetch_and_store(conn, api(payload("Nowhere", "XX")), "Nowhere"))
    observe(stats(conn))
    observe(fetch_and_store(conn, api(payload("Lima", "pe", 19.5, 20.25)), "Lima"))
    observe(stats(conn))
    observe(stats(conn, "nowhere"))
    observe(stats(conn, "LIMA"))
