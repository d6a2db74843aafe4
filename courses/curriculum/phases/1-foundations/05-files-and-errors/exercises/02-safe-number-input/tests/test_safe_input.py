import pytest
from safe_input import ask_int, average_of, parse_int, parse_int_or_default


def answers(*replies):
    """Return a fake input() that gives the replies in order."""
    queue = list(replies)
    return lambda prompt: queue.pop(0)


def test_parse_int_ignores_whitespace():
    assert parse_int(" 42 ") == 42
    assert parse_int("-3") == -3


def test_parse_int_explains_bad_text():
    with pytest.raises(ValueError, match="not a whole number: 'abc'"):
        parse_int("abc")


def test_parse_int_checks_limits():
    with pytest.raises(ValueError, match="must be at least 1"):
        parse_int("0", minimum=1)
    with pytest.raises(ValueError, match="must be at most 10"):
        parse_int("11", maximum=10)


def test_parse_int_or_default():
    assert parse_int_or_default("7", 0) == 7
    assert parse_int_or_default("seven", 0) == 0


def test_average_of_skips_invalid_entries():
    assert average_of(["4", "x", "8"]) == 6.0


def test_ask_int_retries_and_reports(capsys):
    result = ask_int("Age? ", input_func=answers("ten", "10"))
    assert result == 10
    assert "Try again: not a whole number: 'ten'" in capsys.readouterr().out
