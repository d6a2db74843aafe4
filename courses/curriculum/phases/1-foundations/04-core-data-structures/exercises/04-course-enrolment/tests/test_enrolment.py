import pytest
from enrolment import admit, clashes, course_sizes, shared_courses, students_by_course

SIGNUPS = [("ada", "python"), ("bo", "sql"), ("ada", "python"), ("bo", "python"), ("cy", "sql")]


def test_students_by_course_uses_sets():
    assert students_by_course(SIGNUPS) == {"python": {"ada", "bo"}, "sql": {"bo", "cy"}}


def test_course_sizes_count_different_students():
    assert course_sizes(SIGNUPS + [("di", "excel")]) == [("python", 2), ("sql", 2), ("excel", 1)]


def test_shared_courses():
    assert shared_courses(SIGNUPS, "ada", "bo") == {"python"}
    assert shared_courses(SIGNUPS, "ada", "zed") == set()


def test_admit_counts_first_requests_only():
    assert admit(["cy", "ada", "cy", "bo", "di"], 2) == (["cy", "ada"], ["bo", "di"])


def test_admit_rejects_negative_capacity():
    with pytest.raises(ValueError):
        admit(["ada"], -1)


def test_clashes_find_shared_slots():
    slots = {"sql": ("mon", 18), "python": ("mon", 18), "excel": ("tue", 18)}
    assert clashes(slots) == [("python", "sql")]
