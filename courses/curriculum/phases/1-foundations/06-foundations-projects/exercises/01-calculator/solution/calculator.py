"""The engine of a small command-line calculator with precise, friendly errors."""

import operator
from collections.abc import Callable, Iterable

Number = int | float


class CalculatorError(ValueError):
    """Base class for every calculator problem."""


class InvalidOperandError(CalculatorError):
    """An operand is not a number."""


class UnknownOperatorError(CalculatorError):
    """The operator is not supported."""


class DivisionByZeroError(CalculatorError):
    """Division or remainder by zero."""


OPERATIONS: dict[str, Callable[[Number, Number], Number]] = {
    "+": operator.add,
    "-": operator.sub,
    "*": operator.mul,
    "/": operator.truediv,
    "%": operator.mod,
}


def parse_number(text: str) -> Number:
    """Return `text` as an int if it is whole, otherwise as a float."""
    cleaned = text.strip()
    try:
        return int(cleaned)
    except ValueError:
        pass
    try:
        return float(cleaned)
    except ValueError:
        raise InvalidOperandError(f"not a number: {cleaned!r}") from None


def _check_operand(value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InvalidOperandError(f"not a number: {value!r}")


def calculate(left: Number, operator_symbol: str, right: Number) -> Number:
    """Apply `operator_symbol` to the two numbers."""
    _check_operand(left)
    _check_operand(right)
    operation = OPERATIONS.get(operator_symbol)
    if operation is None:
        supported = " ".join(OPERATIONS)
        raise UnknownOperatorError(f"unknown operator {operator_symbol!r} (use one of {supported})")
    if operator_symbol in ("/", "%") and right == 0:
        raise DivisionByZeroError("division by zero is not allowed")
    return operation(left, right)


def evaluate(expression: str) -> Number:
    """Evaluate 'number operator number' (parts separated by whitespace)."""
    parts = expression.split()
    if len(parts) != 3:
        raise CalculatorError(f"expected 'number operator number', got {expression.strip()!r}")
    left_text, operator_symbol, right_text = parts
    return calculate(parse_number(left_text), operator_symbol, parse_number(right_text))


def format_result(value: Number) -> str:
    """Round to 10 decimal places and drop a trailing '.0'."""
    if isinstance(value, int):
        return str(value)
    rounded = round(value, 10)
    if rounded.is_integer():
        return str(int(rounded))
    return str(rounded)


def run_session(lines: Iterable[str]) -> list[str]:
    """Evaluate each line until 'quit', turning errors into 'error: ...' outputs."""
    outputs: list[str] = []
    for line in lines:
        command = line.strip()
        if not command:
            continue
        if command.lower() == "quit":
            break
        try:
            outputs.append(format_result(evaluate(command)))
        except CalculatorError as error:
            outputs.append(f"error: {error}")
    return outputs


def main() -> None:  # pragma: no cover - interactive
    """Read expressions from the keyboard until 'quit' or end of input."""
    print("Type an expression like '3 * 4', or 'quit'.")
    while True:
        try:
            line = input("> ")
        except EOFError:
            break
        if line.strip().lower() == "quit":
            break
        for output in run_session([line]):
            print(output)


if __name__ == "__main__":
    main()
