"""Ask several suppliers for a price, with deadlines, cancellation and clean-up."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol


class Supplier(Protocol):
    """A remote price service: connect, ask for a quote, close."""

    name: str

    async def connect(self) -> None: ...

    async def quote(self, sku: str) -> int: ...

    async def close(self) -> None: ...


@dataclass(frozen=True)
class Outcome:
    supplier: str
    status: str  # "ok", "timeout" or "error"
    price: int | None = None  # in cents, only when status == "ok"


class NoQuoteError(LookupError):
    """No supplier answered with a price."""


def _check_timeout(timeout: float) -> None:
    if timeout <= 0:
        raise ValueError(f"timeout must be positive, got {timeout}")


async def ask(supplier: Supplier, sku: str, timeout: float) -> Outcome:
    """Connect and quote within `timeout` seconds; always close once connect was called."""
    _check_timeout(timeout)
    try:
        async with asyncio.timeout(timeout):
            await supplier.connect()
            price = await supplier.quote(sku)
    except TimeoutError:
        return Outcome(supplier.name, "timeout")
    except Exception:
        return Outcome(supplier.name, "error")
    finally:
        # Runs on success, failure, timeout and cancellation alike; a cancellation then
        # carries on propagating, because nothing above catches CancelledError.
        await supplier.close()
    return Outcome(supplier.name, "ok", price)


async def compare(suppliers: Sequence[Supplier], sku: str, *, timeout: float) -> list[Outcome]:
    """Ask every supplier at once; outcomes in the order of `suppliers`."""
    _check_timeout(timeout)
    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(ask(supplier, sku, timeout)) for supplier in suppliers]
    return [task.result() for task in tasks]


async def fastest(suppliers: Sequence[Supplier], sku: str, *, timeout: float) -> Outcome:
    """The first "ok" outcome to arrive; the other requests are cancelled and awaited."""
    _check_timeout(timeout)
    tasks = [asyncio.ensure_future(ask(supplier, sku, timeout)) for supplier in suppliers]
    try:
        for arrival in asyncio.as_completed(tasks):
            outcome = await arrival
            if outcome.status == "ok":
                return outcome
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    raise NoQuoteError(f"no supplier quoted {sku!r}")


def best_price(
    suppliers: Sequence[Supplier], sku: str, *, timeout: float
) -> tuple[str, int] | None:
    """The cheapest (supplier, price) from compare(); ties go to the first name A-Z."""
    outcomes = asyncio.run(compare(suppliers, sku, timeout=timeout))
    priced = [(o.price, o.supplier) for o in outcomes if o.status == "ok"]
    if not priced:
        return None
    price, name = min(priced)
    return name, price
