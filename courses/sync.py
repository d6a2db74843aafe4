"""Upsert the curriculum files into the database (see `curriculum_sync`)."""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from courses import content, keys
from courses.models import AnswerKey as AnswerKeyRow
from courses.models import (
    Content,
    Exercise,
    ExerciseFile,
    Lesson,
    Module,
    Phase,
    Program,
    Skill,
    Track,
)
from courses.rendering import render_markdown
from submissions.sandbox import AnswerKey

logger = logging.getLogger(__name__)

ContentModel = TypeVar("ContentModel", bound=Content)


@dataclass
class SyncReport:
    """What one sync did, per kind of content: created / updated / retired / unchanged."""

    counts: dict[str, Counter[str]] = field(default_factory=dict)
    changes: list[str] = field(default_factory=list)

    def add(self, kind: str, outcome: str, slug: str) -> None:
        self.counts.setdefault(kind, Counter())[outcome] += 1
        if outcome != "unchanged":
            self.changes.append(f"{outcome} {kind} {slug}")

    @property
    def changed(self) -> bool:
        return bool(self.changes)

    def summary(self) -> str:
        parts = []
        for kind, counter in self.counts.items():
            detail = ", ".join(
                f"{counter[o]} {o}" for o in ("created", "updated", "retired") if counter[o]
            )
            parts.append(f"{kind}: {detail or 'no changes'} ({sum(counter.values())} in all)")
        return "; ".join(parts)


