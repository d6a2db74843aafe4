"""Query filters of the learner's submission list."""

from __future__ import annotations

import django_filters  # type: ignore[import-untyped]  # no stubs published

from submissions.models import Submission


class SubmissionFilter(django_filters.FilterSet):  # type: ignore[misc]
    exercise = django_filters.CharFilter(field_name="exercise__slug", label="Exercise slug")
    status = django_filters.MultipleChoiceFilter(choices=Submission.Status.choices)
    created_after = django_filters.IsoDateTimeFilter(field_name="created_at", lookup_expr="gte")
    created_before = django_filters.IsoDateTimeFilter(field_name="created_at", lookup_expr="lt")

    class Meta:
        model = Submission
        fields = ("exercise", "status", "created_after", "created_before")
