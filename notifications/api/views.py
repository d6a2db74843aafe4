"""The in-app inbox (list, unread count, mark read), channel preferences, and the streak and
heatmap of the signed-in learner. Views call notifications.services/selectors only."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.models import User
from config.api.pagination import FeedCursorPagination
from config.api.schema import list_schema, own_settings_schema
from config.api.serializers import ModelOutputSerializer
from config.api.views import OwnSettingsView, UserListView
from config.requests import found_or_404, request_user
from notifications import selectors, services
from notifications.api.filters import NotificationFilter
from notifications.models import Notification, NotificationPreferences


class NotificationSerializer(ModelOutputSerializer[Notification]):
    url = serializers.CharField(help_text="Where the notification leads on the web, if anywhere.")
    is_read = serializers.BooleanField()

    class Meta:
        model = Notification
        fields = ("id", "kind", "title", "body", "url", "created_at", "read_at", "is_read")
        ref_name = "Notification"


NOTIFICATION_EXAMPLE = {
    "id": 81,
    "kind": "review_ready",
    "title": "Your capstone review is ready",
    "body": "Grace requested a few changes.",
    "url": "/mentors/rounds/12/",
    "created_at": "2025-02-01T10:00:00Z",
    "read_at": None,
    "is_read": False,
}


@list_schema("Your inbox, newest first (cursor pagination)", inbox=NOTIFICATION_EXAMPLE)
class NotificationListView(UserListView[Notification]):
    model = Notification
    serializer_class = NotificationSerializer
    filterset_class = NotificationFilter
    pagination_class = FeedCursorPagination

    def list_for(self, user: User) -> QuerySet[Notification]:
        return selectors.notification_inbox(recipient=user)


class UnreadCountView(APIView):
    class OutputSerializer(serializers.Serializer[dict[str, int]]):
        unread = serializers.IntegerField()

        class Meta:
            ref_name = "UnreadCount"

    @extend_schema(
        summary="How many inbox items are unread (one indexed query: cheap to poll)",
        responses=OutputSerializer,
        examples=[OpenApiExample("count", value={"unread": 3}, response_only=True)],
    )
    def get(self, request: Request) -> Response:
        return Response(
            {"unread": selectors.notification_unread_count(recipient=request_user(request))}
        )


class MarkReadView(APIView):
    @extend_schema(
        operation_id="notifications_mark_read",
        summary="Mark one notification read (idempotent)",
        request=None,
        responses=NotificationSerializer,
        examples=[
            OpenApiExample(
                "read",
                value={**NOTIFICATION_EXAMPLE, "read_at": "2025-02-01T10:05:00Z", "is_read": True},
                response_only=True,
            )
        ],
    )
    def post(self, request: Request, notification_id: int) -> Response:
        recipient = request_user(request)
        notification = found_or_404(
            services.notification_mark_read,
            "No such notification.",
            recipient=recipient,
            notification_id=notification_id,
        )
        return Response(NotificationSerializer(notification).data)


class MarkAllReadView(APIView):
    class OutputSerializer(serializers.Serializer[dict[str, int]]):
        marked = serializers.IntegerField(help_text="How many were unread.")

        class Meta:
            ref_name = "MarkAllRead"

    @extend_schema(
        operation_id="notifications_mark_all_read",
        summary="Mark every notification read",
        request=None,
        responses=OutputSerializer,
        examples=[OpenApiExample("marked", value={"marked": 3}, response_only=True)],
    )
    def post(self, request: Request) -> Response:
        marked = services.notification_mark_all_read(recipient=request_user(request))
        return Response({"marked": marked})


PREFERENCES_EXAMPLE = {"email_enabled": True, "in_app_enabled": True, "quiet": False}


@own_settings_schema(
    operation="notification_preferences",
    read="Your notification channels",
    update="Change channels or quiet mode (send only what changes)",
    example=PREFERENCES_EXAMPLE,
    change=("quiet", {"quiet": True}),
)
class PreferencesView(OwnSettingsView):
    """Where your notifications go: the inbox, email, both or (quiet) nowhere."""

    class OutputSerializer(ModelOutputSerializer[NotificationPreferences]):
        quiet = serializers.BooleanField(help_text="Mute reminders on every channel.")

        class Meta:
            model = NotificationPreferences
            fields = ("email_enabled", "in_app_enabled", "quiet")
            ref_name = "NotificationPreferences"

    class InputSerializer(serializers.Serializer[dict[str, bool]]):
        email_enabled = serializers.BooleanField(required=False)
        in_app_enabled = serializers.BooleanField(required=False)
        quiet = serializers.BooleanField(required=False)

        class Meta:
            ref_name = "NotificationPreferencesUpdate"

    def settings_get(self, user: User) -> NotificationPreferences:
        return selectors.preferences_get(user=user)

    def settings_update(self, user: User, **changes: Any) -> NotificationPreferences:
        return services.preferences_update(user=user, **changes)


class StreakView(APIView):
    class OutputSerializer(serializers.Serializer[Any]):
        current = serializers.IntegerField(help_text="Consecutive active days up to today.")
        longest = serializers.IntegerField()
        active_today = serializers.BooleanField()
        at_risk = serializers.BooleanField(help_text="A streak that ends unless you practise.")
        last_active_on = serializers.DateField(allow_null=True)

        class Meta:
            ref_name = "Streak"

    @extend_schema(
        summary="Your practice streak (days counted in your time zone)",
        responses=OutputSerializer,
        examples=[
            OpenApiExample(
                "streak",
                value={
                    "current": 5,
                    "longest": 12,
                    "active_today": False,
                    "at_risk": True,
                    "last_active_on": "2025-02-01",
                },
                response_only=True,
            )
        ],
    )
    def get(self, request: Request) -> Response:
        streaks = selectors.learner_streaks(learner=request_user(request))
        return Response(self.OutputSerializer(streaks).data)


class HeatmapDaySerializer(serializers.Serializer[Any]):
    day = serializers.DateField()
    minutes = serializers.IntegerField(help_text="Estimated practice minutes.")
    level = serializers.IntegerField(help_text="Shade 0–4.")

    class Meta:
        ref_name = "HeatmapDay"


class HeatmapView(APIView):
    class OutputSerializer(serializers.Serializer[Any]):
        first_day = serializers.DateField()
        today = serializers.DateField()
        weeks = serializers.IntegerField()
        active_days = serializers.IntegerField()
        total_minutes = serializers.IntegerField()
        days = HeatmapDaySerializer(many=True, source="cells")

        class Meta:
            ref_name = "Heatmap"

    @extend_schema(
        summary="Practice per day for the last 26 weeks (a contribution-style grid)",
        responses=OutputSerializer,
        examples=[
            OpenApiExample(
                "heatmap",
                value={
                    "first_day": "2024-08-05",
                    "today": "2025-02-01",
                    "weeks": 26,
                    "active_days": 1,
                    "total_minutes": 45,
                    "days": [{"day": "2025-02-01", "minutes": 45, "level": 2}],
                },
                response_only=True,
            )
        ],
    )
    def get(self, request: Request) -> Response:
        heatmap = selectors.learner_heatmap(learner=request_user(request))
        return Response(self.OutputSerializer(heatmap).data)
