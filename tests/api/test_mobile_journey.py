"""A mobile client's whole journey through HTTP only: sign up, verify the email, log in for
a session token, enroll, open an exercise, submit, poll the result (ETag/304) while a real
Celery worker grades it over Redis, read the inbox. No service is called from here."""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from django.core import mail
from django.db import connection
from django.test import Client

from courses import services as course_services
from courses.models import Exercise
from tests.workers import WorkerSet, database_url, flush_redis, publishing_to, redis_db_url

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

SLUG = "temperature-converter"
CURRICULUM = Path(__file__).resolve().parents[2] / "courses" / "curriculum"
REDIS_DB = int(os.environ.get("API_E2E_REDIS_DB", "14"))
WAIT_SECONDS = 60.0


@pytest.fixture(scope="module", autouse=True)
def curriculum_restored_afterwards(django_db_blocker: Any) -> Iterator[None]:
    """Transactional tests empty the tables: put the curriculum back for later tests."""
    yield
    with django_db_blocker.unblock():
        if not Exercise.objects.exists():
            course_services.curriculum_sync()


@pytest.fixture
def worker(transactional_db: None, tmp_path: Path) -> Iterator[WorkerSet]:
    redis_url = os.environ.get("REDIS_URL")
    if not redis_url:
        pytest.skip("needs REDIS_URL: the journey is graded by a real worker over Redis")
    if connection.vendor != "postgresql":
        pytest.skip("needs DATABASE_URL on PostgreSQL: the worker shares the test database")
    if not Exercise.objects.filter(slug=SLUG).exists():
        course_services.curriculum_sync()
    url = redis_db_url(redis_url, REDIS_DB)
    flush_redis(url)
    with (
        publishing_to(url),
        WorkerSet(
            broker_url=url,
            database_url=database_url(connection.settings_dict),
            log_dir=tmp_path / "workers",
            extra_env={"SUBMISSION_QUALITY_CHECKS": "false"},
            name_prefix="api-e2e",
        ) as workers,
    ):
        workers.start(queues="execute,default,notify").wait_ready()
        yield workers
    flush_redis(url)


def solution_files() -> list[dict[str, str]]:
    (folder,) = CURRICULUM.glob(f"phases/*/*/exercises/*-{SLUG}/solution")
    return [
        {"path": str(path.relative_to(folder)), "content": path.read_text()}
        for path in sorted(folder.rglob("*.py"))
    ]


def test_sign_up_enroll_submit_and_read_the_graded_result(worker: WorkerSet) -> None:
    http = Client()
    email, password = "lin@example.com", "a-long-journey-password"

    # 1. Sign up: verification is pending; allauth hands the app a session token already.
    signup = http.post(
        "/_allauth/app/v1/auth/signup",
        {"email": email, "password": password},
        content_type="application/json",
    )
    assert signup.status_code == 401, signup.content
    flows = {f["id"]: f for f in signup.json()["data"]["flows"]}
    assert flows["verify_email"]["is_pending"]
    pending_token = signup.json()["meta"]["session_token"]

    # 2. Verify: the key is the last path segment of the link in the email.
    (message,) = mail.outbox
    link = re.search(r"/accounts/confirm-email/([^/\s]+)/", str(message.body))
    assert link is not None, message.body
    key = unquote(link.group(1))  # the link URL-encodes the key (':' → %3A)
    verified = http.post(
        "/_allauth/app/v1/auth/email/verify",
        {"key": key},
        content_type="application/json",
        HTTP_X_SESSION_TOKEN=pending_token,
    )
    # Verified; allauth does not log in on verification here (200 would mean it did).
    assert verified.status_code in (200, 401), verified.content
    assert "verify_email" not in {f["id"] for f in verified.json()["data"].get("flows", [])}

    # 3. Log in (a fresh install of the app): a session token for X-Session-Token.
    login = Client().post(
        "/_allauth/app/v1/auth/login",
        {"email": email, "password": password},
        content_type="application/json",
    )
    assert login.status_code == 200, login.content
    app = Client(HTTP_X_SESSION_TOKEN=login.json()["meta"]["session_token"])
    assert app.get("/api/v1/me/").json()["email"] == email

    # 4. Enroll and open the exercise.
    enrolled = app.post(
        "/api/v1/enrollments/", {"track": "backend-web"}, content_type="application/json"
    )
    assert enrolled.status_code == 201, enrolled.content
    exercise = app.get(f"/api/v1/exercises/{SLUG}/").json()
    assert exercise["starter_files"]

    # 5. Submit (retried once, as a flaky network would): one submission.
    body = {"exercise": SLUG, "files": solution_files()}
    created = app.post(
        "/api/v1/submissions/",
        body,
        content_type="application/json",
        HTTP_IDEMPOTENCY_KEY="journey-1",
    )
    assert created.status_code == 201, created.content
    retried = app.post(
        "/api/v1/submissions/",
        body,
        content_type="application/json",
        HTTP_IDEMPOTENCY_KEY="journey-1",
    )
    assert retried.status_code == 200
    assert retried.json()["id"] == created.json()["id"]

    # 6. Poll with the ETag until the worker has graded it.
    url = created["Location"]
    etag, not_modified, result = "", 0, None
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        response = app.get(url, HTTP_IF_NONE_MATCH=etag) if etag else app.get(url)
        if response.status_code == 304:
            not_modified += 1
        else:
            assert response.status_code == 200
            etag, result = response["ETag"], response.json()
            if result["is_final"]:
                break
        time.sleep(0.1)
    assert result is not None and result["is_final"], worker.logs()
    assert result["status"] == "passed", (result, worker.logs())
    assert result["tests_passed"] == result["tests_total"] > 0
    assert app.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304

    # 7. Progress and the inbox.
    assert app.get("/api/v1/progress/").json()["exercises_solved"] == 1
    inbox = app.get("/api/v1/notifications/")
    assert inbox.status_code == 200
    assert app.get("/api/v1/notifications/unread-count/").json()["unread"] == len(
        inbox.json()["results"]
    )
    listed = app.get("/api/v1/submissions/").json()["results"]
    assert [s["id"] for s in listed] == [result["id"]]
