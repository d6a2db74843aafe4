"""Submissions of the signed-in learner: create (idempotent with `Idempotency-Key`), list with
filters, and a detail that is cheap to poll (ETag / If-None-Match → 304)."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
)
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import BaseThrottle
from rest_framework.views import APIView

from accounts.models import User
from config.api.pagination import FeedCursorPagination
from config.api.schema import list_schema
from config.api.serializers import ModelOutputSerializer
from config.api.throttles import SubmissionsThrottle
from config.api.views import PlainRowsListView, api_datetime, validated_input
from config.requests import found_or_404, request_user
from courses import selectors as course_selectors
from courses.errors import NotInPlan
from courses.models import Exercise
from submissions import selectors, services
from submissions.api.filters import SubmissionFilter
from submissions.models import Submission

IDEMPOTENCY_KEY = re.compile(r"^[A-Za-z0-9_.:-]{8,100}$")


class ExerciseRefSerializer(ModelOutputSerializer[Exercise]):
    class Meta:
        model = Exercise
        fields = ("slug", "title")
        ref_name = "ExerciseRef"


class SubmissionSerializer(ModelOutputSerializer[Submission]):
    exercise = ExerciseRefSerializer()
    is_final = serializers.BooleanField(help_text="False while queued or running: keep polling.")

    class Meta:
        model = Submission
        fields: tuple[str, ...] = (
            "id", "exercise", "status", "is_final", "source", "created_at", "finished_at",
            "tests_passed", "tests_total", "duration_ms",
        )  # fmt: skip
        ref_name = "Submission"


class SubmissionFileSerializer(serializers.Serializer[Any]):
    path = serializers.CharField(max_length=200)
    content = serializers.CharField(allow_blank=True, trim_whitespace=False, max_length=65536)

    class Meta:
        ref_name = "SubmissionFile"


class SubmissionDetailSerializer(SubmissionSerializer):
    reason = serializers.CharField(help_text="Why it ended this way, for people.")
    report = serializers.SerializerMethodField(
        help_text=(
            "Visible tests in full (status, message, output, source); hidden checks by name "
            "and pass/fail only (`hidden_checks`)."
        )
    )
    quality = serializers.JSONField(help_text="Style and type checks, once they have run.")
    files = SubmissionFileSerializer(many=True)

    class Meta(SubmissionSerializer.Meta):
        fields = (
            *SubmissionSerializer.Meta.fields, "started_at", "reason", "report", "quality", "files",
        )  # fmt: skip
        ref_name = "SubmissionDetail"

    def get_report(self, submission: Submission) -> dict[str, Any]:
        return selectors.public_report(submission=submission)


SUBMISSION_EXAMPLE = {
    "id": 1234,
    "exercise": {"slug": "temperature-converter", "title": "Temperature converter"},
    "status": "passed",
    "is_final": True,
    "source": "api",
    "created_at": "2025-01-06T18:40:00Z",
    "finished_at": "2025-01-06T18:40:01Z",
    "tests_passed": 6,
    "tests_total": 6,
    "duration_ms": 412,
}
SUBMISSION_DETAIL_EXAMPLE = {
    **SUBMISSION_EXAMPLE,
    "started_at": "2025-01-06T18:40:00Z",
    "reason": "",
    "report": {
        "outcome": "passed",
        "tests": [
            {
                "nodeid": "tests/test_converter.py::test_freezing_point",
                "name": "test_freezing_point",
                "status": "passed",
                "status_label": "passed",
                "message": "",
                "output": "",
                "hidden": False,
            }
        ],
        "visible_passed": 1,
        "hidden_checks": [{"name": "check_body_temperature", "passed": True}],
        "hidden_passed": 1,
    },
    "quality": {},
    "files": [{"path": "converter.py", "content": "def c_to_f(c):\n    return c * 9 / 5 + 32\n"}],
}


def submission_row(submission: Submission) -> dict[str, Any]:
    """`SubmissionSerializer`'s output as a plain dict (tests hold the two equal)."""
    return {
        "id": submission.pk,
        "exercise": {"slug": submission.exercise.slug, "title": submission.exercise.title},
        "status": submission.status,
        "is_final": submission.is_final,
        "source": submission.source,
        "created_at": api_datetime(submission.created_at),
        "finished_at": api_datetime(submission.finished_at),
        "tests_passed": submission.tests_passed,
        "tests_total": submission.tests_total,
        "duration_ms": submission.duration_ms,
    }


