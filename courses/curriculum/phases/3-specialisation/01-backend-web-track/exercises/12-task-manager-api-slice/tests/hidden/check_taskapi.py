"""Hidden checks: record what the task API answers, and what it stores."""

from datetime import datetime, timedelta, timezone

import bcrypt
import jwt
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from taskapi.config import Settings
from taskapi.main import create_app

SECRET = "hidden-secret-0123456789-abcdefghij"
T0 = datetime(2032, 7, 14, 6, 0, tzinfo=timezone.utc)


def make(ttl=300, start=T0):
    clock = [start]
    app = create_app(Settings(secret_key=SECRET, bcrypt_rounds=4, token_ttl_seconds=ttl,
                              clock=lambda: clock[0]))
    return clock, app, TestClient(app)


def answer(response):
    if response.status_code == 422:
        return (422, sorted({tuple(p["loc"][:2]) for p in response.json()["detail"]}))
    if response.status_code == 204:
        return (204, response.content)
    body = response.json()
    if isinstance(body, dict) and "access_token" in body:
        body = {**body, "access_token": jwt.decode(body["access_token"], SECRET, algorithms=["HS256"],
                                                   options={"verify_exp": False, "verify_iat": False})}
    return (response.status_code, body, response.headers.get("www-authenticate"))


def bearer(client, email, password):
    token = client.post("/auth/token", json={"email": email, "password": password}).json()["access_token"]
    return {"Authorization": f"Bearer {token}"}


@pytest.mark.parametrize(
    "body",
    [{"email": "  Zed@Example.ORG", "password": "12345678"}, {"email": "a@b", "password": "x" * 72},
     {"email": "a@b", "password": "é" * 36}, {"email": "a@b", "password": "é" * 37},
     {"email": "a@b", "password": "1234567"}, {"email": "no-at-sign", "password": "long enough"},
     {"email": "two@@signs.example", "password": "long enough"}, {"email": "sp ace@x.y", "password": "long enough"},
     {"email": "@x.y", "password": "long enough"}, {"password": "long enough"}, {"email": "a@b"}],
)
def check_registration_validation(observe, body):
    _, app, client = make()
    observe(answer(client.post("/auth/register", json=body)))
    with app.state.engine.connect() as connection:
        observe([tuple(row) for row in connection.execute(text("SELECT id, email FROM users"))])


def check_password_storage_and_duplicates(observe):
    _, app, client = make()
    observe(answer(client.post("/auth/register", json={"email": "ana@example.com", "password": "first password"})))
    observe(answer(client.post("/auth/register", json={"email": " ANA@example.com", "password": "second one"})))
    observe(answer(client.post("/auth/register", json={"email": "bo@example.com", "password": "first password"})))
    with app.state.engine.connect() as connection:
        rows = [tuple(row) for row in connection.execute(text("SELECT email, password_hash FROM users ORDER BY id"))]
    observe([(email, stored[:7], len(stored), bcrypt.checkpw(b"first password", stored.encode()))
             for email, stored in rows])
    observe(rows[0][1] == rows[1][1])


def check_login(observe):
    clock, _, client = make(ttl=450)
    client.post("/auth/register", json={"email": "cy@example.com", "password": "cy's secret"})
    for body in [{"email": "cy@example.com", "password": "cy's secret"},
                 {"email": " CY@EXAMPLE.COM ", "password": "cy's secret"},
                 {"email": "cy@example.com", "password": "CY's secret"},
                 {"email": "nobody@example.com", "password": "cy's secret"},
                 {"email": "cy@example.com", "password": "short"}]:
        observe(answer(client.post("/auth/token", json=body)))
    clock[0] = T0 + timedelta(hours=1)
    observe(answer(client.post("/auth/token", json={"email": "cy@example.com", "password": "cy's secret"})))


def check_authentication_rules(observe):
    clock, app, client = make(ttl=120)
    client.post("/auth/register", json={"email": "dee@example.com", "password": "dee's password"})
    headers = bearer(client, "dee@example.com", "dee's password")
    token = headers["Authorization"].split()[1]
    forged = jwt.encode({"sub": "1", "iat": T0, "exp": T0 + timedelta(hours=1)}, "another-secret-of-32-characters!!",
                        algorithm="HS256")
    ghost = jwt.encode({"sub": "99", "iat": T0, "exp": T0 + timedelta(hours=1)}, SECRET, algorithm="HS256")
    no_exp = jwt.encode({"sub": "1", "iat": T0}, SECRET, algorithm="HS256")
    named = jwt.encode({"sub": "dee", "iat": T0, "exp": T0 + timedelta(hours=1)}, SECRET, algorithm="HS256")
    strong = jwt.encode({"sub": "1", "iat": T0, "exp": T0 + timedelta(hours=1)}, SECRET + SECRET, algorithm="HS512")
    for value in [None, f"Bearer {token}", f"bearer {token}", f"Basic {token}", token, f"Bearer {token}x",
                  f"Bearer {forged}", f"Bearer {ghost}", f"Bearer {no_exp}", f"Bearer {named}",
                  f"Bearer {strong}", "Bearer "]:
        request_headers = {} if value is None else {"Authorization": value}
        observe(answer(client.get("/tasks", headers=request_headers)))
    for seconds in [119, 120, -30]:
        clock[0] = T0 + timedelta(seconds=seconds)
        observe((seconds, answer(client.get("/tasks", headers=headers))))
    clock[0] = T0
    observe(answer(client.post("/tasks", json={"title": ""})))
    observe(answer(client.get("/tasks/abc")))
    observe(answer(client.get("/tasks/abc", headers=headers)))
    with app.state.engine.begin() as connection:
        connection.execute(text("DELETE FROM users"))
    observe(answer(client.get("/tasks", headers=headers)))


