"""Mentors, their assignments to learners, capstones and their review rounds, certificates.

Models hold fields, constraints and cheap properties. Every workflow (assignment, upload,
checks, review decisions, certificates) lives in `mentors.services`.
"""

from __future__ import annotations

import uuid
from typing import Any, ClassVar

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from courses.models import Enrollment


def line_count(content: str) -> int:
    """Lines of a text file as an editor numbers them (a last line without "\\n" counts)."""
    return content.count("\n") + (1 if content and not content.endswith("\n") else 0)


class MentorProfile(models.Model):
    """A user who mentors: the tracks they cover and how many active mentees they take."""

    class Availability(models.TextChoices):
        ACTIVE = "active", "Active"
        PAUSED = "paused", "Paused"

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentor_profile"
    )
    tracks = models.ManyToManyField("courses.Track", related_name="mentors")
    capacity = models.PositiveSmallIntegerField(
        default=8, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    availability = models.CharField(
        max_length=10, choices=Availability.choices, default=Availability.ACTIVE
    )
    bio = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("user__email",)

    def __str__(self) -> str:
        return f"Mentor {self.user}"


class MentorAssignmentQuerySet(models.QuerySet["MentorAssignment"]):
    def active(self) -> MentorAssignmentQuerySet:
        return self.filter(ended_at__isnull=True)


class MentorAssignment(models.Model):
    """A learner's mentor for a while. Rows are never deleted: ending one sets `ended_at`
    and `end_reason`, so the history of who mentored whom (and why it changed) is kept."""

    class Source(models.TextChoices):
        AUTOMATIC = "automatic", "Automatic"
        STAFF = "staff", "Staff"

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentor_assignments"
    )
    mentor = models.ForeignKey(MentorProfile, on_delete=models.PROTECT, related_name="assignments")
    track = models.ForeignKey("courses.Track", on_delete=models.PROTECT, related_name="+")
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.AUTOMATIC)
    reason = models.CharField(max_length=300, blank=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    end_reason = models.CharField(max_length=300, blank=True)

    objects = MentorAssignmentQuerySet.as_manager()

    class Meta:
        ordering = ("-created_at", "-pk")
        constraints = [
            models.UniqueConstraint(
                fields=("learner",),
                condition=Q(ended_at__isnull=True),
                name="one_active_mentor_per_learner",
            )
        ]
        indexes = [models.Index(fields=("mentor", "ended_at"))]

    def __str__(self) -> str:
        return f"{self.mentor.user} mentors {self.learner}"

    @property
    def is_active(self) -> bool:
        return self.ended_at is None


class PortfolioSettings(models.Model):
    """A learner's opt-in public portfolio. The public address uses an unguessable id."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="portfolio_settings"
    )
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    is_public = models.BooleanField(default=False)
    headline = models.CharField(max_length=160, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Portfolio of {self.user}"


class CapstoneQuerySet(models.QuerySet["Capstone"]):
    def approved(self) -> CapstoneQuerySet:
        """Finished: the learner needs no mentor in the track any more."""
        return self.filter(status=Capstone.Status.APPROVED)


class Capstone(models.Model):
    """The final project of a learner's track. Created by staff override (`unlocked`) or
    when the learner starts it; one per learner and track."""

    class Status(models.TextChoices):
        UNLOCKED = "unlocked", "Unlocked"
        IN_PROGRESS = "in_progress", "In progress"
        IN_REVIEW = "in_review", "Waiting for review"
        CHANGES_REQUESTED = "changes_requested", "Changes requested"
        APPROVED = "approved", "Approved"

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="capstones"
    )
    track = models.ForeignKey("courses.Track", on_delete=models.PROTECT, related_name="capstones")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.UNLOCKED)
    unlocked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="Staff member who unlocked it before Phase 3 was done.",
    )
    started_at = models.DateTimeField(null=True, blank=True)
    due_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CapstoneQuerySet.as_manager()

    class Meta:
        ordering = ("-created_at",)
        constraints = [
            models.UniqueConstraint(fields=("learner", "track"), name="one_capstone_per_track")
        ]

    def __str__(self) -> str:
        return f"{self.learner} · {self.track.capstone_title}"

    @property
    def is_started(self) -> bool:
        return self.started_at is not None

    @property
    def is_approved(self) -> bool:
        return self.status == self.Status.APPROVED

    @property
    def is_in_review(self) -> bool:
        return self.status == self.Status.IN_REVIEW


class CapstoneVersion(models.Model):
    """One upload of the project. Version N is reviewed in round N."""

    capstone = models.ForeignKey(Capstone, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField()
    archive = models.FileField(upload_to="capstones/%Y/%m/")
    archive_name = models.CharField(max_length=200)
    archive_size = models.PositiveIntegerField()
    file_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("capstone", "number")
        constraints = [
            models.UniqueConstraint(fields=("capstone", "number"), name="capstone_version_number")
        ]

    def __str__(self) -> str:
        return f"{self.capstone} v{self.number}"


class CapstoneFile(models.Model):
    """A file of a version. Text files keep their content; binary files are listed only."""

    version = models.ForeignKey(CapstoneVersion, on_delete=models.CASCADE, related_name="files")
    path = models.CharField(max_length=400)
    size = models.PositiveIntegerField()
    is_text = models.BooleanField(default=True)
    content = models.TextField(blank=True)

    class Meta:
        ordering = ("version", "path")
        constraints = [
            models.UniqueConstraint(fields=("version", "path"), name="capstone_file_unique_path")
        ]

    def __str__(self) -> str:
        return self.path

    @property
    def line_count(self) -> int:
        return line_count(self.content)


class CheckRun(models.Model):
    """The automated checks of one version, run by the `mentors.run_capstone_checks` task."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Could not run"

    version = models.OneToOneField(
        CapstoneVersion, on_delete=models.CASCADE, related_name="check_run"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    claimed_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    tests_outcome = models.CharField(max_length=20, blank=True)
    tests_passed = models.PositiveIntegerField(default=0)
    tests_total = models.PositiveIntegerField(default=0)
    coverage_percent = models.DecimalField(max_digits=4, decimal_places=1, null=True, blank=True)
    ruff_count = models.PositiveIntegerField(default=0)
    mypy_count = models.PositiveIntegerField(default=0)
    readme_ok = models.BooleanField(default=False)
    report: models.JSONField[dict[str, Any]] = models.JSONField(default=dict, blank=True)
    error = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"checks of {self.version} ({self.status})"

    @property
    def is_final(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)


REVIEW_SUMMARY_MAX_CHARS = 8000  # the decision's summary, on the page and in the API


class ReviewRound(models.Model):
    """The mentor's review of one version: line comments, rubric scores, summary, decision."""

    class Status(models.TextChoices):
        WAITING = "waiting", "Waiting for review"
        CHANGES_REQUESTED = "changes_requested", "Changes requested"
        APPROVED = "approved", "Approved"

    capstone = models.ForeignKey(Capstone, on_delete=models.CASCADE, related_name="rounds")
    version = models.OneToOneField(
        CapstoneVersion, on_delete=models.CASCADE, related_name="review_round"
    )
    number = models.PositiveSmallIntegerField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.WAITING)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reviews_done",
    )
    summary = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("capstone", "number")
        constraints = [
            models.UniqueConstraint(fields=("capstone", "number"), name="review_round_number")
        ]
        indexes = [models.Index(fields=("status", "created_at"))]

    def __str__(self) -> str:
        return f"{self.capstone} round {self.number} ({self.status})"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.WAITING


