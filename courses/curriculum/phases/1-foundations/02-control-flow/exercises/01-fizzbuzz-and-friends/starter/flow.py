"""Small exercises in if/elif/else, loops and list comprehensions."""


def grade(score: int) -> str:
    """Return the letter grade (A-F) for a score between 0 and 100.

    Raise ValueError for a score outside 0..100.
    """
    raise NotImplementedError


def fizzbuzz_word(n: int) -> str:
    """Return 'Fizz', 'Buzz', 'FizzBuzz' or the number itself as text."""
    raise NotImplementedError


def fizzbuzz(limit: int) -> list[str]:
    """Return the FizzBuzz words for 1..limit inclusive; negative limit -> ValueError."""
    raise NotImplementedError


def collatz_steps(n: int) -> int:
    """Count the Collatz steps needed to get from n down to 1; n < 1 -> ValueError."""
    raise NotImplementedError


def even_squares(numbers: list[int]) -> list[int]:
    """Return the squares of the even numbers, keeping their order."""
    raise NotImplementedError
