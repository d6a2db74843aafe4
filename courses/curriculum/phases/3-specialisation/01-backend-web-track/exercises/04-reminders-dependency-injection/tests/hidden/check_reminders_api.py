"""Hidden checks: record what the API answers; the grader compares with the reference."""

import time
from datetime import datetime, timedelta, timezone

from fastapi.testclient import TestClient
from reminders_api import Settings, create_app, get_current_user, get_now, get_settings

T0 = datetime(2031, 6, 1, 8, 30, tzinfo=timezone.utc)


def as_utc(text):
    """The instant and its UTC offset, whatever ISO spelling the app used."""
    moment = datetime.fromisoformat(text)
    return (moment.astimezone(timezone.utc).replace(tzinfo=None), moment.utcoffset())


def summary(response):
    if response.status_code == 204:
        return (204, response.content)
    body = response.json()
    if response.status_code == 422 and isinstance(body.get("detail"), list):
        return (422, sorted({tuple(p["loc"][:2]) for p in body["detail"]}))
    if isinstance(body, dict) and "due" in body:
        body = {**body, "due": as_utc(body["due"])}
    if isinstance(body, list):
        body = [{**item, "due": as_utc(item["due"])} for item in body]
    return (response.status_code, body)


def make(clock, settings=None):
    app = create_app()
    app.dependency_overrides[get_now] = lambda: clock[0]
    if settings is not None:
        app.dependency_overrides[get_settings] = lambda: settings
    return app, TestClient(app)


def post(client, user, text, due):
    return summary(client.post("/reminders", json={"text": text, "due": due},
                               headers={"X-User": user}))


def check_lead_time_boundary_and_time_zones(observe):
    clock = [T0]
    _, client = make(clock, Settings(max_per_user=10, min_lead_seconds=300))
    for due in ["2031-06-01T08:34:59Z", "2031-06-01T08:35:00Z", "2031-06-01T10:34:59+02:00",
                "2031-06-01T10:35:00+02:00", "2031-06-01T03:40:00-05:00", "2031-06-01T08:00:00Z",
                "2031-06-01T08:35:00", "2031-06-01", "tomorrow"]:
        observe(post(client, "ana", "check", due))
    clock[0] = T0 - timedelta(hours=1)
    observe(post(client, "ana", "earlier clock", "2031-06-01T07:35:00Z"))


def check_answers_in_utc_whatever_the_server_zone(observe, monkeypatch):
    # A server whose local time is UTC+05:30 (a POSIX TZ string: no zone files needed).
    monkeypatch.setenv("TZ", "XYZ-5:30")
    time.tzset()
    try:
        _, client = make([T0])
        observe(post(client, "ana", "zone", "2031-06-01T12:00:00+02:00"))
        observe(summary(client.get("/reminders", headers={"X-User": "ana"})))
    finally:
        monkeypatch.undo()
        time.tzset()


def check_text_validation(observe):
    clock = [T0]
    _, client = make(clock, Settings(max_per_user=10, min_lead_seconds=0))
    for text in ["  Water the plants  ", "", "   ", "x" * 80, " " + "x" * 80 + " ", "x" * 81, None]:
        observe(post(client, "bo", text, "2031-06-02T00:00:00Z"))


def check_limit_per_user(observe):
    clock = [T0]
    app, client = make(clock, Settings(max_per_user=2, min_lead_seconds=0))
    for user, day in [("ana", 3), ("bo", 4), ("ana", 2), ("ana", 5), ("bo", 6), ("bo", 1)]:
        observe(post(client, user, f"day {day}", f"2031-06-0{day}T12:00:00Z"))
    observe(post(client, "ana", "in the past and over the limit", "2031-06-01T08:00:00Z"))
    observe(summary(client.delete("/reminders/1", headers={"X-User": "ana"})))
    observe(post(client, "ana", "after delete", "2031-06-07T12:00:00Z"))
    app.dependency_overrides[get_settings] = lambda: Settings(max_per_user=0, min_lead_seconds=0)
    observe(post(client, "cy", "none allowed", "2031-06-07T12:00:00Z"))
    observe(post(client, "cy", "", "2031-06-07T12:00:00Z"))


