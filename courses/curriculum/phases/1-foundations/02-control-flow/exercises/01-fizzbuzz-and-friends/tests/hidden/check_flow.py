"""Hidden checks: they record what the code does; the grader compares with the reference."""

import pytest
from flow import collatz_steps, even_squares, fizzbuzz, fizzbuzz_word, grade


def check_grade_band_edges(observe):
    for score in [100, 99, 90, 89, 80, 79, 70, 69, 60, 59, 1, 0, 45, 73]:
        observe.call(grade, score)


@pytest.mark.parametrize("score", [-1, 101, -50, 1000])
def check_grade_rejects_scores_out_of_range(observe, score):
    observe.raises(grade, score)
    observe(grade(abs(score) % 100))


def check_fizzbuzz_words(observe):
    for n in [1, 2, 3, 5, 6, 9, 10, 14, 15, 25, 30, 33, 45, 98, 0, -3, -5, -15, -7]:
        observe(fizzbuzz_word(n))


def check_fizzbuzz_lists(observe):
    observe(fizzbuzz(0))
    observe(fizzbuzz(1))
    observe(fizzbuzz(16))
    observe(len(fizzbuzz(100)))
    observe(fizzbuzz(31)[-3:])
    observe.raises(fizzbuzz, -1)
    observe.raises(fizzbuzz, -20)


def check_collatz_counts(observe):
    for n in [1, 2, 3, 6, 7, 27, 97, 2**10, 2**55 + 1]:
        observe(collatz_steps(n))
    observe.raises(collatz_steps, 0)
    observe.raises(collatz_steps, -6)


def check_even_squares_filter(observe):
    observe(even_squares([]))
    observe(even_squares([1, 3, 5]))
    observe(even_squares([7, -4, 0, 3, 10, -1, 2]))
    observe(even_squares([6, 6, 1, 8]))
