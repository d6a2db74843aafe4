"""Reads of the accounts app."""

from __future__ import annotations

import datetime
import functools
import zoneinfo

from django.utils import timezone

from accounts.models import User


def user_local_date(*, user: User, at: datetime.datetime | None = None) -> datetime.date:
    """The date where the user lives at `at` (now by default). Plan days, streaks, activity
    and reminder keys all count the user's local days, never UTC ones."""
    return zone_local_date(zone=user.time_zone, at=at or timezone.now())


@functools.cache
def _zone(name: str) -> zoneinfo.ZoneInfo:
    # ZoneInfo's own cache keeps few zones; a reminder beat converts "now" into hundreds.
    return zoneinfo.ZoneInfo(name)


def zone_local_date(*, zone: str, at: datetime.datetime) -> datetime.date:
    """The date in time zone `zone` at `at` (for many users of one zone at once)."""
    return at.astimezone(_zone(zone)).date()


def zone_local_time(*, zone: str, at: datetime.datetime) -> datetime.datetime:
    return at.astimezone(_zone(zone))