def check_listing_order_overdue_and_filter(observe):
    clock = [T0]
    _, client = make(clock, Settings(max_per_user=10, min_lead_seconds=0))
    for text, due in [("late", "2031-06-01T12:00:00Z"), ("first", "2031-06-01T09:00:00Z"),
                      ("same-a", "2031-06-01T10:00:00Z"), ("mine-not", "2031-06-01T09:30:00Z"),
                      ("same-b", "2031-06-01T12:00:00+02:00")]:
        user = "dee" if text == "mine-not" else "cy"
        post(client, user, text, due)
    cy = {"X-User": " cy "}
    observe(summary(client.get("/reminders", headers=cy)))
    clock[0] = datetime(2031, 6, 1, 10, 0, tzinfo=timezone.utc)
    for query in ["", "?overdue=true", "?overdue=false", "?overdue=sometimes"]:
        observe(summary(client.get("/reminders" + query, headers=cy)))
    clock[0] = datetime(2031, 6, 1, 9, 59, 59, tzinfo=timezone.utc)
    observe(summary(client.get("/reminders?overdue=true", headers=cy)))
    observe(summary(client.get("/reminders", headers={"X-User": "dee"})))


def check_delete_ownership_and_users(observe):
    clock = [T0]
    app, client = make(clock, Settings(max_per_user=5, min_lead_seconds=0))
    post(client, "ana", "a1", "2031-07-01T00:00:00Z")
    post(client, "bo", "b1", "2031-07-02T00:00:00Z")
    for user, rid in [("bo", 1), ("ana", 2), ("ana", 3), ("ana", 1), ("ana", 1)]:
        observe(summary(client.delete(f"/reminders/{rid}", headers={"X-User": user})))
    for headers in [{}, {"X-User": ""}, {"X-User": "   "}]:
        observe(summary(client.get("/reminders", headers=headers)))
        observe(summary(client.post("/reminders", json={"text": "x", "due": "2031-07-05T00:00:00Z"},
                                    headers=headers)))
        observe(summary(client.delete("/reminders/2", headers=headers)))
    app.dependency_overrides[get_current_user] = lambda: "bo"
    observe(summary(client.get("/reminders")))
    observe(post(client, "ignored", "as bo", "2031-07-03T00:00:00Z"))
    other = TestClient(create_app())
    other.app.dependency_overrides[get_now] = lambda: T0
    observe(summary(other.get("/reminders", headers={"X-User": "bo"})))
    observe(post(other, "bo", "fresh app", "2031-07-04T00:00:00Z"))


def check_settings_and_real_clock(observe, monkeypatch):
    monkeypatch.setenv("REMINDERS_MAX_PER_USER", "1")
    monkeypatch.setenv("REMINDERS_MIN_LEAD_SECONDS", "7200")
    settings = get_settings()
    observe((settings.max_per_user, settings.min_lead_seconds))
    client = TestClient(create_app())
    client.app.dependency_overrides[get_now] = lambda: T0
    observe(post(client, "ana", "too soon", "2031-06-01T10:29:59Z"))
    observe(post(client, "ana", "just in time", "2031-06-01T10:30:00Z"))
    monkeypatch.setenv("REMINDERS_MAX_PER_USER", "2")
    observe(post(client, "ana", "second", "2031-06-01T11:30:00Z"))
    observe(post(client, "ana", "third", "2031-06-01T12:30:00Z"))
    monkeypatch.delenv("REMINDERS_MAX_PER_USER")
    monkeypatch.delenv("REMINDERS_MIN_LEAD_SECONDS")
    observe((get_settings().max_per_user, get_settings().min_lead_seconds))
    now = get_now()
    observe(now.utcoffset())
