"""Hidden checks: they record what the code does; the grader compares with the reference."""

import datetime
import io
import json
import logging
import random

import pytest
from checkout import (
    CorrelationAdapter,
    JsonFormatter,
    OutOfStock,
    checkout,
    configure,
    get_logger,
    new_correlation_id,
)

FIELDS = ("correlation_id", "lines", "units", "sku", "requested", "available", "quantity",
          "remaining", "total_cents", "user", "attempt")
PRICES = {"anvil": 9999, "bolt": 15, "cog": 230, "drill": 4990, "nut": 7}


def _records(records):
    return [
        (r.name, r.levelno, r.levelname, r.getMessage(),
         {k: vars(r)[k] for k in FIELDS if k in vars(r)})
        for r in records
    ]


@pytest.fixture
def logs(caplog):
    caplog.set_level(logging.DEBUG, logger="shop.checkout")
    return caplog


def check_correlation_ids(observe):
    for seed in (0, 1, 2024):
        rng = random.Random(seed)
        observe([new_correlation_id(rng) for _ in range(40)])


def check_adapter_merges_fields(observe, logs):
    log = get_logger("0a1b2c3d4e5f")
    observe(isinstance(log, CorrelationAdapter))
    observe(log.logger.name)
    log.warning("retrying", extra={"attempt": 2, "user": "bo"})
    log.info("plain")
    log.error("failed %s times", 3, extra={"attempt": 3})
    get_logger("ffffffffffff").debug("other", extra={"user": "cy"})
    observe(_records(logs.records))


def check_successful_checkout(observe, logs):
    stock = {"nut": 100, "bolt": 20, "cog": 6, "drill": 1, "anvil": 9, "spare": 3}
    cart = {"nut": 40, "drill": 1, "bolt": 15, "cog": 1, "anvil": 5}
    total = observe(checkout(cart, stock, PRICES, correlation_id="9e107d9d372b"))
    observe(type(total).__name__)
    observe(stock)
    observe(_records(logs.records))


def check_out_of_stock(observe, logs):
    stock = {"nut": 3, "cog": 1}
    cart = {"nut": 4, "bolt": 1, "cog": 1, "anvil": 1}
    observe.raises(checkout, cart, stock, PRICES, correlation_id="aaa")
    partial = {"drill": 1, "cog": 1, "bolt": 9}
    try:
        checkout({"drill": 2, "cog": 1, "bolt": 8}, partial, PRICES, correlation_id="ccc")
    except OutOfStock as error:
        observe(str(error))
    observe(partial)
    observe(stock)
    observe(_records(logs.records))
    logs.clear()
    observe.raises(checkout, {"nut": 3, "cog": 2}, stock, PRICES, correlation_id="bbb")
    observe(stock)
    observe(_records(logs.records))


def check_edges_of_low_stock(observe, logs):
    stock = {"anvil": 10, "bolt": 9, "cog": 5, "drill": 4}
    observe(checkout({"anvil": 5, "bolt": 5, "cog": 5, "drill": 4}, stock, PRICES,
                     correlation_id="edge"))
    observe(_records(logs.records))
    logs.clear()
    observe(checkout({}, {}, PRICES, correlation_id="empty"))
    observe(_records(logs.records))
    observe(issubclass(OutOfStock, Exception))


def _record(**fields):
    base = {"name": "shop.checkout", "levelname": "INFO", "levelno": 20, "msg": "reserved",
            "created": 1741083300.2509}
    base.update(fields)
    return logging.makeLogRecord(base)


def check_json_formatter(observe):
    formatter = JsonFormatter()
    plain = _record()
    observe(formatter.format(plain))
    observe(formatter.format(_record(created=0.0, levelname="WARNING", name="shop", msg="x")))
    fields = _record(sku="cog", remaining=0, when=datetime.date(2025, 3, 4), tags={"a"})
    observe(json.loads(formatter.format(fields)))
    clash = _record(level="fake", logger="fake", time="fake", correlation_id="c0ffee")
    observe(formatter.format(clash))
    with_args = _record(msg="%s of %d left", args=("cog", 4))
    observe(formatter.format(with_args))
    decorated = _record(sku="bolt")
    logging.Formatter("%(asctime)s %(message)s").format(decorated)
    observe(formatter.format(decorated))
    observe(formatter.format(_record(created=1741083299.9999, msg="almost")))


def _without_time(text):
    rows = [json.loads(line) for line in text.splitlines()]
    return [{k: v for k, v in row.items() if k != "time"} for row in rows]


def check_configure(observe):
    shop = logging.getLogger("shop")
    first, second = io.StringIO(), io.StringIO()
    handler = configure(first, "WARNING")
    observe(isinstance(handler, logging.StreamHandler))
    log = get_logger("cfg")
    log.info("hidden by the level")
    log.warning("shown", extra={"attempt": 1})
    observe(shop.level)
    configure(second, "DEBUG")
    log.debug("debug now", extra={"sku": "nut"})
    log.error("boom")
    observe(_without_time(first.getvalue()))
    observe(_without_time(second.getvalue()))
    observe(shop.level)
    observe([type(h.formatter).__name__ for h in shop.handlers])
    observe(shop.propagate)
    observe(logging.getLogger().level)
    for h in list(shop.handlers):
        shop.removeHandler(h)
    shop.setLevel(logging.NOTSET)
