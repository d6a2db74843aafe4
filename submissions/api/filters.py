"""Query filters of the learner's submission list."""

from __future__ import annotations

import datetime
from typing import Any

import django_filters  # type: ignore[import-untyped]  # no stubs published

from submissions.models import Submission


class UtcIsoDateTimeFilter(django_filters.IsoDateTimeFilter):  # type: ignore[misc]
    """An ISO 8601 time with any offset Python accepts, compared in UTC (PostgreSQL itself
    refuses offsets beyond ±15:59, which would otherwise surface as a 500)."""

    def filter(self, qs: Any, value: Any) -> Any:
        if isinstance(value, datetime.datetime) and value.tzinfo is not None:
            value = value.astimezone(datetime.UTC)
        return super().filter(qs, value)


class SubmissionFilter(django_filters.FilterSet):  # type: ignore[misc]
    exercise = django_filters.CharFilter(field_name="exercise__slug", label="Exercise slug")
    status = django_filters.MultipleChoiceFilter(choices=Submission.Status.choices)
    created_after = UtcIsoDateTimeFilter(field_name="created_at", lookup_expr="gte")
    created_before = UtcIsoDateTimeFilter(field_name="created_at", lookup_expr="lt")

    class Meta:
        model = Submission
        fields = ("exercise", "status", "created_after", "created_before")
