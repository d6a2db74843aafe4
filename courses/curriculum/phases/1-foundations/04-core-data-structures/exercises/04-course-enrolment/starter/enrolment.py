"""Questions about course sign-ups, each answered with the collection that fits it."""

Enrolment = tuple[str, str]  # (student, course)


def students_by_course(enrolments: list[Enrolment]) -> dict[str, set[str]]:
    """Course -> set of its students, courses in order of their first enrolment."""
    raise NotImplementedError


def course_sizes(enrolments: list[Enrolment]) -> list[tuple[str, int]]:
    """(course, number of different students), biggest first, ties alphabetically."""
    raise NotImplementedError


def shared_courses(enrolments: list[Enrolment], first: str, second: str) -> set[str]:
    """The courses both students take."""
    raise NotImplementedError


def admit(requests: list[str], capacity: int) -> tuple[list[str], list[str]]:
    """(admitted, waiting): the first `capacity` different students get a place.

    A negative capacity raises ValueError.
    """
    raise NotImplementedError


def clashes(slots: dict[str, tuple[str, int]]) -> list[tuple[str, str]]:
    """Every pair of courses that share a (day, hour), each pair sorted, the list sorted."""
    raise NotImplementedError
