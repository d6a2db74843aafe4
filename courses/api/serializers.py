"""Shapes shared by several course endpoints."""

from __future__ import annotations

from typing import Any, get_args

from rest_framework import serializers

from config.api.serializers import ModelOutputSerializer
from courses.models import Enrollment, Exercise, ExerciseFile, Lesson, Phase, Track
from courses.selectors import StepKind


class TrackRefSerializer(ModelOutputSerializer[Track]):
    class Meta:
        model = Track
        fields: tuple[str, ...] = ("slug", "letter", "title")
        ref_name = "TrackRef"


class ModuleRefSerializer(serializers.Serializer[Any]):
    slug = serializers.SlugField()
    title = serializers.CharField()
    phase = serializers.IntegerField(source="phase.number")
    track = serializers.SlugField(source="track.slug", allow_null=True, default=None)

    class Meta:
        ref_name = "ModuleRef"


class FileSerializer(ModelOutputSerializer[ExerciseFile]):
    class Meta:
        model = ExerciseFile
        fields = ("path", "content")
        ref_name = "ExerciseFile"


class EnrollmentSerializer(ModelOutputSerializer[Enrollment]):
    track = TrackRefSerializer()

    class Meta:
        model = Enrollment
        fields = ("id", "track", "status", "started_on", "created_at", "ended_at", "note")
        ref_name = "Enrollment"


class PhaseSerializer(ModelOutputSerializer[Phase]):
    class Meta:
        model = Phase
        fields: tuple[str, ...] = (
            "number", "slug", "title", "goal", "summary", "habit", "first_day", "last_day",
        )  # fmt: skip
        ref_name = "Phase"


class TrackSerializer(TrackRefSerializer):
    focus = serializers.ListField(child=serializers.CharField())

    class Meta(TrackRefSerializer.Meta):
        fields = (
            *TrackRefSerializer.Meta.fields, "summary", "focus", "capstone_title", "capstone_days",
        )  # fmt: skip
        ref_name = "Track"


class LessonSerializer(serializers.Serializer[Lesson]):  # rows of selectors.plan_lesson_rows
    slug = serializers.SlugField()
    title = serializers.CharField()
    module = ModuleRefSerializer()
    order = serializers.IntegerField()
    minutes = serializers.IntegerField()
    completed = serializers.BooleanField(help_text="You marked it done.")

    class Meta:
        ref_name = "Lesson"


class ExerciseSerializer(serializers.Serializer[Exercise]):  # rows of plan_exercise_rows
    slug = serializers.SlugField()
    title = serializers.CharField()
    kind = serializers.ChoiceField(choices=Exercise.Kind.choices)
    module = ModuleRefSerializer()
    order = serializers.IntegerField()
    difficulty = serializers.IntegerField()
    minutes = serializers.IntegerField(help_text="Estimated minutes to solve it.")
    runtime = serializers.ChoiceField(
        choices=Exercise.Runtime.choices, help_text="The libraries the grader offers."
    )
    solved = serializers.BooleanField(help_text="You have a passing submission.")

    class Meta:
        ref_name = "Exercise"


class TrackInputSerializer(serializers.Serializer[dict[str, Any]]):
    track = serializers.SlugRelatedField(
        slug_field="slug", queryset=Track.objects.live(), help_text="The track's slug."
    )

    class Meta:
        ref_name = "EnrollInput"


class PhaseProgressSerializer(serializers.Serializer[Any]):
    number = serializers.IntegerField(source="phase.number")
    title = serializers.CharField(source="phase.title")
    lessons_total = serializers.IntegerField()
    lessons_done = serializers.IntegerField()
    exercises_total = serializers.IntegerField()
    exercises_solved = serializers.IntegerField()
    percent = serializers.IntegerField()

    class Meta:
        ref_name = "PhaseProgress"


class NextStepSerializer(serializers.Serializer[Any]):
    kind = serializers.ChoiceField(choices=get_args(StepKind))
    title = serializers.CharField()
    slug = serializers.SlugField()
    phase_number = serializers.IntegerField()
    minutes = serializers.IntegerField(help_text="Estimated minutes it takes.")
    difficulty = serializers.IntegerField(help_text="1 (warm-up) to 5; 0 for lessons.")

    class Meta:
        ref_name = "NextStep"
