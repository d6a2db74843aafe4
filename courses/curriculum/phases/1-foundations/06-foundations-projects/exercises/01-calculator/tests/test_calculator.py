import pytest
from calculator import (
    CalculatorError,
    DivisionByZeroError,
    InvalidOperandError,
    UnknownOperatorError,
    calculate,
    evaluate,
    format_result,
    parse_number,
    run_session,
)


def test_parse_number_keeps_ints_and_floats():
    assert parse_number("3") == 3
    assert type(parse_number("3")) is int
    assert parse_number(" -2.5 ") == -2.5


def test_parse_number_rejects_words():
    with pytest.raises(InvalidOperandError, match="abc"):
        parse_number("abc")


@pytest.mark.parametrize(
    ("left", "op", "right", "expected"),
    [(3, "+", 4, 7), (3, "-", 4, -1), (3, "*", 4, 12), (10, "/", 4, 2.5), (10, "%", 4, 2)],
)
def test_calculate_operations(left, op, right, expected):
    assert calculate(left, op, right) == expected


def test_division_by_zero_has_its_own_error():
    with pytest.raises(DivisionByZeroError):
        calculate(1, "/", 0)


def test_unknown_operator_is_named():
    with pytest.raises(UnknownOperatorError, match=r"\^"):
        calculate(2, "^", 3)


def test_evaluate_text():
    assert evaluate("3 + 4") == 7
    assert evaluate(" 10 / 4 ") == 2.5


def test_errors_are_value_errors():
    assert issubclass(CalculatorError, ValueError)
    for error in (InvalidOperandError, UnknownOperatorError, DivisionByZeroError):
        assert issubclass(error, CalculatorError)


def test_format_result():
    assert format_result(7) == "7"
    assert format_result(2.5) == "2.5"
    assert format_result(4.0) == "4"


def test_run_session_reports_errors_and_stops_at_quit():
    outputs = run_session(["1 + 1", "", "5 / 0", "quit", "9 * 9"])
    assert outputs[0] == "2"
    assert outputs[1].startswith("error: ")
    assert len(outputs) == 2
