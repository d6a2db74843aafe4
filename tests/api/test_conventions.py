"""Conventions every endpoint shares: one problem-details format for every error, throttles,
UTC timestamps, and authentication through allauth's headless session tokens."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import override_settings
from rest_framework.settings import api_settings

from courses import selectors as course_selectors

pytestmark = pytest.mark.django_db

PROBLEM_KEYS = {"type", "title", "status", "detail", "instance", "code"}


def assert_problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    body: dict[str, Any] = response.json()
    assert set(body) >= PROBLEM_KEYS
    assert body["status"] == status
    assert body["type"].startswith("urn:apprentice:problem:")
    return body


def test_an_unknown_address_is_a_404_problem(api_learner):
    body = assert_problem(api_learner.get("/api/v1/no/such/thing/"), 404)
    assert body["instance"] == "/api/v1/no/such/thing/"


def test_a_wrong_method_is_a_405_problem(api_learner):
    assert_problem(api_learner.delete("/api/v1/me/"), 405)


def test_malformed_json_is_a_400_problem(api_learner):
    response = api_learner.generic(
        "PATCH", "/api/v1/me/", "{not json", content_type="application/json"
    )
    assert assert_problem(response, 400)["code"] == "parse_error"


def test_an_unhandled_error_is_a_500_problem_without_a_traceback(api_learner, monkeypatch):
    def explode(**kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(course_selectors, "plan_lesson_rows", explode)
    response = api_learner.get("/api/v1/lessons/")
    body = assert_problem(response, 500)
    assert "secret" not in response.content.decode()
    assert "Traceback" not in response.content.decode()
    assert body["code"] == "server_error"


def test_anonymous_clients_are_throttled_with_retry_after(api_anon, settings):
    rates = {**api_settings.DEFAULT_THROTTLE_RATES, "anon": "2/min"}
    with override_settings(
        REST_FRAMEWORK={**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": rates}
    ):
        for _ in range(2):
            assert api_anon.get("/api/v1/tracks/").status_code == 200
        response = api_anon.get("/api/v1/tracks/")
        assert assert_problem(response, 429)["code"] == "throttled"
        assert int(response["Retry-After"]) >= 1


def test_each_user_has_a_default_rate(api_learner, settings):
    rates = {**api_settings.DEFAULT_THROTTLE_RATES, "user": "3/min"}
    with override_settings(
        REST_FRAMEWORK={**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": rates}
    ):
        statuses = [api_learner.get("/api/v1/me/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]


def _login(client, email: str, password: str):
    return client.post(
        "/_allauth/app/v1/auth/login",
        {"email": email, "password": password},
        content_type="application/json",
    )


def test_login_attempts_are_rate_limited_by_allauth(client, learner):
    with override_settings(ACCOUNT_RATE_LIMITS={"login": "2/m/ip"}):
        statuses = [_login(client, learner.email, "wrong-password").status_code for _ in range(3)]
    assert statuses == [400, 400, 429]


def test_failed_logins_lock_the_account_key_for_a_while(client, learner):
    with override_settings(ACCOUNT_RATE_LIMITS={"login_failed": "2/m/ip,2/5m/key"}):
        for _ in range(2):
            _login(client, learner.email, "wrong-password")
        locked = _login(client, learner.email, "a-long-test-password")
    assert locked.status_code == 400
    assert locked.json()["errors"][0]["code"] == "too_many_login_attempts"


def test_timestamps_are_iso8601_utc(api_learner, learner_submission):
    body = api_learner.get(f"/api/v1/submissions/{learner_submission.pk}/").json()
    assert body["created_at"].endswith("Z")
    assert "T" in body["created_at"]


def test_the_app_logs_in_and_out_with_a_session_token(client, learner):
    login = client.post(
        "/_allauth/app/v1/auth/login",
        {"email": learner.email, "password": "a-long-test-password"},
        content_type="application/json",
    )
    assert login.status_code == 200, login.content
    token = login.json()["meta"]["session_token"]
    from rest_framework.test import APIClient

    app = APIClient()
    assert app.get("/api/v1/me/", HTTP_X_SESSION_TOKEN=token).status_code == 200
    logout = app.delete("/_allauth/app/v1/auth/session", HTTP_X_SESSION_TOKEN=token)
    assert logout.status_code == 401  # allauth answers a finished session with 401
    assert app.get("/api/v1/me/", HTTP_X_SESSION_TOKEN=token).status_code == 401
