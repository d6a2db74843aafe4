"""Hidden checks: they record outcomes and the order of events in the suppliers' log;
the grader compares them with the reference. No check measures durations: deadlines race
against suppliers that hang or that sleep clearly longer or shorter than the deadline."""

import asyncio

import pytest
from quotes import NoQuoteError, ask, best_price, compare, fastest

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


PRICES = {"K-1": 1250, "K-2": 80}
# A supplier whose stages never suspend answers within one step of its task, before any
# deadline can be delivered, however busy the machine is: fast and slow stay apart.
INSTANT = {"connect": 0, "quote": 0, "close": 0}

# (supplier script, timeout). A supplier that must answer in time gets a generous deadline
# and answers within a few turns of the loop; one that must time out hangs, or needs
# clearly more time than the deadline, so no outcome depends on how busy the machine is.
ASK_CASES = {
    "ok": ({}, 5),
    "connect fails": ({"fail": "connect"}, 5),
    "quote fails": ({"fail": "quote"}, 5),
    "connect hangs": ({"hang": "connect"}, 0.02),
    "quote hangs": ({"hang": "quote"}, 0.02),
    "supplier times out itself": ({"own_timeout": "quote"}, 5),
}


@pytest.mark.parametrize("case", list(ASK_CASES))
def check_ask_outcomes_and_clean_up(observe, case):
    log = []
    script, timeout = ASK_CASES[case]
    supplier = FakeSupplier("vendor", log, PRICES, **script)
    observe.call(lambda: asyncio.run(ask(supplier, "K-1", timeout)))
    observe(log)


def check_one_deadline_covers_connect_and_quote(observe):
    # each call alone fits in the deadline, both together never do
    log = []
    supplier = FakeSupplier("vendor", log, PRICES, delays={"connect": 0.03, "quote": 0.03})
    observe.call(lambda: asyncio.run(ask(supplier, "K-1", 0.05)))
    # Where the deadline lands (during connect or during quote) depends on the machine's
    # load, so the quote event is left out; the clean-up must happen either way.
    observe([event for event in log if not event.startswith("quote")])


def check_close_is_not_under_the_deadline(observe):
    # a close slower than the deadline is fine: close is not under the deadline
    log = []
    suppliers = [
        FakeSupplier("fine", log, PRICES, ticks=INSTANT, delays={"close": 0.06}),
        FakeSupplier("failing", log, PRICES, ticks=INSTANT, fail="quote",
                     delays={"close": 0.06}),
    ]

    async def both():
        return await asyncio.gather(*(ask(s, "K-2", 0.05) for s in suppliers))

    for outcome in asyncio.run(both()):
        observe(outcome)
    observe({s.name: events_of(log, s.name) for s in suppliers})


def check_ask_passes_the_sku_and_validates_the_timeout(observe):
    log = []
    observe.call(lambda: asyncio.run(ask(FakeSupplier("v", log, PRICES), "K-2", 0.5)))
    observe.call(lambda: asyncio.run(ask(FakeSupplier("w", log, PRICES), "nope", 0.5)))
    for timeout in (0, -0.5, 0.0):
        observe.raises(lambda: asyncio.run(ask(FakeSupplier("z", log, PRICES), "K-2", timeout)))
    observe(log)


@pytest.mark.parametrize("stage", ["connect", "quote"])
def check_ask_cancelled_from_outside(observe, stage):
    log = []

    async def main():
        supplier = FakeSupplier("x", log, PRICES, hang=stage, ticks={"close": 3})
        task = asyncio.ensure_future(ask(supplier, "K-1", 10))
        for _ in range(6):
            await asyncio.sleep(0)
        task.cancel()
        try:
            result = await task
        except asyncio.CancelledError:
            return "cancelled", task.cancelled()
        return "returned", result.status

    observe(asyncio.run(main()))
    observe(log)


