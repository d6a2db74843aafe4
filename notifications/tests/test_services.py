from __future__ import annotations

import pytest
from django.core import mail

from notifications import services, tasks
from notifications.models import DeliveryStatus, Kind, Notification


def test_notification_create_is_idempotent_per_key(
    learner, published, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = services.notification_create(
            recipient=learner, kind=Kind.REVIEW_READY, dedupe_key="round:1", title="Ready", body="b"
        )
        second = services.notification_create(
            recipient=learner, kind=Kind.REVIEW_READY, dedupe_key="round:1", title="Ready", body="b"
        )
    assert first is not None
    assert second is None
    assert Notification.objects.filter(recipient=learner).count() == 1
    assert published == [[first.pk]]


def test_delivery_is_enqueued_only_after_commit(
    learner, published, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.notification_create(
            recipient=learner, kind=Kind.MENTOR_ASSIGNED, dedupe_key="a:1", title="t", body="b"
        )
        assert published == []
    assert len(callbacks) == 1


def test_unknown_kind_is_rejected(learner):
    with pytest.raises(ValueError):
        services.notification_create(
            recipient=learner, kind="nope", dedupe_key="k", title="t", body="b"
        )


def test_quiet_mode_mutes_reminders_and_keeps_mentor_messages_in_the_inbox_only(learner, published):
    services.preferences_update(user=learner, email_enabled=True, in_app_enabled=True, quiet=True)
    assert (
        services.notification_create(
            recipient=learner,
            kind=Kind.DAILY_PRACTICE,
            dedupe_key="2026-03-10",
            title="t",
            body="b",
        )
        is None
    )
    ready = services.notification_create(
        recipient=learner, kind=Kind.REVIEW_READY, dedupe_key="round:2", title="t", body="b"
    )
    assert ready is not None
    assert ready.inbox_status == DeliveryStatus.SENT
    assert ready.email_status == DeliveryStatus.SKIPPED


def test_email_channel_off_skips_email_but_not_inbox(learner):
    services.preferences_update(user=learner, email_enabled=False, in_app_enabled=True, quiet=False)
    created = services.notification_create(
        recipient=learner, kind=Kind.REVIEW_READY, dedupe_key="round:3", title="t", body="b"
    )
    assert created is not None
    assert created.email_status == DeliveryStatus.SKIPPED


def test_both_channels_off_creates_nothing(learner):
    services.preferences_update(
        user=learner, email_enabled=False, in_app_enabled=False, quiet=False
    )
    assert (
        services.notification_create(
            recipient=learner, kind=Kind.REVIEW_READY, dedupe_key="round:4", title="t", body="b"
        )
        is None
    )


def test_email_has_text_html_and_one_click_unsubscribe(learner, published):
    created = services.notification_create(
        recipient=learner,
        kind=Kind.REVIEW_READY,
        dedupe_key="round:5",
        title="Your review is ready",
        body="Grace reviewed version 1.",
        url="/mentors/",
    )
    assert created is not None
    assert tasks.deliver_batch(notification_ids=[created.pk]) == 1
    [message] = mail.outbox
    assert message.subject == "Your review is ready"
    assert "Grace reviewed version 1." in message.body
    assert message.alternatives[0][1] == "text/html"  # type: ignore[attr-defined]
    unsubscribe = services.unsubscribe_url(user=learner)
    assert message.extra_headers["List-Unsubscribe"] == f"<{unsubscribe}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe in message.body
    created.refresh_from_db()
    assert created.email_status == DeliveryStatus.SENT
    assert created.email_attempts == 1


def test_delivering_a_batch_twice_sends_once(learner):
    created = services.notification_create(
        recipient=learner, kind=Kind.REVIEW_READY, dedupe_key="round:6", title="t", body="b"
    )
    assert created is not None
    tasks.deliver_batch(notification_ids=[created.pk])
    tasks.deliver_batch(notification_ids=[created.pk])
    assert len(mail.outbox) == 1


def test_failed_email_is_retried_with_backoff_and_recorded_after_the_last_retry(
    learner, monkeypatch
):
    created = services.notification_create(
        recipient=learner, kind=Kind.REVIEW_READY, dedupe_key="round:7", title="t", body="b"
    )
    assert created is not None

    def refuse(*args, **kwargs):
        raise OSError("connection refused")

    monkeypatch.setattr("django.core.mail.EmailMultiAlternatives.send", refuse)
    retries: list[tuple[object, ...]] = []
    monkeypatch.setattr(
        tasks.deliver_email,
        "apply_async",
        lambda args, countdown: retries.append((args, countdown)),
    )
    tasks.deliver_batch(notification_ids=[created.pk])
    assert retries == [((created.pk,), tasks.EMAIL_BACKOFF_SECONDS)]
    created.refresh_from_db()
    assert created.email_status == DeliveryStatus.PENDING
    assert "connection refused" in created.email_last_error

    # Retries run eagerly here; the last one records the failure instead of raising.
    result = tasks.deliver_email.apply(args=(created.pk,), retries=tasks.EMAIL_MAX_RETRIES)
    assert result.get() is False
    created.refresh_from_db()
    assert created.email_status == DeliveryStatus.FAILED
    assert created.email_attempts == 2
    assert "connection refused" in created.email_last_error


def test_retry_countdown_grows_exponentially(learner, monkeypatch):
    from celery.exceptions import Retry

    created = services.notification_create(
        recipient=learner, kind=Kind.REVIEW_READY, dedupe_key="round:8", title="t", body="b"
    )
    assert created is not None
    monkeypatch.setattr(
        "django.core.mail.EmailMultiAlternatives.send",
        lambda *a, **k: (_ for _ in ()).throw(OSError("down")),
    )
    countdowns = []

    def fake_retry(*args, **kwargs):
        countdowns.append(kwargs["countdown"])
        return Retry("retry", when=kwargs["countdown"])

    monkeypatch.setattr(tasks.deliver_email, "retry", fake_retry)
    for attempt in range(3):
        tasks.deliver_email.push_request(retries=attempt)
        try:
            with pytest.raises(Retry):
                tasks.deliver_email.run(created.pk)
        finally:
            tasks.deliver_email.pop_request()
    assert countdowns == [60, 120, 240]
    created.refresh_from_db()
    assert created.email_status == DeliveryStatus.PENDING


def test_unsubscribe_stops_queued_email(learner):
    created = services.notification_create(
        recipient=learner, kind=Kind.REVIEW_READY, dedupe_key="round:9", title="t", body="b"
    )
    assert created is not None
    services.unsubscribe(user=learner)
    tasks.deliver_batch(notification_ids=[created.pk])
    assert mail.outbox == []
    created.refresh_from_db()
    assert created.email_status == DeliveryStatus.SKIPPED
    assert created.inbox_status == DeliveryStatus.SENT
