"""The plan lists' rows are cached per track and curriculum state: every change to what a
row shows reaches the next request, and a learner's own ticks are never cached."""

from __future__ import annotations

import pytest
from django.utils import timezone

from courses.models import Exercise, Lesson, Module
from submissions.models import Submission

pytestmark = pytest.mark.django_db


def slugs(client, path: str) -> list[str]:
    response = client.get(f"{path}?page_size=100")
    assert response.status_code == 200, response.content
    return [row["slug"] for row in response.json()["results"]]


def test_a_retired_exercise_leaves_the_cached_list_at_once(api_learner):
    before = slugs(api_learner, "/api/v1/exercises/")
    exercise = Exercise.objects.get(slug=before[0])
    # As sync retires a row (a queryset update that moves updated_at; test_sync holds it).
    now = timezone.now()
    Exercise.objects.filter(pk=exercise.pk).update(retired_at=now, updated_at=now)
    after = slugs(api_learner, "/api/v1/exercises/")
    assert after == before[1:]


def test_a_renamed_module_and_a_retitled_lesson_show_on_the_next_request(api_learner):
    first = api_learner.get("/api/v1/lessons/?page_size=1").json()["results"][0]
    lesson = Lesson.objects.select_related("module").get(slug=first["slug"])
    lesson.title = "A retitled lesson"
    lesson.save()
    module = lesson.module
    module.title = "A renamed module"
    module.save()
    row = api_learner.get("/api/v1/lessons/?page_size=1").json()["results"][0]
    assert row["title"] == "A retitled lesson"
    assert row["module"]["title"] == "A renamed module"


def test_a_deleted_row_changes_the_state_even_without_a_newer_timestamp(learner):
    from courses.selectors import _track_and_curriculum_state

    template = Module.objects.order_by("updated_at").first()
    assert template is not None
    module = Module.objects.create(
        slug="empty-module", title="Empty", phase=template.phase, order=99
    )
    Module.objects.filter(pk=module.pk).update(updated_at=template.updated_at)
    _, state = _track_and_curriculum_state(learner)
    module.delete()
    assert _track_and_curriculum_state(learner)[1] != state


def test_ticks_are_read_per_request_and_per_learner(api_learner, api_outsider, learner):
    exercise_slug = slugs(api_learner, "/api/v1/exercises/")[0]
    exercise = Exercise.objects.get(slug=exercise_slug)
    api_outsider.get("/api/v1/exercises/")  # the outsider warms their own track's rows
    Submission.objects.create(learner=learner, exercise=exercise, status="passed")
    solved = api_learner.get("/api/v1/exercises/?solved=true&page_size=100").json()
    assert [row["slug"] for row in solved["results"]] == [exercise_slug]
    shared = api_outsider.get("/api/v1/exercises/?page_size=100").json()["results"]
    assert not any(row["solved"] for row in shared)
    lesson_slug = slugs(api_learner, "/api/v1/lessons/")[0]
    api_learner.put(f"/api/v1/lessons/{lesson_slug}/completion/")
    done = api_learner.get("/api/v1/lessons/?completed=true").json()["results"]
    assert [row["slug"] for row in done] == [lesson_slug]
    api_learner.delete(f"/api/v1/lessons/{lesson_slug}/completion/")
    assert api_learner.get("/api/v1/lessons/?completed=true").json()["count"] == 0


def test_switching_track_lists_the_new_tracks_rows(api_learner, learner, data_track):
    from courses import services

    before = set(slugs(api_learner, "/api/v1/exercises/"))
    services.enrollment_switch_track(learner=learner, track=data_track)
    after = set(slugs(api_learner, "/api/v1/exercises/"))
    data_rows = set(
        Exercise.objects.live().filter(module__track=data_track).values_list("slug", flat=True)
    )
    assert data_rows and data_rows <= after
    assert not data_rows & before


@pytest.mark.parametrize(
    "query",
    ["phase=1.5", "phase=x", "difficulty=hard", "kind=essay", "solved=perhaps"],
)
def test_a_filter_that_does_not_parse_is_a_400_problem(api_learner, query):
    response = api_learner.get(f"/api/v1/exercises/?{query}")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")


def test_filters_combine_like_the_queryset_would(api_learner, learner):
    from courses import selectors

    everything = selectors.exercise_list(learner=learner)
    expected = [e.slug for e in everything if e.module.phase.number == 1 and e.kind == "exercise"]
    got = slugs(api_learner, "/api/v1/exercises/?phase=1&kind=exercise")
    assert got == expected and got
    module = everything[0].module.slug
    got = slugs(api_learner, f"/api/v1/exercises/?module={module}&difficulty=1")
    assert got == [e.slug for e in everything if e.module.slug == module and e.difficulty == 1]
