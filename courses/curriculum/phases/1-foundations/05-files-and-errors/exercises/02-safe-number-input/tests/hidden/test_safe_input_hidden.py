import pytest
from safe_input import ask_int, average_of, parse_int


def test_decimal_and_empty_text_are_not_whole_numbers():
    with pytest.raises(ValueError, match="not a whole number: '3.5'"):
        parse_int("3.5")
    with pytest.raises(ValueError, match="not a whole number"):
        parse_int("   ")


def test_limits_are_inclusive():
    assert parse_int("1", minimum=1, maximum=1) == 1


def test_average_of_with_nothing_valid():
    with pytest.raises(ValueError, match="no valid numbers"):
        average_of(["a", "", "2.5"])


def test_ask_int_gives_up_after_attempts(capsys):
    replies = iter(["x", "y"])
    with pytest.raises(ValueError, match="no valid answer after 2 attempts"):
        ask_int("? ", attempts=2, input_func=lambda prompt: next(replies))
    assert capsys.readouterr().out.count("Try again") == 2


def test_ask_int_uses_limits_and_prompt():
    prompts = []
    replies = iter(["0", "5"])

    def fake_input(prompt):
        prompts.append(prompt)
        return next(replies)

    assert ask_int("Pick 1-9: ", minimum=1, maximum=9, input_func=fake_input) == 5
    assert prompts == ["Pick 1-9: ", "Pick 1-9: "]


def test_ask_int_rejects_zero_attempts():
    def never(prompt):
        raise AssertionError("should not ask")

    with pytest.raises(ValueError):
        ask_int("? ", attempts=0, input_func=never)
