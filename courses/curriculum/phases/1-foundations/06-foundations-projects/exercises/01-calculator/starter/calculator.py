"""The engine of a small command-line calculator with precise, friendly errors."""

from collections.abc import Iterable

Number = int | float


class CalculatorError(ValueError):
    """Base class for every calculator problem."""


class InvalidOperandError(CalculatorError):
    """An operand is not a number."""


class UnknownOperatorError(CalculatorError):
    """The operator is not supported."""


class DivisionByZeroError(CalculatorError):
    """Division or remainder by zero."""


def parse_number(text: str) -> Number:
    """Return `text` as an int if it is whole, otherwise as a float.

    Raise InvalidOperandError for anything that is not a number.
    """
    raise NotImplementedError


def calculate(left: Number, operator_symbol: str, right: Number) -> Number:
    """Apply one of + - * / % to the two numbers.

    Raise UnknownOperatorError, DivisionByZeroError or InvalidOperandError as described
    in the README.
    """
    raise NotImplementedError


def evaluate(expression: str) -> Number:
    """Evaluate 'number operator number' (parts separated by whitespace)."""
    raise NotImplementedError


def format_result(value: Number) -> str:
    """Round to 10 decimal places and drop a trailing '.0'."""
    raise NotImplementedError


def run_session(lines: Iterable[str]) -> list[str]:
    """Evaluate each line until 'quit', turning errors into 'error: ...' outputs."""
    raise NotImplementedError
