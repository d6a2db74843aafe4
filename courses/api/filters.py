"""Query filters of the course lists.

The plan lists (lessons, exercises) filter cached rows in Python: these FilterSets validate
the query string and document it in the schema, and `plan_filters` turns them into the
selectors' `PlanFilters`."""

from __future__ import annotations

from typing import Any

import django_filters  # type: ignore[import-untyped]  # no stubs published
from django import forms
from django_filters import utils

from config.api.views import names_a_filter
from courses.models import Exercise, Lesson
from courses.selectors import PlanFilters


class IntegerFilter(django_filters.NumberFilter):  # type: ignore[misc]
    """A whole number: `phase=1.5` is a 400, not a filter that matches nothing."""

    field_class = forms.IntegerField


class _YesNoField(forms.NullBooleanField):
    widget = forms.TextInput  # the stock select widget turns an unknown value into None

    def to_python(self, value: Any) -> bool | None:  # type: ignore[override]
        if value in (None, ""):
            return None
        if value in ("true", "True", "1"):
            return True
        if value in ("false", "False", "0"):
            return False
        raise forms.ValidationError("Use true or false.", code="invalid")

    def validate(self, value: Any) -> None:
        pass


class YesNoFilter(django_filters.BooleanFilter):  # type: ignore[misc]
    """true/false (or 1/0): `solved=perhaps` is a 400, not a filter silently dropped."""

    field_class = _YesNoField


class LessonFilter(django_filters.FilterSet):  # type: ignore[misc]
    phase = IntegerFilter(field_name="module__phase__number", label="Phase number")
    module = django_filters.CharFilter(field_name="module__slug", label="Module slug")
    completed = YesNoFilter(field_name="completed", label="Completed by me")

    class Meta:
        model = Lesson
        fields = ("phase", "module", "completed")


class ExerciseFilter(django_filters.FilterSet):  # type: ignore[misc]
    phase = IntegerFilter(field_name="module__phase__number", label="Phase number")
    module = django_filters.CharFilter(field_name="module__slug", label="Module slug")
    kind = django_filters.ChoiceFilter(choices=Exercise.Kind.choices)
    difficulty = IntegerFilter()
    solved = YesNoFilter(field_name="solved", label="Solved by me")

    class Meta:
        model = Exercise
        fields = ("phase", "module", "kind", "difficulty", "solved")


def plan_filters(filterset_class: type[Any], query: Any, *, done: str) -> PlanFilters:
    """The validated query string as `PlanFilters` (a 400 problem when it does not parse);
    `done` names the filter for the learner's tick (`completed` or `solved`)."""
    if not names_a_filter(filterset_class, query):
        return PlanFilters()  # building the FilterSet and its form costs more than the list
    filterset = filterset_class(data=query, queryset=filterset_class._meta.model.objects.none())
    if not filterset.is_valid():
        raise utils.translate_validation(filterset.errors)
    data = filterset.form.cleaned_data
    return PlanFilters(
        phase=data.get("phase"),
        module=data.get("module") or "",
        kind=data.get("kind") or "",
        difficulty=data.get("difficulty"),
        done=data.get(done),
    )
