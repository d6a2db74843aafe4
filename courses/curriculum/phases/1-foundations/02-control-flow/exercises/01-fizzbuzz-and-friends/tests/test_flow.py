import pytest
from flow import collatz_steps, even_squares, fizzbuzz, fizzbuzz_word, grade


@pytest.mark.parametrize(
    ("score", "letter"), [(95, "A"), (90, "A"), (85, "B"), (72, "C"), (60, "D"), (12, "F")]
)
def test_grade_letters(score, letter):
    assert grade(score) == letter


def test_grade_rejects_scores_out_of_range():
    with pytest.raises(ValueError):
        grade(101)


@pytest.mark.parametrize(
    ("n", "word"), [(3, "Fizz"), (5, "Buzz"), (15, "FizzBuzz"), (7, "7"), (30, "FizzBuzz")]
)
def test_fizzbuzz_word(n, word):
    assert fizzbuzz_word(n) == word


def test_fizzbuzz_first_fifteen():
    assert fizzbuzz(15) == [
        "1", "2", "Fizz", "4", "Buzz", "Fizz", "7", "8",
        "Fizz", "Buzz", "11", "Fizz", "13", "14", "FizzBuzz",
    ]  # fmt: skip


def test_collatz_steps_for_six():
    assert collatz_steps(6) == 8


def test_even_squares_keeps_order():
    assert even_squares([1, 2, 3, 4, 6]) == [4, 16, 36]
