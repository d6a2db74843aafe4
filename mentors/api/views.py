"""Capstone (start, upload a version, rounds, reviews, messages), mentor work (mentees, review
queue, line comments, decisions), feedback requests on exercise submissions and public
certificate verification, and the mentor's comment snippets. Views call
mentors.services/selectors only; who may see or do what is decided there and here:
a learner sees their own rounds, a mentor their mentees', everyone else gets 404/403."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.db.models import Model, QuerySet
from django.http import Http404
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    extend_schema,
    extend_schema_view,
)
from rest_framework import serializers, status
from rest_framework.parsers import MultiPartParser
from rest_framework.permissions import AllowAny, BasePermission
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.api.serializers import UserSummarySerializer
from accounts.models import User
from config.api.serializers import ModelOutputSerializer
from config.api.throttles import CertificateThrottle
from config.api.views import UserListCreateView, UserListView, validated_input
from config.requests import found_or_404, request_user
from mentors import lookups, selectors, services
from mentors.models import (
    REVIEW_SUMMARY_MAX_CHARS,
    Capstone,
    CapstoneFile,
    CheckRun,
    CommentSnippet,
    FeedbackRequest,
    MentorAssignment,
    ReviewRound,
)
from mentors.selectors import CertificateEvidence
from submissions.models import Submission, SubmissionFile


class IsMentorOrStaff(BasePermission):
    message = "Only mentors can do this."

    def has_permission(self, request: Request, view: APIView) -> bool:
        user = request.user
        return bool(user.is_authenticated and (user.is_staff or getattr(user, "is_mentor", False)))


_M = TypeVar("_M", bound=Model)


class MentorListView(UserListView[_M]):
    # A list only mentors and staff read. (No docstring: the schema describes the operation
    # with UserListView's.)
    permission_classes = [IsMentorOrStaff]


# --- Shapes -----------------------------------------------------------------------------------


class CheckRunSerializer(ModelOutputSerializer[CheckRun]):
    status = serializers.CharField()

    class Meta:
        model = CheckRun
        fields = (
            "status", "tests_outcome", "tests_passed", "tests_total", "coverage_percent",
            "ruff_count", "mypy_count", "readme_ok", "finished_at",
        )  # fmt: skip
        ref_name = "CheckRun"


class RoundSerializer(ModelOutputSerializer[ReviewRound]):
    learner = UserSummarySerializer(source="capstone.learner")
    track = serializers.SlugField(source="capstone.track.slug")
    version = serializers.IntegerField(source="version.number")
    checks = CheckRunSerializer(source="version.check_run", allow_null=True, default=None)

    class Meta:
        model = ReviewRound
        fields: tuple[str, ...] = (
            "id", "number", "status", "learner", "track", "version", "checks", "summary",
            "created_at", "decided_at",
        )  # fmt: skip
        ref_name = "ReviewRound"


class ScoreSerializer(serializers.Serializer[Any]):
    criterion = serializers.SlugField()
    title = serializers.CharField()
    score = serializers.IntegerField()
    max_score = serializers.IntegerField()

    class Meta:
        ref_name = "RubricScore"


class MessageSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    author = UserSummarySerializer()
    body = serializers.CharField()
    created_at = serializers.DateTimeField()

    class Meta:
        ref_name = "RoundMessage"


class CommentSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    file_id = serializers.IntegerField()
    path = serializers.CharField(source="file.path")
    line = serializers.IntegerField()
    author = UserSummarySerializer()
    body = serializers.CharField()
    created_at = serializers.DateTimeField()

    class Meta:
        ref_name = "LineComment"


class FileEntrySerializer(ModelOutputSerializer[CapstoneFile]):
    comment_count = serializers.IntegerField()

    class Meta:
        model = CapstoneFile
        fields = ("id", "path", "size", "is_text", "comment_count")
        ref_name = "CapstoneFileEntry"


class RoundDetailSerializer(RoundSerializer):
    scores = ScoreSerializer(many=True)
    messages = MessageSerializer(many=True)
    comments = CommentSerializer(many=True, source="line_comments")
    files = FileEntrySerializer(many=True, source="version.files")

    class Meta(RoundSerializer.Meta):
        fields = (*RoundSerializer.Meta.fields, "scores", "messages", "comments", "files")
        ref_name = "ReviewRoundDetail"


class CapstoneSerializer(ModelOutputSerializer[Capstone]):
    track = serializers.SlugField(source="track.slug")
    title = serializers.CharField(source="track.capstone_title")
    versions = serializers.SerializerMethodField()
    certificate_code = serializers.SerializerMethodField()

    class Meta:
        model = Capstone
        fields = (
            "id", "track", "title", "status", "started_at", "due_at", "completed_at", "versions",
            "certificate_code",
        )  # fmt: skip
        ref_name = "Capstone"

    def get_versions(self, capstone: Capstone) -> int:
        return len(capstone.versions.all())

    def get_certificate_code(self, capstone: Capstone) -> str | None:
        certificate = getattr(capstone, "certificate", None)
        return certificate.code if certificate else None


ROUND_EXAMPLE = {
    "id": 12,
    "number": 1,
    "status": "waiting",
    "learner": {"id": 42, "name": "Ada"},
    "track": "backend-web",
    "version": 1,
    "checks": None,
    "summary": "",
    "created_at": "2025-03-01T09:00:00Z",
    "decided_at": None,
}
CAPSTONE_EXAMPLE = {
    "id": 5,
    "track": "backend-web",
    "title": "A production-ready web API",
    "status": "in_progress",
    "started_at": "2025-03-01T09:00:00Z",
    "due_at": "2025-03-22T09:00:00Z",
    "completed_at": None,
    "versions": 0,
    "certificate_code": None,
}


def _my_capstone(request: Request) -> Capstone:
    capstone = selectors.capstone_get(learner=request_user(request))
    if capstone is None:
        raise Http404("You have not started your capstone.")
    return capstone


class ThreadWriteView(APIView):
    # POST a message or a line comment into a review round or a feedback request: the
    # thread as the requester may see it (`load_thread`, a 404 otherwise), the body as
    # `InputSerializer` validates it, then `write` (one service); 201 with what was written,
    # as `OutputSerializer` writes it. (No docstring: it would describe every operation.)

    InputSerializer: type[serializers.Serializer[Any]]
    OutputSerializer: type[serializers.Serializer[Any]]
    load_thread: Callable[[Request, int], Any]

    def write(self, thread: Any, author: User, data: dict[str, Any]) -> Any:
        raise NotImplementedError

    def post(self, request: Request, **url_ids: int) -> Response:
        (thread_id,) = url_ids.values()  # round_id or request_id
        thread = type(self).load_thread(request, thread_id)
        data = validated_input(self.InputSerializer, request)
        written = self.write(thread, request_user(request), data)
        return Response(self.OutputSerializer(written).data, status=status.HTTP_201_CREATED)


class MessageInput(serializers.Serializer[Any]):
    body = serializers.CharField(max_length=4000)

    class Meta:
        ref_name = "RoundMessageInput"


class LineCommentInput(serializers.Serializer[Any]):
    file_id = serializers.IntegerField(min_value=1)
    line = serializers.IntegerField(min_value=1)
    body = serializers.CharField(max_length=4000)

    class Meta:
        ref_name = "LineCommentInput"


# --- Learner: capstone ------------------------------------------------------------------------


class CapstoneView(APIView):
    @extend_schema(
        summary="Your capstone in your current track (404 before you start it)",
        responses=CapstoneSerializer,
        examples=[OpenApiExample("capstone", value=CAPSTONE_EXAMPLE, response_only=True)],
    )
    def get(self, request: Request) -> Response:
        return Response(CapstoneSerializer(_my_capstone(request)).data)


class CapstoneStartView(APIView):
    @extend_schema(
        operation_id="capstone_start",
        summary="Start your capstone: the deadline is set (needs Phase 3 done)",
        request=None,
        responses={201: CapstoneSerializer},
        examples=[OpenApiExample("started", value=CAPSTONE_EXAMPLE, response_only=True)],
    )
    def post(self, request: Request) -> Response:
        services.capstone_start(learner=request_user(request))
        return Response(
            CapstoneSerializer(_my_capstone(request)).data, status=status.HTTP_201_CREATED
        )


class CapstoneUploadView(APIView):
    parser_classes = [MultiPartParser]

    class InputSerializer(serializers.Serializer[Any]):
        archive = serializers.FileField(help_text="A .zip, .tar.gz or .tar of your project.")

        class Meta:
            ref_name = "CapstoneUpload"

    class OutputSerializer(serializers.Serializer[Any]):
        number = serializers.IntegerField()
        archive_name = serializers.CharField()
        archive_size = serializers.IntegerField()
        file_count = serializers.IntegerField()
        created_at = serializers.DateTimeField()
        round_id = serializers.IntegerField(source="review_round.id")

        class Meta:
            ref_name = "CapstoneVersion"

    @extend_schema(
        operation_id="capstone_versions_create",
        summary="Upload a version of your project (multipart, field `archive`)",
        request={"multipart/form-data": InputSerializer},
        responses={201: OutputSerializer},
        examples=[
            OpenApiExample(
                "uploaded",
                value={
                    "number": 1,
                    "archive_name": "project.zip",
                    "archive_size": 48213,
                    "file_count": 23,
                    "created_at": "2025-03-10T09:00:00Z",
                    "round_id": 12,
                },
                response_only=True,
            )
        ],
    )
    def post(self, request: Request) -> Response:
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        version = services.capstone_upload(
            learner=request_user(request), upload=serializer.validated_data["archive"]
        )
        return Response(self.OutputSerializer(version).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    get=extend_schema(
        summary="Review rounds of your capstone, first to last",
        examples=[OpenApiExample("rounds", value=ROUND_EXAMPLE, response_only=True)],
    )
)
class CapstoneRoundListView(UserListView[ReviewRound]):
    model = ReviewRound
    serializer_class = RoundSerializer

    def list_for(self, user: User) -> QuerySet[ReviewRound]:
        return selectors.round_list(capstone=_my_capstone(self.request))


# --- Rounds (learner or their mentor) ---------------------------------------------------------


class RoundDetailView(APIView):
    @extend_schema(
        summary="A review round: checks, scores, line comments, messages, file list",
        responses=RoundDetailSerializer,
        examples=[
            OpenApiExample(
                "round",
                value={**ROUND_EXAMPLE, "scores": [], "messages": [], "comments": [], "files": []},
                response_only=True,
            )
        ],
    )
    def get(self, request: Request, round_id: int) -> Response:
        review_round = lookups.round_for(request, round_id, detail=True)
        return Response(RoundDetailSerializer(review_round).data)


@extend_schema_view(
    post=extend_schema(
        operation_id="rounds_messages_create",
        summary="Write in the round's conversation (the learner or their reviewer)",
        request=MessageInput,
        responses={201: MessageSerializer},
        examples=[
            OpenApiExample("message", value={"body": "Thanks, fixed in v2."}, request_only=True)
        ],
    )
)
class RoundMessageView(ThreadWriteView):
    InputSerializer = MessageInput
    OutputSerializer = MessageSerializer
    load_thread = staticmethod(lookups.round_for)

    def write(self, thread: ReviewRound, author: User, data: dict[str, Any]) -> Any:
        return services.round_message_add(review_round=thread, author=author, body=data["body"])


@extend_schema_view(
    post=extend_schema(
        operation_id="rounds_comments_create",
        summary="Mentor: comment on a line of a file of the round's version",
        request=LineCommentInput,
        responses={201: CommentSerializer},
        examples=[
            OpenApiExample(
                "comment",
                value={"file_id": 301, "line": 14, "body": "Name this after what it holds."},
                request_only=True,
            )
        ],
    )
)
class RoundCommentView(ThreadWriteView):
    permission_classes = [IsMentorOrStaff]
    InputSerializer = LineCommentInput
    OutputSerializer = CommentSerializer
    load_thread = staticmethod(lookups.round_for)

    def write(self, thread: ReviewRound, author: User, data: dict[str, Any]) -> Any:
        return services.round_comment_add(review_round=thread, author=author, **data)


class RoundDecisionView(APIView):
    permission_classes = [IsMentorOrStaff]

    class InputSerializer(serializers.Serializer[Any]):
        decision = serializers.ChoiceField(
            choices=[ReviewRound.Status.CHANGES_REQUESTED, ReviewRound.Status.APPROVED]
        )
        summary = serializers.CharField(max_length=REVIEW_SUMMARY_MAX_CHARS)
        scores = serializers.DictField(
            child=serializers.IntegerField(min_value=0, max_value=100),
            required=False,
            help_text="Rubric criterion slug → score (every criterion to approve).",
        )

        class Meta:
            ref_name = "RoundDecisionInput"

    @extend_schema(
        operation_id="rounds_decide",
        summary="Mentor: decide a round (changes requested or approved) with rubric scores",
        request=InputSerializer,
        responses=RoundSerializer,
        examples=[
            OpenApiExample(
                "approve",
                value={
                    "decision": "approved",
                    "summary": "Clean design and solid tests.",
                    "scores": {
                        "functionality": 4,
                        "tests": 3,
                        "code-quality": 4,
                        "documentation": 3,
                        "deployment-readiness": 4,
                    },
                },
                request_only=True,
            ),
            OpenApiExample(
                "decided",
                value={**ROUND_EXAMPLE, "status": "approved"},
                response_only=True,
            ),
        ],
    )
    def post(self, request: Request, round_id: int) -> Response:
        review_round = lookups.round_for(request, round_id)
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        decided = services.round_decide(
            review_round=review_round,
            reviewer=request_user(request),
            decision=data["decision"],
            summary=data["summary"],
            scores=data.get("scores", {}),
        )
        return Response(RoundSerializer(decided).data)


# --- Mentor lists -----------------------------------------------------------------------------


class MenteeSerializer(serializers.Serializer[MentorAssignment]):
    learner = UserSummarySerializer()
    track = serializers.SlugField(source="track.slug")
    since = serializers.DateTimeField(source="created_at")

    class Meta:
        ref_name = "Mentee"


@extend_schema_view(
    get=extend_schema(
        summary="Mentor: your active mentees",
        examples=[
            OpenApiExample(
                "mentees",
                value={
                    "learner": {"id": 42, "name": "Ada"},
                    "track": "backend-web",
                    "since": "2025-02-01T09:00:00Z",
                },
                response_only=True,
            )
        ],
    )
)
class MenteeListView(MentorListView[MentorAssignment]):
    model = MentorAssignment
    serializer_class = MenteeSerializer

    def list_for(self, user: User) -> QuerySet[MentorAssignment]:
        return selectors.mentee_list(mentor_user=user)


@extend_schema_view(
    get=extend_schema(
        summary="Mentor: rounds waiting for your review, oldest first",
        examples=[OpenApiExample("queue", value=ROUND_EXAMPLE, response_only=True)],
    )
)
class ReviewQueueView(MentorListView[ReviewRound]):
    model = ReviewRound
    serializer_class = RoundSerializer

    def list_for(self, user: User) -> QuerySet[ReviewRound]:
        return selectors.round_list_waiting(user=user)


# --- Feedback requests on exercise submissions (the learner, or the mentor they asked) --------


class FeedbackSubmissionSerializer(ModelOutputSerializer[Submission]):
    exercise = serializers.SlugField(source="exercise.slug")
    exercise_title = serializers.CharField(source="exercise.title")
    status = serializers.CharField()

    class Meta:
        model = Submission
        fields = ("id", "exercise", "exercise_title", "status", "tests_passed", "tests_total")
        ref_name = "FeedbackSubmission"


class FeedbackRequestSerializer(ModelOutputSerializer[FeedbackRequest]):
    learner = UserSummarySerializer()
    mentor = UserSummarySerializer()
    submission = FeedbackSubmissionSerializer()

    class Meta:
        model = FeedbackRequest
        fields: tuple[str, ...] = (
            "id", "status", "learner", "mentor", "submission", "created_at", "first_response_at",
            "resolved_at",
        )  # fmt: skip
        ref_name = "FeedbackRequest"


class SubmittedFileSerializer(ModelOutputSerializer[SubmissionFile]):
    class Meta:
        model = SubmissionFile
        fields = ("id", "path", "content")
        ref_name = "FeedbackFile"


class FeedbackRequestDetailSerializer(FeedbackRequestSerializer):
    messages = MessageSerializer(many=True)
    comments = CommentSerializer(many=True)
    files = SubmittedFileSerializer(many=True, source="submission.files")

    class Meta(FeedbackRequestSerializer.Meta):
        fields = (*FeedbackRequestSerializer.Meta.fields, "messages", "comments", "files")
        ref_name = "FeedbackRequestDetail"


FEEDBACK_EXAMPLE = {
    "id": 31,
    "status": "open",
    "learner": {"id": 42, "name": "Ada"},
    "mentor": {"id": 7, "name": "Grace"},
    "submission": {
        "id": 5120,
        "exercise": "temperature-converter",
        "exercise_title": "Temperature converter",
        "status": "failed",
        "tests_passed": 3,
        "tests_total": 18,
    },
    "created_at": "2025-03-01T09:00:00Z",
    "first_response_at": None,
    "resolved_at": None,
}
MESSAGE_EXAMPLE = {
    "id": 90,
    "author": {"id": 42, "name": "Ada"},
    "body": "Why does the Kelvin test fail?",
    "created_at": "2025-03-01T09:00:00Z",
}


class FeedbackCreateInput(serializers.Serializer[Any]):
    submission_id = serializers.IntegerField(min_value=1)
    body = serializers.CharField(max_length=4000, help_text="What the mentor should look at.")

    class Meta:
        ref_name = "FeedbackRequestInput"


@extend_schema_view(
    get=extend_schema(
        summary="Your feedback requests, open first",
        examples=[OpenApiExample("requests", value=FEEDBACK_EXAMPLE, response_only=True)],
    ),
    post=extend_schema(
        operation_id="feedback_create",
        summary="Ask your mentor about one of your graded submissions",
        description=(
            "Needs an active mentor; one open request per submission and at most "
            "FEEDBACK_REQUESTS_OPEN_MAX open with your current mentor (409 beyond). "
            "Another learner's submission is a 404."
        ),
        request=FeedbackCreateInput,
        responses={201: FeedbackRequestSerializer},
        examples=[
            OpenApiExample(
                "ask",
                value={"submission_id": 5120, "body": "Why does the Kelvin test fail?"},
                request_only=True,
            ),
            OpenApiExample("created", value=FEEDBACK_EXAMPLE, response_only=True),
        ],
    ),
)
class FeedbackListView(UserListCreateView[FeedbackRequest]):
    model = FeedbackRequest
    serializer_class = FeedbackRequestSerializer
    InputSerializer = FeedbackCreateInput

    def list_for(self, user: User) -> QuerySet[FeedbackRequest]:
        return selectors.feedback_request_list_for_learner(learner=user)

    def create_for(self, user: User, data: dict[str, Any]) -> FeedbackRequest:
        submission = lookups.own_submission(self.request, data["submission_id"])
        return services.feedback_request_create(
            learner=user, submission=submission, body=data["body"]
        )


@extend_schema_view(
    get=extend_schema(
        summary="Mentor: feedback requests from your current mentees, oldest first",
        parameters=[
            OpenApiParameter(
                "status",
                enum=FeedbackRequest.Status.values,
                default=FeedbackRequest.Status.OPEN,
                description="Open (the default) or resolved.",
            )
        ],
        examples=[OpenApiExample("requests", value=FEEDBACK_EXAMPLE, response_only=True)],
    )
)
class MentorFeedbackListView(MentorListView[FeedbackRequest]):
    model = FeedbackRequest
    serializer_class = FeedbackRequestSerializer

    def list_for(self, user: User) -> QuerySet[FeedbackRequest]:
        wanted = self.request.query_params.get("status", FeedbackRequest.Status.OPEN)
        if wanted not in FeedbackRequest.Status.values:
            raise serializers.ValidationError({"status": ["Choose open or resolved."]})
        return selectors.feedback_request_list_for_mentor(mentor_user=user, status=wanted)


class FeedbackDetailView(APIView):
    @extend_schema(
        summary="A feedback request: its thread, line comments and the submitted files",
        responses=FeedbackRequestDetailSerializer,
        examples=[
            OpenApiExample(
                "request",
                value={
                    **FEEDBACK_EXAMPLE,
                    "messages": [MESSAGE_EXAMPLE],
                    "comments": [],
                    "files": [{"id": 88, "path": "temperature.py", "content": "..."}],
                },
                response_only=True,
            )
        ],
    )
    def get(self, request: Request, request_id: int) -> Response:
        return Response(
            FeedbackRequestDetailSerializer(lookups.feedback_request_for(request, request_id)).data
        )


@extend_schema_view(
    post=extend_schema(
        operation_id="feedback_messages_create",
        summary="Write in a feedback request's thread (the other side is notified)",
        request=MessageInput,
        responses={201: MessageSerializer},
        examples=[
            OpenApiExample("message", value={"body": "Thanks, that was it."}, request_only=True)
        ],
    )
)
class FeedbackMessageView(ThreadWriteView):
    InputSerializer = MessageInput
    OutputSerializer = MessageSerializer
    load_thread = staticmethod(lookups.feedback_request_for)

    def write(self, thread: FeedbackRequest, author: User, data: dict[str, Any]) -> Any:
        return services.feedback_message_add(
            feedback_request=thread, author=author, body=data["body"]
        )


@extend_schema_view(
    post=extend_schema(
        operation_id="feedback_comments_create",
        summary="Comment on a line of a submitted file (the other side is notified)",
        request=LineCommentInput,
        responses={201: CommentSerializer},
        examples=[
            OpenApiExample(
                "comment",
                value={"file_id": 88, "line": 4, "body": "Kelvin starts at -273.15 here."},
                request_only=True,
            )
        ],
    )
)
class FeedbackCommentView(ThreadWriteView):
    InputSerializer = LineCommentInput
    OutputSerializer = CommentSerializer
    load_thread = staticmethod(lookups.feedback_request_for)

    def write(self, thread: FeedbackRequest, author: User, data: dict[str, Any]) -> Any:
        return services.feedback_comment_add(feedback_request=thread, author=author, **data)


class FeedbackResolveView(APIView):
    @extend_schema(
        operation_id="feedback_resolve",
        summary="Mark a feedback request resolved (the mentor asked, or the learner)",
        request=None,
        responses=FeedbackRequestSerializer,
        examples=[
            OpenApiExample(
                "resolved",
                value={
                    **FEEDBACK_EXAMPLE,
                    "status": "resolved",
                    "resolved_at": "2025-03-02T10:00:00Z",
                },
                response_only=True,
            )
        ],
    )
    def post(self, request: Request, request_id: int) -> Response:
        resolved = services.feedback_request_resolve(
            feedback_request=lookups.feedback_request_for(request, request_id),
            by=request_user(request),
        )
        return Response(FeedbackRequestSerializer(resolved).data)


# --- Mentor: comment snippets -----------------------------------------------------------------


class SnippetSerializer(ModelOutputSerializer[CommentSnippet]):
    use_count = serializers.IntegerField(help_text="Comments this snippet filled in.")

    class Meta:
        model = CommentSnippet
        fields = ("id", "title", "body", "use_count", "created_at", "updated_at")
        ref_name = "CommentSnippet"


class SnippetInput(serializers.Serializer[Any]):
    title = serializers.CharField(max_length=80)
    body = serializers.CharField(max_length=4000)

    class Meta:
        ref_name = "CommentSnippetInput"


SNIPPET_EXAMPLE = {
    "id": 14,
    "title": "Name after the domain",
    "body": "Name this after what it holds in the domain, not its type.",
    "use_count": 3,
    "created_at": "2025-03-01T09:00:00Z",
    "updated_at": "2025-03-02T09:00:00Z",
}
SNIPPET_INPUT_EXAMPLE = OpenApiExample(
    "snippet",
    value={"title": SNIPPET_EXAMPLE["title"], "body": SNIPPET_EXAMPLE["body"]},
    request_only=True,
)


@extend_schema_view(
    get=extend_schema(
        summary="Mentor: your comment snippets, by title",
        examples=[OpenApiExample("snippets", value=SNIPPET_EXAMPLE, response_only=True)],
    ),
    post=extend_schema(
        operation_id="mentor_snippets_create",
        summary="Mentor: save a comment snippet",
        description=(
            "Titles are unique per mentor (400 if taken); at most COMMENT_SNIPPETS_MAX "
            "snippets (409 beyond)."
        ),
        request=SnippetInput,
        responses={201: SnippetSerializer},
        examples=[
            SNIPPET_INPUT_EXAMPLE,
            OpenApiExample("created", value=SNIPPET_EXAMPLE, response_only=True),
        ],
    ),
)
class SnippetListView(UserListCreateView[CommentSnippet]):
    permission_classes = [IsMentorOrStaff]
    model = CommentSnippet
    serializer_class = SnippetSerializer
    InputSerializer = SnippetInput

    def list_for(self, user: User) -> QuerySet[CommentSnippet]:
        return selectors.snippet_list(mentor=user)

    def create_for(self, user: User, data: dict[str, Any]) -> CommentSnippet:
        return services.snippet_create(mentor=user, **data)


@extend_schema_view(
    get=extend_schema(
        summary="Mentor: one of your comment snippets (another mentor's is a 404)",
        responses=SnippetSerializer,
        examples=[OpenApiExample("snippet", value=SNIPPET_EXAMPLE, response_only=True)],
    ),
    put=extend_schema(
        operation_id="mentor_snippets_update",
        summary="Mentor: change a snippet's title and text (its use count is kept)",
        request=SnippetInput,
        responses=SnippetSerializer,
        examples=[
            SNIPPET_INPUT_EXAMPLE,
            OpenApiExample("updated", value=SNIPPET_EXAMPLE, response_only=True),
        ],
    ),
    delete=extend_schema(
        operation_id="mentor_snippets_destroy",
        summary="Mentor: delete a snippet (comments it filled in keep their text)",
        request=None,
        responses={204: None},
    ),
)
class SnippetDetailView(APIView):
    permission_classes = [IsMentorOrStaff]
    InputSerializer = SnippetInput

    def get(self, request: Request, snippet_id: int) -> Response:
        return Response(SnippetSerializer(lookups.snippet_for(request, snippet_id)).data)

    def put(self, request: Request, snippet_id: int) -> Response:
        snippet = lookups.snippet_for(request, snippet_id)
        data = validated_input(self.InputSerializer, request)
        updated = services.snippet_update(snippet=snippet, mentor=request_user(request), **data)
        return Response(SnippetSerializer(updated).data)

    def delete(self, request: Request, snippet_id: int) -> Response:
        snippet = lookups.snippet_for(request, snippet_id)
        services.snippet_delete(snippet=snippet, mentor=request_user(request))
        return Response(status=status.HTTP_204_NO_CONTENT)


# --- Public -----------------------------------------------------------------------------------


class EvidenceRoundSerializer(ModelOutputSerializer[ReviewRound]):
    submitted_at = serializers.DateTimeField(source="created_at")
    decision = serializers.CharField(source="status")
    scores = ScoreSerializer(many=True)

    class Meta:
        model = ReviewRound
        fields = ("number", "submitted_at", "decided_at", "decision", "scores")
        ref_name = "CertificateRound"


class CheckResultSerializer(serializers.Serializer[Any]):
    name = serializers.CharField()
    passed = serializers.BooleanField()
    detail = serializers.CharField()

    class Meta:
        ref_name = "CertificateCheck"


class CertificateVerifyView(APIView):
    permission_classes = [AllowAny]
    throttle_classes = [CertificateThrottle]
    throttle_scope = "certificates"

    class OutputSerializer(serializers.Serializer[CertificateEvidence]):
        """A certificate and its evidence: the review rounds and the final automated checks;
        nothing from the project itself."""

        code = serializers.CharField(source="certificate.code")
        learner_name = serializers.CharField(source="certificate.learner_name")
        track_title = serializers.CharField(source="certificate.track_title")
        capstone_title = serializers.CharField(source="certificate.capstone_title")
        mentor_name = serializers.CharField(source="certificate.mentor_name")
        issued_at = serializers.DateTimeField(source="certificate.issued_at")
        rounds = EvidenceRoundSerializer(many=True, help_text="Every review round, in order.")
        final_checks = CheckResultSerializer(
            many=True, help_text="The final version's automated checks (empty if they did not run)."
        )
        checks_note = serializers.CharField(help_text="Why there are no checks, if there are none.")

        class Meta:
            ref_name = "Certificate"

    @extend_schema(
        summary="Verify a certificate by its code (public)",
        responses=OutputSerializer,
        examples=[
            OpenApiExample(
                "certificate",
                value={
                    "code": "ABCD-EFGH-JKLM",
                    "learner_name": "Ada",
                    "track_title": "Backend & Web",
                    "capstone_title": "A production-ready web API",
                    "mentor_name": "Grace",
                    "issued_at": "2025-03-25T12:00:00Z",
                    "rounds": [
                        {
                            "number": 1,
                            "submitted_at": "2025-03-10T09:00:00Z",
                            "decided_at": "2025-03-11T16:30:00Z",
                            "decision": "changes_requested",
                            "scores": [],
                        },
                        {
                            "number": 2,
                            "submitted_at": "2025-03-20T09:00:00Z",
                            "decided_at": "2025-03-25T12:00:00Z",
                            "decision": "approved",
                            "scores": [
                                {
                                    "criterion": "design",
                                    "title": "Design",
                                    "score": 4,
                                    "max_score": 5,
                                }
                            ],
                        },
                    ],
                    "final_checks": [
                        {
                            "name": "Tests",
                            "passed": True,
                            "detail": "24 of 24 passed, 91.0% coverage",
                        },
                        {"name": "ruff", "passed": True, "detail": "0 findings"},
                    ],
                    "checks_note": "",
                },
                response_only=True,
            )
        ],
    )
    def get(self, request: Request, code: str) -> Response:
        evidence = found_or_404(
            selectors.certificate_evidence_get, "No certificate with this code.", code=code
        )
        return Response(self.OutputSerializer(evidence).data)
