import json
import sqlite3

import pytest
from weather import WeatherApiError, city_stats, create_schema, fetch_and_store, parse_payload


def make_conn():
    conn = sqlite3.connect(":memory:")
    create_schema(conn)
    create_schema(conn)  # must be safe to call twice
    return conn


def payload(name, country, *temps):
    return {
        "city": {"name": name, "country": country},
        "readings": [
            {"time": f"2025-03-01T{10 + i:02d}:00:00+00:00", "temp_c": t, "humidity": 50}
            for i, t in enumerate(temps)
        ],
    }


def test_server_error_with_empty_body():
    conn = make_conn()
    with pytest.raises(WeatherApiError) as info:
        fetch_and_store(conn, lambda city: (503, "   "), "Lisbon")
    assert info.value.status == 503
    assert "no details" in str(info.value)


@pytest.mark.parametrize("humidity", [101, -1, 50.5, True])
def test_bad_humidity_and_bool_values(humidity):
    data = payload("Rome", "IT", 20)
    data["readings"][0]["humidity"] = humidity
    with pytest.raises(ValueError):
        parse_payload(data)


def test_same_name_different_country_are_different_cities():
    conn = make_conn()
    fetch_and_store(conn, lambda c: (200, json.dumps(payload("Paris", "FR", 10, 12))), "Paris")
    fetch_and_store(conn, lambda c: (200, json.dumps(payload("Paris", "us", 30))), "Paris")
    stats = city_stats(conn)
    assert [(s.country, s.count) for s in stats] == [("FR", 2), ("US", 1)]


def test_city_without_readings_is_not_listed():
    conn = make_conn()
    assert fetch_and_store(conn, lambda c: (200, json.dumps(payload("Nowhere", "XX"))), "x") == 0
    assert city_stats(conn) == []


def test_new_readings_are_counted_when_partially_overlapping():
    conn = make_conn()
    fetch_and_store(conn, lambda c: (200, json.dumps(payload("Rome", "IT", 20, 21))), "Rome")
    added = fetch_and_store(
        conn, lambda c: (200, json.dumps(payload("Rome", "IT", 20, 21, 22))), "Rome"
    )
    assert added == 1
    assert city_stats(conn)[0].avg_c == 21.0


def test_parse_rejects_non_mapping_json():
    with pytest.raises(ValueError):
        parse_payload("[1, 2, 3]")
