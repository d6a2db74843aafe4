"""Staff tools: mentor load, waiting learners, the longest-waiting reviews, (re)assignment.
Thin: every action calls a service."""

from __future__ import annotations

from typing import Any, TypeVar, cast

from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.timesince import timesince

from accounts.models import User
from config.admin_pages import ViewOnlyAdmin
from config.errors import ApplicationError
from courses.models import Enrollment
from mentors import selectors, services
from mentors.forms import ReassignForm
from mentors.models import (
    Capstone,
    Certificate,
    CommentSnippet,
    FeedbackComment,
    FeedbackMessage,
    FeedbackRequest,
    MentorAssignment,
    MentorProfile,
    ReviewRound,
    UnassignedLearner,
)

_M = TypeVar("_M", bound=Model)


@admin.register(MentorProfile)
class MentorProfileAdmin(admin.ModelAdmin[MentorProfile]):
    list_display = ("user", "availability", "load", "track_list", "created_at")
    list_filter = ("availability", "tracks")
    search_fields = ("user__email", "user__display_name", "bio")
    filter_horizontal = ("tracks",)
    autocomplete_fields = ("user",)
    list_per_page = 50

    def get_queryset(self, request: HttpRequest) -> QuerySet[MentorProfile]:
        return selectors.mentor_profile_list()

    @admin.display(description="Active mentees / capacity", ordering="active_mentees")
    def load(self, obj: MentorProfile) -> str:
        return f"{getattr(obj, 'active_mentees', 0)} / {obj.capacity}"

    @admin.display(description="Tracks")
    def track_list(self, obj: MentorProfile) -> str:
        return ", ".join(track.letter for track in obj.tracks.all()) or "—"

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        # New tracks, more capacity or back from a pause: waiting learners may fit now. A
        # worker hands the places out (the task the beat runs too), not this request.
        services.waiting_learners_assign_later()
        messages.info(request, "Waiting learners are being matched with mentors.")


def _reassign_view(
    modeladmin: admin.ModelAdmin[Any], request: HttpRequest, learners: list[User]
) -> HttpResponse | None:
    """Intermediate page of the assign/reassign actions: pick a mentor and give a reason."""
    staff = request.user
    assert isinstance(staff, User)
    if "apply" in request.POST:
        form = ReassignForm(request.POST)
        if form.is_valid():
            for learner in learners:
                try:
                    services.assignment_set(
                        learner=learner,
                        mentor=form.cleaned_data["mentor"],
                        by=staff,
                        reason=form.cleaned_data["reason"],
                    )
                except ApplicationError as exc:
                    modeladmin.message_user(request, f"{learner}: {exc.message}", messages.ERROR)
                else:
                    modeladmin.message_user(request, f"{learner} assigned.", messages.SUCCESS)
            return None
    else:
        form = ReassignForm()
    current = selectors.assignment_active_by_learner(
        learner_ids=[learner.pk for learner in learners]
    )
    return render(
        request,
        "mentors/admin_reassign.html",
        {
            **modeladmin.admin_site.each_context(request),
            "title": "Assign to a mentor",
            "form": form,
            "learners": learners,
            # Each learner's current mentor, and every mentor's load (the choices say it too).
            "current": [(learner, current.get(learner.pk)) for learner in learners],
            "mentors": selectors.mentor_profile_list().order_by("user__email"),
            "selected": request.POST.getlist(ACTION_CHECKBOX_NAME),
            "action": request.POST.get("action", ""),
            "opts": modeladmin.model._meta,
        },
    )


@admin.register(MentorAssignment)
class MentorAssignmentAdmin(admin.ModelAdmin[MentorAssignment]):
    list_display = ("learner", "mentor", "track", "source", "created_at", "ended_at", "reason")
    list_filter = (("ended_at", admin.EmptyFieldListFilter), "source", "track")
    search_fields = ("learner__email", "mentor__user__email", "reason", "end_reason")
    list_select_related = ("learner", "mentor__user", "track")
    readonly_fields = [f.name for f in MentorAssignment._meta.fields]
    actions = ("reassign",)
    list_per_page = 50

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # assignments are made by the services (actions), never typed in

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # history is kept

    @admin.action(description="Reassign to another mentor…")
    def reassign(
        self, request: HttpRequest, queryset: QuerySet[MentorAssignment]
    ) -> HttpResponse | None:
        learners = [
            a.learner for a in queryset.filter(ended_at__isnull=True).select_related("learner")
        ]
        return _reassign_view(self, request, learners)


@admin.register(UnassignedLearner)
class UnassignedLearnerAdmin(ViewOnlyAdmin[UnassignedLearner]):
    """Learners waiting for a mentor, longest waiting first."""

    list_display = ("learner", "track", "waiting")
    list_filter = ("track",)
    search_fields = ("learner__email",)
    actions = ("assign_automatically", "assign_to_mentor")
    list_per_page = 50

    def get_queryset(self, request: HttpRequest) -> QuerySet[UnassignedLearner]:
        ids = selectors.enrollment_list_unassigned().values("pk")
        waiting = UnassignedLearner.objects.filter(pk__in=ids).select_related("learner", "track")
        return cast("QuerySet[UnassignedLearner]", waiting)

    @admin.display(description="Waiting for", ordering="created_at")
    def waiting(self, obj: Enrollment) -> str:
        return timesince(obj.created_at, timezone.now())

    @admin.action(description="Assign a mentor automatically")
    def assign_automatically(
        self, request: HttpRequest, queryset: QuerySet[UnassignedLearner]
    ) -> None:
        done = sum(
            1
            for enrollment in queryset.select_related("learner")
            if services.assignment_ensure(learner=enrollment.learner) is not None
        )
        self.message_user(request, f"{done} of {queryset.count()} learner(s) got a mentor.")

    @admin.action(description="Assign to a mentor…")
    def assign_to_mentor(
        self, request: HttpRequest, queryset: QuerySet[UnassignedLearner]
    ) -> HttpResponse | None:
        return _reassign_view(
            self, request, [e.learner for e in queryset.select_related("learner")]
        )