def check_a_clock_in_the_past(observe):
    past = datetime(2001, 9, 9, 1, 46, 40, tzinfo=timezone.utc)
    clock, _, client = make(ttl=60, start=past)
    client.post("/auth/register", json={"email": "old@example.com", "password": "old password"})
    response = client.post("/auth/token", json={"email": "old@example.com", "password": "old password"})
    observe(answer(response))
    headers = {"Authorization": "Bearer " + response.json()["access_token"]}
    for seconds in [0, 59, 60]:
        clock[0] = past + timedelta(seconds=seconds)
        observe((seconds, answer(client.post("/tasks", json={"title": f"at {seconds}"}, headers=headers))))


def check_tasks_crud_and_validation(observe):
    _, _, client = make()
    client.post("/auth/register", json={"email": "eve@example.com", "password": "eve's password"})
    headers = bearer(client, "eve@example.com", "eve's password")
    for body in [{"title": "  Plan trip  ", "due": "2032-08-01"}, {"title": "x" * 200}, {"title": "x" * 201},
                 {"title": "   "}, {"title": "ok", "due": "soon"}, {"title": "ok", "due": None},
                 {"due": "2032-01-01"}, {"title": "later", "done": True}]:
        observe(answer(client.post("/tasks", json=body, headers=headers)))
    for task_id, body in [(1, {"done": True}), (1, {"due": None}), (1, {"title": " Renamed "}), (1, {}),
                          (2, {"title": None}), (2, {"done": None}), (2, {"title": ""}), (2, {"due": "2032-13-01"}),
                          (9, {"done": True})]:
        observe((task_id, answer(client.patch(f"/tasks/{task_id}", json=body, headers=headers))))
    observe(answer(client.get("/tasks/1", headers=headers)))
    observe(answer(client.delete("/tasks/2", headers=headers)))
    observe(answer(client.delete("/tasks/2", headers=headers)))
    observe(answer(client.get("/tasks/2", headers=headers)))
    observe(answer(client.post("/tasks", json={"title": "after delete"}, headers=headers)))


def check_privacy_and_pagination(observe):
    _, _, client = make()
    for email in ["fay@example.com", "gus@example.com"]:
        client.post("/auth/register", json={"email": email, "password": "shared password"})
    fay = bearer(client, "fay@example.com", "shared password")
    gus = bearer(client, "gus@example.com", "shared password")
    for index in range(7):
        who = fay if index % 3 else gus
        client.post("/tasks", json={"title": f"task {index}"}, headers=who)
    client.patch("/tasks/3", json={"done": True}, headers=fay)
    client.patch("/tasks/6", json={"done": True}, headers=fay)
    for query in ["", "?limit=2", "?limit=2&offset=2", "?limit=2&offset=4", "?offset=10", "?done=true",
                  "?done=false&limit=1", "?done=false&limit=1&offset=1", "?limit=0", "?limit=101",
                  "?limit=100", "?offset=-1", "?done=maybe"]:
        observe((query, answer(client.get("/tasks" + query, headers=fay))))
    observe(answer(client.get("/tasks", headers=gus)))
    for method in ["get", "delete"]:
        observe(answer(getattr(client, method)("/tasks/2", headers=gus)))
    observe(answer(client.patch("/tasks/2", json={"done": True}, headers=gus)))
    observe(answer(client.get("/tasks/2", headers=fay)))


def check_defaults(observe):
    settings = Settings(secret_key=SECRET)
    observe((settings.database_url, settings.token_ttl_seconds, settings.bcrypt_rounds))
    observe(str(settings.clock().utcoffset()))  # the default clock is aware UTC
    _, _, client = make()
    client.post("/auth/register", json={"email": "many@example.com", "password": "many tasks"})
    me = bearer(client, "many@example.com", "many tasks")
    for index in range(23):
        client.post("/tasks", json={"title": f"t{index}"}, headers=me)
    page = client.get("/tasks", headers=me).json()
    observe((len(page["items"]), page["total"], page["items"][-1]["title"]))
