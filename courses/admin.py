"""Staff screens for the programme. Content is synced from the repository, so content
models are view-only here (removing a lesson from the repository and syncing retires it);
enrollments are switched with actions."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import admin, messages
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest

from config.admin_pages import ViewOnlyAdmin
from courses import models, selectors, services
from courses.errors import EnrollmentError


class SyncedContentAdmin(ViewOnlyAdmin[Any]):
    """Content comes from `manage.py sync_curriculum`; editing it here would be overwritten."""

    readonly_fields = ["slug", "content_hash", "retired_at", "updated_at"]
    search_fields = ["slug", "title"]


class CountedContentAdmin(SyncedContentAdmin):
    """Content whose changelist shows a count of related rows (`count`), annotated in the
    list's own query; a subclass names the column with `count_column`."""

    count: Count

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        queryset: QuerySet[Any] = super().get_queryset(request).annotate(counted=self.count)
        return queryset


def count_column(description: str) -> Callable[[Any, Any], int]:
    @admin.display(description=description, ordering="counted")
    def column(model_admin: Any, obj: Any) -> int:
        return int(obj.counted)

    return column


class ReadOnlyInline:
    """An inline that shows synced rows: nothing to add or delete here."""

    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class RetiredFilter(admin.SimpleListFilter):
    title = "state"
    parameter_name = "state"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("live", "Live"), ("retired", "Retired")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if self.value() == "live":
            return queryset.filter(retired_at__isnull=True)
        if self.value() == "retired":
            return queryset.filter(retired_at__isnull=False)
        return queryset


@admin.register(models.Program)
class ProgramAdmin(SyncedContentAdmin):
    list_display = ("title", "slug", "total_days", "updated_at")


@admin.register(models.Skill)
class SkillAdmin(SyncedContentAdmin):
    list_display = ("number", "title", "slug", "retired_at")
    list_filter = (RetiredFilter,)


class ModuleInline(ReadOnlyInline, admin.TabularInline[models.Module, models.Phase]):
    model = models.Module
    fields = ("order", "title", "slug", "track", "retired_at")
    readonly_fields = fields
    show_change_link = True


@admin.register(models.Phase)
class PhaseAdmin(CountedContentAdmin):
    list_display = ("number", "title", "first_day", "last_day", "module_count", "retired_at")
    list_filter = (RetiredFilter,)
    inlines = (ModuleInline,)
    count = Count("modules")
    module_count = count_column("Modules")


@admin.register(models.Track)
class TrackAdmin(CountedContentAdmin):
    list_display = (
        "letter",
        "title",
        "capstone_title",
        "capstone_days",
        "active_learners",
        "retired_at",
    )
    list_filter = (RetiredFilter,)
    count = Count("enrollments", filter=Q(enrollments__status=models.Enrollment.Status.ACTIVE))
    active_learners = count_column("Active learners")


class LessonInline(ReadOnlyInline, admin.TabularInline[models.Lesson, models.Module]):
    model = models.Lesson
    fields = ["order", "title", "slug", "minutes", "retired_at"]
    readonly_fields = ["order", "title", "slug", "minutes", "retired_at"]
    show_change_link = True


class ExerciseInline(LessonInline):
    model = models.Exercise  # type: ignore[assignment]
    fields = ["order", "title", "slug", "kind", "difficulty", "retired_at"]
    readonly_fields = ["order", "title", "slug", "kind", "difficulty", "retired_at"]


@admin.register(models.Module)
class ModuleAdmin(SyncedContentAdmin):
    list_display = ("title", "phase", "track", "order", "retired_at")
    list_filter = ("phase", "track", RetiredFilter)
    list_select_related = ("phase", "track")
    inlines = (LessonInline, ExerciseInline)


@admin.register(models.Lesson)
class LessonAdmin(SyncedContentAdmin):
    list_display = ("title", "module", "phase_number", "minutes", "retired_at")
    list_filter = ("module__phase", "module__track", "skills", RetiredFilter)
    list_select_related = ("module__phase",)
    search_fields = ["slug", "title", "body_markdown"]

    @admin.display(description="Phase", ordering="module__phase__number")
    def phase_number(self, obj: models.Lesson) -> int:
        return obj.module.phase.number


class ExerciseFileInline(ReadOnlyInline, admin.StackedInline[models.ExerciseFile, models.Exercise]):
    """Read-only: the files are content, synced from the repository."""

    model = models.ExerciseFile
    fields = ("role", "path", "content")
    readonly_fields = fields


@admin.register(models.Exercise)
class ExerciseAdmin(CountedContentAdmin):
    list_display = ("title", "kind", "module", "difficulty", "submission_count", "retired_at")
    list_filter = ("kind", "module__phase", "module__track", "difficulty", "skills", RetiredFilter)
    list_select_related = ("module",)
    search_fields = ["slug", "title", "statement_markdown"]
    inlines = (ExerciseFileInline,)
    count = Count("submissions")
    submission_count = count_column("Submissions")


def _switch_action(
    slug: str, label: str
) -> Callable[[Any, HttpRequest, QuerySet[models.Enrollment]], None]:
    @admin.action(description=f"Switch selected active learners to {label}")
    def action(
        model_admin: Any, request: HttpRequest, queryset: QuerySet[models.Enrollment]
    ) -> None:
        model_admin.switch(request, queryset, slug)

    return action


@admin.register(models.Enrollment)
class EnrollmentAdmin(admin.ModelAdmin[models.Enrollment]):
    list_display = ("learner", "track", "status", "started_on", "created_at", "ended_at")
    list_filter = ("status", "track", "started_on")
    search_fields = ("learner__email", "learner__display_name")
    list_select_related = ("learner", "track")
    autocomplete_fields = ("learner",)
    # Enrolment and switching have rules (one active enrollment, the start day, the mentor
    # follows the track): they go through the actions below, which call the services.
    readonly_fields = ("learner", "track", "status", "started_on", "created_at", "ended_at")
    date_hierarchy = "created_at"
    actions = ("switch_to_backend", "switch_to_data", "switch_to_automation")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def switch(
        self, request: HttpRequest, queryset: QuerySet[models.Enrollment], slug: str
    ) -> None:
        track = selectors.track_get(slug=slug)
        if track is None:
            self.message_user(request, f"No live track '{slug}'.", messages.ERROR)
            return
        switched = 0
        for enrollment in queryset.filter(status=models.Enrollment.Status.ACTIVE).select_related(
            "learner"
        ):
            try:
                services.enrollment_switch_track(
                    learner=enrollment.learner, track=track, by_staff=True, reason="staff action"
                )
                switched += 1
            except EnrollmentError as exc:
                self.message_user(request, f"{enrollment.learner}: {exc.message}", messages.WARNING)
        self.message_user(request, f"Switched {switched} enrollment(s) to {track.title}.")

    switch_to_backend = _switch_action("backend-web", "Backend/Web")
    switch_to_data = _switch_action("data-science-ai", "Data Science & AI")
    switch_to_automation = _switch_action("automation-devops", "Automation & DevOps")


@admin.register(models.LessonCompletion)
class LessonCompletionAdmin(admin.ModelAdmin[models.LessonCompletion]):
    list_display = ("learner", "lesson", "completed_at")
    list_filter = ("lesson__module__phase",)
    search_fields = ("learner__email", "lesson__slug", "lesson__title")
    list_select_related = ("learner", "lesson")
    autocomplete_fields = ("learner",)
    raw_id_fields = ("lesson",)
    date_hierarchy = "completed_at"
