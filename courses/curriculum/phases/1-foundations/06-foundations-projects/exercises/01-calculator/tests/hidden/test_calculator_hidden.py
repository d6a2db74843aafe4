import pytest
from calculator import (
    CalculatorError,
    DivisionByZeroError,
    InvalidOperandError,
    calculate,
    evaluate,
    format_result,
    run_session,
)


@pytest.mark.parametrize("text", ["3 +", "3 + 4 + 5", "", "3+4"])
def test_wrong_shape_raises_calculator_error(text):
    with pytest.raises(CalculatorError, match="number operator number"):
        evaluate(text)


def test_remainder_by_zero_and_float_zero():
    with pytest.raises(DivisionByZeroError):
        calculate(5, "%", 0)
    with pytest.raises(DivisionByZeroError):
        evaluate("5 / 0.0")


@pytest.mark.parametrize("bad", [True, "3", None])
def test_calculate_rejects_non_numbers(bad):
    with pytest.raises(InvalidOperandError):
        calculate(bad, "+", 1)
    with pytest.raises(InvalidOperandError):
        calculate(1, "+", bad)


def test_true_division_returns_float_and_results_are_tidy():
    assert evaluate("8 / 2") == 4.0
    assert isinstance(evaluate("8 / 2"), float)
    assert format_result(0.1 + 0.2) == "0.3"
    assert format_result(-3.0) == "-3"


def test_session_messages_and_quit_variants():
    outputs = run_session(["  2 * x ", "2 ^ 2", "  QUIT  ", "1 + 1"])
    assert len(outputs) == 2
    assert outputs[0].startswith("error: ") and "x" in outputs[0]
    assert outputs[1].startswith("error: ") and "^" in outputs[1]
