"""/metrics: who may scrape it, what a graded submission moves, queue depth from the broker,
emails and review waits."""

from __future__ import annotations

import datetime
import json
import os
import uuid
from pathlib import Path

import pytest
from django.test import Client
from django.utils import timezone
from prometheus_client.parser import text_string_to_metric_families

from accounts.models import User
from config import queueing
from courses.models import Track
from mentors.models import ReviewRound
from mentors.tests.factories import uploaded_round
from notifications.models import DeliveryStatus, Kind, Notification
from submissions import services
from submissions.models import Submission
from submissions.sandbox import Outcome
from submissions.tests.factories import LearnerFactory, SubmissionFactory
from submissions.tests.test_services import sandbox_result
from tests.test_operations import _run_in_production

TOKEN = "scrape-me-" + "x" * 20


@pytest.fixture
def waiting_round(mentor: User, learner: User, backend_track: Track, staff: User) -> ReviewRound:
    return uploaded_round(learner, backend_track, staff=staff)


@pytest.fixture
def metrics_on(settings) -> None:
    settings.METRICS_ENABLED = True
    settings.METRICS_TOKEN = TOKEN


def scrape(client: Client) -> dict[str, float]:
    """Every sample of /metrics by name and labels, e.g. `x_total{status="passed"}`."""
    response = client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("text/plain")
    samples = {}
    for family in text_string_to_metric_families(response.content.decode()):
        for sample in family.samples:
            labels = ",".join(f'{k}="{v}"' for k, v in sorted(sample.labels.items()))
            samples[f"{sample.name}{{{labels}}}" if labels else sample.name] = sample.value
    return samples


def grade(outcome: Outcome) -> Submission:
    """A submission through the real services: created queued, claimed, result recorded."""
    claimed = services.submission_claim(submission_id=SubmissionFactory.create().pk, worker="w1")
    assert claimed.submission is not None
    assert services.submission_record_result(
        submission=claimed.submission, result=sandbox_result(outcome, passed=1)
    )
    return Submission.objects.get(pk=claimed.submission.pk)


def test_metrics_are_not_found_unless_enabled(client: Client, db: None, settings) -> None:
    settings.METRICS_ENABLED = False
    settings.METRICS_TOKEN = TOKEN
    assert client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}").status_code == 404


@pytest.mark.parametrize("header", ["", "Bearer wrong-token", f"Basic {TOKEN}", "Bearer"])
def test_metrics_need_the_bearer_token(
    client: Client, db: None, metrics_on: None, header: str
) -> None:
    response = client.get("/metrics", HTTP_AUTHORIZATION=header)
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert b"apprentice_" not in response.content


def test_metrics_without_a_configured_token_answer_only_a_debug_server(
    client: Client, db: None, settings
) -> None:
    settings.METRICS_ENABLED, settings.METRICS_TOKEN = True, ""
    settings.DEBUG = False
    assert client.get("/metrics").status_code == 401
    settings.DEBUG = True
    assert client.get("/metrics").status_code == 200


def test_a_staff_session_is_not_a_token(staff_client: Client, metrics_on: None) -> None:
    assert staff_client.get("/metrics").status_code == 401


def test_a_graded_submission_moves_the_latency_histogram_and_the_outcome_counter(
    client: Client, db: None, metrics_on: None
) -> None:
    before = scrape(client)
    submission = grade(Outcome.FAILED)
    Submission.objects.filter(pk=submission.pk).update(
        finished_at=submission.created_at + datetime.timedelta(seconds=7)
    )
    after = scrape(client)

    failed = 'apprentice_grading_outcomes_total{status="failed"}'
    passed = 'apprentice_grading_outcomes_total{status="passed"}'
    assert after[failed] == before[failed] + 1
    assert after[passed] == before[passed]
    count, total = (
        "apprentice_grading_latency_seconds_count",
        "apprentice_grading_latency_seconds_sum",
    )
    assert after[count] == before[count] + 1
    assert after[total] == pytest.approx(before[total] + 7)
    bucket = 'apprentice_grading_latency_seconds_bucket{{le="{}"}}'.format
    # 7 s lands in the 10 s bucket and every larger one, not in the 5 s one.
    assert after[bucket("5.0")] == before[bucket("5.0")]
    assert after[bucket("10.0")] == before[bucket("10.0")] + 1
    assert after[bucket("+Inf")] == before[bucket("+Inf")] + 1


