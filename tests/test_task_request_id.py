"""Celery tasks carry the request id of the request that queued them (and when they were
published), and run under it in the worker."""

from __future__ import annotations

from django.utils import timezone

from config.celery_app import app as celery_app
from config.observability import (
    TASK_PUBLISHED_AT_HEADER,
    TASK_REQUEST_ID_HEADER,
    request_id_var,
)
from tests.workers import publishing_to


@celery_app.task(name="tests.request_id_seen")  # type: ignore[untyped-decorator]  # celery ships no types
def request_id_seen() -> str:
    return request_id_var.get()


def test_a_task_carries_the_request_id_of_the_request_that_queued_it() -> None:
    """Published from inside a request: the message holds its id and the publish time; the
    worker side runs the task under that id, and is back to none afterwards."""
    with publishing_to("memory://"):
        token = request_id_var.set("req-abc123")
        try:
            request_id_seen.delay()
        finally:
            request_id_var.reset(token)
        with celery_app.connection_for_read() as connection:
            message = connection.SimpleQueue("default").get(timeout=2)
            message.ack()
    assert message.headers[TASK_REQUEST_ID_HEADER] == "req-abc123"
    assert abs(message.headers[TASK_PUBLISHED_AT_HEADER] - timezone.now().timestamp()) < 600

    result = request_id_seen.apply(headers=message.headers)
    assert result.get() == "req-abc123"
    assert request_id_var.get() == "-"


def test_a_task_queued_outside_a_request_carries_no_request_id() -> None:
    with publishing_to("memory://"):
        request_id_seen.delay()
        with celery_app.connection_for_read() as connection:
            message = connection.SimpleQueue("default").get(timeout=2)
            message.ack()
    assert TASK_REQUEST_ID_HEADER not in message.headers
    assert request_id_seen.apply(headers=message.headers).get() == "-"


def test_a_malformed_request_id_in_a_message_is_ignored() -> None:
    result = request_id_seen.apply(headers={TASK_REQUEST_ID_HEADER: "bad id\nwith newline"})
    assert result.get() == "-"


def test_a_submission_posted_with_a_request_id_queues_its_grading_under_it(
    learner_client, django_capture_on_commit_callbacks
) -> None:
    """End to end: the request id middleware, the submit page, the publish on commit."""
    with publishing_to("memory://"):
        with django_capture_on_commit_callbacks(execute=True):
            response = learner_client.post(
                "/submissions/exercise/temperature-converter/",
                {"path_0": "temperature.py", "content_0": "def to_number(text):\n    ...\n"},
                HTTP_X_REQUEST_ID="req-submit-42",
            )
        assert response.status_code == 302
        assert response["X-Request-ID"] == "req-submit-42"
        with celery_app.connection_for_read() as connection:
            message = connection.SimpleQueue("execute").get(timeout=2)
            message.ack()
    assert message.headers["task"] == "submissions.execute"
    assert message.headers[TASK_REQUEST_ID_HEADER] == "req-submit-42"
