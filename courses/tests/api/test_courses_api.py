from __future__ import annotations

import pytest

from courses.models import Enrollment, Exercise, ExerciseFile, Lesson, LessonCompletion
from tests.api.fixtures import AUTH_QUERIES, query_count, query_count_warm

pytestmark = pytest.mark.django_db


def test_the_catalog_is_public(api_anon):
    programme = api_anon.get("/api/v1/programme/").json()
    assert [p["number"] for p in programme["phases"]] == [1, 2, 3, 4]
    tracks = api_anon.get("/api/v1/tracks/").json()
    assert tracks["count"] == 3
    detail = api_anon.get("/api/v1/tracks/backend-web/").json()
    assert detail["capstone_title"]
    phase = api_anon.get("/api/v1/phases/3/").json()
    assert any(m["track"] for m in phase["modules"])


def test_lessons_list_shared_and_own_track_only(api_learner, backend_track, data_track):
    slugs = set()
    url = "/api/v1/lessons/?page_size=100"
    body = api_learner.get(url).json()
    slugs = {item["slug"] for item in body["results"]}
    assert Lesson.objects.filter(module__track=backend_track, slug__in=slugs).exists()
    assert not Lesson.objects.filter(module__track=data_track, slug__in=slugs).exists()


def test_lessons_filter_by_phase_and_completion(api_learner, learner):
    lesson = Lesson.objects.live().filter(module__phase__number=1).order_by("id").first()
    assert lesson is not None
    assert api_learner.put(f"/api/v1/lessons/{lesson.slug}/completion/").status_code == 200
    done = api_learner.get("/api/v1/lessons/?completed=true").json()
    assert [item["slug"] for item in done["results"]] == [lesson.slug]
    phase1 = api_learner.get("/api/v1/lessons/?phase=1&page_size=100").json()
    assert {item["module"]["phase"] for item in phase1["results"]} == {1}


def test_completing_a_lesson_is_idempotent_and_can_be_undone(api_learner, learner, track_lesson):
    url = f"/api/v1/lessons/{track_lesson.slug}/completion/"
    first = api_learner.put(url).json()
    assert api_learner.put(url).json()["completed_at"] == first["completed_at"]
    assert api_learner.get(f"/api/v1/lessons/{track_lesson.slug}/").json()["completed"] is True
    assert api_learner.delete(url).status_code == 204
    assert not LessonCompletion.objects.filter(learner=learner).exists()


def test_another_tracks_lesson_and_exercise_are_404(api_outsider, track_lesson, track_exercise):
    assert api_outsider.get(f"/api/v1/lessons/{track_lesson.slug}/").status_code == 404
    assert api_outsider.put(f"/api/v1/lessons/{track_lesson.slug}/completion/").status_code == 404
    missing = api_outsider.get(f"/api/v1/exercises/{track_exercise.slug}/")
    assert missing.status_code == 404
    assert missing["Content-Type"] == "application/problem+json"
    assert (missing.json()["code"], missing.json()["detail"]) == ("not_found", "Not found.")


def test_exercise_detail_never_contains_hidden_tests_or_solutions(api_learner):
    for exercise_slug in ("temperature-converter",):
        response = api_learner.get(f"/api/v1/exercises/{exercise_slug}/")
        assert response.status_code == 200
        body = response.json()
        text = response.content.decode()
        secret = ExerciseFile.objects.filter(
            exercise__slug=exercise_slug,
            role__in=(ExerciseFile.Role.HIDDEN_TEST, ExerciseFile.Role.SOLUTION),
        )
        assert secret.exists()
        for row in secret:
            assert row.content.strip() not in text
        assert body["starter_files"]
        assert body["visible_tests"]


def test_exercises_filter_by_kind_and_report_solved(api_learner):
    body = api_learner.get("/api/v1/exercises/?kind=project&page_size=100").json()
    assert body["results"]
    assert {item["kind"] for item in body["results"]} == {"project"}
    assert all(item["solved"] is False for item in body["results"])


def test_enroll_switch_and_current(api, backend_track, data_track):
    from conftest import make_user

    user = make_user("new@example.com")
    client = api(user)
    assert client.get("/api/v1/enrollments/current/").status_code == 404
    assert client.get("/api/v1/progress/").status_code == 404
    created = client.post("/api/v1/enrollments/", {"track": "backend-web"})
    assert created.status_code == 201, created.content
    again = client.post("/api/v1/enrollments/", {"track": "data-science-ai"})
    assert again.status_code == 409
    assert again.json()["code"] == "enrollment"
    switched = client.post("/api/v1/enrollments/switch/", {"track": "data-science-ai"})
    assert switched.status_code == 201
    assert switched.json()["started_on"] == created.json()["started_on"]
    assert client.get("/api/v1/enrollments/current/").json()["track"]["slug"] == "data-science-ai"
    listed = client.get("/api/v1/enrollments/").json()
    assert [e["status"] for e in listed["results"]] == ["active", "switched"]
    assert Enrollment.objects.filter(learner=user).count() == 2


def test_enroll_rejects_an_unknown_track(api_learner):
    response = api_learner.post("/api/v1/enrollments/", {"track": "astrology"})
    assert response.status_code == 400
    assert "track" in response.json()["errors"]


