from __future__ import annotations

import pytest

from conftest import client_for
from tests.api.fixtures import query_count

pytestmark = pytest.mark.django_db


def test_me_shows_the_profile_with_utc_timestamps(api_learner, learner):
    response = api_learner.get("/api/v1/me/")
    assert response.status_code == 200
    body = response.json()
    assert body["email"] == learner.email
    assert body["practice_days"] == [0, 1, 2, 3, 4, 5, 6]
    assert body["date_joined"].endswith("Z")


def test_me_update_changes_only_what_is_sent(api_learner, learner):
    response = api_learner.patch(
        "/api/v1/me/", {"time_zone": "Europe/Berlin", "practice_days": [0, 2]}
    )
    assert response.status_code == 200, response.content
    learner.refresh_from_db()
    assert learner.time_zone == "Europe/Berlin"
    assert learner.practice_weekdays == [0, 2]
    assert learner.display_name == "Ada"


def test_me_update_rejects_an_unknown_time_zone_with_field_errors(api_learner):
    response = api_learner.patch("/api/v1/me/", {"time_zone": "Mars/Olympus", "practice_hour": 30})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["code"] == "validation_error"
    assert set(body["errors"]) == {"time_zone", "practice_hour"}


def test_anonymous_requests_get_401_problem_with_challenge(api_anon):
    response = api_anon.get("/api/v1/me/")
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response["WWW-Authenticate"].startswith("X-Session-Token")
    assert response.json()["code"] == "not_authenticated"


def test_an_unknown_session_token_is_not_authenticated(api_anon):
    response = api_anon.get("/api/v1/me/", HTTP_X_SESSION_TOKEN="not-a-session")
    assert response.status_code == 401


def test_the_web_session_cookie_also_authenticates(learner):
    assert client_for(learner).get("/api/v1/me/").json()["email"] == learner.email


def test_me_costs_few_queries(api_learner):
    assert query_count(api_learner, "/api/v1/me/") <= 3  # session, user, mentor profile


def test_two_patches_of_different_fields_both_survive(api_learner, learner):
    """Another PATCH renames the learner after this one read the row: moving to Tokyo must
    not write the old name back."""
    from accounts.models import User
    from tests.concurrency import change_after_first_read

    def rename() -> None:
        User.objects.filter(pk=learner.pk).update(display_name="Ada Lovelace")

    with change_after_first_read(User._meta.db_table, rename):
        response = api_learner.patch("/api/v1/me/", {"time_zone": "Asia/Tokyo"})
    assert response.status_code == 200, response.content
    learner.refresh_from_db()
    assert (learner.display_name, learner.time_zone) == ("Ada Lovelace", "Asia/Tokyo")
    assert response.json()["display_name"] == "Ada Lovelace"
