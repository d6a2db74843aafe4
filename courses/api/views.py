"""The programme (public catalog), lessons and exercises a learner may open, enrollments,
lesson completion and progress. Views parse, call courses.services/selectors, and shape;
their OpenAPI examples are in courses.api.schema."""

from __future__ import annotations

from typing import Any, get_args

from django.db.models import QuerySet
from django.http import Http404
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import serializers, status
from rest_framework.generics import ListAPIView
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.models import User
from config.api.pagination import PagePagination
from config.api.serializers import ModelOutputSerializer
from config.api.views import QueryFilterBackend, UserListView
from config.requests import request_user
from courses import selectors, services
from courses.api import schema
from courses.api.filters import ExerciseFilter, LessonFilter, plan_filters
from courses.api.serializers import (
    EnrollmentSerializer,
    ExerciseSerializer,
    FileSerializer,
    LessonSerializer,
    ModuleRefSerializer,
    NextStepSerializer,
    PhaseProgressSerializer,
    PhaseSerializer,
    TrackInputSerializer,
    TrackSerializer,
)
from courses.models import Enrollment, Exercise, Lesson, LessonCompletion, Phase, Program, Track
from courses.selectors import PlanFilters

# --- Catalog (public) -----------------------------------------------------------------------


class ProgramOutputSerializer(ModelOutputSerializer[Program]):
    phases = PhaseSerializer(many=True, source="phases_live")

    class Meta:
        model = Program
        fields = ("slug", "title", "summary", "total_days", "phases")
        ref_name = "Programme"


@extend_schema_view(
    get=extend_schema(
        summary="The programme and its phases (public)",
        responses=ProgramOutputSerializer,
        examples=schema.PROGRAMME_EXAMPLES,
    )
)
class ProgramView(APIView):
    permission_classes = [AllowAny]
    OutputSerializer = ProgramOutputSerializer

    def get(self, request: Request) -> Response:
        program = selectors.program_get()
        if program is None:
            raise Http404("No programme yet.")
        return Response(self.OutputSerializer(program).data)


@extend_schema_view(
    get=extend_schema(
        summary="Phases of the programme, in order (public)",
        examples=schema.PHASE_LIST_EXAMPLES,
    )
)
class PhaseListView(ListAPIView[Phase]):
    permission_classes = [AllowAny]
    serializer_class = PhaseSerializer

    def get_queryset(self) -> QuerySet[Phase]:
        return selectors.phase_list()


class PhaseDetailOutputSerializer(PhaseSerializer):
    modules = serializers.SerializerMethodField()

    class Meta(PhaseSerializer.Meta):
        fields = (*PhaseSerializer.Meta.fields, "modules")
        ref_name = "PhaseDetail"

    def get_modules(self, phase: Phase) -> list[dict[str, Any]]:
        return [
            {
                "slug": m.slug,
                "title": m.title,
                "summary": m.summary,
                "track": m.track.slug if m.track else None,
            }
            for m in phase.modules.all()
        ]


@extend_schema_view(
    get=extend_schema(
        summary="A phase with its modules (public)",
        responses=PhaseDetailOutputSerializer,
        examples=schema.PHASE_DETAIL_EXAMPLES,
    )
)
class PhaseDetailView(APIView):
    permission_classes = [AllowAny]
    OutputSerializer = PhaseDetailOutputSerializer

    def get(self, request: Request, number: int) -> Response:
        phase = selectors.phase_get(number=number)
        if phase is None:
            raise Http404("No such phase.")
        return Response(self.OutputSerializer(phase).data)


@extend_schema_view(
    get=extend_schema(summary="Specialisation tracks (public)", examples=schema.TRACK_LIST_EXAMPLES)
)
class TrackListView(ListAPIView[Track]):
    permission_classes = [AllowAny]
    serializer_class = TrackSerializer

    def get_queryset(self) -> QuerySet[Track]:
        return selectors.track_list()


