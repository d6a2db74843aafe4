"""Remind library members about overdue books; every outside system is handed in."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
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


def _positive_money(value: Decimal) -> Decimal:
    if not isinstance(value, Decimal):
        raise TypeError(f"fees must be Decimals, not {value!r}")
    if value <= 0:
        raise ValueError(f"fees must be positive, not {value}")
    return value


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
        self._store = store
        self._clock = clock
        self._mailer = mailer
        self._fee_per_day = _positive_money(fee_per_day)
        self._fee_cap = _positive_money(fee_cap)

    def _days_late(self, loan: Loan, today: date) -> int:
        return max((today - loan.due).days, 0)

    def _fee(self, loan: Loan, today: date) -> Decimal:
        fee = min(self._days_late(loan, today) * self._fee_per_day, self._fee_cap)
        return fee.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)

    def _overdue(self, today: date) -> list[Loan]:
        late = [loan for loan in self._store.open_loans() if self._days_late(loan, today) > 0]
        return sorted(late, key=lambda loan: (_address(loan), loan.due, loan.title))

    def days_late(self, loan: Loan) -> int:
        """Whole days past the due date according to the clock; 0 if not late."""
        return self._days_late(loan, self._clock())

    def fee(self, loan: Loan) -> Decimal:
        """The late fee for one loan: days late times the daily fee, capped, in cents."""
        return self._fee(loan, self._clock())

    def overdue(self) -> list[Loan]:
        """Open loans at least one day late, by member, then due date, then title."""
        return self._overdue(self._clock())

    def notify(self) -> NotifyReport:
        """Send each member with overdue loans one email listing them with their fees."""
        today = self._clock()
        by_member: dict[str, list[Loan]] = {}
        for loan in self._overdue(today):
            by_member.setdefault(_address(loan), []).append(loan)
        report = NotifyReport()
        for member, loans in by_member.items():
            lines = []
            fees = [self._fee(loan, today) for loan in loans]
            for loan, fee in zip(loans, fees):
                days = self._days_late(loan, today)
                unit = "day" if days == 1 else "days"
                lines.append(f"- {loan.title}: {days} {unit} late, fee {fee}")
            total = sum(fees)
            lines.append(f"Total due: {total}")
            noun = "book" if len(loans) == 1 else "books"
            try:
                self._mailer.send(member, f"{len(loans)} overdue {noun}", "\n".join(lines))
            except OSError:
                report.failed.append(member)
            else:
                report.sent[member] = total
        return report


def _address(loan: Loan) -> str:
    return loan.member.strip().lower()
