"""The curriculum files: complete, valid, and every exercise gradable."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from courses import content

PROGRAM = content.load_program()


def test_the_programme_has_four_phases_covering_180_days() -> None:
    spans = [(p.number, p.first_day, p.last_day) for p in PROGRAM.phases]
    assert spans == [(1, 1, 30), (2, 31, 60), (3, 61, 90), (4, 91, 180)]


def test_the_three_phase_three_tracks_each_have_a_capstone_and_rubric() -> None:
    assert sorted(t.letter for t in PROGRAM.tracks) == ["A", "B", "C"]
    for track in PROGRAM.tracks:
        assert track.capstone_brief.strip()
        assert track.capstone_examples
        assert len(track.rubric) >= 4
        assert 14 <= track.capstone_days <= 21


def test_there_are_nine_skill_areas() -> None:
    assert len(PROGRAM.skills) == 9


def test_phase_three_modules_belong_to_a_track_and_every_track_has_content() -> None:
    phase3 = next(p for p in PROGRAM.phases if p.number == 3)
    assert all(m.track for m in phase3.modules)
    assert {m.track for m in phase3.modules} == {t.slug for t in PROGRAM.tracks}


def _exercises(phase_number: int, track: str | None = None) -> list[content.ExerciseSpec]:
    return [
        e
        for p in PROGRAM.phases
        if p.number == phase_number
        for m in p.modules
        if track is None or m.track == track
        for e in m.exercises
    ]


def test_the_programme_has_enough_graded_practice_for_180_days() -> None:
    assert len(_exercises(1)) >= 20
    assert len(_exercises(2)) >= 22
    assert len(_exercises(4)) >= 16
    for track in PROGRAM.tracks:
        assert len(_exercises(3, track.slug)) >= 12, track.slug
    assert sum(1 for _ in PROGRAM.exercises()) >= 90
    slugs = {e.slug for _, e in PROGRAM.exercises()}
    for project in ("calculator", "password-generator", "file-organizer", "csv-cleaner"):
        assert project in slugs
    for project in ("expense-tracker", "log-parser", "inventory"):
        assert project in slugs


def test_learners_write_tests_in_every_phase_from_phase_two_and_in_every_track() -> None:
    assert any(e.kind == "tests" for e in _exercises(2))
    assert any(e.kind == "tests" for e in _exercises(4))
    for track in PROGRAM.tracks:
        assert any(e.kind == "tests" for e in _exercises(3, track.slug)), track.slug


def test_every_skill_area_has_graded_practice() -> None:
    practised = {skill for _, e in PROGRAM.exercises() for skill in e.skills}
    assert practised == {s.slug for s in PROGRAM.skills}


def test_lessons_are_real_lessons() -> None:
    for phase in PROGRAM.phases:
        minimum = 600 if phase.number >= 3 else 500
        for module in phase.modules:
            for lesson in module.lessons:
                words = len(lesson.body.split())
                assert words >= minimum, (lesson.slug, words)
                assert "try it" in lesson.body.lower(), lesson.slug
                assert "```" in lesson.body, lesson.slug


def test_every_exercise_names_its_runtime_time_and_difficulty() -> None:
    for module, exercise in PROGRAM.exercises():
        assert exercise.runtime in content.RUNTIMES
        assert 1 <= exercise.difficulty <= 5
        assert 5 <= exercise.minutes <= 240, exercise.slug
        if module.track == "data-science-ai":
            assert exercise.runtime in ("data", "core"), exercise.slug


def test_every_phase_has_lessons_with_real_text() -> None:
    for phase in PROGRAM.phases:
        lessons = [lesson for m in phase.modules for lesson in m.lessons]
        assert len(lessons) >= 4, phase.slug
        for lesson in lessons:
            assert len(lesson.body.split()) >= 150, lesson.slug


def test_every_exercise_has_starter_solution_and_enough_tests() -> None:
    for _, exercise in PROGRAM.exercises():
        roles = {f.role for f in exercise.files}
        if exercise.kind == "tests":
            # The learner writes the tests: the code under test and its mutants instead.
            assert roles == {"starter", "solution", "subject", "mutant"}, exercise.slug
        else:
            expected = {"starter", "solution", "visible_test", "hidden_test"}
            assert roles == expected, exercise.slug


def _copy_curriculum(tmp_path: Path) -> Path:
    root = tmp_path / "curriculum"
    shutil.copytree(content.CURRICULUM_ROOT, root)
    return root


def test_an_exercise_with_too_few_hidden_tests_is_rejected(tmp_path: Path) -> None:
    root = _copy_curriculum(tmp_path)
    hidden = next(root.glob("phases/*/*/exercises/*-calculator/tests/hidden"))
    shutil.rmtree(hidden)
    with pytest.raises(content.ContentError, match="0 hidden checks"):
        content.load_program(root)


def test_an_unknown_skill_is_rejected(tmp_path: Path) -> None:
    root = _copy_curriculum(tmp_path)
    lesson = sorted(root.glob("phases/1-*/*/lessons/*.md"))[0]
    text = lesson.read_text()
    lesson.write_text(text.replace("skills: [", "skills: [no-such-skill, ", 1))
    with pytest.raises(content.ContentError, match="unknown skills"):
        content.load_program(root)


def test_a_lesson_without_front_matter_is_rejected(tmp_path: Path) -> None:
    root = _copy_curriculum(tmp_path)
    lesson = sorted(root.glob("phases/1-*/*/lessons/*.md"))[0]
    lesson.write_text("Just text, no front matter.")
    with pytest.raises(content.ContentError, match="front matter"):
        content.load_program(root)
