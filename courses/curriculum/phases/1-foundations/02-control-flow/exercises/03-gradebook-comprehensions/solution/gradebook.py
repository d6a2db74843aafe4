"""Answer a teacher's questions about test scores with comprehensions."""

import string


def averages(scores: dict[str, list[int]]) -> dict[str, float]:
    """Each student's average, rounded to one decimal; students without scores left out."""
    return {name: round(sum(marks) / len(marks), 1) for name, marks in scores.items() if marks}


def passing(averages: dict[str, float], pass_mark: float = 50.0) -> list[str]:
    """The names whose average is at least `pass_mark`, alphabetically."""
    return sorted(name for name, average in averages.items() if average >= pass_mark)


def curve(scores: list[int], bonus: int, *, cap: int = 100) -> list[int]:
    """Add `bonus` to every score, keeping each between 0 and `cap`."""
    return [min(max(score + bonus, 0), cap) for score in scores]


def initials(names: list[str]) -> set[str]:
    """The upper-cased first letters of the non-blank names."""
    return {name.strip()[0].upper() for name in names if name.strip()}


def all_scores(scores: dict[str, list[int]]) -> list[int]:
    """Every score in one flat list, students in dict order."""
    return [mark for marks in scores.values() for mark in marks]


def seat_labels(rows: int, seats: int) -> list[list[str]]:
    """Seat labels 'A1', 'A2', ... one list per row."""
    if not 0 <= rows <= len(string.ascii_uppercase) or seats < 0:
        raise ValueError(f"rows must be 0-26 and seats at least 0, got {rows} and {seats}")
    return [
        [f"{letter}{seat}" for seat in range(1, seats + 1)]
        for letter in string.ascii_uppercase[:rows]
    ]
