import pytest
from money_loops import months_to_goal, repayment, savings_plan


def test_months_to_goal_without_interest():
    assert months_to_goal(0, 25, 100) == 4


def test_months_to_goal_with_interest():
    assert months_to_goal(100, 50, 300, monthly_rate=0.1) == 4


def test_goal_already_reached():
    assert months_to_goal(500, 10, 400) == 0
    assert savings_plan(500, 10, 400) == []


def test_savings_plan_lists_each_month():
    assert savings_plan(100, 50, 300, monthly_rate=0.1) == [160.0, 226.0, 298.6, 378.46]


def test_deposit_must_be_positive():
    with pytest.raises(ValueError):
        months_to_goal(0, 0, 100)


def test_repayment_last_month_pays_the_rest():
    assert repayment(1000, 300, monthly_rate=0.0) == (4, 1000.0)


def test_repayment_refuses_a_payment_that_only_covers_interest():
    with pytest.raises(ValueError):
        repayment(1000, 10, monthly_rate=0.01)
