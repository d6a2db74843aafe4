"""Remind library members about overdue books; every outside system is handed in.

Read README.md for the full specification. `Loan`, the two protocols and `NotifyReport`
are given; write `OverdueNotifier`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal  # noqa: F401 - you will need them
from typing import Protocol

Clock = Callable[[], date]


@dataclass(frozen=True)
class Loan:
    member: str  # the member's email address
    title: str
    due: date


class LoanStore(Protocol):
    def open_loans(self) -> list[Loan]: ...


class Mailer(Protocol):
    def send(self, to: str, subject: str, body: str) -> None: ...


@dataclass
class NotifyReport:
    sent: dict[str, Decimal] = field(default_factory=dict)
    failed: list[str] = field(default_factory=list)


class OverdueNotifier:
    """Works out late fees and emails members; knows nothing about databases, time or SMTP."""

    def __init__(
        self,
        store: LoanStore,
        clock: Clock,
        mailer: Mailer,
        *,
        fee_per_day: Decimal = Decimal("0.25"),
        fee_cap: Decimal = Decimal("5.00"),
    ) -> None:
        """Keep the collaborators (do not call them yet) and validate the two fees."""
        raise NotImplementedError

    def days_late(self, loan: Loan) -> int:
        """Whole days past the due date according to the clock; 0 if not late."""
        raise NotImplementedError

    def fee(self, loan: Loan) -> Decimal:
        """The late fee for one loan: days late times the daily fee, capped, in cents."""
        raise NotImplementedError

    def overdue(self) -> list[Loan]:
        """Open loans at least one day late, by member, then due date, then title."""
        raise NotImplementedError

    def notify(self) -> NotifyReport:
        """Send each member with overdue loans one email listing them with their fees."""
        raise NotImplementedError
