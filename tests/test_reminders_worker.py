"""A real Celery worker over Redis runs the beat's planning task and delivers the daily
reminder: an email (to a file: the worker is another process) and an inbox item.

Rows are committed (transactional test) so the worker, connected to the same PostgreSQL test
database, sees them. The worker is SIGKILLed with its process group in teardown."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import ALL_DAYS
from conftest import make_user
from courses import services as course_services
from courses.models import Exercise, Track
from notifications import selectors
from notifications.models import DeliveryStatus, Kind, Notification
from tests.workers import (
    WorkerSet,
    database_url,
    real_broker,
)

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

REMINDERS_REDIS_DB = int(os.environ.get("REMINDERS_REDIS_DB", "13"))
WAIT_SECONDS = 60.0


@pytest.fixture(scope="module", autouse=True)
def curriculum_restored_afterwards(django_db_blocker) -> Iterator[None]:
    yield
    with django_db_blocker.unblock():
        if not Exercise.objects.exists():
            course_services.curriculum_sync()


@pytest.fixture
def broker_url(transactional_db: None) -> Iterator[str]:
    for url in real_broker(REMINDERS_REDIS_DB):
        if not Track.objects.exists():
            course_services.curriculum_sync()
        yield url


@pytest.fixture
def mail_dir(tmp_path: Path) -> Path:
    path = tmp_path / "mail"
    path.mkdir()
    return path


@pytest.fixture
def worker(broker_url: str, tmp_path: Path, mail_dir: Path) -> Iterator[WorkerSet]:
    worker_set = WorkerSet(
        broker_url=broker_url,
        database_url=database_url(connection.settings_dict),
        log_dir=tmp_path / "workers",
        extra_env={
            "DJANGO_SETTINGS_MODULE": "notifications.tests.worker_settings",
            "EMAIL_FILE_PATH": str(mail_dir),
        },
        name_prefix="reminders",
    )
    with worker_set:
        worker_set.start(queues="notify,default", concurrency=2).wait_ready()
        yield worker_set


def test_a_real_worker_plans_and_delivers_the_daily_reminder(worker: WorkerSet, mail_dir: Path):
    from notifications.tasks import plan_reminders

    # A beat in the first minutes of this hour (planning happens then): the worker runs on
    # the real clock, so the moment is passed explicitly rather than frozen.
    moment = timezone.now().replace(minute=5, second=0, microsecond=0)
    learner = make_user(
        "ada@example.com",
        time_zone="UTC",
        practice_hour=moment.hour,
        practice_days=ALL_DAYS,
    )
    course_services.enrollment_create(learner=learner, track=Track.objects.get(slug="backend-web"))

    plan_reminders.delay(moment.isoformat())  # what beat publishes every five minutes
    plan_reminders.delay(moment.isoformat())  # an overlapping beat

    deadline = time.monotonic() + WAIT_SECONDS
    notification = None
    while time.monotonic() < deadline:
        notification = Notification.objects.filter(
            recipient=learner, kind=Kind.DAILY_PRACTICE, email_status=DeliveryStatus.SENT
        ).first()
        if notification is not None and list(mail_dir.iterdir()):
            break
        time.sleep(0.1)
    assert notification is not None, worker.logs()

    time.sleep(0.5)  # a duplicate would have been delivered by now
    messages = [path.read_text() for path in mail_dir.iterdir()]
    assert len(messages) == 1, messages
    assert "To: ada@example.com" in messages[0]
    assert "Subject: Your practice hour is here" in messages[0]
    assert "List-Unsubscribe:" in messages[0]
    assert "/notifications/unsubscribe/" in messages[0]
    assert "text/html" in messages[0]
    assert Notification.objects.filter(recipient=learner).count() == 1
    assert notification.email_attempts == 1

    assert list(selectors.notification_inbox(recipient=learner)) == [notification]
    client = Client()
    client.force_login(learner)
    page = client.get(reverse("notifications:inbox"))
    assert b"Your practice hour is here" in page.content
    assert b'aria-label="1 unread"' in page.content
