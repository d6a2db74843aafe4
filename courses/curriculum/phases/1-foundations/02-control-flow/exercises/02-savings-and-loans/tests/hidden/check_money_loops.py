"""Hidden checks: they record what the code does; the grader compares with the reference."""

import pytest
from money_loops import months_to_goal, repayment, savings_plan

GOALS = [
    (0, 25, 100, 0.0),  # reaches the goal exactly
    (0, 25, 101, 0.0),
    (10, 30, 100, 0.0),
    (100, 50, 300, 0.1),
    (1000, 100, 2000, 0.02),
    (0, 100, 150, 0.5),  # interest before the deposit matters here
    (250.5, 0.5, 252, 0.0),
    (300, 1, 300, 0.0),  # already there
    (300, 1, 299.99, 0.3),
    (0, 0.01, 0.05, 0.0),
]


@pytest.mark.parametrize(("balance", "deposit", "goal", "rate"), GOALS)
def check_savings_months_and_plans(observe, balance, deposit, goal, rate):
    observe(months_to_goal(balance, deposit, goal, monthly_rate=rate))
    observe(savings_plan(balance, deposit, goal, monthly_rate=rate))


def check_default_rate_is_zero(observe):
    observe(months_to_goal(5, 5, 50))
    observe(savings_plan(5, 5, 20))
    observe.raises(months_to_goal, 5, 5, 50, 0.1)


@pytest.mark.parametrize(("deposit", "rate"), [(0, 0.0), (-5, 0.1), (10, -0.01), (0, -1.0)])
def check_savings_rejects_loops_that_never_end(observe, deposit, rate):
    observe.raises(months_to_goal, 0, deposit, 100, monthly_rate=rate)
    observe.raises(savings_plan, 0, deposit, 100, monthly_rate=rate)
    observe.raises(months_to_goal, 500, deposit, 100, monthly_rate=rate)
    observe(months_to_goal(0, 40, 100, monthly_rate=0.0))


@pytest.mark.parametrize(
    ("debt", "payment", "rate"),
    [
        (1000, 300, 0.0),
        (1000, 250, 0.0),  # the last payment is a full one
        (1200, 100, 0.01),
        (5000, 180, 0.015),
        (99.99, 500, 0.02),  # one partial payment
        (0, 100, 0.05),
        (-20, 100, 0.0),
        (1000, 10.01, 0.01),  # only just more than the interest
        (1000.5, 500, 0.0),  # less than 1 left for the last month
        (0.5, 10, 0.01),  # a debt below 1
        (0, 0, 0.0),  # nothing owed, nothing paid
        (0, -5, 0.02),
    ],
)
def check_repayments(observe, debt, payment, rate):
    months, paid = observe(repayment(debt, payment, monthly_rate=rate))
    observe(type(months).__name__ + "/" + type(paid).__name__)


@pytest.mark.parametrize(
    ("debt", "payment", "rate"),
    [
        (1000, 10, 0.01),
        (1000, 9.99, 0.01),
        (500, 0, 0.0),
        (800, 100, -0.01),
        (100, -5, 0.0),
        (0.5, 0.001, 0.5),
        (1, 0.5, 0.5),
        (0, 100, -0.1),
    ],
)
def check_repayment_rejects_payments_that_never_finish(observe, debt, payment, rate):
    observe.raises(repayment, debt, payment, monthly_rate=rate)
    observe(repayment(debt, payment + 200, monthly_rate=0.01))