def test_pending_submissions_are_not_counted_as_outcomes(
    client: Client, db: None, metrics_on: None
) -> None:
    before = scrape(client)
    SubmissionFactory.create()  # queued
    after = scrape(client)
    count = "apprentice_grading_latency_seconds_count"
    assert after[count] == before[count]
    assert not any('status="queued"' in name for name in after)


def test_reminder_sends_and_failures_of_the_last_day_are_counted(
    client: Client, db: None, metrics_on: None
) -> None:
    learner = LearnerFactory.create()
    for key, status in (
        ("a", DeliveryStatus.SENT),
        ("b", DeliveryStatus.SENT),
        ("c", DeliveryStatus.FAILED),
    ):
        Notification.objects.create(
            recipient=learner, kind=Kind.DAILY_PRACTICE, dedupe_key=key, title="Practise",
            email_status=status,
        )  # fmt: skip
    old = Notification.objects.create(
        recipient=learner, kind=Kind.DAILY_PRACTICE, dedupe_key="old", title="Practise",
        email_status=DeliveryStatus.FAILED,
    )  # fmt: skip
    Notification.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=2)
    )
    samples = scrape(client)
    name = 'apprentice_notification_emails_last_day{{kind="daily_practice",status="{}"}}'.format
    assert samples[name("sent")] == 2
    assert samples[name("failed")] == 1


def test_review_waits_count_open_rounds_and_those_past_the_sla(
    client: Client, metrics_on: None, waiting_round: ReviewRound
) -> None:
    ReviewRound.objects.filter(pk=waiting_round.pk).update(
        created_at=timezone.now() - datetime.timedelta(hours=80)
    )
    samples = scrape(client)
    assert samples["apprentice_review_rounds_waiting"] == 1
    assert samples["apprentice_review_rounds_over_sla"] == 1
    assert samples["apprentice_review_wait_oldest_seconds"] >= 80 * 3600


def test_queue_depth_and_oldest_wait_come_from_the_filesystem_broker(
    client: Client, db: None, metrics_on: None, settings, tmp_path: Path
) -> None:
    settings.CELERY_BROKER_URL = "filesystem://"
    settings.CELERY_BROKER_TRANSPORT_OPTIONS = {"data_folder_in": str(tmp_path)}
    for _ in range(3):
        (tmp_path / f"0_{uuid.uuid4().hex}.execute.msg").write_text(json.dumps({"headers": {}}))
    oldest = tmp_path / f"0_{uuid.uuid4().hex}.notify.msg"
    oldest.write_text("{}")
    an_hour_ago = (timezone.now() - datetime.timedelta(hours=1)).timestamp()
    os.utime(oldest, (an_hour_ago, an_hour_ago))
    samples = scrape(client)
    assert samples["apprentice_broker_up"] == 1
    assert samples['apprentice_queue_waiting_messages{queue="execute"}'] == 3
    assert samples['apprentice_queue_waiting_messages{queue="notify"}'] == 1
    assert samples['apprentice_queue_waiting_messages{queue="default"}'] == 0
    assert samples['apprentice_queue_oldest_waiting_seconds{queue="notify"}'] >= 3600
    assert samples['apprentice_queue_oldest_waiting_seconds{queue="default"}'] == 0


def test_an_unreachable_broker_is_reported_not_an_error(
    client: Client, db: None, metrics_on: None, settings
) -> None:
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:9/0"  # nothing listens on the discard port
    samples = scrape(client)
    assert samples["apprentice_broker_up"] == 0
    assert not any(name.startswith("apprentice_queue_waiting") for name in samples)


def test_every_routed_queue_is_watched() -> None:
    assert {"default", "execute", "notify", "sweep"} <= set(queueing.queue_names())


def test_production_refuses_metrics_without_a_token() -> None:
    completed = _run_in_production("manage.py", "check", METRICS_ENABLED="true")
    assert completed.returncode != 0
    assert "METRICS_TOKEN" in completed.stderr
