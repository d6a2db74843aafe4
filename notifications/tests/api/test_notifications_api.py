from __future__ import annotations

import datetime

import pytest

from notifications import services
from notifications.models import Notification
from tests.api.fixtures import query_count

pytestmark = pytest.mark.django_db


def notify(user, n: int, kind: str = "announcement") -> list[Notification]:
    made = [
        services.notification_create(
            recipient=user, kind=kind, dedupe_key=f"k{i}", title=f"Note {i}", body="b"
        )
        for i in range(n)
    ]
    return [m for m in made if m is not None]


def test_inbox_lists_mine_newest_first_and_filters_unread(api_learner, learner, outsider):
    mine = notify(learner, 3)
    notify(outsider, 2)
    body = api_learner.get("/api/v1/notifications/").json()
    assert [n["id"] for n in body["results"]] == [n.pk for n in reversed(mine)]
    api_learner.post(f"/api/v1/notifications/{mine[0].pk}/read/")
    unread = api_learner.get("/api/v1/notifications/?unread=true").json()["results"]
    assert len(unread) == 2
    assert api_learner.get("/api/v1/notifications/unread-count/").json() == {"unread": 2}


def test_mark_read_is_idempotent_and_mark_all_counts(api_learner, learner):
    first, *_ = notify(learner, 3)
    once = api_learner.post(f"/api/v1/notifications/{first.pk}/read/").json()
    twice = api_learner.post(f"/api/v1/notifications/{first.pk}/read/").json()
    assert once["read_at"] == twice["read_at"] is not None
    assert api_learner.post("/api/v1/notifications/read-all/").json() == {"marked": 2}
    assert api_learner.get("/api/v1/notifications/unread-count/").json() == {"unread": 0}


def test_someone_elses_notification_cannot_be_marked(api_outsider, learner):
    (note,) = notify(learner, 1)
    assert api_outsider.post(f"/api/v1/notifications/{note.pk}/read/").status_code == 404
    note.refresh_from_db()
    assert note.read_at is None


def test_preferences_read_and_update(api_learner):
    assert api_learner.get("/api/v1/notifications/preferences/").json()["quiet"] is False
    updated = api_learner.patch("/api/v1/notifications/preferences/", {"quiet": True}).json()
    assert updated == {"email_enabled": True, "in_app_enabled": True, "quiet": True}


def test_streak_and_heatmap_follow_activity(api_learner, learner):
    services.activity_record(learner=learner, minutes=45)
    yesterday = datetime.datetime.now(tz=datetime.UTC) - datetime.timedelta(days=1)
    services.activity_record(learner=learner, at=yesterday, minutes=10)
    streak = api_learner.get("/api/v1/streak/").json()
    assert streak["current"] == 2
    assert streak["active_today"] is True
    heatmap = api_learner.get("/api/v1/heatmap/").json()
    assert heatmap["active_days"] == 2
    assert heatmap["days"][-1]["minutes"] == 45


def test_inbox_queries_are_constant_in_page_size(api_learner, learner):
    notify(learner, 30)
    small = query_count(api_learner, "/api/v1/notifications/?page_size=3")
    large = query_count(api_learner, "/api/v1/notifications/?page_size=30")
    assert small == large <= 4


def test_two_preference_patches_of_different_fields_both_survive(api_learner, learner):
    """Another PATCH switches email off after this one read the row: turning quiet mode on
    must not switch email back on."""
    from notifications.models import NotificationPreferences
    from tests.concurrency import change_after_first_read

    assert api_learner.patch("/api/v1/notifications/preferences/", {}).status_code == 200

    def email_off() -> None:
        NotificationPreferences.objects.filter(user=learner).update(email_enabled=False)

    with change_after_first_read(NotificationPreferences._meta.db_table, email_off):
        response = api_learner.patch("/api/v1/notifications/preferences/", {"quiet": True})
    assert response.status_code == 200, response.content
    prefs = NotificationPreferences.objects.get(user=learner)
    assert (prefs.email_enabled, prefs.in_app_enabled, prefs.quiet) == (False, True, True)
