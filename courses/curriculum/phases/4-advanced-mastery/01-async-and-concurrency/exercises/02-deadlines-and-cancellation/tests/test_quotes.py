import asyncio

import pytest
from quotes import NoQuoteError, Outcome, ask, best_price, compare, fastest

class FakeSupplier:
    """A scripted supplier that writes what happens to it into a shared log.

    Each stage (connect, quote, close) waits `ticks[stage]` turns of the event loop and then
    `delays[stage]` seconds. A stage named in `hang` never finishes; one named in `fail`
    raises OSError; one named in `own_timeout` raises TimeoutError itself.
    """

    def __init__(self, name, log, prices, *, ticks=None, delays=None, hang="", fail="",
                 own_timeout=""):
        self.name = name
        self.log = log
        self.prices = prices
        self.ticks = {"connect": 1, "quote": 1, "close": 1, **(ticks or {})}
        self.delays = delays or {}
        self.hang, self.fail, self.own_timeout = hang, fail, own_timeout

    async def _stage(self, stage):
        self.log.append(f"{stage} {self.name}")
        try:
            if stage == self.hang:
                await asyncio.sleep(30)
            for _ in range(self.ticks[stage]):
                await asyncio.sleep(0)
            if self.delays.get(stage):
                await asyncio.sleep(self.delays[stage])
        except asyncio.CancelledError:
            self.log.append(f"cancelled {self.name}")
            raise
        if stage == self.fail:
            raise OSError(f"{self.name} is down")
        if stage == self.own_timeout:
            raise TimeoutError(f"{self.name} timed out on its side")

    async def connect(self):
        await self._stage("connect")

    async def quote(self, sku):
        await self._stage("quote")
        price = self.prices[sku]  # an unknown sku raises KeyError
        self.log.append(f"price {self.name}")
        return price

    async def close(self):
        await self._stage("close")
        self.log.append(f"closed {self.name}")


def peak_open(log):
    """The most connections open at once, read from the log."""
    open_now = peak = 0
    for event in log:
        if event.startswith("connect "):
            open_now += 1
            peak = max(peak, open_now)
        elif event.startswith("closed "):
            open_now -= 1
    return peak


def events_of(log, name):
    return [event.split()[0] for event in log if event.endswith(f" {name}")]


PRICES = {"A-17": 499, "B-2": 120}


def test_ask_returns_the_price_and_closes():
    log = []
    supplier = FakeSupplier("acme", log, PRICES)
    assert asyncio.run(ask(supplier, "A-17", 0.5)) == Outcome("acme", "ok", 499)
    assert log == ["connect acme", "quote acme", "price acme", "close acme", "closed acme"]


def test_ask_reports_a_timeout_and_still_closes():
    log = []
    supplier = FakeSupplier("slow", log, PRICES, hang="quote")
    assert asyncio.run(ask(supplier, "A-17", 0.02)) == Outcome("slow", "timeout", None)
    assert log == ["connect slow", "quote slow", "cancelled slow", "close slow", "closed slow"]


def test_ask_reports_errors_and_still_closes():
    log = []
    supplier = FakeSupplier("broken", log, PRICES, fail="connect")
    assert asyncio.run(ask(supplier, "A-17", 0.5)) == Outcome("broken", "error")
    assert log[-1] == "closed broken"


def test_ask_rejects_a_non_positive_timeout():
    log = []
    with pytest.raises(ValueError):
        asyncio.run(ask(FakeSupplier("acme", log, PRICES), "A-17", 0))
    assert log == []


def test_ask_cancelled_from_outside_closes_and_propagates():
    log = []

    async def main():
        task = asyncio.ensure_future(ask(FakeSupplier("x", log, PRICES, hang="quote"), "B-2", 5))
        for _ in range(5):
            await asyncio.sleep(0)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    asyncio.run(main())
    assert log[-2:] == ["close x", "closed x"]


def test_compare_keeps_the_order_of_suppliers_and_runs_them_together():
    log = []
    instant = {"connect": 0, "quote": 0, "close": 0}  # answers before any deadline can hit
    suppliers = [
        FakeSupplier("acme", log, PRICES, hang="connect"),
        FakeSupplier("bolt", log, {"A-17": 520}, ticks=instant),
        FakeSupplier("crate", log, PRICES, fail="quote", ticks=instant),
        FakeSupplier("dyna", log, {"A-17": 450}, ticks=instant),
        FakeSupplier("echo", log, PRICES, hang="quote"),
    ]
    outcomes = asyncio.run(compare(suppliers, "A-17", timeout=0.03))
    assert outcomes == [
        Outcome("acme", "timeout"),
        Outcome("bolt", "ok", 520),
        Outcome("crate", "error"),
        Outcome("dyna", "ok", 450),
        Outcome("echo", "timeout"),
    ]
    assert peak_open(log) == 2  # the two slow ones were waiting at the same time


def test_fastest_returns_the_first_price_and_cancels_the_others():
    log = []
    suppliers = [
        FakeSupplier("slow", log, PRICES, ticks={"quote": 40}),
        FakeSupplier("quick", log, PRICES, ticks={"quote": 2}),
    ]
    assert asyncio.run(fastest(suppliers, "B-2", timeout=1)) == Outcome("quick", "ok", 120)
    assert "price slow" not in log
    assert log[-2:] == ["close slow", "closed slow"]


def test_fastest_without_any_price_raises():
    log = []
    suppliers = [FakeSupplier("a", log, PRICES, fail="quote"), FakeSupplier("b", log, {})]
    with pytest.raises(NoQuoteError):
        asyncio.run(fastest(suppliers, "B-2", timeout=1))


def test_best_price_breaks_ties_by_name():
    log = []
    suppliers = [
        FakeSupplier("zeta", log, {"B-2": 99}),
        FakeSupplier("alpha", log, {"B-2": 99}),
        FakeSupplier("mid", log, {"B-2": 150}),
    ]
    assert best_price(suppliers, "B-2", timeout=1) == ("alpha", 99)
    assert best_price([FakeSupplier("none", log, {})], "B-2", timeout=1) is None