class TrackDetailOutputSerializer(TrackSerializer):
    capstone_examples = serializers.ListField(child=serializers.CharField())
    rubric = serializers.JSONField(help_text="Rubric criteria mentors score.")

    class Meta(TrackSerializer.Meta):
        fields = (
            *TrackSerializer.Meta.fields, "capstone_brief_html", "capstone_examples", "rubric",
        )  # fmt: skip
        ref_name = "TrackDetail"


@extend_schema_view(
    get=extend_schema(
        summary="A track with its capstone brief and rubric (public)",
        responses=TrackDetailOutputSerializer,
        examples=schema.TRACK_DETAIL_EXAMPLES,
    )
)
class TrackDetailView(APIView):
    permission_classes = [AllowAny]
    OutputSerializer = TrackDetailOutputSerializer

    def get(self, request: Request, slug: str) -> Response:
        track = selectors.track_get(slug=slug)
        if track is None:
            raise Http404("No such track.")
        return Response(self.OutputSerializer(track).data)


# --- Lessons ----------------------------------------------------------------------------------


class PlanListView(ListAPIView[Any]):
    """A list of the learner's plan: plain rows from a selector (cached per track), filtered
    and paged in Python. The FilterSet validates the query and, with the serializer,
    documents the rows in the schema; a test holds rows and serializer equal."""

    model: type[Lesson] | type[Exercise]
    done: str  # the filter (and row field) of the learner's tick
    filterset_class: type[Any]
    pagination_class = PagePagination
    filter_backends = [QueryFilterBackend]

    def rows(self, *, learner: User, filters: PlanFilters) -> list[dict[str, Any]]:
        raise NotImplementedError

    def get_queryset(self) -> QuerySet[Any]:  # only the schema generator asks
        return self.model._default_manager.none()

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        filters = plan_filters(self.filterset_class, request.query_params, done=self.done)
        rows = self.rows(learner=request_user(request), filters=filters)
        return self.get_paginated_response(self.paginate_queryset(rows))  # type: ignore[arg-type]


@extend_schema_view(
    get=extend_schema(
        summary="Lessons of your plan (shared phases and your track), in order",
        examples=schema.LESSON_LIST_EXAMPLES,
    )
)
class LessonListView(PlanListView):
    model = Lesson
    serializer_class = LessonSerializer
    filterset_class = LessonFilter
    done = "completed"

    def rows(self, *, learner: User, filters: PlanFilters) -> list[dict[str, Any]]:
        return selectors.plan_lesson_rows(learner=learner, filters=filters)


class LessonDetailOutputSerializer(ModelOutputSerializer[Lesson]):
    module = ModuleRefSerializer()
    body_html = serializers.CharField(help_text="Sanitised HTML of the lesson.")
    skills = serializers.SerializerMethodField()
    completed = serializers.SerializerMethodField()

    class Meta:
        model = Lesson
        fields = (
            "slug", "title", "module", "minutes", "body_html", "body_markdown", "resources",
            "skills", "completed",
        )  # fmt: skip
        ref_name = "LessonDetail"

    def get_skills(self, lesson: Lesson) -> list[str]:
        return [skill.title for skill in lesson.skills.all()]

    def get_completed(self, lesson: Lesson) -> bool:
        return lesson.pk in self.context["completed_ids"]


@extend_schema_view(
    get=extend_schema(
        summary="A lesson of your plan",
        responses=LessonDetailOutputSerializer,
        examples=schema.LESSON_DETAIL_EXAMPLES,
    )
)
class LessonDetailView(APIView):
    OutputSerializer = LessonDetailOutputSerializer

    def get(self, request: Request, slug: str) -> Response:
        learner = request_user(request)
        lesson = selectors.lesson_get(learner=learner, slug=slug)
        done = selectors.lesson_completed_ids(learner=learner)
        return Response(self.OutputSerializer(lesson, context={"completed_ids": done}).data)


