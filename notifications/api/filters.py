"""Query filters of the inbox."""

from __future__ import annotations

import django_filters  # type: ignore[import-untyped]  # no stubs published
from django.db.models import QuerySet

from notifications.models import Kind, Notification


class NotificationFilter(django_filters.FilterSet):  # type: ignore[misc]
    unread = django_filters.BooleanFilter(method="filter_unread", label="Only unread (true)")
    kind = django_filters.MultipleChoiceFilter(choices=Kind.choices)

    class Meta:
        model = Notification
        fields = ("unread", "kind")

    def filter_unread(
        self, queryset: QuerySet[Notification], name: str, value: bool | None
    ) -> QuerySet[Notification]:
        if value is None:
            return queryset
        return queryset.filter(read_at__isnull=value)
