"""Small exercises in if/elif/else, loops and list comprehensions."""


def grade(score: int) -> str:
    """Return the letter grade for a score between 0 and 100."""
    if score < 0 or score > 100:
        raise ValueError(f"score must be between 0 and 100, got {score}")
    if score >= 90:
        return "A"
    elif score >= 80:
        return "B"
    elif score >= 70:
        return "C"
    elif score >= 60:
        return "D"
    else:
        return "F"


def fizzbuzz_word(n: int) -> str:
    """Return 'Fizz', 'Buzz', 'FizzBuzz' or the number itself as text."""
    if n % 15 == 0:
        return "FizzBuzz"
    if n % 3 == 0:
        return "Fizz"
    if n % 5 == 0:
        return "Buzz"
    return str(n)


def fizzbuzz(limit: int) -> list[str]:
    """Return the FizzBuzz words for 1..limit inclusive."""
    if limit < 0:
        raise ValueError(f"limit must not be negative, got {limit}")
    return [fizzbuzz_word(n) for n in range(1, limit + 1)]


def collatz_steps(n: int) -> int:
    """Count the Collatz steps needed to get from n down to 1."""
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


def even_squares(numbers: list[int]) -> list[int]:
    """Return the squares of the even numbers, keeping their order."""
    return [n * n for n in numbers if n % 2 == 0]
