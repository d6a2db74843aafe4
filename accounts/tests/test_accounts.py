from __future__ import annotations

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from accounts import services
from accounts.models import ALL_DAYS, User
from conftest import client_for, make_user


def test_users_log_in_with_their_email_and_it_is_stored_lower_case(db: None) -> None:
    user = User.objects.create_user(email="Ada@Example.COM", password="x-long-password")
    assert user.email == "ada@example.com"
    assert user.USERNAME_FIELD == "email"
    assert user.practice_days == ALL_DAYS
    assert 60 <= user.daily_goal_minutes <= 120


def test_sign_up_verify_email_then_log_in(client: Client, db: None) -> None:
    response = client.post(
        reverse("account_signup"),
        {
            "email": "New.Learner@example.com",
            "password1": "pick-a-long-one-42",
            "password2": "pick-a-long-one-42",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="new.learner@example.com")
    # Verification is mandatory: the login is refused until the link is followed.
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^\s]+/accounts/confirm-email/[^\s]+", str(mail.outbox[0].body))
    assert link is not None
    path = "/" + link.group(0).split("/", 3)[3]
    assert client.post(path).status_code == 302
    assert EmailAddress.objects.get(user=user).verified
    client.logout()
    login = client.post(
        reverse("account_login"),
        {"login": "new.learner@example.com", "password": "pick-a-long-one-42"},
    )
    assert login.status_code == 302
    assert client.get(reverse("courses:dashboard")).status_code == 200


def test_password_reset_sends_an_email(client: Client, db: None) -> None:
    make_user("forgot@example.com")
    client.post(reverse("account_reset_password"), {"email": "forgot@example.com"})
    assert len(mail.outbox) == 1
    assert "password" in mail.outbox[0].subject.lower()


def test_the_profile_page_shows_the_streak_and_heatmap(db: None) -> None:
    html = (
        client_for(make_user("heat@example.com")).get(reverse("accounts:settings")).content.decode()
    )
    assert "days current streak" in html
    assert "<svg" in html


def test_practice_settings_are_saved_with_days_as_a_mask(db: None) -> None:
    user = make_user("ruth@example.com")
    client = client_for(user)
    response = client.post(
        reverse("accounts:settings"),
        {
            "display_name": "Ruth",
            "time_zone": "America/New_York",
            "practice_hour": 7,
            "daily_goal_minutes": 90,
            "days": ["0", "2", "4"],
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.display_name, user.time_zone, user.practice_hour, user.daily_goal_minutes) == (
        "Ruth",
        "America/New_York",
        7,
        90,
    )
    assert user.practice_weekdays == [0, 2, 4]
    assert user.practice_days_label == "Mon, Wed, Fri"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("time_zone", "Mars/Olympus", "Select a valid choice"),
        ("practice_hour", 24, "less than or equal to 23"),
        ("daily_goal_minutes", 5, "greater than or equal to 15"),
        ("days", [], "Pick at least one day"),
    ],
)
def test_invalid_settings_are_explained(db: None, field: str, value: object, message: str) -> None:
    user = make_user("ivan@example.com")
    client = client_for(user)
    data: dict[str, object] = {
        "display_name": "",
        "time_zone": "UTC",
        "practice_hour": 18,
        "daily_goal_minutes": 60,
        "days": ["0"],
    }
    data[field] = value
    response = client.post(reverse("accounts:settings"), data)
    assert response.status_code == 200
    assert message in response.content.decode()


def test_the_service_rejects_an_unknown_time_zone(db: None) -> None:
    user = make_user("zed@example.com")
    with pytest.raises(ValidationError):
        services.practice_settings_update(
            user=user,
            display_name="",
            time_zone="Nowhere/Else",
            practice_hour=8,
            practice_days=[1],
            daily_goal_minutes=60,
        )


def test_demo_accounts_are_created_once_with_roles(db: None) -> None:
    services.demo_users_ensure()
    services.demo_users_ensure()
    learner = User.objects.get(email="learner@apprentice.local")
    mentor = User.objects.get(email="mentor@apprentice.local")
    staff = User.objects.get(email="staff@apprentice.local")
    assert learner.enrollments.count() == 1
    assert mentor.is_mentor and not learner.is_mentor
    assert staff.is_staff and not learner.is_staff
    assert learner.check_password("learn-python-daily")
    assignment = learner.mentor_assignments.get(ended_at__isnull=True)
    assert assignment.mentor.user == mentor


def test_demo_learners_are_mid_programme_with_real_work_and_made_once(db: None) -> None:
    from courses import selectors as course_selectors
    from mentors.models import ReviewRound
    from submissions.models import Submission

    services.demo_users_ensure()
    accounts = services.demo_learners_ensure()
    phase2 = User.objects.get(email=accounts[0].email)
    phase3 = User.objects.get(email=accounts[1].email)
    progress2 = course_selectors.progress_get(
        enrollment=course_selectors.enrollment_active(learner=phase2)  # type: ignore[arg-type]
    )
    progress3 = course_selectors.progress_get(
        enrollment=course_selectors.enrollment_active(learner=phase3)  # type: ignore[arg-type]
    )
    assert (progress2.expected_phase.number, progress2.current_phase.number) == (2, 2)
    assert progress3.expected_phase.number == 3
    assert Submission.objects.filter(learner=phase2, status=Submission.Status.PASSED).exists()
    assert Submission.objects.filter(learner=phase2, status=Submission.Status.FAILED).exists()
    assert ReviewRound.objects.filter(capstone__learner=phase3, decided_at=None).count() == 1
    before = Submission.objects.count()
    services.demo_learners_ensure()
    assert Submission.objects.count() == before


def test_a_partial_update_keeps_what_another_request_changed(db: None) -> None:
    """Two requests that each change one field: the second, holding a copy of the user read
    before the first saved, must not write the first one's field back (lost update)."""
    user = make_user("lin@example.com", display_name="Lin")
    stale = User.objects.get(pk=user.pk)
    services.practice_settings_update(user=user, display_name="Lin Chen")
    updated = services.practice_settings_update(user=stale, time_zone="Asia/Tokyo")
    user.refresh_from_db()
    assert (user.display_name, user.time_zone) == ("Lin Chen", "Asia/Tokyo")
    assert (updated.display_name, updated.time_zone) == ("Lin Chen", "Asia/Tokyo")
