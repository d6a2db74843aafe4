"""Questions about course sign-ups, each answered with the collection that fits it."""

Enrolment = tuple[str, str]  # (student, course)


def students_by_course(enrolments: list[Enrolment]) -> dict[str, set[str]]:
    """Course -> set of its students, courses in order of their first enrolment."""
    grouped: dict[str, set[str]] = {}
    for student, course in enrolments:
        grouped.setdefault(course, set()).add(student)
    return grouped


def course_sizes(enrolments: list[Enrolment]) -> list[tuple[str, int]]:
    """(course, number of different students), biggest first, ties alphabetically."""
    sizes = [(course, len(students)) for course, students in students_by_course(enrolments).items()]
    return sorted(sizes, key=lambda pair: (-pair[1], pair[0]))


def shared_courses(enrolments: list[Enrolment], first: str, second: str) -> set[str]:
    """The courses both students take."""
    courses_of_first = {course for student, course in enrolments if student == first}
    courses_of_second = {course for student, course in enrolments if student == second}
    return courses_of_first & courses_of_second


def admit(requests: list[str], capacity: int) -> tuple[list[str], list[str]]:
    """(admitted, waiting): the first `capacity` different students get a place."""
    if capacity < 0:
        raise ValueError(f"capacity must not be negative, got {capacity}")
    seen: set[str] = set()
    in_order: list[str] = []
    for student in requests:
        if student not in seen:
            seen.add(student)
            in_order.append(student)
    return in_order[:capacity], in_order[capacity:]


def clashes(slots: dict[str, tuple[str, int]]) -> list[tuple[str, str]]:
    """Every pair of courses that share a (day, hour), each pair sorted, the list sorted."""
    by_slot: dict[tuple[str, int], list[str]] = {}
    for course, slot in slots.items():
        by_slot.setdefault(slot, []).append(course)
    pairs = []
    for courses in by_slot.values():
        ordered = sorted(courses)
        for i, first in enumerate(ordered):
            for second in ordered[i + 1 :]:
                pairs.append((first, second))
    return sorted(pairs)