class AuthoredText(models.Model):
    """Who wrote what, when: the fields every message and line comment of a review round or
    a feedback request has."""

    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    body = models.TextField(max_length=4000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True
        ordering: ClassVar[tuple[str, ...]] = ("created_at", "pk")


class LineComment(AuthoredText):
    review_round = models.ForeignKey(
        ReviewRound, on_delete=models.CASCADE, related_name="line_comments"
    )
    file = models.ForeignKey(CapstoneFile, on_delete=models.CASCADE, related_name="comments")
    line = models.PositiveIntegerField()

    class Meta(AuthoredText.Meta):
        ordering = ("file__path", "line", "created_at")

    def __str__(self) -> str:
        return f"{self.file.path}:{self.line}"


class RubricScore(models.Model):
    """A score on one criterion of the track's rubric (copied so later curriculum edits
    do not rewrite history)."""

    review_round = models.ForeignKey(ReviewRound, on_delete=models.CASCADE, related_name="scores")
    criterion = models.SlugField(max_length=80)
    title = models.CharField(max_length=200)
    score = models.PositiveSmallIntegerField()
    max_score = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ("review_round", "pk")
        constraints = [
            models.UniqueConstraint(
                fields=("review_round", "criterion"), name="rubric_score_once_per_round"
            ),
            models.CheckConstraint(
                condition=Q(score__lte=models.F("max_score")), name="rubric_score_within_max"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title}: {self.score}/{self.max_score}"


class RoundMessage(AuthoredText):
    review_round = models.ForeignKey(ReviewRound, on_delete=models.CASCADE, related_name="messages")

    def __str__(self) -> str:
        return f"message by {self.author} on {self.review_round}"


class Certificate(models.Model):
    """Issued once when a capstone is approved. Names are copied so the certificate reads the
    same even if the curriculum or the learner's display name changes later."""

    capstone = models.OneToOneField(Capstone, on_delete=models.PROTECT, related_name="certificate")
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="certificates"
    )
    code = models.CharField(max_length=20, unique=True)
    learner_name = models.CharField(max_length=160)
    track_title = models.CharField(max_length=200)
    capstone_title = models.CharField(max_length=200)
    mentor_name = models.CharField(max_length=160, blank=True)
    issued_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-issued_at",)

    def __str__(self) -> str:
        return f"Certificate {self.code}"


class FeedbackRequestQuerySet(models.QuerySet["FeedbackRequest"]):
    def open(self) -> FeedbackRequestQuerySet:
        return self.filter(status=FeedbackRequest.Status.OPEN)


class FeedbackRequest(models.Model):
    """A learner asks their mentor for feedback on one of their graded submissions.

    Made to the mentor of the learner's assignment at that moment (`assignment`, `mentor`):
    only while that assignment is active may the mentor read or answer it. Closed by
    `resolved_at`; the thread (`messages`) and the line comments (`comments`) stay readable."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        RESOLVED = "resolved", "Resolved"

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="feedback_requests"
    )
    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="feedback_requests_received",
    )
    assignment = models.ForeignKey(
        MentorAssignment, on_delete=models.PROTECT, related_name="feedback_requests"
    )
    submission = models.ForeignKey(
        "submissions.Submission", on_delete=models.CASCADE, related_name="feedback_requests"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)
    first_response_at = models.DateTimeField(
        null=True, blank=True, help_text="The mentor's first message or line comment."
    )
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = FeedbackRequestQuerySet.as_manager()

    class Meta:
        ordering = ("-created_at", "-pk")
        constraints = [
            models.UniqueConstraint(
                fields=("submission",),
                condition=Q(status="open"),
                name="one_open_feedback_request_per_submission",
            )
        ]
        indexes = [
            models.Index(fields=("learner", "status")),
            models.Index(fields=("mentor", "status", "created_at")),
        ]

    def __str__(self) -> str:
        return f"feedback on submission {self.submission_id} for {self.learner_id} ({self.status})"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def is_writable(self) -> bool:
        """Open, and the mentor asked still mentors the learner (loads `assignment`)."""
        return self.is_open and self.assignment.is_active


class FeedbackMessage(AuthoredText):
    feedback_request = models.ForeignKey(
        FeedbackRequest, on_delete=models.CASCADE, related_name="messages"
    )

    def __str__(self) -> str:
        return f"message by {self.author_id} on feedback request {self.feedback_request_id}"


class FeedbackComment(AuthoredText):
    """A comment on one line of one file of the request's submission."""

    feedback_request = models.ForeignKey(
        FeedbackRequest, on_delete=models.CASCADE, related_name="comments"
    )
    file = models.ForeignKey(
        "submissions.SubmissionFile", on_delete=models.CASCADE, related_name="feedback_comments"
    )
    line = models.PositiveIntegerField()

    class Meta(AuthoredText.Meta):
        ordering = ("file__path", "line", "created_at", "pk")

    def __str__(self) -> str:
        return f"{self.file.path}:{self.line}"


class CommentSnippet(models.Model):
    """A comment a mentor saved to reuse in reviews and feedback (their own; nobody else
    sees it). `use_count` counts the comments it filled in."""

    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="comment_snippets"
    )
    title = models.CharField(max_length=80)
    body = models.TextField(max_length=4000)
    use_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("title", "pk")
        constraints = [
            models.UniqueConstraint(fields=("mentor", "title"), name="snippet_title_per_mentor")
        ]

    def __str__(self) -> str:
        return self.title


class UnassignedLearner(Enrollment):
    """Admin view of active enrollments without a mentor (no table of its own)."""

    class Meta:
        proxy = True
        verbose_name = "unassigned learner"
        verbose_name_plural = "unassigned learners"
