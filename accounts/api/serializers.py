"""Shapes of the accounts API."""

from __future__ import annotations

import zoneinfo
from functools import cache
from typing import Any

from rest_framework import serializers

from accounts.models import User


@cache
def time_zone_names() -> tuple[str, ...]:
    return tuple(sorted(zoneinfo.available_timezones()))


class UserSummarySerializer(serializers.Serializer[User]):
    """A person as others see them (mentors, mentees): no email, no preferences."""

    id = serializers.IntegerField(read_only=True)
    name = serializers.CharField(read_only=True)

    class Meta:
        ref_name = "UserSummary"


def practice_days_field(**kwargs: Any) -> serializers.ListField:
    return serializers.ListField(
        child=serializers.IntegerField(min_value=0, max_value=6),
        help_text="Weekdays to practise, Monday = 0 … Sunday = 6.",
        **kwargs,
    )
