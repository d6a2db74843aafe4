"""The programme (public catalog), lessons and exercises a learner may open, enrollments,
lesson completion and progress. Views parse, call courses.services/selectors, and shape."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers, status
from rest_framework.generics import ListAPIView
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.models import User
from config.api.pagination import PagePagination
from config.api.views import QueryFilterBackend, UserListView
from config.requests import request_user
from courses import selectors, services
from courses.api.filters import ExerciseFilter, LessonFilter, plan_filters
from courses.api.serializers import (
    EnrollmentSerializer,
    FileSerializer,
    ModuleRefSerializer,
)
from courses.models import Enrollment, Exercise, Lesson, Phase, Program, Track

# --- Catalog (public) -----------------------------------------------------------------------


class PhaseSerializer(serializers.Serializer[Phase]):
    number = serializers.IntegerField()
    slug = serializers.SlugField()
    title = serializers.CharField()
    goal = serializers.CharField()
    summary = serializers.CharField()
    habit = serializers.CharField()
    first_day = serializers.IntegerField()
    last_day = serializers.IntegerField()

    class Meta:
        ref_name = "Phase"


PHASE_EXAMPLE = {
    "number": 1,
    "slug": "foundations",
    "title": "Foundations",
    "goal": "Write small programs with confidence.",
    "summary": "Syntax, data structures, functions, files.",
    "habit": "Code every day, even for thirty minutes.",
    "first_day": 1,
    "last_day": 30,
}


class ProgrammeView(APIView):
    permission_classes = [AllowAny]

    class OutputSerializer(serializers.Serializer[Program]):
        slug = serializers.SlugField()
        title = serializers.CharField()
        summary = serializers.CharField()
        total_days = serializers.IntegerField()
        phases = PhaseSerializer(many=True, source="phases_live")

        class Meta:
            ref_name = "Programme"

    @extend_schema(
        summary="The programme and its phases (public)",
        responses=OutputSerializer,
        examples=[
            OpenApiExample(
                "programme",
                value={
                    "slug": "python",
                    "title": "Python, from zero to shipped",
                    "summary": "Six months, four phases, one capstone.",
                    "total_days": 180,
                    "phases": [PHASE_EXAMPLE],
                },
                response_only=True,
            )
        ],
    )
    def get(self, request: Request) -> Response:
        program = Program.objects.live().first()
        if program is None:
            raise Http404("No programme yet.")
        program.phases_live = list(selectors.phase_list().filter(program=program))
        return Response(self.OutputSerializer(program).data)


class PhaseListView(ListAPIView[Phase]):
    permission_classes = [AllowAny]
    serializer_class = PhaseSerializer

    def get_queryset(self) -> QuerySet[Phase]:
        return selectors.phase_list()

    @extend_schema(
        summary="Phases of the programme, in order (public)",
        examples=[OpenApiExample("phases", value=[PHASE_EXAMPLE], response_only=True)],
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


class PhaseDetailView(APIView):
    permission_classes = [AllowAny]

    class OutputSerializer(PhaseSerializer):
        modules = serializers.SerializerMethodField()

        class Meta:
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

    @extend_schema(
        summary="A phase with its modules (public)",
        responses=OutputSerializer,
        examples=[
            OpenApiExample(
                "phase",
                value={
                    **PHASE_EXAMPLE,
                    "modules": [
                        {
                            "slug": "basics",
                            "title": "Basics",
                            "summary": "Values, names, control flow.",
                            "track": None,
                        }
                    ],
                },
                response_only=True,
            )
        ],
    )
    def get(self, request: Request, number: int) -> Response:
        phase = (
            selectors.phase_list().filter(number=number).prefetch_related("modules__track").first()
        )
        if phase is None:
            raise Http404("No such phase.")
        return Response(self.OutputSerializer(phase).data)


class TrackSerializer(serializers.Serializer[Track]):
    slug = serializers.SlugField()
    letter = serializers.CharField()
    title = serializers.CharField()
    summary = serializers.CharField()
    focus = serializers.ListField(child=serializers.CharField())
    capstone_title = serializers.CharField()
    capstone_days = serializers.IntegerField()

    class Meta:
        ref_name = "Track"


TRACK_EXAMPLE = {
    "slug": "backend-web",
    "letter": "A",
    "title": "Backend & Web",
    "summary": "APIs, databases, deployment.",
    "focus": ["Django", "PostgreSQL"],
    "capstone_title": "A production-ready web API",
    "capstone_days": 21,
}


class TrackListView(ListAPIView[Track]):
    permission_classes = [AllowAny]
    serializer_class = TrackSerializer

    def get_queryset(self) -> QuerySet[Track]:
        return selectors.track_list()

    @extend_schema(
        summary="Specialisation tracks (public)",
        examples=[OpenApiExample("tracks", value=[TRACK_EXAMPLE], response_only=True)],
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


class TrackDetailView(APIView):
    permission_classes = [AllowAny]

    class OutputSerializer(TrackSerializer):
        capstone_brief_html = serializers.CharField()
        capstone_examples = serializers.ListField(child=serializers.CharField())
        rubric = serializers.JSONField(help_text="Rubric criteria mentors score.")

        class Meta:
            ref_name = "TrackDetail"

    @extend_schema(
        summary="A track with its capstone brief and rubric (public)",
        responses=OutputSerializer,
        examples=[
            OpenApiExample(
                "track",
                value={
                    **TRACK_EXAMPLE,
                    "capstone_brief_html": "<p>Build and deploy…</p>",
                    "capstone_examples": ["A booking API"],
                    "rubric": [
                        {
                            "slug": "tests",
                            "title": "Tests",
                            "description": "Business rules and endpoints are covered…",
                            "max_score": 4,
                        }
                    ],
                },
                response_only=True,
            )
        ],
    )
    def get(self, request: Request, slug: str) -> Response:
        track = selectors.track_list().filter(slug=slug).first()
        if track is None:
            raise Http404("No such track.")
        return Response(self.OutputSerializer(track).data)


# --- Lessons ----------------------------------------------------------------------------------


class LessonSerializer(serializers.Serializer[Lesson]):
    slug = serializers.SlugField()
    title = serializers.CharField()
    module = ModuleRefSerializer()
    order = serializers.IntegerField()
    minutes = serializers.IntegerField()
    completed = serializers.BooleanField(help_text="You marked it done.")

    class Meta:
        ref_name = "Lesson"


class PlanListView(ListAPIView[Any]):
    """A list of the learner's plan: plain rows from a selector (cached per track), filtered
    and paged in Python. The FilterSet validates the query and, with the serializer,
    documents the rows in the schema; a test holds rows and serializer equal."""

    model: type[Lesson] | type[Exercise]
    pagination_class = PagePagination
    filter_backends = [QueryFilterBackend]

    def rows(self, request: Request) -> list[dict[str, Any]]:
        raise NotImplementedError

    def get_queryset(self) -> QuerySet[Any]:  # only the schema generator asks
        return self.model._default_manager.none()

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        page = self.paginate_queryset(self.rows(request))  # type: ignore[arg-type]
        return self.get_paginated_response(page)


LESSON_EXAMPLE = {
    "slug": "variables-and-types",
    "title": "Variables and types",
    "module": {"slug": "basics", "title": "Basics", "phase": 1, "track": None},
    "order": 1,
    "minutes": 30,
    "completed": False,
}


class LessonListView(PlanListView):
    model = Lesson
    serializer_class = LessonSerializer
    filterset_class = LessonFilter

    def rows(self, request: Request) -> list[dict[str, Any]]:
        filters = plan_filters(LessonFilter, request.query_params, done="completed")
        return selectors.plan_lesson_rows(learner=request_user(request), filters=filters)

    @extend_schema(
        summary="Lessons of your plan (shared phases and your track), in order",
        examples=[OpenApiExample("lessons", value=[LESSON_EXAMPLE], response_only=True)],
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


class LessonDetailView(APIView):
    class OutputSerializer(serializers.Serializer[Lesson]):
        slug = serializers.SlugField()
        title = serializers.CharField()
        module = ModuleRefSerializer()
        minutes = serializers.IntegerField()
        body_html = serializers.CharField(help_text="Sanitised HTML of the lesson.")
        body_markdown = serializers.CharField()
        resources = serializers.JSONField()
        skills = serializers.SerializerMethodField()
        completed = serializers.BooleanField()

        class Meta:
            ref_name = "LessonDetail"

        def get_skills(self, lesson: Lesson) -> list[str]:
            return [skill.title for skill in lesson.skills.all()]

    @extend_schema(
        summary="A lesson of your plan",
        responses=OutputSerializer,
        examples=[
            OpenApiExample(
                "lesson",
                value={
                    **{k: v for k, v in LESSON_EXAMPLE.items() if k != "order"},
                    "body_html": "<h2>Names</h2><p>…</p>",
                    "body_markdown": "## Names\n…",
                    "resources": [{"title": "Python tutorial", "url": "https://docs.python.org"}],
                    "skills": ["Core syntax"],
                },
                response_only=True,
            )
        ],
    )
    def get(self, request: Request, slug: str) -> Response:
        lesson = selectors.lesson_get(learner=request_user(request), slug=slug)
        lesson.completed = lesson.pk in selectors.lesson_completed_ids(  # type: ignore[attr-defined]
            learner=request_user(request)
        )
        return Response(self.OutputSerializer(lesson).data)


class LessonCompletionView(APIView):
    class OutputSerializer(serializers.Serializer[Any]):
        lesson = serializers.SlugField(source="lesson.slug")
        completed_at = serializers.DateTimeField()

        class Meta:
            ref_name = "LessonCompletion"

    @extend_schema(
        operation_id="lessons_completion_create",
        summary="Mark a lesson done (idempotent: the first time is kept)",
        request=None,
        responses={200: OutputSerializer},
        examples=[
            OpenApiExample(
                "done",
                value={"lesson": "variables-and-types", "completed_at": "2025-01-06T18:40:00Z"},
                response_only=True,
            )
        ],
    )
    def put(self, request: Request, slug: str) -> Response:
        lesson = selectors.lesson_get(learner=request_user(request), slug=slug)
        completion = services.lesson_complete(learner=request_user(request), lesson=lesson)
        return Response(self.OutputSerializer(completion).data)

    @extend_schema(
        operation_id="lessons_completion_destroy",
        summary="Mark a lesson not done",
        request=None,
        responses={204: None},
    )
    def delete(self, request: Request, slug: str) -> Response:
        lesson = selectors.lesson_get(learner=request_user(request), slug=slug)
        services.lesson_uncomplete(learner=request_user(request), lesson=lesson)
        return Response(status=status.HTTP_204_NO_CONTENT)


# --- Exercises --------------------------------------------------------------------------------


class ExerciseSerializer(serializers.Serializer[Exercise]):
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


EXERCISE_EXAMPLE = {
    "slug": "temperature-converter",
    "title": "Temperature converter",
    "kind": "exercise",
    "module": {"slug": "basics", "title": "Basics", "phase": 1, "track": None},
    "order": 1,
    "difficulty": 1,
    "minutes": 30,
    "runtime": "core",
    "solved": False,
}


class ExerciseListView(PlanListView):
    model = Exercise
    serializer_class = ExerciseSerializer
    filterset_class = ExerciseFilter

    def rows(self, request: Request) -> list[dict[str, Any]]:
        filters = plan_filters(ExerciseFilter, request.query_params, done="solved")
        return selectors.plan_exercise_rows(learner=request_user(request), filters=filters)

    @extend_schema(
        summary="Exercises and projects of your plan, in order",
        examples=[OpenApiExample("exercises", value=[EXERCISE_EXAMPLE], response_only=True)],
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


class ExerciseDetailView(APIView):
    class OutputSerializer(serializers.Serializer[Exercise]):
        slug = serializers.SlugField()
        title = serializers.CharField()
        kind = serializers.ChoiceField(choices=Exercise.Kind.choices)
        module = ModuleRefSerializer()
        difficulty = serializers.IntegerField()
        statement_html = serializers.CharField()
        statement_markdown = serializers.CharField()
        wall_seconds = serializers.IntegerField(help_text="Time limit of one grading run.")
        memory_mb = serializers.IntegerField()
        starter_files = FileSerializer(many=True, help_text="Files to start from.")
        visible_tests = FileSerializer(
            many=True, help_text="Tests you can run locally; hidden tests are never sent."
        )

        class Meta:
            ref_name = "ExerciseDetail"

    @extend_schema(
        summary="An exercise: statement, starter files and visible tests",
        responses=OutputSerializer,
        examples=[
            OpenApiExample(
                "exercise",
                value={
                    **{k: v for k, v in EXERCISE_EXAMPLE.items() if k not in ("order", "solved")},
                    "statement_html": "<p>Write <code>c_to_f</code>…</p>",
                    "statement_markdown": "Write `c_to_f`…",
                    "wall_seconds": 10,
                    "memory_mb": 512,
                    "starter_files": [
                        {"path": "converter.py", "content": "def c_to_f(c):\n    ...\n"}
                    ],
                    "visible_tests": [
                        {
                            "path": "tests/test_visible.py",
                            "content": "from converter import c_to_f\n",
                        }
                    ],
                },
                response_only=True,
            )
        ],
    )
    def get(self, request: Request, slug: str) -> Response:
        exercise = selectors.exercise_get(learner=request_user(request), slug=slug)
        files = selectors.exercise_files(exercise=exercise)
        exercise.starter_files = files.starter  # type: ignore[attr-defined]
        exercise.visible_tests = files.visible_tests  # type: ignore[attr-defined]
        return Response(self.OutputSerializer(exercise).data)


# --- Enrollments and progress -----------------------------------------------------------------

ENROLLMENT_EXAMPLE = {
    "id": 7,
    "track": {"slug": "backend-web", "letter": "A", "title": "Backend & Web"},
    "status": "active",
    "started_on": "2025-01-06",
    "created_at": "2025-01-06T09:31:00Z",
    "ended_at": None,
    "note": "",
}


class EnrollmentListView(UserListView[Enrollment]):
    model = Enrollment
    serializer_class = EnrollmentSerializer

    def list_for(self, user: User) -> QuerySet[Enrollment]:
        return selectors.enrollment_list(learner=user)

    @extend_schema(
        summary="Your enrollments, newest first (the active one and earlier switches)",
        examples=[OpenApiExample("enrollments", value=[ENROLLMENT_EXAMPLE], response_only=True)],
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


class TrackInputSerializer(serializers.Serializer[dict[str, Any]]):
    track = serializers.SlugRelatedField(
        slug_field="slug", queryset=Track.objects.live(), help_text="The track's slug."
    )

    class Meta:
        ref_name = "EnrollInput"


class EnrollmentsView(EnrollmentListView):
    """GET lists your enrollments; POST enrolls (one URL, as mobile clients expect)."""

    @extend_schema(
        operation_id="enrollments_create",
        summary="Enroll in a track (day 1 is today); refused (409) if already enrolled",
        request=TrackInputSerializer,
        responses={201: EnrollmentSerializer},
        examples=[
            OpenApiExample("enroll", value={"track": "backend-web"}, request_only=True),
            OpenApiExample("enrolled", value=ENROLLMENT_EXAMPLE, response_only=True),
        ],
    )
    def post(self, request: Request) -> Response:
        serializer = TrackInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        enrollment = services.enrollment_create(
            learner=request_user(request), track=serializer.validated_data["track"]
        )
        return Response(EnrollmentSerializer(enrollment).data, status=status.HTTP_201_CREATED)


class CurrentEnrollmentView(APIView):
    @extend_schema(
        summary="Your active enrollment (404 when you have not picked a track)",
        responses=EnrollmentSerializer,
        examples=[OpenApiExample("current", value=ENROLLMENT_EXAMPLE, response_only=True)],
    )
    def get(self, request: Request) -> Response:
        enrollment = selectors.enrollment_active(learner=request_user(request))
        if enrollment is None:
            raise Http404("You are not enrolled yet.")
        return Response(EnrollmentSerializer(enrollment).data)


class SwitchTrackView(APIView):
    class InputSerializer(TrackInputSerializer):
        reason = serializers.CharField(max_length=200, required=False, allow_blank=True)

        class Meta:
            ref_name = "SwitchTrackInput"

    @extend_schema(
        operation_id="enrollments_switch",
        summary="Switch track, keeping your day count; refused (409) once Phase 3 work started",
        request=InputSerializer,
        responses={201: EnrollmentSerializer},
        examples=[
            OpenApiExample(
                "switch",
                value={"track": "data-science-ai", "reason": "I prefer data work"},
                request_only=True,
            ),
            OpenApiExample("switched", value=ENROLLMENT_EXAMPLE, response_only=True),
        ],
    )
    def post(self, request: Request) -> Response:
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        enrollment = services.enrollment_switch_track(
            learner=request_user(request),
            track=serializer.validated_data["track"],
            reason=serializer.validated_data.get("reason", ""),
        )
        return Response(EnrollmentSerializer(enrollment).data, status=status.HTTP_201_CREATED)


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
    kind = serializers.ChoiceField(choices=["lesson", "exercise"])
    title = serializers.CharField()
    slug = serializers.SlugField()
    phase_number = serializers.IntegerField()
    minutes = serializers.IntegerField(help_text="Estimated minutes it takes.")
    difficulty = serializers.IntegerField(help_text="1 (warm-up) to 5; 0 for lessons.")

    class Meta:
        ref_name = "NextStep"


class ProgressView(APIView):
    class OutputSerializer(serializers.Serializer[Any]):
        enrollment = EnrollmentSerializer()
        today = serializers.DateField(help_text="Today in your time zone.")
        day_number = serializers.IntegerField(help_text="Day N of the plan.")
        total_days = serializers.IntegerField()
        calendar_percent = serializers.IntegerField()
        percent = serializers.IntegerField(help_text="Share of lessons and exercises done.")
        pace = serializers.ChoiceField(choices=["on track", "behind", "ahead", "complete"])
        current_phase = serializers.IntegerField(source="current_phase.number")
        expected_phase = serializers.IntegerField(source="expected_phase.number")
        lessons_done = serializers.IntegerField()
        exercises_solved = serializers.IntegerField()
        phases = PhaseProgressSerializer(many=True)
        next_step = NextStepSerializer(allow_null=True, help_text="What to do next, if any.")

        class Meta:
            ref_name = "Progress"

    @extend_schema(
        summary="Where you are: day N of the plan against the content you finished",
        responses=OutputSerializer,
        examples=[
            OpenApiExample(
                "progress",
                value={
                    "enrollment": ENROLLMENT_EXAMPLE,
                    "today": "2025-01-20",
                    "day_number": 15,
                    "total_days": 180,
                    "calendar_percent": 8,
                    "percent": 10,
                    "pace": "on track",
                    "current_phase": 1,
                    "expected_phase": 1,
                    "lessons_done": 6,
                    "exercises_solved": 3,
                    "phases": [
                        {
                            "number": 1,
                            "title": "Foundations",
                            "lessons_total": 12,
                            "lessons_done": 6,
                            "exercises_total": 8,
                            "exercises_solved": 3,
                            "percent": 45,
                        }
                    ],
                    "next_step": {
                        "kind": "exercise",
                        "title": "Temperature converter",
                        "slug": "temperature-converter",
                        "phase_number": 1,
                        "minutes": 30,
                        "difficulty": 1,
                    },
                },
                response_only=True,
            )
        ],
    )
    def get(self, request: Request) -> Response:
        learner = request_user(request)
        enrollment = selectors.enrollment_active(learner=learner)
        if enrollment is None:
            raise Http404("You are not enrolled yet.")
        enrollment.learner = learner
        progress = selectors.progress_get(enrollment=enrollment)
        return Response(self.OutputSerializer(progress).data)
