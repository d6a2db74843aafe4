"""Hidden checks: they record what the code does; the grader compares with the reference."""

import pytest
from calculator import calculate, evaluate, format_result, parse_number, run_session


def message_of(function, *args):
    """The text of the exception `function` raises ("" when it returns)."""
    try:
        function(*args)
    except Exception as error:  # noqa: BLE001 - the message is what we look at
        return str(error)
    return ""


@pytest.mark.parametrize("text", ["3 +", "3 + 4 + 5", "", "3+4", "7 // 2"])
def check_shapes_that_are_not_three_parts(observe, text):
    observe.raises(evaluate, text)
    observe("number operator number" in message_of(evaluate, text))
    outputs = observe.call(run_session, [text, "2 * 21"])
    observe(outputs[0].startswith("error: ") if outputs else None)


def check_remainder_and_division_by_zero(observe):
    for left, op, right in [(5, "%", 0), (5, "/", 0.0), (-7, "%", 3), (7, "%", -3), (0, "/", 5)]:
        observe.call(calculate, left, op, right)
    observe.call(evaluate, "5 / 0.0")
    for left, op, right in [(5, "%", 0), (1.5, "/", 0.0), (0, "/", 0)]:
        observe("zero" in message_of(calculate, left, op, right).lower())
    observe(["zero" in line.lower() for line in run_session(["8 / 0", "8 % 0.0", "8 - 0"])])


@pytest.mark.parametrize("bad", [True, False, "3", None, [1]])
def check_non_numbers_are_rejected_on_either_side(observe, bad):
    observe.raises(calculate, bad, "+", 1)
    observe.raises(calculate, 1, "*", bad)
    observe.raises(calculate, bad, "^", 1)
    observe.raises(calculate, 1, "/", bad)
    observe(repr(bad) in message_of(calculate, bad, "-", 2))
    observe(repr(bad) in message_of(calculate, 2, "%", bad))
    observe.call(calculate, 2, "*", 21)


@pytest.mark.parametrize("op", ["^", "//", "x", "", "**"])
def check_unknown_operators_are_named(observe, op):
    observe.raises(calculate, 2, op, 3)
    observe.raises(calculate, 2, op, 0)
    observe(op in message_of(calculate, 6, op, 3))
    observe.call(calculate, 6, "-", 3.5)


def check_result_types_and_formatting(observe):
    for expression in ["8 / 2", "9 - 12", "2.5 * 4", "7 % 2.5", "1e3 + 1"]:
        observe(evaluate(expression))
    for value in [0.1 + 0.2, -3.0, 1 / 3, 2.50, 10**12, 1e-11, 123456.0000000001]:
        observe(format_result(value))


def check_parse_number_edges(observe):
    for text in [" 42 ", "-0", "3.0", "  -2.5", "1e2", "0x10", "four", "", "1_000", "+7"]:
        observe.call(parse_number, text)
    for text in ["four", " 2,5 ", "0x10", "abc"]:
        observe(text.strip() in message_of(parse_number, text))


def check_sessions_mix_errors_and_stop_at_quit(observe):
    lines = ["  2 * x ", "2 ^ 2", "", "   ", "6 / 4", "  QUIT  ", "1 + 1"]
    outputs = observe(run_session(lines))
    observe(len(outputs))
    observe([line.startswith("error: ") for line in outputs])
    observe(["x" in outputs[0], "^" in outputs[1]])
    observe.call(run_session, ["quit", "1 + 1"])
    observe.call(run_session, ["9 * 9", "Quit"])
