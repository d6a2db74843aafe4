"""Three ways to pay, one shared contract defined by an abstract base class."""

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
        if isinstance(amount, bool) or not isinstance(amount, Decimal | int):
            raise TypeError("amount must be a Decimal or an int")
        amount = to_cents(Decimal(amount))
        if amount <= 0:
            raise ValueError("amount must be positive")
        fee = to_cents(self.fee(amount))
        total = amount + fee
        self.authorise(total)
        return Receipt(method=self.name, amount=amount, fee=fee, total=total)


class Card(PaymentMethod):
    name = "card"

    def __init__(self, limit: Decimal) -> None:
        self.limit = Decimal(limit)

    def fee(self, amount: Decimal) -> Decimal:
        return amount * Decimal("0.015") + Decimal("0.20")

    def authorise(self, total: Decimal) -> None:
        if total > self.limit:
            raise PaymentError(f"card limit {self.limit} exceeded by {total - self.limit}")


class Wallet(PaymentMethod):
    name = "wallet"

    def __init__(self, balance: Decimal) -> None:
        if balance < 0:
            raise ValueError("a wallet cannot start with a negative balance")
        self._balance = Decimal(balance)

    @property
    def balance(self) -> Decimal:
        return self._balance

    def fee(self, amount: Decimal) -> Decimal:
        return Decimal("0")

    def authorise(self, total: Decimal) -> None:
        if total > self._balance:
            raise PaymentError(f"insufficient funds: balance {self._balance}, needed {total}")
        self._balance -= total


class BankTransfer(PaymentMethod):
    name = "bank transfer"

    def fee(self, amount: Decimal) -> Decimal:
        return Decimal("0") if amount >= 100 else Decimal("0.50")
