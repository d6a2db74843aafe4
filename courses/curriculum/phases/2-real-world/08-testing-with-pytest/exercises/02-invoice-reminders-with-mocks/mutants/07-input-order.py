"""Payment reminders for overdue invoices, sent through an injected mailer and clock."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Protocol

REMIND_EVERY = timedelta(days=7)


class MailerError(Exception):
    """The mailer could not deliver one message."""


class Mailer(Protocol):
    def send(self, *, to: str, subject: str, body: str) -> None: ...


@dataclass
class Invoice:
    number: str
    email: str
    due: date
    amount_cents: int
    paid: bool = False
    last_reminded: date | None = None


def needs_reminder(invoice: Invoice, today: date) -> bool:
    """Unpaid, past its due date, and not reminded in the last 7 days."""
    if invoice.paid or invoice.due >= today:
        return False
    return invoice.last_reminded is None or today - invoice.last_reminded >= REMIND_EVERY


def reminder_body(invoice: Invoice, today: date) -> str:
    euros, cents = divmod(invoice.amount_cents, 100)
    days = (today - invoice.due).days
    return (
        f"Invoice {invoice.number} for EUR {euros}.{cents:02d} was due on "
        f"{invoice.due.isoformat()}, {days} days ago. Please pay it soon."
    )


def send_reminders(
    invoices: Iterable[Invoice],
    *,
    clock: Callable[[], datetime],
    mailer: Mailer,
    limit: int = 20,
) -> list[str]:
    """Send the reminders that are due; return the numbers of the invoices reminded."""
    today = clock().date()
    due = [invoice for invoice in invoices if needs_reminder(invoice, today)]
    sent = []
    for invoice in due[:limit]:
        try:
            mailer.send(
                to=invoice.email,
                subject=f"Reminder: invoice {invoice.number} is overdue",
                body=reminder_body(invoice, today),
            )
        except MailerError:
            continue
        invoice.last_reminded = today
        sent.append(invoice.number)
    return sent
