"""Hidden checks for the overdue notifier: they record what the code does, never assert."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from loans import Loan, OverdueNotifier

D = Decimal


class Store:
    def __init__(self, loans):
        self.loans = list(loans)
        self.calls = 0

    def open_loans(self):
        self.calls += 1
        return list(self.loans)


class Clock:
    """Starts on `start`; moves one day on after every call when `ticking`."""

    def __init__(self, start, ticking=False):
        self.today = start
        self.ticking = ticking
        self.calls = 0

    def __call__(self):
        self.calls += 1
        today = self.today
        if self.ticking:
            self.today += timedelta(days=1)
        return today


class Outbox:
    def __init__(self, failing=(), crash=None):
        self.failing = dict(failing)
        self.crash = crash
        self.messages = []

    def send(self, to, subject, body):
        if to == self.crash:
            raise RuntimeError("a bug in the mailer")
        if to in self.failing:
            raise self.failing[to]
        self.messages.append((to, subject, body))


class Untouchable:
    """A collaborator that must not be used yet."""

    def __call__(self):
        raise AssertionError("called too early")

    def open_loans(self):
        raise AssertionError("called too early")

    def send(self, to, subject, body):
        raise AssertionError("called too early")


def loan(member, title, due):
    return Loan(member, title, date.fromisoformat(due))


LOANS = [
    loan("zoe@example.org", "Walden", "2025-03-09"),
    loan("Ada@Example.org", "Middlemarch", "2025-02-01"),
    loan("bob@example.org", "Ulysses", "2025-03-10"),
    loan(" ada@example.org", "Beloved", "2025-03-05"),
    loan("ada@example.org", "Anna Karenina", "2025-03-05"),
    loan("cy@example.org", "Emma", "2025-04-01"),
    loan("bob@example.org", "Dracula", "2025-03-08"),
]


def view(loans):
    return [(item.member, item.title, item.due) for item in loans]


def check_constructor_only_keeps_its_collaborators(observe):
    idle = Untouchable()
    notifier = OverdueNotifier(idle, idle, idle)
    observe(type(notifier).__name__)
    for fee_per_day, fee_cap in [(D("0"), D("5")), (D("-0.25"), D("5")), (D("0.25"), D("0")),
                                 (D("0.25"), D("-1")), (1, D("5")), (D("0.25"), 5), (0.25, D("5")),
                                 (D("0.25"), 5.0), (None, D("5"))]:
        observe.raises(OverdueNotifier, idle, idle, idle, fee_per_day=fee_per_day, fee_cap=fee_cap)
    observe.call(lambda: OverdueNotifier(idle, idle, idle, fee_per_day=D("0.01"), fee_cap=D("0.01")) and "built")


@pytest.mark.parametrize("today", ["2025-03-09", "2025-03-10", "2025-03-11", "2025-05-01", "2025-01-01"])
def check_days_late_and_fees(observe, today):
    notifier = OverdueNotifier(Store([]), Clock(date.fromisoformat(today)), Outbox())
    observe([notifier.days_late(item) for item in LOANS])
    observe([notifier.fee(item) for item in LOANS])


def check_fee_cap_is_inclusive_and_rounding_is_half_up(observe):
    due = loan("ada@example.org", "Dune", "2025-03-01")
    for days in [1, 2, 3, 19, 20, 21, 40]:
        clock = Clock(date(2025, 3, 1) + timedelta(days=days))
        notifier = OverdueNotifier(Store([]), clock, Outbox(), fee_per_day=D("0.25"), fee_cap=D("5.00"))
        observe((days, notifier.fee(due)))
    odd = OverdueNotifier(Store([]), Clock(date(2025, 3, 2)), Outbox(), fee_per_day=D("0.125"), fee_cap=D("1"))
    observe(odd.fee(due))
    odd_cap = OverdueNotifier(Store([]), Clock(date(2025, 3, 30)), Outbox(), fee_per_day=D("0.5"), fee_cap=D("2.345"))
    observe(odd_cap.fee(due))
    later = OverdueNotifier(Store([]), Clock(date(2025, 3, 4)), Outbox(), fee_per_day=D("0.135"), fee_cap=D("9"))
    observe(later.fee(due))


def check_the_clock_is_asked_on_every_call(observe):
    clock = Clock(date(2025, 3, 9), ticking=True)
    notifier = OverdueNotifier(Store(LOANS), clock, Outbox())
    item = LOANS[0]
    observe([notifier.days_late(item), notifier.days_late(item), notifier.fee(item), notifier.fee(item)])
    observe(view(notifier.overdue()))
    observe(clock.calls)


def check_overdue_order(observe):
    store = Store(LOANS)
    clock = Clock(date(2025, 3, 10))
    notifier = OverdueNotifier(store, clock, Outbox())
    observe(view(notifier.overdue()))
    observe((store.calls, clock.calls))
    observe(view(OverdueNotifier(Store([]), clock, Outbox()).overdue()))
    observe(view(OverdueNotifier(Store(LOANS), Clock(date(2025, 1, 1)), Outbox()).overdue()))


def check_notify_emails(observe):
    store = Store(LOANS)
    clock = Clock(date(2025, 3, 10), ticking=True)
    outbox = Outbox()
    report = OverdueNotifier(store, clock, outbox, fee_per_day=D("0.30"), fee_cap=D("6")).notify()
    observe((report.sent, list(report.sent), report.failed))
    observe(outbox.messages)
    observe((store.calls, clock.calls))


def check_notify_with_nothing_overdue(observe):
    outbox = Outbox()
    report = OverdueNotifier(Store(LOANS), Clock(date(2025, 1, 1)), outbox).notify()
    observe((report.sent, report.failed, outbox.messages))
    report = OverdueNotifier(Store([]), Clock(date(2025, 9, 1)), outbox).notify()
    observe((report.sent, report.failed, outbox.messages))


def check_mail_failures(observe):
    outbox = Outbox(failing={
        "ada@example.org": ConnectionRefusedError("refused"),
        "zoe@example.org": TimeoutError(),
    })
    notifier = OverdueNotifier(Store(LOANS), Clock(date(2025, 3, 12)), outbox)
    report = notifier.notify()
    observe((report.sent, list(report.sent), report.failed))
    observe(outbox.messages)
    crashing = OverdueNotifier(Store(LOANS), Clock(date(2025, 3, 12)), Outbox(crash="bob@example.org"))
    observe.raises(crashing.notify)
    observe(notifier.fee(LOANS[1]))
