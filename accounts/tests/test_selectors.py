from __future__ import annotations

import datetime

from accounts.models import User
from accounts.selectors import user_local_date

UTC_EVENING = datetime.datetime(2025, 3, 9, 22, 30, tzinfo=datetime.UTC)


def test_the_local_date_is_the_date_in_the_users_time_zone_not_utc() -> None:
    auckland = User(email="a@example.com", time_zone="Pacific/Auckland")
    london = User(email="l@example.com", time_zone="Europe/London")
    honolulu = User(email="h@example.com", time_zone="Pacific/Honolulu")
    assert user_local_date(user=auckland, at=UTC_EVENING) == datetime.date(2025, 3, 10)
    assert user_local_date(user=london, at=UTC_EVENING) == datetime.date(2025, 3, 9)
    assert user_local_date(user=honolulu, at=UTC_EVENING) == datetime.date(2025, 3, 9)


def test_the_local_date_defaults_to_now(time_machine) -> None:
    time_machine.move_to(datetime.datetime(2025, 3, 9, 11, 30, tzinfo=datetime.UTC))
    honolulu = User(email="h@example.com", time_zone="Pacific/Honolulu")
    assert user_local_date(user=honolulu) == datetime.date(2025, 3, 9)
    time_machine.move_to(datetime.datetime(2025, 3, 9, 9, 30, tzinfo=datetime.UTC))
    assert user_local_date(user=honolulu) == datetime.date(2025, 3, 8)
