"""The signed-in user: profile, practice preferences and time zone."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from accounts import services
from accounts.api.serializers import practice_days_field, time_zone_names
from accounts.models import User
from config.api.schema import own_settings_schema
from config.api.serializers import ModelOutputSerializer
from config.api.views import OwnSettingsView

ME_EXAMPLE = {
    "id": 42,
    "email": "ada@example.com",
    "display_name": "Ada",
    "time_zone": "Europe/London",
    "practice_hour": 18,
    "practice_days": [0, 1, 2, 3, 4],
    "daily_goal_minutes": 60,
    "is_mentor": False,
    "date_joined": "2025-01-06T09:30:00Z",
}


@own_settings_schema(
    operation="me",
    read="Your profile and practice preferences",
    update="Change profile, time zone or practice preferences (send only what changes)",
    example=ME_EXAMPLE,
    change=("move to Berlin, practise at 7", {"time_zone": "Europe/Berlin", "practice_hour": 7}),
)
class MeView(OwnSettingsView):
    """The signed-in user: profile, time zone, practice hour and days, and daily goal."""

    class OutputSerializer(ModelOutputSerializer[User]):
        time_zone = serializers.CharField(help_text="IANA time zone, e.g. Europe/Berlin.")
        practice_hour = serializers.IntegerField(help_text="Local hour (0–23) of daily practice.")
        practice_days = practice_days_field(source="practice_weekdays")
        is_mentor = serializers.BooleanField()

        class Meta:
            model = User
            fields = (
                "id", "email", "display_name", "time_zone", "practice_hour", "practice_days",
                "daily_goal_minutes", "is_mentor", "date_joined",
            )  # fmt: skip
            ref_name = "Me"

    class InputSerializer(serializers.Serializer[dict[str, Any]]):
        display_name = serializers.CharField(max_length=80, allow_blank=True, required=False)
        time_zone = serializers.ChoiceField(choices=(), required=False)
        practice_hour = serializers.IntegerField(min_value=0, max_value=23, required=False)
        practice_days = practice_days_field(required=False, min_length=1)
        daily_goal_minutes = serializers.IntegerField(min_value=15, max_value=240, required=False)

        class Meta:
            ref_name = "MeUpdate"

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.fields["time_zone"].choices = time_zone_names()  # type: ignore[attr-defined]

    def settings_get(self, user: User) -> User:
        return user

    def settings_update(self, user: User, **changes: Any) -> User:
        return services.practice_settings_update(user=user, **changes)
