"""The signed-in user: profile, practice preferences and time zone."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts import services
from accounts.api.serializers import practice_days_field, time_zone_names
from accounts.models import User
from config.api.views import validated_input
from config.requests import request_user

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


class MeView(APIView):
    class OutputSerializer(serializers.Serializer[User]):
        id = serializers.IntegerField()
        email = serializers.EmailField()
        display_name = serializers.CharField()
        time_zone = serializers.CharField(help_text="IANA time zone, e.g. Europe/Berlin.")
        practice_hour = serializers.IntegerField(help_text="Local hour (0–23) of daily practice.")
        practice_days = practice_days_field(source="practice_weekdays")
        daily_goal_minutes = serializers.IntegerField()
        is_mentor = serializers.BooleanField()
        date_joined = serializers.DateTimeField()

        class Meta:
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

    @extend_schema(
        operation_id="me_retrieve",
        summary="Your profile and practice preferences",
        responses=OutputSerializer,
        examples=[OpenApiExample("me", value=ME_EXAMPLE, response_only=True)],
    )
    def get(self, request: Request) -> Response:
        return Response(self.OutputSerializer(request_user(request)).data)

    @extend_schema(
        operation_id="me_update",
        summary="Change profile, time zone or practice preferences (send only what changes)",
        request=InputSerializer,
        responses=OutputSerializer,
        examples=[
            OpenApiExample(
                "move to Berlin, practise at 7",
                value={"time_zone": "Europe/Berlin", "practice_hour": 7},
                request_only=True,
            ),
            OpenApiExample("me", value=ME_EXAMPLE, response_only=True),
        ],
    )
    def patch(self, request: Request) -> Response:
        # Only the fields sent; the service writes them to the stored row under a lock.
        data = validated_input(self.InputSerializer, request)
        user = services.practice_settings_update(user=request_user(request), **data)
        return Response(self.OutputSerializer(user).data)