class LessonCompletionOutputSerializer(ModelOutputSerializer[LessonCompletion]):
    lesson = serializers.SlugField(source="lesson.slug")

    class Meta:
        model = LessonCompletion
        fields = ("lesson", "completed_at")
        ref_name = "LessonCompletion"


@extend_schema_view(
    put=extend_schema(
        operation_id="lessons_completion_create",
        summary="Mark a lesson done (idempotent: the first time is kept)",
        request=None,
        responses={200: LessonCompletionOutputSerializer},
        examples=schema.LESSON_COMPLETION_EXAMPLES,
    ),
    delete=extend_schema(
        operation_id="lessons_completion_destroy",
        summary="Mark a lesson not done",
        request=None,
        responses={204: None},
    ),
)
class LessonCompletionView(APIView):
    OutputSerializer = LessonCompletionOutputSerializer

    def put(self, request: Request, slug: str) -> Response:
        learner = request_user(request)
        lesson = selectors.lesson_get(learner=learner, slug=slug)
        completion = services.lesson_complete(learner=learner, lesson=lesson)
        return Response(self.OutputSerializer(completion).data)

    def delete(self, request: Request, slug: str) -> Response:
        learner = request_user(request)
        lesson = selectors.lesson_get(learner=learner, slug=slug)
        services.lesson_uncomplete(learner=learner, lesson=lesson)
        return Response(status=status.HTTP_204_NO_CONTENT)


# --- Exercises --------------------------------------------------------------------------------


@extend_schema_view(
    get=extend_schema(
        summary="Exercises and projects of your plan, in order",
        examples=schema.EXERCISE_LIST_EXAMPLES,
    )
)
class ExerciseListView(PlanListView):
    model = Exercise
    serializer_class = ExerciseSerializer
    filterset_class = ExerciseFilter
    done = "solved"

    def rows(self, *, learner: User, filters: PlanFilters) -> list[dict[str, Any]]:
        return selectors.plan_exercise_rows(learner=learner, filters=filters)


class ExerciseDetailOutputSerializer(ModelOutputSerializer[Exercise]):
    module = ModuleRefSerializer()
    wall_seconds = serializers.IntegerField(help_text="Time limit of one grading run.")
    starter_files = serializers.SerializerMethodField(help_text="Files to start from.")
    visible_tests = serializers.SerializerMethodField(
        help_text="Tests you can run locally; hidden tests are never sent."
    )

    class Meta:
        model = Exercise
        fields = (
            "slug", "title", "kind", "module", "difficulty", "statement_html", "statement_markdown",
            "wall_seconds", "memory_mb", "starter_files", "visible_tests",
        )  # fmt: skip
        ref_name = "ExerciseDetail"

    # The files come from `selectors.exercise_files`, passed in the context.
    @extend_schema_field(FileSerializer(many=True))
    def get_starter_files(self, exercise: Exercise) -> list[dict[str, Any]]:
        return list(FileSerializer(self.context["files"].starter, many=True).data)

    @extend_schema_field(FileSerializer(many=True))
    def get_visible_tests(self, exercise: Exercise) -> list[dict[str, Any]]:
        return list(FileSerializer(self.context["files"].visible_tests, many=True).data)


@extend_schema_view(
    get=extend_schema(
        summary="An exercise: statement, starter files and visible tests",
        responses=ExerciseDetailOutputSerializer,
        examples=schema.EXERCISE_DETAIL_EXAMPLES,
    )
)
class ExerciseDetailView(APIView):
    OutputSerializer = ExerciseDetailOutputSerializer

    def get(self, request: Request, slug: str) -> Response:
        exercise = selectors.exercise_get(learner=request_user(request), slug=slug)
        files = selectors.exercise_files(exercise=exercise)
        return Response(self.OutputSerializer(exercise, context={"files": files}).data)


# --- Enrollments and progress -----------------------------------------------------------------