def submission_detail_row(submission: Submission) -> dict[str, Any]:
    """`SubmissionDetailSerializer`'s output as a plain dict (tests hold the two equal)."""
    return {
        **submission_row(submission),
        "started_at": api_datetime(submission.started_at),
        "reason": submission.reason,
        "report": selectors.public_report(submission=submission),
        "quality": submission.quality,
        "files": [{"path": f.path, "content": f.content} for f in submission.files.all()],
    }


def submission_etag(
    *, submission_id: int, status_value: str, finished_at: Any, has_quality: bool
) -> str:
    """Changes whenever what a poller cares about changes: state, result, quality checks."""
    raw = f"{submission_id}:{status_value}:{finished_at.isoformat() if finished_at else ''}:{int(has_quality)}"
    return '"' + hashlib.sha256(raw.encode()).hexdigest()[:32] + '"'


def _if_none_match(request: Request) -> set[str]:
    header = request.headers.get("If-None-Match", "")
    return {tag.strip().removeprefix("W/") for tag in header.split(",") if tag.strip()}


@list_schema("Your submissions, newest first (cursor pagination)", submissions=SUBMISSION_EXAMPLE)
class SubmissionsView(PlainRowsListView[Submission]):
    """GET lists your submissions (cursor-paginated, newest first); POST submits code."""

    model = Submission

    serializer_class = SubmissionSerializer
    filterset_class = SubmissionFilter
    pagination_class = FeedCursorPagination
    throttle_scope = "submissions"

    class InputSerializer(serializers.Serializer[dict[str, Any]]):
        exercise = serializers.SlugField(help_text="The exercise's slug.")
        files = SubmissionFileSerializer(many=True, help_text="Your files (paths relative).")

        class Meta:
            ref_name = "SubmissionCreate"

        def validate_files(self, files: Sequence[dict[str, str]]) -> Sequence[dict[str, str]]:
            if not files:
                raise serializers.ValidationError("Add at least one file.")
            if len(files) > services.MAX_FILES:
                raise serializers.ValidationError(f"At most {services.MAX_FILES} files.")
            return files

    def get_throttles(self) -> list[BaseThrottle]:
        throttles = super().get_throttles()
        if self.request.method == "POST":
            throttles.append(SubmissionsThrottle())
        return throttles

    def list_for(self, user: User) -> QuerySet[Submission]:
        return selectors.submission_list_for_api(learner=user)

    def row(self, item: Submission) -> dict[str, Any]:
        return submission_row(item)

    @extend_schema(
        operation_id="submissions_create",
        summary="Submit code for grading",
        description=(
            "Stores the files and queues grading; poll the returned submission until "
            "`is_final`. Send an `Idempotency-Key` header (8–100 characters of letters, "
            "digits, `_.:-`) so that a retried POST never creates a second submission: a "
            "replay answers **200** with the submission the first request created (new "
            "submissions answer **201**), whatever the replayed body says."
        ),
        parameters=[
            OpenApiParameter(
                "Idempotency-Key",
                OpenApiTypes.STR,
                OpenApiParameter.HEADER,
                required=False,
                description="A unique key per logical submission, e.g. a UUID.",
                pattern=IDEMPOTENCY_KEY.pattern,
            )
        ],
        request=InputSerializer,
        responses={
            201: OpenApiResponse(SubmissionDetailSerializer, description="Created and queued."),
            200: OpenApiResponse(
                SubmissionDetailSerializer, description="Replay of an Idempotency-Key."
            ),
        },
        examples=[
            OpenApiExample(
                "submit",
                value={
                    "exercise": "temperature-converter",
                    "files": [
                        {
                            "path": "converter.py",
                            "content": "def c_to_f(c):\n    return c * 9 / 5 + 32\n",
                        }
                    ],
                },
                request_only=True,
            ),
            OpenApiExample(
                "queued",
                value={
                    **SUBMISSION_DETAIL_EXAMPLE,
                    "status": "queued",
                    "is_final": False,
                    "finished_at": None,
                    "started_at": None,
                    "tests_passed": 0,
                    "tests_total": 0,
                    "duration_ms": None,
                    "reason": "",
                    "report": {"tests": []},
                },
                response_only=True,
            ),
        ],
    )
    def post(self, request: Request) -> Response:
        learner = request_user(request)
        key = request.headers.get("Idempotency-Key") or None
        if key is not None and not IDEMPOTENCY_KEY.match(key):
            raise serializers.ValidationError(
                {"Idempotency-Key": ["Use 8–100 characters: letters, digits, '_', '.', ':', '-'."]}
            )
        data = validated_input(self.InputSerializer, request)
        exercise = _exercise_for(learner=learner, slug=data["exercise"])
        files = [services.IncomingFile(path=f["path"], content=f["content"]) for f in data["files"]]
        replayed = False
        if key is None:
            submission = services.submission_create(
                learner=learner, exercise=exercise, files=files, source=Submission.Source.API
            )
        else:
            submission, replayed = services.submission_create_idempotent(
                learner=learner, exercise=exercise, files=files, idempotency_key=key
            )
        submission = selectors.submission_get_for_api(learner=learner, submission_id=submission.pk)
        return Response(
            submission_detail_row(submission),
            status=status.HTTP_200_OK if replayed else status.HTTP_201_CREATED,
            headers={"Location": reverse("submission-detail", args=[submission.pk])},
        )


