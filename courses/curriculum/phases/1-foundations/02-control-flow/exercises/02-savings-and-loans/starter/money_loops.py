"""Savings goals and loan repayments: loops that stop when the money says so."""


def months_to_goal(
    balance: float, deposit: float, goal: float, *, monthly_rate: float = 0.0
) -> int:
    """How many months of interest and deposits until the balance reaches the goal.

    deposit <= 0 or monthly_rate < 0 raises ValueError.
    """
    raise NotImplementedError


def savings_plan(
    balance: float, deposit: float, goal: float, *, monthly_rate: float = 0.0
) -> list[float]:
    """The balance at the end of each month (rounded to cents) until the goal is reached."""
    raise NotImplementedError


def repayment(debt: float, payment: float, *, monthly_rate: float) -> tuple[int, float]:
    """(months, total paid rounded to cents) to clear `debt` with a fixed monthly payment.

    Raise ValueError when the payment does not exceed the first month's interest.
    """
    raise NotImplementedError