@extend_schema_view(
    get=extend_schema(
        summary="Your enrollments, newest first (the active one and earlier switches)",
        examples=schema.ENROLLMENT_LIST_EXAMPLES,
    ),
    post=extend_schema(
        operation_id="enrollments_create",
        summary="Enroll in a track (day 1 is today); refused (409) if already enrolled",
        request=TrackInputSerializer,
        responses={201: EnrollmentSerializer},
        examples=schema.ENROLL_EXAMPLES,
    ),
)
class EnrollmentsView(UserListView[Enrollment]):
    """GET lists your enrollments; POST enrolls (one URL, as mobile clients expect)."""

    model = Enrollment
    serializer_class = EnrollmentSerializer
    InputSerializer = TrackInputSerializer

    def list_for(self, user: User) -> QuerySet[Enrollment]:
        return selectors.enrollment_list(learner=user)

    def post(self, request: Request) -> Response:
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        enrollment = services.enrollment_create(
            learner=request_user(request), track=serializer.validated_data["track"]
        )
        return Response(EnrollmentSerializer(enrollment).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    get=extend_schema(
        summary="Your active enrollment (404 when you have not picked a track)",
        responses=EnrollmentSerializer,
        examples=schema.CURRENT_ENROLLMENT_EXAMPLES,
    )
)
class CurrentEnrollmentView(APIView):
    def get(self, request: Request) -> Response:
        enrollment = selectors.enrollment_active(learner=request_user(request))
        if enrollment is None:
            raise Http404("You are not enrolled yet.")
        return Response(EnrollmentSerializer(enrollment).data)


class SwitchTrackInputSerializer(TrackInputSerializer):
    reason = serializers.CharField(max_length=200, required=False, allow_blank=True)

    class Meta:
        ref_name = "SwitchTrackInput"


@extend_schema_view(
    post=extend_schema(
        operation_id="enrollments_switch",
        summary="Switch track, keeping your day count; refused (409) once Phase 3 work started",
        request=SwitchTrackInputSerializer,
        responses={201: EnrollmentSerializer},
        examples=schema.SWITCH_EXAMPLES,
    )
)
class SwitchTrackView(APIView):
    InputSerializer = SwitchTrackInputSerializer

    def post(self, request: Request) -> Response:
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        enrollment = services.enrollment_switch_track(
            learner=request_user(request),
            track=serializer.validated_data["track"],
            reason=serializer.validated_data.get("reason", ""),
        )
        return Response(EnrollmentSerializer(enrollment).data, status=status.HTTP_201_CREATED)


class ProgressOutputSerializer(serializers.Serializer[Any]):
    enrollment = EnrollmentSerializer()
    today = serializers.DateField(help_text="Today in your time zone.")
    day_number = serializers.IntegerField(help_text="Day N of the plan.")
    total_days = serializers.IntegerField()
    calendar_percent = serializers.IntegerField()
    percent = serializers.IntegerField(help_text="Share of lessons and exercises done.")
    pace = serializers.ChoiceField(choices=get_args(selectors.Pace))
    current_phase = serializers.IntegerField(source="current_phase.number")
    expected_phase = serializers.IntegerField(source="expected_phase.number")
    lessons_done = serializers.IntegerField()
    exercises_solved = serializers.IntegerField()
    phases = PhaseProgressSerializer(many=True)
    next_step = NextStepSerializer(allow_null=True, help_text="What to do next, if any.")

    class Meta:
        ref_name = "Progress"


@extend_schema_view(
    get=extend_schema(
        summary="Where you are: day N of the plan against the content you finished",
        responses=ProgressOutputSerializer,
        examples=schema.PROGRESS_EXAMPLES,
    )
)
class ProgressView(APIView):
    OutputSerializer = ProgressOutputSerializer

    def get(self, request: Request) -> Response:
        learner = request_user(request)
        enrollment = selectors.enrollment_active(learner=learner)
        if enrollment is None:
            raise Http404("You are not enrolled yet.")
        enrollment.learner = learner
        progress = selectors.progress_get(enrollment=enrollment)
        return Response(self.OutputSerializer(progress).data)
