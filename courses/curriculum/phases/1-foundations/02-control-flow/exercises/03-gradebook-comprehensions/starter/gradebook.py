"""Answer a teacher's questions about test scores with comprehensions."""


def averages(scores: dict[str, list[int]]) -> dict[str, float]:
    """Each student's average, rounded to one decimal; students without scores left out."""
    raise NotImplementedError


def passing(averages: dict[str, float], pass_mark: float = 50.0) -> list[str]:
    """The names whose average is at least `pass_mark`, alphabetically."""
    raise NotImplementedError


def curve(scores: list[int], bonus: int, *, cap: int = 100) -> list[int]:
    """Add `bonus` to every score, keeping each between 0 and `cap`."""
    raise NotImplementedError


def initials(names: list[str]) -> set[str]:
    """The upper-cased first letters of the non-blank names."""
    raise NotImplementedError


def all_scores(scores: dict[str, list[int]]) -> list[int]:
    """Every score in one flat list, students in dict order."""
    raise NotImplementedError


def seat_labels(rows: int, seats: int) -> list[list[str]]:
    """Seat labels 'A1', 'A2', ... one list per row; rows above 26 raise ValueError."""
    raise NotImplementedError
