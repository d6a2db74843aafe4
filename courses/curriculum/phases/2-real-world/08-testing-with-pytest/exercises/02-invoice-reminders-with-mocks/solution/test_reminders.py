"""A reference suite for reminders.py: the clock and the mailer are mocks."""

from datetime import date, datetime, timedelta
from unittest.mock import Mock, call, create_autospec

import pytest
from reminders import Invoice, Mailer, MailerError, needs_reminder, reminder_body, send_reminders

TODAY = date(2025, 3, 4)


@pytest.fixture
def clock() -> Mock:
    return Mock(return_value=datetime(2025, 3, 4, 9, 30))


@pytest.fixture
def mailer() -> Mock:
    return create_autospec(Mailer, instance=True)


@pytest.fixture
def invoices() -> list[Invoice]:
    """Three overdue invoices, deliberately not in sending order, and one that is not due."""
    return [
        Invoice("F-30", "cleo@example.com", date(2025, 3, 1), 1999),
        Invoice("F-12", "ana@example.com", date(2025, 2, 10), 4205),
        Invoice("F-40", "dev@example.com", date(2025, 3, 10), 500),
        Invoice("F-07", "bo@example.com", date(2025, 3, 1), 7),
    ]


def expected_call(invoice: Invoice):
    return call(
        to=invoice.email,
        subject=f"Reminder: invoice {invoice.number} is overdue",
        body=reminder_body(invoice, TODAY),
    )


def invoice(**changes) -> Invoice:
    fields = {"number": "F-1", "email": "a@example.com", "due": TODAY - timedelta(days=1),
              "amount_cents": 100}
    fields.update(changes)
    return Invoice(**fields)


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, True),
        ({"due": TODAY}, False),
        ({"due": TODAY + timedelta(days=3)}, False),
        ({"paid": True}, False),
        ({"last_reminded": TODAY - timedelta(days=6)}, False),
        ({"last_reminded": TODAY - timedelta(days=7)}, True),
        ({"last_reminded": TODAY - timedelta(days=30)}, True),
    ],
)
def test_needs_reminder(changes, expected):
    assert needs_reminder(invoice(**changes), TODAY) is expected


@pytest.mark.parametrize(
    ("cents", "text"), [(4205, "EUR 42.05"), (7, "EUR 0.07"), (100000, "EUR 1000.00")]
)
def test_reminder_body(cents, text):
    body = reminder_body(invoice(number="F-17", due=date(2025, 2, 20), amount_cents=cents), TODAY)
    assert body == (
        f"Invoice F-17 for {text} was due on 2025-02-20, 12 days ago. Please pay it soon."
    )


def test_sends_oldest_first_with_keyword_arguments(invoices, clock, mailer):
    sent = send_reminders(invoices, clock=clock, mailer=mailer)
    assert sent == ["F-12", "F-07", "F-30"]
    by_number = {i.number: i for i in invoices}
    assert mailer.send.call_args_list == [expected_call(by_number[n]) for n in sent]
    assert len(mailer.mock_calls) == 3


def test_reads_the_clock_once(invoices, clock, mailer):
    send_reminders(invoices, clock=clock, mailer=mailer)
    clock.assert_called_once_with()


def test_marks_only_what_was_sent(invoices, clock, mailer):
    send_reminders(invoices, clock=clock, mailer=mailer)
    assert [i.last_reminded for i in invoices] == [TODAY, TODAY, None, TODAY]


def test_a_failure_skips_one_invoice(invoices, clock, mailer):
    mailer.send.side_effect = [None, MailerError("bounced"), None]
    sent = send_reminders(invoices, clock=clock, mailer=mailer)
    assert sent == ["F-12", "F-30"]
    assert mailer.send.call_count == 3
    assert invoices[3].last_reminded is None
    assert invoices[1].last_reminded == TODAY


def test_other_errors_propagate(invoices, clock, mailer):
    mailer.send.side_effect = ConnectionError("no network")
    with pytest.raises(ConnectionError):
        send_reminders(invoices, clock=clock, mailer=mailer)


@pytest.mark.parametrize("failures", [0, 1])
def test_limit_counts_attempts(invoices, clock, mailer, failures):
    mailer.send.side_effect = [MailerError("x")] * failures + [None] * 5
    sent = send_reminders(invoices, clock=clock, mailer=mailer, limit=2)
    assert mailer.send.call_count == 2
    assert sent == ["F-12", "F-07"][failures:]


def test_nothing_due_sends_nothing(clock, mailer):
    paid = invoice(paid=True)
    assert send_reminders([paid], clock=clock, mailer=mailer) == []
    mailer.send.assert_not_called()
    clock.assert_called_once_with()


def test_default_limit_is_twenty(clock, mailer):
    many = [invoice(number=f"F-{n:02d}") for n in range(25, 0, -1)]
    sent = send_reminders(many, clock=clock, mailer=mailer)
    assert sent == [f"F-{n:02d}" for n in range(1, 21)]
    assert mailer.send.call_count == 20
