"""A checkout that explains itself in structured logs, tied together by a correlation id."""

import json
import logging
import random
from collections.abc import Mapping, MutableMapping
from datetime import datetime, timezone
from typing import IO, Any

LOW_STOCK = 5
# Formatters may add `message` and `asctime`; `message` is overwritten below anyway.
_PLAIN = set(vars(logging.makeLogRecord({}))) | {"asctime"}


class OutOfStock(Exception):
    """A cart asks for more than the shop has."""


class CorrelationAdapter(logging.LoggerAdapter):  # type: ignore[type-arg]
    """Adds `correlation_id` to every record and keeps the call's own `extra` fields."""

    def process(self, msg: Any, kwargs: MutableMapping[str, Any]) -> tuple[Any, MutableMapping[str, Any]]:
        kwargs["extra"] = {**kwargs.get("extra", {}), "correlation_id": self.extra["correlation_id"]}
        return msg, kwargs


def new_correlation_id(rng: random.Random) -> str:
    """Twelve lowercase hex digits drawn from `rng`."""
    return f"{rng.getrandbits(48):012x}"


def get_logger(correlation_id: str) -> CorrelationAdapter:
    return CorrelationAdapter(logging.getLogger("shop.checkout"), {"correlation_id": correlation_id})


def checkout(
    cart: Mapping[str, int], stock: dict[str, int], prices: Mapping[str, int], *, correlation_id: str
) -> int:
    """Reserve the cart's items, log every step, return the total in cents."""
    log = get_logger(correlation_id)
    log.info("checkout started", extra={"lines": len(cart), "units": sum(cart.values())})
    for sku in sorted(cart):
        available = stock.get(sku, 0)
        if available < cart[sku]:
            log.error("not enough stock", extra={"sku": sku, "requested": cart[sku], "available": available})
            raise OutOfStock(sku)
    for sku in sorted(cart):
        stock[sku] -= cart[sku]
        log.debug("reserved", extra={"sku": sku, "quantity": cart[sku], "remaining": stock[sku]})
        if stock[sku] < LOW_STOCK:
            log.warning("low stock", extra={"sku": sku, "remaining": stock[sku]})
    total = sum(prices[sku] * quantity for sku, quantity in cart.items())
    log.info("checkout finished", extra={"total_cents": total})
    return total


class JsonFormatter(logging.Formatter):
    """One JSON object per record: time, level, logger, message and the structured fields."""

    def format(self, record: logging.LogRecord) -> str:
        fields = {key: value for key, value in vars(record).items() if key not in _PLAIN}
        fields.update(
            time=datetime.fromtimestamp(record.created, timezone.utc).isoformat(timespec="milliseconds"),
            level=record.levelname,
            logger=record.name,
            message=record.getMessage(),
        )
        return json.dumps(fields, sort_keys=True, default=str)


def configure(stream: IO[str], level: str = "INFO") -> logging.Handler:
    """Send the `shop` loggers' records to `stream` as JSON lines; calling again replaces it."""
    logger = logging.getLogger("shop")
    for old in [h for h in logger.handlers if isinstance(h.formatter, JsonFormatter)]:
        logger.removeHandler(old)
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    logger.addHandler(handler)
    logger.setLevel(level)
    return handler