class _Syncer:
    def __init__(self, report: SyncReport, keys: dict[str, tuple[str, AnswerKey]]) -> None:
        self.report = report
        self.now = timezone.now()
        self.skills: dict[str, Skill] = {}
        self.keys = keys

    def upsert(
        self,
        model: type[ContentModel],
        kind: str,
        slug: str,
        fingerprint: Any,
        fields: dict[str, Any],
    ) -> tuple[ContentModel, bool]:
        """Create or update by slug when the fingerprint differs; returns (row, changed)."""
        digest = content.content_hash(fingerprint)
        row = model.objects.filter(slug=slug).first()
        if row is not None and row.content_hash == digest and row.retired_at is None:
            self.report.add(kind, "unchanged", slug)
            return row, False
        if row is None:
            row = model(**(fields | {"slug": slug}))
            outcome = "created"
        else:
            for name, value in fields.items():
                setattr(row, name, value)
            outcome = "updated"
        row.content_hash = digest
        row.retired_at = None
        row.save()
        self.report.add(kind, outcome, slug)
        return row, True

    def retire_missing(self, model: type[Content], kind: str, keep: set[str]) -> None:
        # Never delete: learners' completions and submissions point at these rows.
        stale = model.objects.filter(retired_at__isnull=True).exclude(slug__in=keep)
        for slug in stale.values_list("slug", flat=True):
            self.report.add(kind, "retired", slug)
        # updated_at too: the API's cached plan rows are keyed on it.
        stale.update(retired_at=self.now, updated_at=self.now)

    def set_skills(self, row: models.Model, slugs: list[str]) -> None:
        row.skills.set([self.skills[slug] for slug in slugs])  # type: ignore[attr-defined]

    def run(self, spec: content.ProgramSpec) -> None:
        program, _ = self.upsert(
            Program,
            "program",
            spec.slug,
            {"title": spec.title, "summary": spec.summary, "days": spec.total_days},
            {"title": spec.title, "summary": spec.summary, "total_days": spec.total_days},
        )
        for skill_spec in spec.skills:
            skill, _ = self.upsert(Skill, "skill", skill_spec.slug, skill_spec, asdict(skill_spec))
            self.skills[skill.slug] = skill
        self.retire_missing(Skill, "skill", set(self.skills))

        tracks: dict[str, Track] = {}
        for track_spec in spec.tracks:
            fields = asdict(track_spec)
            fields["capstone_brief_html"] = render_markdown(track_spec.capstone_brief)
            fields["program"] = program
            track, _ = self.upsert(Track, "track", track_spec.slug, track_spec, fields)
            tracks[track.slug] = track
        self.retire_missing(Track, "track", set(tracks))

        kept: dict[str, set[str]] = {
            "phase": set(),
            "module": set(),
            "lesson": set(),
            "exercise": set(),
        }
        for phase_spec in spec.phases:
            phase_fields = {k: v for k, v in asdict(phase_spec).items() if k != "modules"}
            phase, _ = self.upsert(
                Phase, "phase", phase_spec.slug, phase_fields, phase_fields | {"program": program}
            )
            kept["phase"].add(phase.slug)
            for module_spec in phase_spec.modules:
                module_fields = {
                    "title": module_spec.title,
                    "summary": module_spec.summary,
                    "order": module_spec.order,
                }
                fingerprint = module_fields | {"phase": phase.slug, "track": module_spec.track}
                module, _ = self.upsert(
                    Module,
                    "module",
                    module_spec.slug,
                    fingerprint,
                    module_fields
                    | {
                        "phase": phase,
                        "track": tracks[module_spec.track] if module_spec.track else None,
                    },
                )
                kept["module"].add(module.slug)
                for lesson_spec in module_spec.lessons:
                    self.sync_lesson(module, lesson_spec)
                    kept["lesson"].add(lesson_spec.slug)
                for exercise_spec in module_spec.exercises:
                    self.sync_exercise(module, exercise_spec)
                    kept["exercise"].add(exercise_spec.slug)
        for model, kind in (
            (Phase, "phase"),
            (Module, "module"),
            (Lesson, "lesson"),
            (Exercise, "exercise"),
        ):
            self.retire_missing(model, kind, kept[kind])

    def sync_lesson(self, module: Module, spec: content.LessonSpec) -> None:
        lesson, changed = self.upsert(
            Lesson,
            "lesson",
            spec.slug,
            asdict(spec) | {"module": module.slug},
            {
                "module": module,
                "title": spec.title,
                "order": spec.order,
                "body_markdown": spec.body,
                "body_html": render_markdown(spec.body),
                "minutes": spec.minutes,
                "resources": [asdict(r) for r in spec.resources],
            },
        )
        if changed:
            self.set_skills(lesson, spec.skills)

    def sync_exercise(self, module: Module, spec: content.ExerciseSpec) -> None:
        exercise, changed = self.upsert(
            Exercise,
            "exercise",
            spec.slug,
            # The source path says where the files were read from, not what they contain.
            {k: v for k, v in asdict(spec).items() if k != "source"} | {"module": module.slug},
            {
                "module": module,
                "title": spec.title,
                "order": spec.order,
                "kind": spec.kind,
                "statement_markdown": spec.statement,
                "statement_html": render_markdown(spec.statement),
                "difficulty": spec.difficulty,
                "minutes": spec.minutes,
                "runtime": spec.runtime,
                "suite": {
                    "subject": spec.subject,
                    "mutants": [asdict(m) for m in spec.mutants],
                    "allowed_imports": spec.allowed_imports,
                }
                if spec.kind == Exercise.Kind.TESTS
                else {},
                "wall_seconds": spec.wall_seconds,
                "memory_mb": spec.memory_mb,
                "source_path": spec.source,
            },
        )
        if changed:
            self.set_skills(exercise, spec.skills)
            # Submissions keep their own copies of files, so replacing these is safe.
            exercise.files.all().delete()
            ExerciseFile.objects.bulk_create(
                ExerciseFile(exercise=exercise, role=f.role, path=f.path, content=f.content)
                for f in spec.files
            )
        digest, key = self.keys[spec.slug]
        stored = AnswerKeyRow.objects.filter(exercise=exercise).values_list(
            "fingerprint", flat=True
        )
        if list(stored) != [digest]:
            AnswerKeyRow.objects.update_or_create(
                exercise=exercise,
                defaults={"fingerprint": digest, "visible": key.visible, "checks": key.checks},
            )
            self.report.add("answer key", "updated" if stored else "created", spec.slug)
        else:
            self.report.add("answer key", "unchanged", spec.slug)


def curriculum_sync(*, root: Path | None = None) -> SyncReport:
    """Load the curriculum files into the database in one transaction, with the answer key
    of every exercise.

    Idempotent: rows are matched by slug and written only when their content changed, so a
    second run reports no changes. Content missing from the files is retired, never deleted.
    Answer keys are recorded by running each reference solution in the real sandbox before
    the transaction opens (cached by fingerprint, so only changed exercises run).
    Raises `content.ContentError` (and writes nothing) when the files are invalid or a
    reference solution does not produce a valid key.
    """
    spec = content.load_program(root or content.CURRICULUM_ROOT)
    exercises = [exercise for _, exercise in spec.exercises()]
    recorded = keys.record_many(exercises, mode=settings.SANDBOX_MODE)
    report = SyncReport()
    with transaction.atomic():
        _Syncer(report, recorded).run(spec)
    logger.info("curriculum synced: %s", report.summary())
    return report
