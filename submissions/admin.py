from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from config.admin_pages import ChangePageContextAdmin
from submissions import selectors, services
from submissions.models import Submission, SubmissionFile


class SubmissionFileInline(admin.TabularInline[SubmissionFile, Submission]):
    model = SubmissionFile
    fields = ("path", "content")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Submission | None = None) -> bool:
        return False


@admin.register(Submission)
class SubmissionAdmin(ChangePageContextAdmin[Submission]):
    list_display = (
        "id", "learner", "exercise", "status", "score", "attempts", "duration_ms", "created_at", "worker",
    )  # fmt: skip
    list_filter = ("status", "source", "exercise__module__phase", "exercise__kind", "created_at")
    search_fields = ("=id", "learner__email", "exercise__slug", "exercise__title", "reason")
    list_select_related = ("learner", "exercise")
    date_hierarchy = "created_at"
    readonly_fields = (
        "learner", "exercise", "status", "source", "attempts", "enqueues", "created_at", "started_at",
        "finished_at", "duration_ms", "worker", "tests_passed", "tests_total", "reason", "idempotency_key",
    )  # fmt: skip
    # The report and quality findings are shown rendered (change_form.html), not as JSON.
    fields = readonly_fields
    inlines = (SubmissionFileInline,)
    actions = ("rerun",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def change_page_context(self, obj: Submission) -> dict[str, Any]:
        """The report as the learner sees it (the learner's own result partial), then what
        only staff see: the hidden tests as stored and the grader's notes."""
        report = selectors.public_report(submission=obj)
        return {
            "submission": obj,
            "report": report,
            "groups": selectors.results_by_file(report["visible_tests"]),
            "quality_pending": selectors.quality_pending(submission=obj),
            "staff_report": selectors.staff_report_get(submission=obj),
        }

    @admin.display(description="Tests")
    def score(self, obj: Submission) -> str:
        return f"{obj.tests_passed}/{obj.tests_total}" if obj.tests_total else "—"

    @admin.action(description="Re-run selected submissions (final states only)")
    def rerun(self, request: HttpRequest, queryset: QuerySet[Submission]) -> None:
        rerun = sum(services.submission_rerun(submission=s) for s in queryset)
        skipped = queryset.count() - rerun
        self.message_user(request, f"Re-queued {rerun} submission(s).")
        if skipped:
            self.message_user(
                request, f"{skipped} still pending were left alone.", messages.WARNING
            )
