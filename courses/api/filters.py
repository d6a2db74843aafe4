"""Query filters of the course lists."""

from __future__ import annotations

import django_filters  # type: ignore[import-untyped]  # no stubs published

from courses.models import Exercise, Lesson


class LessonFilter(django_filters.FilterSet):  # type: ignore[misc]
    phase = django_filters.NumberFilter(field_name="module__phase__number", label="Phase number")
    module = django_filters.CharFilter(field_name="module__slug", label="Module slug")
    completed = django_filters.BooleanFilter(field_name="completed", label="Completed by me")

    class Meta:
        model = Lesson
        fields = ("phase", "module", "completed")


class ExerciseFilter(django_filters.FilterSet):  # type: ignore[misc]
    phase = django_filters.NumberFilter(field_name="module__phase__number", label="Phase number")
    module = django_filters.CharFilter(field_name="module__slug", label="Module slug")
    kind = django_filters.ChoiceFilter(choices=Exercise.Kind.choices)
    difficulty = django_filters.NumberFilter()
    solved = django_filters.BooleanFilter(field_name="solved", label="Solved by me")

    class Meta:
        model = Exercise
        fields = ("phase", "module", "kind", "difficulty", "solved")
