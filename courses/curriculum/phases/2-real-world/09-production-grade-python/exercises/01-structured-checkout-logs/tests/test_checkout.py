import io
import json
import logging
import random

import pytest
from checkout import JsonFormatter, OutOfStock, checkout, configure, get_logger, new_correlation_id

PRICES = {"mug": 1200, "tea": 450, "pot": 3500}


@pytest.fixture
def logs(caplog):
    caplog.set_level(logging.DEBUG, logger="shop.checkout")
    return caplog


def summary(records):
    return [(r.levelname, r.getMessage()) for r in records]


def test_correlation_ids_are_twelve_hex_digits():
    first = new_correlation_id(random.Random(7))
    assert first == new_correlation_id(random.Random(7))
    assert len(first) == 12
    assert set(first) <= set("0123456789abcdef")


def test_adapter_adds_the_id_and_keeps_the_fields(logs):
    records = logs.records
    get_logger("abc123").info("hello", extra={"user": "ana"})
    get_logger("abc123").info("no fields")
    assert [(r.name, r.correlation_id) for r in records] == [("shop.checkout", "abc123")] * 2
    assert records[0].user == "ana"


def test_a_successful_checkout(logs):
    records = logs.records
    stock = {"mug": 10, "tea": 5}
    total = checkout({"tea": 2, "mug": 1}, stock, PRICES, correlation_id="c1")
    assert total == 2100
    assert stock == {"mug": 9, "tea": 3}
    assert summary(records) == [
        ("INFO", "checkout started"),
        ("DEBUG", "reserved"),
        ("DEBUG", "reserved"),
        ("WARNING", "low stock"),
        ("INFO", "checkout finished"),
    ]
    assert [r.sku for r in records[1:4]] == ["mug", "tea", "tea"]
    assert records[3].remaining == 3
    assert (records[0].lines, records[0].units) == (2, 3)
    assert records[-1].total_cents == 2100
    assert {r.correlation_id for r in records} == {"c1"}


def test_not_enough_stock_changes_nothing(logs):
    records = logs.records
    stock = {"mug": 5, "tea": 9}
    with pytest.raises(OutOfStock):
        checkout({"tea": 20, "mug": 1}, stock, PRICES, correlation_id="c2")
    assert stock == {"mug": 5, "tea": 9}
    assert summary(records) == [("INFO", "checkout started"), ("ERROR", "not enough stock")]
    assert (records[1].sku, records[1].requested, records[1].available) == ("tea", 20, 9)


def test_json_formatter():
    record = logging.makeLogRecord(
        {"name": "shop.checkout", "levelname": "INFO", "msg": "reserved", "created": 1741083300.25,
         "sku": "mug", "remaining": 4}
    )
    assert json.loads(JsonFormatter().format(record)) == {
        "time": "2025-03-04T10:15:00.250+00:00",
        "level": "INFO",
        "logger": "shop.checkout",
        "message": "reserved",
        "sku": "mug",
        "remaining": 4,
    }


def test_configure_writes_json_lines_once():
    first, second = io.StringIO(), io.StringIO()
    configure(first)
    configure(second, level="DEBUG")
    get_logger("c3").debug("ping", extra={"n": 1})
    assert first.getvalue() == ""
    lines = second.getvalue().splitlines()
    assert len(lines) == 1
    assert json.loads(lines[0])["correlation_id"] == "c3"