def _exercise_for(*, learner: Any, slug: str) -> Exercise:
    try:
        return course_selectors.exercise_get(learner=learner, slug=slug)
    except NotInPlan as exc:
        raise serializers.ValidationError({"exercise": ["No such exercise in your plan."]}) from exc


class SubmissionDetailView(APIView):
    @extend_schema(
        summary="A submission with its status and report (poll with If-None-Match)",
        description=(
            "Responses carry an `ETag`. Send it back as `If-None-Match`: while nothing changed "
            "the answer is **304** with no body, which costs one indexed query."
        ),
        parameters=[
            OpenApiParameter(
                "If-None-Match",
                OpenApiTypes.STR,
                OpenApiParameter.HEADER,
                required=False,
                description="The ETag of the last response you saw.",
            )
        ],
        responses={
            200: SubmissionDetailSerializer,
            304: OpenApiResponse(description="Not modified since the ETag you sent."),
        },
        examples=[OpenApiExample("passed", value=SUBMISSION_DETAIL_EXAMPLE, response_only=True)],
    )
    def get(self, request: Request, submission_id: int) -> Response:
        learner = request_user(request)
        sent = _if_none_match(request)
        if sent:
            # A poll: answer from the few columns the ETag is made of (one indexed query).
            state = selectors.submission_poll_state(learner=learner, submission_id=submission_id)
            if state is None:
                raise Http404("No such submission.")
            etag = submission_etag(
                submission_id=submission_id,
                status_value=state.status,
                finished_at=state.finished_at,
                has_quality=state.has_quality,
            )
            if etag in sent:
                return Response(status=status.HTTP_304_NOT_MODIFIED, headers=_poll_headers(etag))
        submission = found_or_404(
            selectors.submission_get_for_api,
            "No such submission.",
            learner=learner,
            submission_id=submission_id,
        )
        etag = submission_etag(
            submission_id=submission.pk,
            status_value=submission.status,
            finished_at=submission.finished_at,
            has_quality=submission.quality != {},  # as the poll's SQL says it
        )
        return Response(submission_detail_row(submission), headers=_poll_headers(etag))


def _poll_headers(etag: str) -> dict[str, str]:
    return {"ETag": etag, "Cache-Control": "private, no-cache"}
