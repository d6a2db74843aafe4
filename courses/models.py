"""The programme as data: phases, tracks, skills, modules, lessons, exercises; and a learner's
place in it: enrollments and lesson completions.

Content rows are written only by `courses.services.curriculum_sync` from the files under
`courses/curriculum/`. They are never deleted by a sync: content that disappears from the
files is *retired* (hidden from learners, kept for the work that references it).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q


class ContentQuerySet(models.QuerySet[Any]):
    def live(self) -> ContentQuerySet:
        return self.filter(retired_at__isnull=True)


class Content(models.Model):
    """Fields every synced content row has."""

    slug = models.SlugField(max_length=80, unique=True)
    title = models.CharField(max_length=200)
    content_hash = models.CharField(max_length=64, editable=False)
    retired_at = models.DateTimeField(null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ContentQuerySet.as_manager()

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.title

    @property
    def is_retired(self) -> bool:
        return self.retired_at is not None


class Program(Content):
    summary = models.TextField(blank=True)
    total_days = models.PositiveSmallIntegerField(default=180)


class Skill(Content):
    number = models.PositiveSmallIntegerField()
    summary = models.TextField(blank=True)

    class Meta:
        ordering = ("number",)


class Phase(Content):
    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="phases")
    number = models.PositiveSmallIntegerField()
    goal = models.TextField()
    summary = models.TextField(blank=True)
    habit = models.TextField(blank=True)
    first_day = models.PositiveSmallIntegerField()
    last_day = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ("number",)
        constraints = [
            models.UniqueConstraint(fields=("program", "number"), name="phase_number_unique"),
            models.CheckConstraint(
                condition=Q(first_day__lte=models.F("last_day")), name="phase_days_ordered"
            ),
        ]

    def __str__(self) -> str:
        return f"Phase {self.number}: {self.title}"

    @property
    def day_range(self) -> str:
        return f"days {self.first_day}–{self.last_day}"


class Track(Content):
    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="tracks")
    letter = models.CharField(max_length=1)
    summary = models.TextField(blank=True)
    focus = models.JSONField(default=list, blank=True)
    capstone_title = models.CharField(max_length=200)
    capstone_brief = models.TextField()
    capstone_brief_html = models.TextField(editable=False, blank=True)
    capstone_examples = models.JSONField(default=list, blank=True)
    capstone_days = models.PositiveSmallIntegerField(default=21)
    rubric = models.JSONField(default=list, blank=True)
    runtime = models.CharField(max_length=16, default="core", help_text="Learner runtime.")

    class Meta:
        ordering = ("letter",)

    def __str__(self) -> str:
        return f"Track {self.letter}: {self.title}"


class Module(Content):
    phase = models.ForeignKey(Phase, on_delete=models.PROTECT, related_name="modules")
    track = models.ForeignKey(
        Track,
        on_delete=models.PROTECT,
        related_name="modules",
        null=True,
        blank=True,
        help_text="Set for Phase 3 modules that belong to one track.",
    )
    order = models.PositiveSmallIntegerField()
    summary = models.TextField(blank=True)

    class Meta:
        ordering = ("phase__number", "order")


class Lesson(Content):
    module = models.ForeignKey(Module, on_delete=models.PROTECT, related_name="lessons")
    order = models.PositiveSmallIntegerField()
    body_markdown = models.TextField()
    body_html = models.TextField(editable=False)
    minutes = models.PositiveSmallIntegerField(default=30)
    resources = models.JSONField(default=list, blank=True)
    skills = models.ManyToManyField(Skill, related_name="lessons", blank=True)

    class Meta:
        ordering = ("module__phase__number", "module__order", "order")


class Exercise(Content):
    class Kind(models.TextChoices):
        EXERCISE = "exercise", "Exercise"
        PROJECT = "project", "Project"
        TESTS = "tests", "Write the tests"
        CAPSTONE = "capstone", "Capstone"

    class Runtime(models.TextChoices):
        CORE = "core", "Python + pytest"
        DATA = "data", "Data (pandas, NumPy, scikit-learn…)"
        WEB = "web", "Web (FastAPI, Flask, SQLAlchemy…)"
        AUTOMATION = "automation", "Automation (openpyxl, boto3, click…)"

    module = models.ForeignKey(Module, on_delete=models.PROTECT, related_name="exercises")
    order = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.EXERCISE)
    statement_markdown = models.TextField()
    statement_html = models.TextField(editable=False)
    difficulty = models.PositiveSmallIntegerField(default=1)
    minutes = models.PositiveSmallIntegerField(default=45, help_text="Estimated time to solve.")
    runtime = models.CharField(max_length=16, choices=Runtime.choices, default=Runtime.CORE)
    # Kind "tests": {"subject": "cart.py", "mutants": [{"path", "breaks"}], "allowed_imports"}.
    suite = models.JSONField(default=dict, blank=True)
    wall_seconds = models.PositiveSmallIntegerField(default=10)
    memory_mb = models.PositiveIntegerField(default=512)
    skills = models.ManyToManyField(Skill, related_name="exercises", blank=True)
    source_path = models.CharField(max_length=300, blank=True, editable=False)

    class Meta:
        ordering = ("module__phase__number", "module__order", "order")


class ExerciseFile(models.Model):
    """A file of an exercise. Hidden checks, mutants and solutions never leave the server:
    selectors for learners only ever return the public roles."""

    class Role(models.TextChoices):
        STARTER = "starter", "Starter"
        VISIBLE_TEST = "visible_test", "Visible test"
        HIDDEN_TEST = "hidden_test", "Hidden check"
        SOLUTION = "solution", "Solution"
        SUBJECT = "subject", "Module under test"
        MUTANT = "mutant", "Wrong implementation"

    PUBLIC_ROLES = (Role.STARTER, Role.VISIBLE_TEST, Role.SUBJECT)

    exercise = models.ForeignKey(Exercise, on_delete=models.CASCADE, related_name="files")
    role = models.CharField(max_length=16, choices=Role.choices)
    path = models.CharField(max_length=200)
    content = models.TextField()

    class Meta:
        ordering = ("exercise", "role", "path")
        constraints = [
            models.UniqueConstraint(
                fields=("exercise", "role", "path"), name="exercise_file_unique_path"
            )
        ]

    def __str__(self) -> str:
        return f"{self.exercise.slug}:{self.role}:{self.path}"


class AnswerKey(models.Model):
    """What the reference solution does, recorded by the sync in the real sandbox: the
    canonical visible test ids and every hidden check's observations. Never shown to anyone
    but staff, and never sent into a sandbox. Valid for one fingerprint (files, limits,
    runtime lock, grader code); the worker refuses to grade with a stale one."""

    exercise = models.OneToOneField(Exercise, on_delete=models.CASCADE, related_name="answer_key")
    fingerprint = models.CharField(max_length=64)
    visible = models.JSONField(default=list)
    checks = models.JSONField(default=dict)
    recorded_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"answer key of {self.exercise.slug}"


class EnrollmentQuerySet(models.QuerySet["Enrollment"]):
    def active(self) -> EnrollmentQuerySet:
        return self.filter(status=Enrollment.Status.ACTIVE)


class Enrollment(models.Model):
    """A learner following one track. One active enrollment per learner (a DB constraint);
    switching ends the current one and starts a new one, keeping the original start day."""

    class Status(models.TextChoices):
        ACTIVE = "active", "Active"
        SWITCHED = "switched", "Switched track"
        COMPLETED = "completed", "Completed"
        WITHDRAWN = "withdrawn", "Withdrawn"

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrollments"
    )
    track = models.ForeignKey(Track, on_delete=models.PROTECT, related_name="enrollments")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.ACTIVE)
    started_on = models.DateField(help_text="Day 1 of the plan, in the learner's time zone.")
    created_at = models.DateTimeField(auto_now_add=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    note = models.CharField(max_length=200, blank=True)

    objects = EnrollmentQuerySet.as_manager()

    class Meta:
        ordering = ("-created_at",)
        constraints = [
            models.UniqueConstraint(
                fields=("learner",),
                condition=Q(status="active"),
                name="one_active_enrollment_per_learner",
            )
        ]
        indexes = [models.Index(fields=("track", "status"))]

    def __str__(self) -> str:
        return f"{self.learner} → {self.track.title} ({self.status})"


class LessonCompletion(models.Model):
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_completions"
    )
    lesson = models.ForeignKey(Lesson, on_delete=models.PROTECT, related_name="completions")
    completed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-completed_at",)
        constraints = [
            models.UniqueConstraint(fields=("learner", "lesson"), name="lesson_completed_once")
        ]

    def __str__(self) -> str:
        return f"{self.learner} completed {self.lesson.slug}"
