"""The feedback-request endpoints: create and list, detail, messages, line comments, resolve;
problem details for refusals, 404 for anyone the request is not for, bounded queries."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from rest_framework.test import APIClient

from accounts.models import User
from courses.models import Track
from mentors.models import FeedbackRequest
from mentors.tests.factories import ask_for_feedback, failing_submission, make_mentor
from notifications.models import Kind, Notification
from submissions.models import Submission
from tests.api.fixtures import query_count

pytestmark = pytest.mark.django_db

MakeClient = Callable[[User | None], APIClient]


def ask(client: APIClient, submission: Submission, body: str = "?") -> Any:
    """POST /api/v1/feedback/ about `submission`."""
    payload = {"submission_id": submission.pk, "body": body}
    return client.post("/api/v1/feedback/", payload, format="json")


def test_a_learner_asks_through_the_api_and_lists_their_requests(
    mentee: User, mentor: User, api_learner: APIClient
) -> None:
    submission = failing_submission(mentee)
    created = ask(api_learner, submission, "Kelvin?")
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["status"] == "open"
    assert body["mentor"] == {"id": mentor.pk, "name": "Grace"}
    assert body["submission"]["id"] == submission.pk
    assert body["submission"]["status"] == "failed"
    assert Notification.objects.filter(recipient=mentor, kind=Kind.FEEDBACK_REQUESTED).count() == 1
    listed = api_learner.get("/api/v1/feedback/").json()
    assert [row["id"] for row in listed["results"]] == [body["id"]]


def test_asking_about_another_learners_submission_is_a_404(
    mentee: User, outsider: User, api_learner: APIClient
) -> None:
    response = ask(api_learner, failing_submission(outsider))
    assert response.status_code == 404
    assert not FeedbackRequest.objects.exists()


def test_the_open_request_limit_is_a_409_problem(
    submission_over_the_limit: Submission, api_learner: APIClient
) -> None:
    response = ask(api_learner, submission_over_the_limit)
    assert response.status_code == 409
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == "feedback_limit"
    assert "mark one resolved" in response.json()["detail"]


def test_the_mentor_comments_on_a_line_and_resolves_and_the_learner_reads_it(
    mentee: User, mentor: User, api: MakeClient, api_learner: APIClient
) -> None:
    feedback = ask_for_feedback(mentee)
    mentor_api = api(mentor)
    queue = mentor_api.get("/api/v1/mentor/feedback/").json()
    assert [row["id"] for row in queue["results"]] == [feedback.pk]
    detail = mentor_api.get(f"/api/v1/feedback/{feedback.pk}/").json()
    file_id = next(f["id"] for f in detail["files"] if f["path"] == "temperature.py")
    comment = mentor_api.post(
        f"/api/v1/feedback/{feedback.pk}/comments/",
        {"file_id": file_id, "line": 2, "body": "Then multiply by 5/9."},
        format="json",
    )
    assert comment.status_code == 201, comment.content
    assert comment.json()["path"] == "temperature.py"
    reply = api_learner.post(
        f"/api/v1/feedback/{feedback.pk}/messages/", {"body": "Got it."}, format="json"
    )
    assert reply.status_code == 201
    resolved = mentor_api.post(f"/api/v1/feedback/{feedback.pk}/resolve/")
    assert resolved.status_code == 200 and resolved.json()["status"] == "resolved"
    seen = api_learner.get(f"/api/v1/feedback/{feedback.pk}/").json()
    assert [m["body"] for m in seen["messages"]] == ["Why does it fail?", "Got it."]
    assert [(c["line"], c["body"]) for c in seen["comments"]] == [(2, "Then multiply by 5/9.")]
    assert seen["first_response_at"] is not None
    again = mentor_api.post(f"/api/v1/feedback/{feedback.pk}/resolve/")
    assert again.status_code == 400 and again.json()["code"] == "feedback"
    assert mentor_api.get("/api/v1/mentor/feedback/?status=resolved").json()["count"] == 1
    assert mentor_api.get("/api/v1/mentor/feedback/?status=nonsense").status_code == 400


def test_everyone_else_gets_404_on_every_request_endpoint(
    mentee: User,
    mentor: User,
    api: MakeClient,
    api_outsider: APIClient,
    backend_track: Track,
    staff: User,
) -> None:
    feedback = ask_for_feedback(mentee)
    file_id = feedback.submission.files.first().pk  # type: ignore[union-attr]
    base = f"/api/v1/feedback/{feedback.pk}/"
    calls = [
        ("get", base, None),
        ("post", base + "messages/", {"body": "x"}),
        ("post", base + "comments/", {"file_id": file_id, "line": 1, "body": "x"}),
        ("post", base + "resolve/", {}),
    ]
    other_mentor = api(make_mentor("alan@example.com", backend_track))
    for client in (api_outsider, other_mentor, api(staff)):
        for method, url, data in calls:
            response = getattr(client, method)(url, data, format="json")
            assert response.status_code == 404, (method, url, response.content)
        listed = client.get("/api/v1/feedback/").json()
        assert listed["results"] == []
    assert other_mentor.get("/api/v1/mentor/feedback/").json()["results"] == []
    feedback.refresh_from_db()
    assert feedback.is_open and feedback.messages.count() == 1


def test_a_learner_cannot_read_the_mentor_list(mentee: User, api_learner: APIClient) -> None:
    ask_for_feedback(mentee)
    assert api_learner.get("/api/v1/mentor/feedback/").status_code == 403


def test_detail_and_lists_cost_the_same_queries_however_much_they_hold(
    mentee: User, mentor: User, api: MakeClient, api_learner: APIClient
) -> None:
    from mentors import services

    feedback = ask_for_feedback(mentee)
    mentor_api = api(mentor)
    urls = [
        (mentor_api, f"/api/v1/feedback/{feedback.pk}/"),
        (mentor_api, "/api/v1/mentor/feedback/"),
        (api_learner, "/api/v1/feedback/"),
    ]
    before = [query_count(client, url) for client, url in urls]
    file_id = feedback.submission.files.first().pk  # type: ignore[union-attr]
    for n in range(4):
        services.feedback_message_add(feedback_request=feedback, author=mentor, body=f"m{n}")
        services.feedback_comment_add(
            feedback_request=feedback, author=mentor, file_id=file_id, line=1, body=f"c{n}"
        )
    ask_for_feedback(mentee)
    ask_for_feedback(mentee)
    after = [query_count(client, url) for client, url in urls]
    assert after == before
    assert max(after) <= 9
