from __future__ import annotations

import io
import zipfile

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import User
from courses.models import Exercise, ExerciseFile, Lesson, Track


def test_home_and_catalog_are_public_and_list_the_three_tracks(client: Client, db: None) -> None:
    assert client.get(reverse("courses:home")).status_code == 200
    response = client.get(reverse("courses:catalog"))
    assert response.status_code == 200
    for title in ("Backend", "Data science", "Automation"):
        assert title in response.content.decode()


def test_the_dashboard_needs_login(client: Client, db: None) -> None:
    response = client.get(reverse("courses:dashboard"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_the_dashboard_shows_four_phases_day_and_next_step(
    learner_client: Client,
    django_assert_max_num_queries,
) -> None:
    with django_assert_max_num_queries(14):
        response = learner_client.get(reverse("courses:dashboard"))
    html = response.content.decode()
    assert response.status_code == 200
    for number in (1, 2, 3, 4):
        assert f"Phase {number} ·" in html
    assert "Day 1 of 180" in html
    assert "On track" in html
    assert "Read:" in html


def test_a_learner_without_enrollment_is_invited_to_pick_a_track(db: None) -> None:
    from conftest import make_user

    client = Client()
    client.force_login(make_user("new@example.com"))
    response = client.get(reverse("courses:dashboard"))
    assert "Pick a track" in response.content.decode()


def test_enrolling_from_the_track_page_redirects_to_the_dashboard(
    db: None, backend_track: Track
) -> None:
    from conftest import make_user

    user = make_user("fresh@example.com")
    client = Client()
    client.force_login(user)
    response = client.post(reverse("courses:enroll", args=[backend_track.slug]))
    assert response.status_code == 302 and response["Location"] == reverse("courses:dashboard")
    assert user.enrollments.get().track == backend_track


def test_enroll_only_accepts_post(learner_client: Client, backend_track: Track) -> None:
    assert (
        learner_client.get(reverse("courses:enroll", args=[backend_track.slug])).status_code == 405
    )


def test_marking_a_lesson_done_and_undone(learner_client: Client, learner: User) -> None:
    lesson = Lesson.objects.live().filter(module__phase__number=1).first()
    assert lesson is not None
    url = reverse("courses:lesson-mark", args=[lesson.slug])
    learner_client.post(url, {"done": "1"})
    assert learner.lesson_completions.filter(lesson=lesson).exists()
    page = learner_client.get(reverse("courses:lesson", args=[lesson.slug])).content.decode()
    assert "Done ✓" in page
    learner_client.post(url, {"done": "0"})
    assert not learner.lesson_completions.filter(lesson=lesson).exists()


def test_another_tracks_lesson_and_exercise_are_not_found(
    learner_client: Client, data_track: Track
) -> None:
    lesson = Lesson.objects.live().filter(module__track=data_track).first()
    exercise = Exercise.objects.live().filter(module__track=data_track).first()
    assert lesson is not None and exercise is not None
    assert learner_client.get(reverse("courses:lesson", args=[lesson.slug])).status_code == 404
    assert (
        learner_client.post(reverse("courses:lesson-mark", args=[lesson.slug])).status_code == 404
    )
    assert learner_client.get(reverse("courses:exercise", args=[exercise.slug])).status_code == 404
    assert learner_client.get(reverse("courses:starter", args=[exercise.slug])).status_code == 404


@pytest.mark.parametrize("name", ["courses:lesson", "courses:exercise", "courses:starter"])
def test_unknown_slugs_are_not_found(learner_client: Client, name: str) -> None:
    assert learner_client.get(reverse(name, args=["no-such-thing"])).status_code == 404


def test_the_exercise_page_shows_visible_tests_but_never_hidden_tests_or_solution(
    learner_client: Client,
) -> None:
    exercise = Exercise.objects.get(slug="calculator")
    html = learner_client.get(reverse("courses:exercise", args=[exercise.slug])).content.decode()
    visible = exercise.files.filter(role=ExerciseFile.Role.VISIBLE_TEST).first()
    assert visible is not None and visible.path in html
    for secret in exercise.files.filter(role__in=["hidden_test", "solution"]):
        distinctive = max(secret.content.splitlines(), key=len).strip()
        assert distinctive not in html


def test_the_starter_zip_has_starter_files_and_visible_tests_only(learner_client: Client) -> None:
    exercise = Exercise.objects.get(slug="calculator")
    response = learner_client.get(reverse("courses:starter", args=[exercise.slug]))
    assert response["Content-Type"] == "application/zip"
    names = zipfile.ZipFile(io.BytesIO(response.content)).namelist()
    assert "calculator/README.md" in names
    assert any(n.startswith("calculator/tests/test_") for n in names)
    assert not any("hidden" in n for n in names)
    starter = exercise.files.get(role="starter")
    assert f"calculator/{starter.path}" in names


def test_phase_pages_list_modules_and_404_for_unknown_phase(learner_client: Client) -> None:
    assert learner_client.get(reverse("courses:phase", args=[1])).status_code == 200
    assert learner_client.get(reverse("courses:phase", args=[9])).status_code == 404


def test_the_phase_page_shows_the_learners_track_and_what_they_did(
    learner: User,
    learner_client: Client,
    backend_track: Track,
    data_track: Track,
    django_assert_max_num_queries,
) -> None:
    ours = Lesson.objects.live().filter(module__track=backend_track).order_by("order").first()
    theirs = Lesson.objects.live().filter(module__track=data_track).first()
    assert ours is not None and theirs is not None
    learner_client.post(reverse("courses:lesson-mark", args=[ours.slug]))
    with django_assert_max_num_queries(12):
        html = learner_client.get(reverse("courses:phase", args=[3])).content.decode()
    assert ours.title in html and theirs.title not in html
    done = f'<li class="done"><span class="check" aria-label="done">✓</span> <a href="{reverse("courses:lesson", args=[ours.slug])}"'
    assert done in html


def test_staff_can_open_every_admin_changelist(staff_client: Client) -> None:
    from django.contrib import admin

    for model in admin.site._registry:
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        assert staff_client.get(url).status_code == 200, url


def test_learners_cannot_open_the_admin(learner_client: Client) -> None:
    response = learner_client.get(reverse("admin:courses_enrollment_changelist"))
    assert response.status_code == 302


def test_staff_switch_an_active_learner_with_the_enrollment_admin_action(
    staff_client: Client, learner: User, data_track: Track
) -> None:
    from courses import selectors

    enrollment = selectors.enrollment_active(learner=learner)
    assert enrollment is not None
    response = staff_client.post(
        reverse("admin:courses_enrollment_changelist"),
        {"action": "switch_to_data", "_selected_action": [enrollment.pk]},
    )
    assert response.status_code == 302
    switched = selectors.enrollment_active(learner=learner)
    assert switched is not None and switched.track == data_track


@pytest.mark.parametrize(
    ("model", "column", "header"),
    [
        ("phase", "module_count", "Modules"),
        ("track", "active_learners", "Active learners"),
        ("exercise", "submission_count", "Submissions"),
    ],
)
def test_content_changelists_show_and_sort_by_their_counts(
    staff_client: Client, learner: User, model: str, column: str, header: str
) -> None:
    url = reverse(f"admin:courses_{model}_changelist")
    response = staff_client.get(url)
    assert header in response.content.decode()
    index = list(response.context["cl"].list_display).index(column)
    ordered = staff_client.get(f"{url}?o=-{index}")
    assert ordered.status_code == 200
    assert ordered.context["cl"].queryset.query.order_by[0] == "-counted"
