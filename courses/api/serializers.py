"""Shapes shared by several course endpoints."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from courses.models import Enrollment, ExerciseFile, Track


class TrackRefSerializer(serializers.Serializer[Track]):
    slug = serializers.SlugField()
    letter = serializers.CharField()
    title = serializers.CharField()

    class Meta:
        ref_name = "TrackRef"


class ModuleRefSerializer(serializers.Serializer[Any]):
    slug = serializers.SlugField()
    title = serializers.CharField()
    phase = serializers.IntegerField(source="phase.number")
    track = serializers.SlugField(source="track.slug", allow_null=True, default=None)

    class Meta:
        ref_name = "ModuleRef"


class FileSerializer(serializers.Serializer[ExerciseFile]):
    path = serializers.CharField()
    content = serializers.CharField()

    class Meta:
        ref_name = "ExerciseFile"


class EnrollmentSerializer(serializers.Serializer[Enrollment]):
    id = serializers.IntegerField()
    track = TrackRefSerializer()
    status = serializers.ChoiceField(choices=Enrollment.Status.choices)
    started_on = serializers.DateField(help_text="Day 1 of the plan (learner's local date).")
    created_at = serializers.DateTimeField()
    ended_at = serializers.DateTimeField(allow_null=True)
    note = serializers.CharField()

    class Meta:
        ref_name = "Enrollment"
