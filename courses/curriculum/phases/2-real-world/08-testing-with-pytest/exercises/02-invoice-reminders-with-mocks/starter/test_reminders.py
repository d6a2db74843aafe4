"""Your tests for reminders.py: fake the clock and the mailer with unittest.mock."""

from datetime import date, datetime
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


def test_nothing_to_send(clock, mailer):
    assert send_reminders([], clock=clock, mailer=mailer) == []


# TODO: which invoices need a reminder (due today? reminded 6 or 7 days ago? paid?)
# TODO: how mailer.send is called: arguments, order, how many times, what a failure does
# TODO: how many times the clock is read
