from datetime import datetime, timedelta, timezone

import pytest
from fastapi.testclient import TestClient
from taskapi.config import Settings
from taskapi.main import create_app

START = datetime(2031, 1, 1, 9, 0, tzinfo=timezone.utc)


@pytest.fixture
def clock():
    return [START]


@pytest.fixture
def client(clock):
    settings = Settings(secret_key="test-secret-with-at-least-32-chars", bcrypt_rounds=4,
                        token_ttl_seconds=600, clock=lambda: clock[0])
    return TestClient(create_app(settings))


def login(client, email="ana@example.com", password="correct horse"):
    client.post("/auth/register", json={"email": email, "password": password})
    token = client.post("/auth/token", json={"email": email, "password": password}).json()["access_token"]
    return {"Authorization": f"Bearer {token}"}


def test_register_normalises_the_email(client):
    response = client.post("/auth/register", json={"email": " Ana@Example.COM ", "password": "correct horse"})
    assert response.status_code == 201
    assert response.json() == {"id": 1, "email": "ana@example.com"}
    again = client.post("/auth/register", json={"email": "ana@example.com", "password": "another one"})
    assert (again.status_code, again.json()) == (409, {"detail": "email already registered"})


def test_login_answers_a_bearer_token(client):
    client.post("/auth/register", json={"email": "ana@example.com", "password": "correct horse"})
    response = client.post("/auth/token", json={"email": "ana@example.com", "password": "correct horse"})
    assert response.status_code == 200
    assert response.json()["token_type"] == "bearer"
    assert response.json()["expires_in"] == 600
    wrong = client.post("/auth/token", json={"email": "ana@example.com", "password": "wrong horse"})
    assert wrong.status_code == 401
    assert wrong.headers["www-authenticate"] == "Bearer"


def test_tasks_need_a_token(client):
    response = client.get("/tasks")
    assert (response.status_code, response.json()) == (401, {"detail": "not authenticated"})


def test_create_list_and_paginate(client):
    headers = login(client)
    created = client.post("/tasks", json={"title": " Pay rent ", "due": "2031-02-01"}, headers=headers)
    assert created.status_code == 201
    assert created.json() == {"id": 1, "title": "Pay rent", "done": False, "due": "2031-02-01"}
    client.post("/tasks", json={"title": "Call mum"}, headers=headers)
    page = client.get("/tasks?limit=1&offset=1", headers=headers).json()
    assert page == {"items": [{"id": 2, "title": "Call mum", "done": False, "due": None}], "total": 2}


def test_patch_and_delete(client):
    headers = login(client)
    client.post("/tasks", json={"title": "Pay rent", "due": "2031-02-01"}, headers=headers)
    patched = client.patch("/tasks/1", json={"done": True, "due": None}, headers=headers)
    assert patched.json() == {"id": 1, "title": "Pay rent", "done": True, "due": None}
    assert client.delete("/tasks/1", headers=headers).status_code == 204
    assert client.get("/tasks/1", headers=headers).status_code == 404


def test_other_users_tasks_are_not_found(client):
    ana = login(client)
    bo = login(client, "bo@example.com", "bo's password")
    client.post("/tasks", json={"title": "Ana's"}, headers=ana)
    assert client.get("/tasks/1", headers=bo).json() == {"detail": "task not found"}
    assert client.get("/tasks", headers=bo).json() == {"items": [], "total": 0}


def test_tokens_expire_by_the_settings_clock(client, clock):
    headers = login(client)
    clock[0] = START + timedelta(seconds=599)
    assert client.get("/tasks", headers=headers).status_code == 200
    clock[0] = START + timedelta(seconds=600)
    assert client.get("/tasks", headers=headers).status_code == 401
