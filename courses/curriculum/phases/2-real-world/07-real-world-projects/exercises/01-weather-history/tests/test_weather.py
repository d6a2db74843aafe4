import json
import sqlite3

import pytest
from weather import (
    CityStats,
    Reading,
    WeatherApiError,
    city_stats,
    create_schema,
    fetch_and_store,
    parse_payload,
    store_readings,
)

LISBON = {
    "city": {"name": "Lisbon", "country": "pt"},
    "readings": [
        {"time": "2025-03-01T12:00:00Z", "temp_c": 17.5, "humidity": 60},
        {"time": "2025-03-01T13:00:00Z", "temp_c": 18, "humidity": 58},
    ],
}
OSLO = {
    "city": {"name": "Oslo", "country": "NO"},
    "readings": [
        {"time": "2025-03-01T12:00:00Z", "temp_c": -3.0, "humidity": 80},
        {"time": "2025-03-01T13:00:00Z", "temp_c": -1.0, "humidity": 75},
        {"time": "2025-03-01T14:00:00Z", "temp_c": 0.5, "humidity": 70},
    ],
}


def fake_fetch(payloads):
    def fetch(city):
        if city not in payloads:
            return 404, '{"error": "city not found"}'
        return 200, json.dumps(payloads[city])

    return fetch


@pytest.fixture
def conn():
    connection = sqlite3.connect(":memory:")
    create_schema(connection)
    yield connection
    connection.close()


def test_parse_payload_from_text_and_dict():
    expected = [
        Reading("Lisbon", "PT", "2025-03-01T12:00:00Z", 17.5, 60),
        Reading("Lisbon", "PT", "2025-03-01T13:00:00Z", 18.0, 58),
    ]
    assert parse_payload(json.dumps(LISBON)) == expected
    assert parse_payload(LISBON) == expected
    assert isinstance(parse_payload(LISBON)[1].temp_c, float)


@pytest.mark.parametrize(
    "payload",
    [
        "not json",
        {"readings": []},
        {"city": {"name": "X", "country": "Y"}, "readings": [{"time": "2025-03-01T12:00:00Z"}]},
        {
            "city": {"name": "X", "country": "Y"},
            "readings": [{"time": "yesterday", "temp_c": 1, "humidity": 5}],
        },
        {
            "city": {"name": "X", "country": "Y"},
            "readings": [{"time": "2025-03-01T12:00:00Z", "temp_c": "warm", "humidity": 5}],
        },
    ],
)
def test_invalid_payloads_raise_value_error(payload):
    with pytest.raises(ValueError):
        parse_payload(payload)


def test_store_readings_skips_duplicates(conn):
    readings = parse_payload(LISBON)
    assert store_readings(conn, readings) == 2
    assert store_readings(conn, readings) == 0
    assert conn.execute("SELECT COUNT(*) FROM cities").fetchone()[0] == 1
    assert conn.execute("SELECT COUNT(*) FROM readings").fetchone()[0] == 2


def test_fetch_and_store_and_stats(conn):
    fetch = fake_fetch({"Lisbon": LISBON, "Oslo": OSLO})
    assert fetch_and_store(conn, fetch, "Oslo") == 3
    assert fetch_and_store(conn, fetch, "Lisbon") == 2
    assert city_stats(conn) == [
        CityStats("Lisbon", "PT", 2, 17.5, 18.0, 17.75),
        CityStats("Oslo", "NO", 3, -3.0, 0.5, -1.17),
    ]


def test_non_200_raises_and_stores_nothing(conn):
    fetch = fake_fetch({})
    with pytest.raises(WeatherApiError) as info:
        fetch_and_store(conn, fetch, "Atlantis")
    assert info.value.status == 404
    assert "city not found" in str(info.value)
    assert conn.execute("SELECT COUNT(*) FROM readings").fetchone()[0] == 0


def test_stats_for_one_city_case_insensitive(conn):
    fetch = fake_fetch({"Lisbon": LISBON, "Oslo": OSLO})
    fetch_and_store(conn, fetch, "Lisbon")
    fetch_and_store(conn, fetch, "Oslo")
    assert [s.city for s in city_stats(conn, "oslo")] == ["Oslo"]
    assert city_stats(conn, "Paris") == []
