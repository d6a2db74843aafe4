from datetime import datetime, timezone

import pytest
from fastapi.testclient import TestClient
from reminders_api import Settings, create_app, get_now, get_settings

NOON = datetime(2030, 1, 1, 12, 0, tzinfo=timezone.utc)
ANA = {"X-User": "ana"}


@pytest.fixture
def app():
    app = create_app()
    app.dependency_overrides[get_now] = lambda: NOON
    return app


def test_create_answers_201_in_utc(app):
    client = TestClient(app)
    response = client.post(
        "/reminders", json={"text": " Tea ", "due": "2030-01-01T15:00:00+02:00"}, headers=ANA
    )
    assert response.status_code == 201
    body = response.json()
    assert (body["id"], body["owner"], body["text"], body["overdue"]) == (1, "ana", "Tea", False)
    assert datetime.fromisoformat(body["due"]) == datetime(2030, 1, 1, 13, 0, tzinfo=timezone.utc)
    assert datetime.fromisoformat(body["due"]).utcoffset().total_seconds() == 0


def test_missing_user_is_401(app):
    response = TestClient(app).get("/reminders")
    assert response.status_code == 401
    assert response.json() == {"detail": "missing X-User header"}


def test_lead_time_uses_the_injected_clock(app):
    client = TestClient(app)
    soon = client.post("/reminders", json={"text": "x", "due": "2030-01-01T12:00:30Z"}, headers=ANA)
    assert soon.status_code == 422
    assert soon.json() == {"detail": "due must be at least 60 seconds from now"}
    ok = client.post("/reminders", json={"text": "x", "due": "2030-01-01T12:01:00Z"}, headers=ANA)
    assert ok.status_code == 201


def test_limit_comes_from_overridden_settings(app):
    app.dependency_overrides[get_settings] = lambda: Settings(max_per_user=1, min_lead_seconds=0)
    client = TestClient(app)
    first = client.post("/reminders", json={"text": "a", "due": "2030-01-02T00:00:00Z"}, headers=ANA)
    assert first.status_code == 201
    second = client.post("/reminders", json={"text": "b", "due": "2030-01-03T00:00:00Z"}, headers=ANA)
    assert second.status_code == 409
    assert second.json() == {"detail": "limit of 1 reminders reached"}


def test_overdue_follows_the_clock(app):
    client = TestClient(app)
    client.post("/reminders", json={"text": "a", "due": "2030-01-01T13:00:00Z"}, headers=ANA)
    app.dependency_overrides[get_now] = lambda: datetime(2030, 1, 1, 13, 0, tzinfo=timezone.utc)
    assert [r["overdue"] for r in client.get("/reminders", headers=ANA).json()] == [True]


def test_other_users_reminders_are_not_found(app):
    client = TestClient(app)
    client.post("/reminders", json={"text": "a", "due": "2030-01-02T00:00:00Z"}, headers=ANA)
    assert client.get("/reminders", headers={"X-User": "bo"}).json() == []
    assert client.delete("/reminders/1", headers={"X-User": "bo"}).status_code == 404
    assert client.delete("/reminders/1", headers=ANA).status_code == 204


def test_settings_read_the_environment(monkeypatch):
    monkeypatch.setenv("REMINDERS_MAX_PER_USER", "7")
    assert get_settings().max_per_user == 7
