"""Savings goals and loan repayments: loops that stop when the money says so."""


def _check_savings(deposit: float, monthly_rate: float) -> None:
    if deposit <= 0:
        raise ValueError(f"deposit must be more than 0, got {deposit}")
    if monthly_rate < 0:
        raise ValueError(f"monthly_rate must not be negative, got {monthly_rate}")


def savings_plan(
    balance: float, deposit: float, goal: float, *, monthly_rate: float = 0.0
) -> list[float]:
    """The balance at the end of each month until the goal is reached."""
    _check_savings(deposit, monthly_rate)
    balances: list[float] = []
    while balance < goal:
        balance += balance * monthly_rate
        balance += deposit
        balances.append(round(balance, 2))
    return balances


def months_to_goal(
    balance: float, deposit: float, goal: float, *, monthly_rate: float = 0.0
) -> int:
    """How many months of interest and deposits until the balance reaches the goal."""
    return len(savings_plan(balance, deposit, goal, monthly_rate=monthly_rate))


def repayment(debt: float, payment: float, *, monthly_rate: float) -> tuple[int, float]:
    """(months, total paid) to clear `debt` with a fixed monthly payment."""
    if monthly_rate < 0:
        raise ValueError(f"monthly_rate must not be negative, got {monthly_rate}")
    if debt > 0 and payment <= debt * monthly_rate:
        raise ValueError("the payment does not cover the monthly interest")
    months = 0
    paid = 0.0
    while debt > 0:
        debt += debt * monthly_rate
        amount = min(payment, debt)
        debt -= amount
        paid += amount
        months += 1
    return months, round(paid, 2)
