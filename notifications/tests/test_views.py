from __future__ import annotations

import datetime

from django.test import Client
from django.urls import reverse

from notifications import services
from notifications.models import Kind, LearnerActivity, Notification, NotificationPreferences


def notify(user, key: str) -> Notification:
    created = services.notification_create(
        recipient=user,
        kind=Kind.REVIEW_READY,
        dedupe_key=key,
        title=f"Title {key}",
        body="b",
        url="/dashboard/",
    )
    assert created is not None
    return created


def test_inbox_lists_own_notifications_with_constant_queries(
    learner, learner_client, outsider, django_assert_max_num_queries
):
    for index in range(25):
        notify(learner, f"k{index}")
    notify(outsider, "theirs")
    with django_assert_max_num_queries(8):
        response = learner_client.get(reverse("notifications:inbox"))
    assert response.status_code == 200
    assert b"Title k24" in response.content
    assert b"theirs" not in response.content
    assert b"Page 1 of 2" in response.content


def test_header_shows_unread_count(learner, learner_client):
    notify(learner, "a")
    notify(learner, "b")
    response = learner_client.get(reverse("courses:dashboard"))
    assert b'aria-label="2 unread"' in response.content


def test_inbox_requires_login():
    response = Client().get(reverse("notifications:inbox"))
    assert response.status_code == 302


def test_mark_read_and_open(learner, learner_client):
    item = notify(learner, "a")
    response = learner_client.post(
        reverse("notifications:mark-read", args=[item.pk]), {"next": "open"}
    )
    assert response.status_code == 302 and response["Location"] == "/dashboard/"
    item.refresh_from_db()
    assert item.read_at is not None


def test_a_learner_cannot_mark_another_learners_notification_read(learner, outsider_client):
    item = notify(learner, "a")
    response = outsider_client.post(reverse("notifications:mark-read", args=[item.pk]))
    assert response.status_code == 404
    item.refresh_from_db()
    assert item.read_at is None


def test_mark_all_read_touches_only_own(learner, learner_client, outsider):
    notify(learner, "a")
    notify(learner, "b")
    theirs = notify(outsider, "c")
    learner_client.post(reverse("notifications:mark-all-read"))
    assert not Notification.objects.filter(recipient=learner, read_at__isnull=True).exists()
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_preferences_page_saves_channels_and_quiet_mode(learner, learner_client):
    response = learner_client.post(
        reverse("notifications:preferences"), {"in_app_enabled": "on", "quiet": "on"}
    )
    assert response.status_code == 302
    prefs = NotificationPreferences.objects.get(user=learner)
    assert (prefs.email_enabled, prefs.in_app_enabled, prefs.quiet) == (False, True, True)


def test_unsubscribe_link_works_logged_out_get_confirms_post_unsubscribes(learner):
    url = reverse("notifications:unsubscribe", args=[services.unsubscribe_token_sign(user=learner)])
    client = Client(enforce_csrf_checks=True)
    assert client.get(url).status_code == 200
    assert not NotificationPreferences.objects.filter(
        user=learner, unsubscribed_at__isnull=False
    ).exists()
    # RFC 8058 one-click: a POST without session or CSRF token.
    response = client.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert NotificationPreferences.objects.get(user=learner).unsubscribed_at is not None


def test_tampered_unsubscribe_token_is_rejected(learner, outsider):
    token = services.unsubscribe_token_sign(user=learner)
    _, signature = token.split(":", 1)
    forged = f"{outsider.pk}:{signature}"
    for bad in (forged, token + "x", "garbage"):
        response = Client().post(reverse("notifications:unsubscribe", args=[bad]))
        assert response.status_code == 400
    assert not NotificationPreferences.objects.filter(unsubscribed_at__isnull=False).exists()


def test_dashboard_shows_streak_and_heatmap(learner, learner_client):
    today = datetime.date.today()
    for back in range(3):
        LearnerActivity.objects.create(
            learner=learner, day=today - datetime.timedelta(back), minutes=45
        )
    response = learner_client.get(reverse("courses:dashboard"))
    assert b"<strong>3</strong> days current streak" in response.content
    assert b'class="heatmap"' in response.content
    assert response.content.count(b'class="heat-2"') == 3
