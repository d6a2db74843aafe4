"""Writes of the accounts app."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.db import transaction

from accounts.models import User

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class DemoAccount:
    role: str
    email: str
    password: str


DEMO_ACCOUNTS = (
    DemoAccount("learner", "learner@apprentice.local", "learn-python-daily"),
    DemoAccount("mentor", "mentor@apprentice.local", "review-with-care"),
    DemoAccount("staff", "staff@apprentice.local", "run-the-school"),
)


@transaction.atomic
def user_create(
    *, email: str, password: str, display_name: str = "", verified: bool = False, **extra: object
) -> User:
    """Create a user with a primary email address (verified when we vouch for it)."""
    user = User.objects.create_user(
        email=email, password=password, display_name=display_name, **extra
    )
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=verified)
    return user


@transaction.atomic
def ensure_demo_users() -> list[DemoAccount]:
    """Create the demo learner, mentor and staff user if missing (idempotent): the learner is
    enrolled in the first track, the mentor covers every track."""
    from courses import selectors as course_selectors
    from courses import services as course_services
    from mentors import services as mentor_services
    from mentors.models import MentorProfile

    tracks = list(course_selectors.catalog_tracks())
    for account in DEMO_ACCOUNTS:
        user = User.objects.filter(email=account.email).first()
        if user is None:
            user = user_create(
                email=account.email,
                password=account.password,
                display_name=f"Demo {account.role}",
                verified=True,
                is_staff=account.role == "staff",
                is_superuser=account.role == "staff",
                time_zone="Europe/London",
            )
        if (
            account.role == "learner"
            and tracks
            and not course_selectors.active_enrollment(learner=user)
        ):
            course_services.enroll(learner=user, track=tracks[0])
        if account.role == "mentor":
            profile, _ = MentorProfile.objects.get_or_create(
                user=user, defaults={"bio": "Backend engineer who enjoys reading careful code."}
            )
            profile.tracks.set(tracks)
    # The learner enrolled before the mentor existed: give them their mentor now.
    mentor_services.assign_waiting_learners()
    return list(DEMO_ACCOUNTS)


def practice_settings_update(
    *,
    user: User,
    display_name: str,
    time_zone: str,
    practice_hour: int,
    practice_days: list[int],
    daily_goal_minutes: int,
) -> User:
    """Save profile and practice preferences (validated by the model's validators)."""
    user.display_name = display_name
    user.time_zone = time_zone
    user.practice_hour = practice_hour
    user.practice_days = sum(1 << day for day in set(practice_days))
    user.daily_goal_minutes = daily_goal_minutes
    user.full_clean(exclude=["password"])
    user.save(
        update_fields=[
            "display_name",
            "time_zone",
            "practice_hour",
            "practice_days",
            "daily_goal_minutes",
        ]
    )
    return user