class RoundStateFilter(admin.SimpleListFilter):
    """Opens on the rounds still waiting (what needs attention); "All" shows the rest."""

    title = "status"
    parameter_name = "state"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [(value, str(label)) for value, label in ReviewRound.Status.choices] + [
            ("all", "All")
        ]

    def choices(self, changelist: Any) -> Any:
        for value, label in self.lookup_choices:
            yield {
                "selected": (self.value() or ReviewRound.Status.WAITING) == value,
                "query_string": changelist.get_query_string({self.parameter_name: value}),
                "display": label,
            }

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        value = self.value() or ReviewRound.Status.WAITING
        return queryset if value == "all" else queryset.filter(status=value)


class StaffReadsAdmin(admin.ModelAdmin[_M]):
    """Rows the services write and staff only read here: every field read-only, no adding."""

    list_per_page = 50

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return [f.name for f in self.model._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


class WaitAdmin(StaffReadsAdmin[_M]):
    """What waits for a mentor (a review round, a feedback request) since `created_at`,
    until `ended_field` is set."""

    ended_field: str

    @admin.display(description="Waiting / waited")
    def waited(self, obj: Any) -> str:
        return timesince(obj.created_at, getattr(obj, self.ended_field) or timezone.now())


@admin.register(ReviewRound)
class ReviewRoundAdmin(WaitAdmin[ReviewRound]):
    """Defaults to the rounds waiting longest."""

    list_display = ("capstone", "number", "status", "created_at", "waited", "reviewer")
    list_filter = (RoundStateFilter, "capstone__track")
    list_select_related = ("capstone__learner", "capstone__track", "reviewer")
    ordering = ("created_at",)
    search_fields = ("capstone__learner__email",)
    ended_field = "decided_at"


@admin.register(Capstone)
class CapstoneAdmin(admin.ModelAdmin[Capstone]):
    """Adding a capstone here is the staff override that unlocks it before Phase 3 is done."""

    list_display = ("learner", "track", "status", "started_at", "due_at", "completed_at")
    list_filter = ("status", "track")
    search_fields = ("learner__email",)
    list_select_related = ("learner", "track")
    autocomplete_fields = ("learner",)
    list_per_page = 50

    def get_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        return (
            ["learner", "track"]
            if obj is None
            else [
                "learner",
                "track",
                "status",
                "unlocked_by",
                "started_at",
                "due_at",
                "completed_at",
            ]
        )

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        return [] if obj is None else self.get_fields(request, obj)

    def save_model(self, request: HttpRequest, obj: Capstone, form: Any, change: bool) -> None:
        if change:
            return
        assert isinstance(request.user, User)
        unlocked = services.capstone_unlock(learner=obj.learner, track=obj.track, by=request.user)
        obj.pk = unlocked.pk


@admin.register(Certificate)
class CertificateAdmin(StaffReadsAdmin[Certificate]):
    list_display = ("code", "learner_name", "track_title", "issued_at")
    search_fields = ("code", "learner_name", "learner__email")


class ThreadInline(admin.TabularInline[_M, FeedbackRequest]):
    """The messages or line comments of a feedback request, read-only."""

    extra = 0
    can_delete = False

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        return self.fields

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class FeedbackMessageInline(ThreadInline[FeedbackMessage]):
    model = FeedbackMessage
    fields = ("author", "body", "created_at")


class FeedbackCommentInline(ThreadInline[FeedbackComment]):
    model = FeedbackComment
    fields = ("file", "line", "author", "body", "created_at")


@admin.register(FeedbackRequest)
class FeedbackRequestAdmin(WaitAdmin[FeedbackRequest]):
    """Staff read feedback requests here (the pages and the API show them to the learner
    and the mentor asked only)."""

    list_display = ("learner", "mentor", "submission", "status", "created_at", "waited")
    list_filter = ("status",)
    list_select_related = ("learner", "mentor", "submission")
    search_fields = ("learner__email", "mentor__email")
    inlines = [FeedbackMessageInline, FeedbackCommentInline]
    ordering = ("-created_at",)
    ended_field = "resolved_at"


@admin.register(CommentSnippet)
class CommentSnippetAdmin(StaffReadsAdmin[CommentSnippet]):
    """Mentors' snippets, for support: staff read and may delete one (mentors edit their
    own on their snippets page, where the per-mentor rules apply)."""

    list_display = ("title", "mentor", "use_count", "updated_at")
    list_select_related = ("mentor",)
    search_fields = ("title", "mentor__email")
    ordering = ("mentor__email", "title")
