"""Ask several suppliers for a price, with deadlines, cancellation and clean-up."""

from __future__ import annotations

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


async def ask(supplier: Supplier, sku: str, timeout: float) -> Outcome:
    """Connect and quote within `timeout` seconds; always close once connect was called.

    Return Outcome(name, "ok", price), Outcome(name, "timeout") or Outcome(name, "error").
    A cancellation of `ask` itself must propagate (after closing).
    """
    raise NotImplementedError


async def compare(suppliers: Sequence[Supplier], sku: str, *, timeout: float) -> list[Outcome]:
    """Ask every supplier at once (in a TaskGroup); outcomes in the order of `suppliers`."""
    raise NotImplementedError


async def fastest(suppliers: Sequence[Supplier], sku: str, *, timeout: float) -> Outcome:
    """The first "ok" outcome to arrive; cancel and await the other requests.

    Raise NoQuoteError when no supplier answers with a price.
    """
    raise NotImplementedError


def best_price(
    suppliers: Sequence[Supplier], sku: str, *, timeout: float
) -> tuple[str, int] | None:
    """The cheapest (supplier, price) from compare(); ties go to the first name A-Z."""
    raise NotImplementedError
