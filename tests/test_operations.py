"""Operations: health endpoints, request ids, production settings hardening."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

from config.celery_app import app as celery_app
from config.observability import ContextFilter

ROOT = Path(__file__).resolve().parent.parent


def test_healthz_answers_without_touching_anything(client: Client) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_readyz_is_ok_when_database_and_broker_answer(client: Client, db: None) -> None:
    response = client.get("/readyz")
    assert response.status_code == 200, response.content
    assert response.json()["checks"] == {"database": "ok", "broker": "ok"}


def test_readyz_is_503_when_the_broker_is_unreachable(client: Client, db: None, settings) -> None:
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:9/0"  # nothing listens on the discard port
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert response.json()["checks"] == {"database": "ok", "broker": "fail"}


def test_readyz_gives_up_on_a_broker_that_accepts_and_never_answers(
    client: Client, db: None, settings
) -> None:
    """A frozen Redis (SIGSTOP) still completes TCP handshakes; the check must not hang."""
    import socket

    frozen = socket.socket()
    frozen.bind(("127.0.0.1", 0))
    frozen.listen(8)  # the kernel accepts connections; nobody ever reads or writes
    try:
        settings.CELERY_BROKER_URL = f"redis://127.0.0.1:{frozen.getsockname()[1]}/0"
        response = client.get("/readyz")
    finally:
        frozen.close()
    assert response.status_code == 503
    assert response.json()["detail"]["broker"] in ("fail: timeout", "fail: TimeoutError")


def test_every_response_carries_a_request_id_and_keeps_a_sane_incoming_one(client: Client) -> None:
    generated = client.get("/healthz")["X-Request-ID"]
    assert len(generated) == 32
    assert client.get("/healthz", HTTP_X_REQUEST_ID="abc-123")["X-Request-ID"] == "abc-123"
    assert client.get("/healthz", HTTP_X_REQUEST_ID="bad id\n")["X-Request-ID"] != "bad id\n"


def test_log_records_get_request_and_submission_ids() -> None:
    from config.observability import request_id_var, submission_context

    record = logging.LogRecord("x", logging.INFO, __file__, 1, "hello", None, None)
    token = request_id_var.set("req-1")
    try:
        with submission_context(42):
            ContextFilter().filter(record)
    finally:
        request_id_var.reset(token)
    assert (record.request_id, record.submission_id) == ("req-1", "42")  # type: ignore[attr-defined]


def _production_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE"}}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        DJANGO_SECRET_KEY="x" * 30 + "-a-long-random-production-secret-" + "y" * 20,
        DJANGO_ALLOWED_HOSTS="apprentice.example.com",
        DATABASE_URL=os.environ.get(
            "DATABASE_URL", "postgres://postgres@127.0.0.1:5432/apprentice"
        ),
        REDIS_URL=os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"),
    )
    return env


def _run_in_production(
    *args: str, without: str = "", **overrides: str
) -> subprocess.CompletedProcess[str]:
    """`python ARGS` from the project folder with the production settings (less the
    variable `without`, plus `overrides`)."""
    env = {k: v for k, v in _production_env().items() if k != without} | overrides
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_check_deploy_is_clean_with_production_settings() -> None:
    completed = _run_in_production("manage.py", "check", "--deploy", "--fail-level", "WARNING")
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "no issues" in completed.stdout


def test_production_logs_are_json_with_the_request_id() -> None:
    code = (
        "import django, logging; django.setup();"
        "from config.observability import request_id_var; request_id_var.set('rid-9');"
        "logging.getLogger('apprentice.test').warning('hello %s', 'world')"
    )
    completed = _run_in_production("-c", code)
    line = json.loads(completed.stderr.strip().splitlines()[-1])
    assert line["message"] == "hello world"
    assert line["request_id"] == "rid-9"
    assert line["level"] == "WARNING"


def test_an_unknown_log_format_stops_start_up_with_a_clear_message() -> None:
    completed = _run_in_production("manage.py", "check", LOG_FORMAT="xml")
    assert completed.returncode != 0
    assert "LOG_FORMAT is 'xml'; use 'text' or 'json'." in completed.stderr


def test_production_refuses_to_start_without_a_secret_key() -> None:
    completed = _run_in_production("manage.py", "check", without="DJANGO_SECRET_KEY")
    assert completed.returncode != 0
    assert "DJANGO_SECRET_KEY" in completed.stderr


@pytest.mark.parametrize("path", ["/", "/tracks/", "/accounts/login/", "/accounts/signup/"])
def test_public_pages_render(client: Client, db: None, path: str) -> None:
    assert client.get(path).status_code == 200


def test_every_beat_entry_names_a_registered_task_with_consistent_time_limits() -> None:
    from django.conf import settings

    celery_app.loader.import_default_modules()
    for name, entry in settings.CELERY_BEAT_SCHEDULE.items():
        task = celery_app.tasks.get(str(entry["task"]))
        assert task is not None, f"beat entry {name} names an unknown task"
        soft = task.soft_time_limit or celery_app.conf.task_soft_time_limit
        hard = task.time_limit or celery_app.conf.task_time_limit
        assert soft is None or hard is None or soft <= hard, (
            f"{task.name}: soft {soft} > hard {hard}"
        )
        # A beat entry that is late expires rather than running back to back with the next.
        expires = (entry.get("options") or {}).get("expires")  # type: ignore[attr-defined]
        assert expires is not None and expires < float(entry["schedule"]), name  # type: ignore[arg-type]


def test_every_task_is_acknowledged_late_and_put_back_when_its_worker_dies() -> None:
    celery_app.loader.import_default_modules()
    ours = [task for name, task in celery_app.tasks.items() if not name.startswith("celery.")]
    assert len(ours) >= 10
    for task in ours:
        assert task.acks_late is True, task.name
        assert task.reject_on_worker_lost is True, task.name


def test_sweepers_have_a_queue_of_their_own() -> None:
    from django.conf import settings

    for task in (
        "submissions.sweep_stuck",
        "mentors.requeue_stale_checks",
        "notifications.requeue_stale",
    ):
        assert settings.CELERY_TASK_ROUTES[task] == {"queue": "sweep"}