def test_progress_reports_day_and_next_step(api_learner):
    body = api_learner.get("/api/v1/progress/").json()
    assert body["day_number"] == 1
    assert body["next_step"]["kind"] in ("lesson", "exercise")
    assert [p["number"] for p in body["phases"]] == [1, 2, 3, 4]


@pytest.mark.parametrize(
    "path",
    ["/api/v1/lessons/", "/api/v1/exercises/", "/api/v1/phases/", "/api/v1/tracks/"],
)
def test_course_lists_cost_the_same_queries_at_any_page_size(api_learner, learner, path):
    for lesson in Lesson.objects.live()[:30]:
        LessonCompletion.objects.get_or_create(learner=learner, lesson=lesson)
    small = query_count(api_learner, f"{path}?page_size=3")
    large = query_count(api_learner, f"{path}?page_size=30")
    assert small == large
    assert large <= 6


@pytest.mark.parametrize("path", ["/api/v1/lessons/", "/api/v1/exercises/"])
def test_plan_lists_are_two_queries_after_authentication_once_cached(api_learner, path):
    # Cold: the track with the curriculum's state, the plan rows, the learner's ticks.
    cold = query_count(api_learner, f"{path}?page_size=3")  # clears the cache first
    assert cold == query_count_warm(api_learner, f"{path}?page_size=3") + 1
    # Warm: the track with the curriculum's state, and the learner's ticks.
    assert query_count_warm(api_learner, f"{path}?page_size=3&page=2") == 2 + AUTH_QUERIES
    assert query_count_warm(api_learner, f"{path}?page_size=50&phase=1") == 2 + AUTH_QUERIES


@pytest.mark.parametrize("path", ["/api/v1/lessons/", "/api/v1/exercises/"])
def test_plan_lists_count_and_page_as_before(api_learner, path):
    everything = api_learner.get(f"{path}?page_size=100").json()
    total = everything["count"]
    assert total == len(everything["results"]) > 7
    first = api_learner.get(f"{path}?page_size=5").json()
    assert first["count"] == total
    assert first["previous"] is None
    assert "page=2" in first["next"]
    last_number = -(-total // 5)
    last = api_learner.get(f"{path}?page_size=5&page={last_number}").json()
    assert last["next"] is None
    assert last == api_learner.get(f"{path}?page_size=5&page=last").json()
    walked = [item["slug"] for item in first["results"]]
    for number in range(2, last_number + 1):
        walked += [
            item["slug"]
            for item in api_learner.get(f"{path}?page_size=5&page={number}").json()["results"]
        ]
    assert walked == [item["slug"] for item in everything["results"]]
    for bad in (str(last_number + 1), "0", "x"):
        response = api_learner.get(f"{path}?page_size=5&page={bad}")
        assert response.status_code == 404
        assert response.json()["code"] == "not_found"


def test_plan_lists_never_read_bodies_or_statements(api_learner):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        api_learner.get("/api/v1/lessons/")
        api_learner.get("/api/v1/exercises/")
    sql = " ".join(query["sql"] for query in queries.captured_queries)
    for column in ("body_html", "body_markdown", "statement_html", "capstone_brief", '"suite"'):
        assert column not in sql


@pytest.mark.parametrize(
    ("path", "view"),
    [("/api/v1/lessons/", "LessonListView"), ("/api/v1/exercises/", "ExerciseListView")],
)
def test_plain_rows_are_what_the_documented_serializer_says(api_learner, learner, path, view):
    # The cached rows equal the documented serializer over the pages' own plan selectors.
    from courses import selectors
    from courses.api import views
    from submissions.models import Submission

    for lesson in Lesson.objects.live()[:3]:
        LessonCompletion.objects.get_or_create(learner=learner, lesson=lesson)
    for exercise in Exercise.objects.live().filter(module__track__isnull=True)[:2]:
        Submission.objects.create(learner=learner, exercise=exercise, status="passed")
    list_view = getattr(views, view)
    rows = api_learner.get(f"{path}?page_size=100").json()["results"]
    source = selectors.lesson_list if view == "LessonListView" else selectors.exercise_list
    assert rows == list_view.serializer_class(source(learner=learner), many=True).data
    assert any(row.get("completed") or row.get("solved") for row in rows)
    assert any(row["module"]["track"] for row in rows)


def test_an_empty_filtered_list_is_a_page_of_nothing(api_learner):
    body = api_learner.get("/api/v1/exercises/?difficulty=99").json()
    assert body == {"count": 0, "next": None, "previous": None, "results": []}


def test_enrollment_list_queries_are_constant(
    api, backend_track, data_track, django_assert_max_num_queries
):
    from conftest import make_user
    from courses import services

    user = make_user("hopper@example.com")
    services.enrollment_create(learner=user, track=backend_track)
    for index in range(6):
        services.enrollment_switch_track(
            learner=user, track=data_track if index % 2 == 0 else backend_track
        )
    client = api(user)
    small = query_count(client, "/api/v1/enrollments/?page_size=2")
    large = query_count(client, "/api/v1/enrollments/?page_size=7")
    assert small == large
    with django_assert_max_num_queries(5):
        client.get("/api/v1/enrollments/")
