from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

from accounts.models import User
from courses import content, services
from courses.models import Exercise, ExerciseFile, Lesson, LessonCompletion, Phase, Track


@pytest.fixture
def curriculum_copy(tmp_path: Path) -> Path:
    root = tmp_path / "curriculum"
    shutil.copytree(content.CURRICULUM_ROOT, root)
    return root


def test_a_second_sync_reports_no_changes(db: None) -> None:
    report = services.curriculum_sync()
    assert not report.changed
    assert report.changes == []


def test_sync_command_says_no_changes_on_the_second_run(
    db: None, capsys: pytest.CaptureFixture[str]
) -> None:
    call_command("sync_curriculum")
    assert "No changes." in capsys.readouterr().out


def test_sync_loads_every_phase_track_and_exercise_with_files(db: None) -> None:
    assert Phase.objects.live().count() == 4
    assert Track.objects.live().count() == 3
    calculator = Exercise.objects.get(slug="calculator")
    roles = set(calculator.files.values_list("role", flat=True))
    assert roles == {"starter", "solution", "visible_test", "hidden_test"}
    lesson = Lesson.objects.live().first()
    assert (
        lesson is not None
        and "<script" not in lesson.body_html
        and lesson.body_html.startswith("<")
    )


def test_changed_text_updates_only_that_lesson(db: None, curriculum_copy: Path) -> None:
    lesson_file = sorted(curriculum_copy.glob("phases/1-*/01-*/lessons/*.md"))[0]
    lesson_file.write_text(lesson_file.read_text() + "\n\nOne more paragraph.\n")
    report = services.curriculum_sync(root=curriculum_copy)
    assert len(report.changes) == 1
    assert report.changes[0].startswith("updated lesson ")


def test_removed_exercise_is_retired_not_deleted_and_keeps_learner_work(
    curriculum_copy: Path, learner: User
) -> None:
    from submissions.models import Submission

    exercise = Exercise.objects.get(slug="calculator")
    synced_at = exercise.updated_at
    Submission.objects.create(learner=learner, exercise=exercise, status="passed")
    shutil.rmtree(next(curriculum_copy.glob("phases/*/*/exercises/*-calculator")))

    report = services.curriculum_sync(root=curriculum_copy)

    assert "retired exercise calculator" in report.changes
    exercise.refresh_from_db()
    assert exercise.is_retired
    assert exercise.updated_at > synced_at  # what the API's plan cache is keyed on
    assert Submission.objects.filter(exercise=exercise).count() == 1
    assert not Exercise.objects.live().filter(slug="calculator").exists()


def test_a_retired_item_that_comes_back_is_live_again(db: None, curriculum_copy: Path) -> None:
    folder = next(curriculum_copy.glob("phases/*/*/exercises/*-calculator"))
    kept = curriculum_copy.parent / "kept"
    shutil.move(folder, kept)
    services.curriculum_sync(root=curriculum_copy)
    shutil.move(kept, folder)
    report = services.curriculum_sync(root=curriculum_copy)
    assert "updated exercise calculator" in report.changes
    assert Exercise.objects.live().filter(slug="calculator").exists()


def test_invalid_files_write_nothing(db: None, curriculum_copy: Path) -> None:
    lesson_file = sorted(curriculum_copy.glob("phases/2-*/*/lessons/*.md"))[0]
    lesson_file.write_text("no front matter")
    (next(curriculum_copy.glob("phases/1-*/01-*/lessons/*.md"))).write_text(
        "---\ntitle: Changed\n---\nBody\n"
    )
    before = list(Lesson.objects.values_list("slug", "content_hash"))
    with pytest.raises(content.ContentError):
        services.curriculum_sync(root=curriculum_copy)
    assert list(Lesson.objects.values_list("slug", "content_hash")) == before


def test_completions_survive_a_lesson_being_retired(curriculum_copy: Path, learner: User) -> None:
    lesson = Lesson.objects.filter(module__phase__number=1).first()
    assert lesson is not None
    LessonCompletion.objects.create(learner=learner, lesson=lesson)
    next(curriculum_copy.glob(f"phases/1-*/*/lessons/*-{lesson.slug}.md")).unlink()
    services.curriculum_sync(root=curriculum_copy)
    assert LessonCompletion.objects.filter(lesson=lesson).exists()
    assert ExerciseFile.objects.exists()
