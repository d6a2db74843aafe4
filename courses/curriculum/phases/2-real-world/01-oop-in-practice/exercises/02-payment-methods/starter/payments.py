"""Three ways to pay, one shared contract defined by an abstract base class.

Read README.md for the full specification.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


class PaymentError(Exception):
    """A payment was refused (over a limit, not enough funds...)."""


@dataclass(frozen=True)
class Receipt:
    method: str
    amount: Decimal
    fee: Decimal
    total: Decimal


def to_cents(value: Decimal) -> Decimal:
    """Round a money value to whole cents, halves away from zero."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


class PaymentMethod(ABC):
    """What every payment method must provide; `pay` is shared by all of them."""

    name: str = "payment"

    @abstractmethod
    def fee(self, amount: Decimal) -> Decimal:
        """The fee charged on top of `amount` (not yet rounded)."""

    def authorise(self, total: Decimal) -> None:  # noqa: B027 - optional hook
        """Refuse the payment by raising PaymentError; by default accept everything."""

    def pay(self, amount: Decimal | int) -> Receipt:
        """Validate the amount, work out the fee, authorise the total, return a Receipt."""
        raise NotImplementedError


class Card(PaymentMethod):
    name = "card"

    def __init__(self, limit: Decimal) -> None:
        raise NotImplementedError

    def fee(self, amount: Decimal) -> Decimal:
        raise NotImplementedError


class Wallet(PaymentMethod):
    name = "wallet"

    def __init__(self, balance: Decimal) -> None:
        raise NotImplementedError

    def fee(self, amount: Decimal) -> Decimal:
        raise NotImplementedError


class BankTransfer(PaymentMethod):
    name = "bank transfer"

    def fee(self, amount: Decimal) -> Decimal:
        raise NotImplementedError
