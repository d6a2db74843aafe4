"""Submitted code and its grading. The state machine's transitions live in
`submissions.services`; here are the states, the data and the invariants."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q


class Submission(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        PASSED = "passed", "Passed"
        FAILED = "failed", "Failed"
        ERROR = "error", "Error"
        TIMED_OUT = "timed_out", "Timed out"
        MEMORY_EXCEEDED = "memory_exceeded", "Memory exceeded"
        OUTPUT_EXCEEDED = "output_exceeded", "Output exceeded"
        CRASHED = "crashed", "Crashed"
        INTERNAL_ERROR = "internal_error", "Internal error"

    PENDING = (Status.QUEUED, Status.RUNNING)
    # Graded, and the learner's code did not make it (an internal error is the grader's).
    LEARNER_FAILURES = (
        Status.FAILED,
        Status.ERROR,
        Status.TIMED_OUT,
        Status.MEMORY_EXCEEDED,
        Status.OUTPUT_EXCEEDED,
        Status.CRASHED,
    )

    class Source(models.TextChoices):
        EDITOR = "editor", "Browser editor"
        UPLOAD = "upload", "File upload"
        API = "api", "API"

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="submissions"
    )
    exercise = models.ForeignKey(
        "courses.Exercise", on_delete=models.PROTECT, related_name="submissions"
    )
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.QUEUED, db_index=True
    )
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.EDITOR)
    attempts = models.PositiveSmallIntegerField(default=0, help_text="Times a worker claimed it.")
    enqueues = models.PositiveSmallIntegerField(
        default=1, help_text="Times it was put on the queue."
    )
    published_at = models.DateTimeField(
        null=True, blank=True, help_text="Last time it was put on the queue."
    )
    quality_enqueues = models.PositiveSmallIntegerField(
        default=0, help_text="Times quality checks were asked for."
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    duration_ms = models.PositiveIntegerField(null=True, blank=True, help_text="Sandbox run time.")
    worker = models.CharField(max_length=200, blank=True)
    tests_passed = models.PositiveSmallIntegerField(default=0)
    tests_total = models.PositiveSmallIntegerField(default=0)
    reason = models.TextField(blank=True, help_text="Why it ended this way, for people.")
    report = models.JSONField(default=dict, blank=True)
    quality = models.JSONField(default=dict, blank=True)
    # Why hidden checks failed, how runs ended: for staff only, never for learners or mentors.
    grader_notes = models.JSONField(default=list, blank=True)
    idempotency_key = models.CharField(  # noqa: DJ001 - NULL keeps the unique constraint partial
        max_length=100, null=True, blank=True
    )
    # A hash of what the keyed request asked for: a key reused for other work is refused.
    idempotency_hash = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ("-created_at", "-id")
        constraints = [
            models.UniqueConstraint(
                fields=("learner", "idempotency_key"),
                condition=Q(idempotency_key__isnull=False),
                name="submission_idempotency_key_unique",
            ),
            models.CheckConstraint(
                condition=Q(tests_passed__lte=models.F("tests_total")),
                name="submission_passed_within_total",
            ),
        ]
        indexes = [
            models.Index(fields=("learner", "exercise", "-created_at")),
            models.Index(fields=("status", "created_at")),
            # A learner's feed, newest first, read a page at a time (the API's cursor).
            models.Index(fields=("learner", "-created_at", "-id")),
            # "Solved": a learner's passing submissions by exercise, from the index alone.
            models.Index(fields=("learner", "status", "exercise")),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.exercise_id} by {self.learner_id} ({self.status})"

    @property
    def is_pending(self) -> bool:
        return self.status in self.PENDING

    @property
    def is_final(self) -> bool:
        return not self.is_pending


class SubmissionFile(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="files")
    path = models.CharField(max_length=200)
    content = models.TextField()

    class Meta:
        ordering = ("submission", "path")
        constraints = [
            models.UniqueConstraint(fields=("submission", "path"), name="submission_file_unique")
        ]

    def __str__(self) -> str:
        return self.path


class Draft(models.Model):
    """The code a learner is editing for one exercise, saved as they type (one row per
    learner and exercise), so nothing typed is lost to a refused upload, a failed request or
    a closed tab. Not graded and never seen by anyone else."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="drafts"
    )
    exercise = models.ForeignKey(
        "courses.Exercise", on_delete=models.CASCADE, related_name="drafts"
    )
    # [{"path": "temperature.py", "content": "..."}] in the editor's order.
    files = models.JSONField(default=list)
    updated_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=("learner", "exercise"), name="draft_once_per_exercise")
        ]

    def __str__(self) -> str:
        return f"draft of {self.exercise_id} by {self.learner_id}"
