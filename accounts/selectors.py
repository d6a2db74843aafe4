"""Reads of the accounts app."""

from __future__ import annotations

import datetime
import zoneinfo

from django.utils import timezone

from accounts.models import User


def user_local_date(*, user: User, at: datetime.datetime | None = None) -> datetime.date:
    """The date where the user lives at `at` (now by default). Plan days, streaks, activity
    and reminder keys all count the user's local days, never UTC ones."""
    return (at or timezone.now()).astimezone(zoneinfo.ZoneInfo(user.time_zone)).date()
