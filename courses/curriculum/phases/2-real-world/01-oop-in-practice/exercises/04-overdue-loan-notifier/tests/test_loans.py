from datetime import date
from decimal import Decimal

import pytest
from loans import Loan, NotifyReport, OverdueNotifier


class Shelf:
    def __init__(self, *loans):
        self.loans = list(loans)

    def open_loans(self):
        return list(self.loans)


class Outbox:
    def __init__(self):
        self.messages = []

    def send(self, to, subject, body):
        self.messages.append((to, subject, body))


def at(day):
    return lambda: day


DUNE = Loan("ada@example.org", "Dune", date(2025, 3, 1))
EMMA = Loan("ada@example.org", "Emma", date(2025, 3, 9))
IDA = Loan("bob@example.org", "Ida", date(2025, 3, 20))


def test_days_late_and_fee_follow_the_clock():
    notifier = OverdueNotifier(Shelf(), at(date(2025, 3, 10)), Outbox())
    assert notifier.days_late(DUNE) == 9
    assert notifier.days_late(IDA) == 0
    assert notifier.fee(DUNE) == Decimal("2.25")
    assert notifier.fee(IDA) == Decimal("0.00")


def test_fee_is_capped():
    notifier = OverdueNotifier(Shelf(), at(date(2025, 6, 1)), Outbox())
    assert notifier.fee(DUNE) == Decimal("5.00")


def test_overdue_is_sorted_and_skips_loans_not_late():
    notifier = OverdueNotifier(Shelf(IDA, EMMA, DUNE), at(date(2025, 3, 10)), Outbox())
    assert notifier.overdue() == [DUNE, EMMA]


def test_notify_sends_one_email_per_member():
    outbox = Outbox()
    notifier = OverdueNotifier(Shelf(EMMA, DUNE, IDA), at(date(2025, 3, 10)), outbox)
    report = notifier.notify()
    assert report == NotifyReport(sent={"ada@example.org": Decimal("2.50")}, failed=[])
    assert outbox.messages == [
        (
            "ada@example.org",
            "2 overdue books",
            "- Dune: 9 days late, fee 2.25\n- Emma: 1 day late, fee 0.25\nTotal due: 2.50",
        )
    ]


def test_fees_must_be_positive_decimals():
    with pytest.raises(ValueError):
        OverdueNotifier(Shelf(), at(date(2025, 1, 1)), Outbox(), fee_per_day=Decimal("0"))
    with pytest.raises(TypeError):
        OverdueNotifier(Shelf(), at(date(2025, 1, 1)), Outbox(), fee_cap=5)


def test_mail_failures_are_reported():
    class DownOutbox:
        def send(self, to, subject, body):
            raise ConnectionRefusedError("mail server down")

    notifier = OverdueNotifier(Shelf(DUNE), at(date(2025, 3, 10)), DownOutbox())
    assert notifier.notify() == NotifyReport(sent={}, failed=["ada@example.org"])