def check_compare_runs_everyone_at_once_in_input_order(observe):
    log = []
    suppliers = [
        FakeSupplier("nord", log, {"K-1": 900}, ticks=INSTANT),
        FakeSupplier("east", log, PRICES, hang="quote"),
        FakeSupplier("west", log, {"K-1": 700}, ticks=INSTANT),
        FakeSupplier("south", log, {}, ticks=INSTANT),
        FakeSupplier("mid", log, PRICES, fail="connect", ticks=INSTANT),
        FakeSupplier("far", log, PRICES, hang="connect"),
    ]
    for outcome in asyncio.run(compare(suppliers, "K-1", timeout=0.03)):
        observe(outcome)
    observe(peak_open(log))  # both hanging suppliers are open at the same time
    observe({s.name: events_of(log, s.name) for s in suppliers})
    observe(asyncio.run(compare([], "K-1", timeout=1)))


def check_compare_and_fastest_validate_before_contacting_anyone(observe):
    log = []
    for function in (compare, fastest):
        for timeout in (0, -1):
            suppliers = [FakeSupplier("a", log, PRICES), FakeSupplier("b", log, PRICES)]
            try:
                asyncio.run(function(suppliers, "K-1", timeout=timeout))
                observe("returned")
            except BaseException as exc:
                observe(type(exc).__name__)
    observe(len(log))


def check_fastest_takes_the_first_price_and_waits_for_the_losers(observe):
    log = []

    async def main():
        suppliers = [
            FakeSupplier("early-error", log, PRICES, fail="connect", ticks={"connect": 0}),
            FakeSupplier("slow", log, {"K-2": 10}, ticks={"quote": 60, "close": 4}),
            FakeSupplier("winner", log, {"K-2": 95}, ticks={"quote": 8}),
            FakeSupplier("hanging", log, PRICES, hang="quote", ticks={"close": 4}),
            FakeSupplier("runner-up", log, {"K-2": 70}, ticks={"quote": 30}),
        ]
        outcome = await fastest(suppliers, "K-2", timeout=5)
        snapshot = {s.name: events_of(log, s.name) for s in suppliers}
        return outcome, snapshot

    outcome, snapshot = asyncio.run(main())
    observe(outcome)
    observe(snapshot)
    observe(peak_open(log))


def check_fastest_without_a_price(observe):
    log = []
    suppliers = [
        FakeSupplier("a", log, PRICES, hang="connect"),
        FakeSupplier("b", log, {}),
        FakeSupplier("c", log, PRICES, own_timeout="quote"),
    ]
    observe.raises(lambda: asyncio.run(fastest(suppliers, "K-1", timeout=0.03)))
    observe(sorted(log))
    observe.raises(lambda: asyncio.run(fastest([], "K-1", timeout=0.03)))
    try:
        asyncio.run(fastest(suppliers[1:], "K-1", timeout=0.03))
    except LookupError as exc:
        observe(isinstance(exc, NoQuoteError))
        observe(type(exc).__name__)


def check_best_price_picks_the_cheapest_then_the_first_name(observe):
    log = []
    suppliers = [
        FakeSupplier("omega", log, {"K-1": 610}, ticks=INSTANT),
        FakeSupplier("kappa", log, {"K-1": 600}, ticks=INSTANT),
        FakeSupplier("gamma", log, {"K-1": 605}, ticks=INSTANT),
        FakeSupplier("beta", log, {"K-1": 600}, ticks=INSTANT),
        FakeSupplier("alpha", log, {"K-1": 1}, hang="quote"),
        FakeSupplier("aaron", log, {"K-1": 2}, fail="quote", ticks=INSTANT),
    ]
    observe(best_price(suppliers, "K-1", timeout=0.03))
    observe(best_price(suppliers[:1], "K-1", timeout=5))
    observe(best_price(suppliers[4:], "K-1", timeout=0.02))
    observe(best_price([], "K-1", timeout=5))
    observe(len(log))
