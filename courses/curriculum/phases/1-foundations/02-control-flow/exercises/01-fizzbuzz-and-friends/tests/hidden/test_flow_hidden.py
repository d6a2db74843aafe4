import pytest
from flow import collatz_steps, even_squares, fizzbuzz, grade


def test_grade_boundaries():
    assert grade(100) == "A"
    assert grade(89) == "B"
    assert grade(59) == "F"
    assert grade(0) == "F"
    with pytest.raises(ValueError):
        grade(-1)


def test_fizzbuzz_zero_and_negative():
    assert fizzbuzz(0) == []
    with pytest.raises(ValueError):
        fizzbuzz(-3)


def test_collatz_edge_cases():
    assert collatz_steps(1) == 0
    assert collatz_steps(27) == 111
    with pytest.raises(ValueError):
        collatz_steps(0)


def test_even_squares_handles_empty_and_negative():
    assert even_squares([]) == []
    assert even_squares([-2, -3, 0]) == [4, 0]
