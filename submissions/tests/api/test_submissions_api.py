from __future__ import annotations

import pytest
from django.test import override_settings
from rest_framework.settings import api_settings

from conftest import make_user
from submissions.models import Submission
from submissions.tests.factories import exercise, solution
from tests.api.fixtures import query_count

pytestmark = pytest.mark.django_db


def payload(slug: str = "temperature-converter") -> dict[str, object]:
    return {
        "exercise": slug,
        "files": [{"path": f.path, "content": f.content} for f in solution(slug)],
    }


def test_create_queues_a_submission_and_points_at_it(api_learner, learner):
    response = api_learner.post("/api/v1/submissions/", payload())
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "queued"
    assert body["is_final"] is False
    assert response["Location"] == f"/api/v1/submissions/{body['id']}/"
    submission = Submission.objects.get(pk=body["id"])
    assert submission.learner == learner
    assert submission.source == Submission.Source.API


def test_a_retried_post_with_the_same_idempotency_key_creates_one_submission(api_learner):
    first = api_learner.post("/api/v1/submissions/", payload(), HTTP_IDEMPOTENCY_KEY="retry-0001")
    second = api_learner.post("/api/v1/submissions/", payload(), HTTP_IDEMPOTENCY_KEY="retry-0001")
    assert (first.status_code, second.status_code) == (201, 200)
    assert first.json()["id"] == second.json()["id"]
    assert Submission.objects.count() == 1


def test_idempotency_keys_are_per_learner(api_learner, api_outsider):
    api_learner.post("/api/v1/submissions/", payload(), HTTP_IDEMPOTENCY_KEY="shared-key-1")
    other = api_outsider.post(
        "/api/v1/submissions/", payload(), HTTP_IDEMPOTENCY_KEY="shared-key-1"
    )
    assert other.status_code == 201
    assert Submission.objects.count() == 2


def test_a_key_reused_with_a_different_body_is_a_422(api_learner):
    api_learner.post("/api/v1/submissions/", payload(), HTTP_IDEMPOTENCY_KEY="retry-0002")
    other = {
        "exercise": "temperature-converter",
        "files": [{"path": f.path, "content": f.content + "\n# changed\n"} for f in solution()],
    }
    response = api_learner.post("/api/v1/submissions/", other, HTTP_IDEMPOTENCY_KEY="retry-0002")
    assert response.status_code == 422
    assert response.json()["code"] == "idempotency_key_reused"
    assert Submission.objects.count() == 1


def test_a_malformed_idempotency_key_is_a_400(api_learner):
    response = api_learner.post("/api/v1/submissions/", payload(), HTTP_IDEMPOTENCY_KEY="x")
    assert response.status_code == 400
    assert "Idempotency-Key" in response.json()["errors"]


def test_unsafe_file_names_are_field_errors(api_learner):
    response = api_learner.post(
        "/api/v1/submissions/",
        {"exercise": "temperature-converter", "files": [{"path": "../x.py", "content": "1"}]},
    )
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["errors"] == {"../x.py": ["path traversal"]}


def test_missing_files_are_validation_errors(api_learner):
    response = api_learner.post("/api/v1/submissions/", {"exercise": "temperature-converter"})
    assert response.status_code == 400
    assert "files" in response.json()["errors"]


def test_another_tracks_exercise_cannot_be_submitted(api_outsider, track_exercise):
    response = api_outsider.post(
        "/api/v1/submissions/",
        {"exercise": track_exercise.slug, "files": [{"path": "a.py", "content": "x = 1\n"}]},
    )
    assert response.status_code == 400
    assert "exercise" in response.json()["errors"]


def test_the_services_pending_limit_answers_429(api_learner):
    for _ in range(3):
        assert api_learner.post("/api/v1/submissions/", payload()).status_code == 201
    response = api_learner.post("/api/v1/submissions/", payload())
    assert response.status_code == 429
    assert response["Retry-After"]
    assert response.json()["code"] == "rate_limited"


