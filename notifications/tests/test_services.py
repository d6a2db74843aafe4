from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from notifications import selectors, services, tasks
from notifications.models import DeliveryStatus, Kind, Notification


def review_ready(learner, key: str, *, title: str = "t", body: str = "b", url: str = ""):
    """A mentorship notice (inbox and email) for `learner`, created."""
    created = services.notification_create(
        recipient=learner, kind=Kind.REVIEW_READY, dedupe_key=key, title=title, body=body, url=url
    )
    assert created is not None
    return created


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
    ready = review_ready(learner, "round:2")
    assert ready.inbox_status == DeliveryStatus.SENT
    assert ready.email_status == DeliveryStatus.SKIPPED


def test_email_channel_off_skips_email_but_not_inbox(learner):
    services.preferences_update(user=learner, email_enabled=False, in_app_enabled=True, quiet=False)
    created = review_ready(learner, "round:3")
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


def test_email_has_text_html_and_one_click_unsubscribe(learner, published, settings):
    created = review_ready(
        learner,
        "round:5",
        title="Your review is ready",
        body="Grace reviewed version 1.",
        url="/mentors/rounds/5/",
    )
    assert tasks.deliver_batch(notification_ids=[created.pk]) == 1
    [message] = mail.outbox
    assert message.subject == "Your review is ready"
    assert "Grace reviewed version 1." in message.body
    assert message.alternatives[0][1] == "text/html"  # type: ignore[attr-defined]
    unsubscribe = services.unsubscribe_url_build(user=learner)
    assert message.extra_headers["List-Unsubscribe"] == f"<{unsubscribe}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe in message.body
    # Every link is absolute on SITE_URL: the notification's own, the inbox, the settings.
    for path in ("/mentors/rounds/5/", "/notifications/", "/notifications/preferences/"):
        assert f"{settings.SITE_URL.rstrip('/')}{path}\n" in message.body
    created.refresh_from_db()
    assert created.email_status == DeliveryStatus.SENT
    assert created.email_attempts == 1


def test_delivering_a_batch_twice_sends_once(learner):
    created = review_ready(learner, "round:6")
    tasks.deliver_batch(notification_ids=[created.pk])
    tasks.deliver_batch(notification_ids=[created.pk])
    assert len(mail.outbox) == 1


def test_failed_email_is_retried_with_backoff_and_recorded_after_the_last_retry(
    learner, monkeypatch
):
    created = review_ready(learner, "round:7")

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

    created = review_ready(learner, "round:8")
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
    created = review_ready(learner, "round:9")
    services.email_unsubscribe(user=learner)
    tasks.deliver_batch(notification_ids=[created.pk])
    assert mail.outbox == []
    created.refresh_from_db()
    assert created.email_status == DeliveryStatus.SKIPPED
    assert created.inbox_status == DeliveryStatus.SENT


def test_every_email_of_a_notification_carries_the_same_message_id(learner):
    created = review_ready(learner, "round:9")
    tasks.deliver_batch(notification_ids=[created.pk])
    [message] = mail.outbox
    assert (
        message.extra_headers["Message-ID"]
        == f"<notification-{created.pk}.review_ready@apprentice.local>"
    )
    assert message.message()["Message-ID"] == message.extra_headers["Message-ID"]


def _swept_after_a_worker_died_mid_send(learner, kind: str, key: str):
    """A notification whose email a worker claimed and then died with, once the stale
    sweep has looked at it."""
    created = services.notification_create(
        recipient=learner, kind=kind, dedupe_key=key, title="t", body="b"
    )
    assert created is not None
    assert services.email_claim(notification_id=created.pk)
    later = timezone.now() + services.STALE_SENDING_AFTER + datetime.timedelta(minutes=1)
    services.email_requeue_stale(now=later)
    created.refresh_from_db()
    return created


def test_a_reminder_whose_send_outcome_is_unknown_is_not_sent_again(learner, published):
    reminder = _swept_after_a_worker_died_mid_send(learner, Kind.DAILY_PRACTICE, "2026-12-01")
    assert reminder.email_status == DeliveryStatus.UNKNOWN
    tasks.deliver_batch(notification_ids=[reminder.pk])
    assert mail.outbox == []


def test_a_mentorship_notice_whose_send_outcome_is_unknown_is_sent_again(learner, published):
    notice = _swept_after_a_worker_died_mid_send(learner, Kind.REVIEW_READY, "round:10")
    assert notice.email_status == DeliveryStatus.PENDING
    tasks.deliver_batch(notification_ids=[notice.pk])
    assert len(mail.outbox) == 1


def test_one_email_that_cannot_be_sent_does_not_stop_its_batch(learner, make_learner):
    from accounts.models import User

    other = make_learner()
    bad = services.notification_create(
        recipient=learner, kind=Kind.REVIEW_READY, dedupe_key="round:11", title="t", body="b"
    )
    good = services.notification_create(
        recipient=other, kind=Kind.REVIEW_READY, dedupe_key="round:12", title="fine", body="b"
    )
    assert bad is not None and good is not None
    # A row no email can carry (written around the validation, as an old import might).
    User.objects.filter(pk=learner.pk).update(email="ada@example.com\nBcc: all@example.com")
    assert tasks.deliver_batch(notification_ids=[bad.pk, good.pk]) == 1
    bad.refresh_from_db()
    good.refresh_from_db()
    assert bad.email_status == DeliveryStatus.FAILED
    assert "BadHeaderError" in bad.email_last_error
    assert good.email_status == DeliveryStatus.SENT


def test_a_title_with_line_breaks_makes_a_one_line_subject(learner):
    created = review_ready(learner, "round:15", title="a\nb\r\nc")
    assert tasks.deliver_batch(notification_ids=[created.pk]) == 1
    assert mail.outbox[0].subject == "a b c"


def test_notifications_older_than_the_retention_are_deleted(learner, settings):
    old = review_ready(learner, "round:13")
    Notification.objects.filter(pk=old.pk).update(
        created_at=timezone.now()
        - datetime.timedelta(days=settings.NOTIFICATION_RETENTION_DAYS + 1)
    )
    fresh = review_ready(learner, "round:14")
    assert services.notification_prune() == 1
    assert list(Notification.objects.values_list("pk", flat=True)) == [fresh.pk]


def test_a_partial_preferences_update_keeps_the_other_stored_choices(learner):
    services.preferences_update(user=learner, email_enabled=False, in_app_enabled=True, quiet=False)
    services.preferences_update(user=learner, quiet=True)
    prefs = selectors.preferences_get(user=learner)
    assert (prefs.email_enabled, prefs.in_app_enabled, prefs.quiet) == (False, True, True)