def test_submissions_per_minute_are_throttled(api_learner, settings):
    rates = {**api_settings.DEFAULT_THROTTLE_RATES, "submissions": "1/min"}
    with override_settings(
        REST_FRAMEWORK={**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": rates}
    ):
        assert api_learner.post("/api/v1/submissions/", payload()).status_code == 201
        response = api_learner.post("/api/v1/submissions/", payload())
        assert response.status_code == 429
        assert response.json()["code"] == "throttled"
        assert int(response["Retry-After"]) > 0
        assert api_learner.get("/api/v1/submissions/").status_code == 200  # reads unaffected


def test_detail_shows_visible_tests_in_full_and_hidden_checks_by_name_only(
    api_learner, learner_submission
):
    response = api_learner.get(f"/api/v1/submissions/{learner_submission.pk}/")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "passed"
    assert [t["name"] for t in body["report"]["tests"]] == ["test_convert"]
    assert body["report"]["tests"][0]["output"] == "converting"
    assert body["report"]["hidden_checks"] == [{"name": "check_edges", "passed": True}]
    assert body["files"]


def test_polling_with_the_etag_answers_304_until_something_changes(
    api_learner, learner_submission, django_assert_max_num_queries
):
    url = f"/api/v1/submissions/{learner_submission.pk}/"
    etag = api_learner.get(url)["ETag"]
    with django_assert_max_num_queries(3):
        unchanged = api_learner.get(url, HTTP_IF_NONE_MATCH=etag)
    assert unchanged.status_code == 304
    assert unchanged.content == b""
    Submission.objects.filter(pk=learner_submission.pk).update(quality={"ruff": {"ok": True}})
    changed = api_learner.get(url, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag


def test_another_learners_submission_is_404(api_outsider, learner_submission):
    response = api_outsider.get(f"/api/v1/submissions/{learner_submission.pk}/")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_list_is_mine_only_and_filters(api_learner, api_outsider, learner, learner_submission):
    Submission.objects.create(learner=learner, exercise=exercise(), status=Submission.Status.FAILED)
    mine = api_learner.get("/api/v1/submissions/").json()["results"]
    assert len(mine) == 2
    assert api_outsider.get("/api/v1/submissions/").json()["results"] == []
    passed = api_learner.get("/api/v1/submissions/?status=passed").json()["results"]
    assert [s["id"] for s in passed] == [learner_submission.pk]
    by_exercise = api_learner.get("/api/v1/submissions/?exercise=temperature-converter")
    assert len(by_exercise.json()["results"]) == 2
    bad = api_learner.get("/api/v1/submissions/?status=nonsense")
    assert bad.status_code == 400


def test_list_cursor_pagination_walks_every_submission(api_learner, learner):
    Submission.objects.bulk_create(
        Submission(learner=learner, exercise=exercise(), status=Submission.Status.FAILED)
        for _ in range(5)
    )
    seen: list[int] = []
    url: str | None = "/api/v1/submissions/?page_size=2"
    while url:
        body = api_learner.get(url).json()
        seen += [s["id"] for s in body["results"]]
        url = body["next"]
    assert len(seen) == len(set(seen)) == 5


def test_list_queries_are_constant_in_page_size(api_learner, learner):
    other = make_user("other-learner@example.com")
    Submission.objects.bulk_create(
        Submission(learner=user, exercise=exercise(), status=Submission.Status.PASSED)
        for user in (learner, other)
        for _ in range(30)
    )
    small = query_count(api_learner, "/api/v1/submissions/?page_size=3")
    large = query_count(api_learner, "/api/v1/submissions/?page_size=30")
    assert small == large <= 3  # the session, the user, the page


def _sql_of(client, url: str) -> list[str]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in queries.captured_queries]


def test_the_list_never_reads_reports_or_exercise_statements(api_learner, learner_submission):
    (page,) = [sql for sql in _sql_of(api_learner, "/api/v1/submissions/") if "submission" in sql]
    for column in ('"report"', '"quality"', '"grader_notes"', "statement_html", "statement_m"):
        assert column not in page


def test_a_detail_costs_two_queries_after_authentication_and_no_statement(
    api_learner, learner_submission, django_assert_max_num_queries
):
    url = f"/api/v1/submissions/{learner_submission.pk}/"
    api_learner.get(url)  # the exercise's visible tests are parsed once per process
    with django_assert_max_num_queries(4):  # session, user, the submission, its files
        response = api_learner.get(url)
    assert response.status_code == 200
    assert response.json()["report"]["tests"][0]["name"] == "test_convert"
    sql = _sql_of(api_learner, url)
    assert not any("courses_exercisefile" in query for query in sql)
    assert not any("statement_html" in query or "grader_notes" in query for query in sql)


def test_visible_test_sources_are_read_again_when_the_exercise_changes(learner_submission):
    from submissions import selectors

    submission = selectors.submission_get_for_api(
        learner=learner_submission.learner, submission_id=learner_submission.pk
    )
    before = selectors.submission_test_sources(submission=submission)
    assert any("test_convert" in nodeid for nodeid in before)
    exercise = submission.exercise
    file = exercise.files.filter(role="visible_test").order_by("path").first()
    assert file is not None
    file.content += "\n\ndef test_added_later():\n    assert True\n"
    file.save()
    assert selectors.submission_test_sources(submission=submission) == before  # same content hash
    exercise.content_hash = "changed-by-a-sync"
    after = selectors.submission_test_sources(submission=submission)
    assert any(nodeid.endswith("::test_added_later") for nodeid in after)


def test_list_rows_are_what_the_documented_serializer_says(
    api_learner, learner, learner_submission
):
    from django.utils import timezone

    from submissions import selectors
    from submissions.api.views import SubmissionSerializer

    Submission.objects.filter(pk=learner_submission.pk).update(
        finished_at=timezone.now(), duration_ms=412
    )
    Submission.objects.create(learner=learner, exercise=exercise(), status=Submission.Status.QUEUED)
    rows = api_learner.get("/api/v1/submissions/").json()["results"]
    expected = [
        SubmissionSerializer(s).data for s in selectors.learner_submissions(learner=learner)
    ]
    assert rows == expected
    assert {row["is_final"] for row in rows} == {True, False}


def test_a_detail_is_what_the_documented_serializer_says(api_learner, learner, learner_submission):
    from submissions import selectors
    from submissions.api.views import SubmissionDetailSerializer

    Submission.objects.filter(pk=learner_submission.pk).update(quality={"ruff": {"ok": True}})
    body = api_learner.get(f"/api/v1/submissions/{learner_submission.pk}/").json()
    submission = selectors.submission_for_learner(
        learner=learner, submission_id=learner_submission.pk
    )
    assert body == SubmissionDetailSerializer(submission).data
    assert body["files"] and body["quality"] and body["report"]["hidden_checks"]
