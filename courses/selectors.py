"""Reads of the courses app: the roadmap as a learner sees it, and where they are on it."""

from __future__ import annotations

import datetime
import functools
import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db import connection
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.urls import reverse

from accounts.models import User
from accounts.selectors import user_local_date
from courses.errors import NotInPlan
from courses.models import (
    Enrollment,
    Exercise,
    ExerciseFile,
    Lesson,
    LessonCompletion,
    Module,
    Phase,
    Program,
    Track,
)

Pace = Literal["on track", "behind", "ahead", "complete"]
StepKind = Literal["lesson", "exercise"]


def track_list() -> QuerySet[Track]:
    return Track.objects.live().select_related("program").order_by("letter")


def program_get() -> Program | None:
    """The live programme with its live phases in order (as `phases_live`)."""
    program: Program | None = Program.objects.live().first()
    if program is not None:
        program.phases_live = list(phase_list().filter(program=program))  # type: ignore[attr-defined]
    return program


def phase_get(*, number: int) -> Phase | None:
    """A live phase with its modules and their tracks (the public catalog)."""
    phase: Phase | None = (
        phase_list().filter(number=number).prefetch_related("modules__track").first()
    )
    return phase


def track_get(*, slug: str) -> Track | None:
    """A live track of the catalog."""
    track: Track | None = track_list().filter(slug=slug).first()
    return track


def track_modules(*, track: Track) -> QuerySet[Module]:
    """A track's own live modules in order, with their lessons and exercises."""
    modules: QuerySet[Module] = (
        track.modules.live().prefetch_related("lessons", "exercises").order_by("order")
    )
    return modules


def enrollment_active(*, learner: User | AnonymousUser) -> Enrollment | None:
    """The learner's active enrollment; None for a visitor or a learner without a track."""
    if not isinstance(learner, User):
        return None
    return Enrollment.objects.active().select_related("track").filter(learner=learner).first()


def enrollment_list(*, learner: User) -> QuerySet[Enrollment]:
    """Every enrollment of the learner, current and past, newest first."""
    return (
        Enrollment.objects.filter(learner=learner)
        .select_related("track")
        .order_by("-created_at", "-id")
    )


def _plan_modules(track: Track | int | Subquery | None) -> QuerySet[Module]:
    """What a learner may open: the live modules every track shares (no track) and the live
    modules of their own track (a row, an id or a subquery; None: no track yet). Lists,
    pages, the API and the services all ask this one rule."""
    shared = Q(track__isnull=True)
    return Module.objects.live().filter(shared if track is None else shared | Q(track=track))


def _learner_track(learner: User) -> Subquery | None:
    """The learner's track as a subquery of the query that uses it (one active enrollment
    per learner), not a query of its own."""
    if not learner.is_authenticated:
        return None
    return Subquery(Enrollment.objects.active().filter(learner=learner).values("track_id")[:1])


def lesson_list(*, learner: User) -> QuerySet[Lesson]:
    """Live lessons of the learner's plan in order, each annotated with `completed`."""
    lessons: QuerySet[Lesson] = (
        Lesson.objects.live()
        .filter(module__in=_plan_modules(_learner_track(learner)))
        .select_related("module__phase", "module__track")
        .annotate(
            completed=Exists(
                LessonCompletion.objects.filter(learner=learner, lesson=OuterRef("pk"))
            )
        )
        .order_by("module__phase__number", "module__order", "order", "id")
    )
    return lessons


def exercise_list(*, learner: User) -> QuerySet[Exercise]:
    """Live exercises of the learner's plan in order, each annotated with `solved`."""
    from submissions.models import Submission

    passed = Submission.objects.filter(
        learner=learner, exercise=OuterRef("pk"), status=Submission.Status.PASSED
    )
    exercises: QuerySet[Exercise] = (
        Exercise.objects.live()
        .filter(module__in=_plan_modules(_learner_track(learner)))
        .select_related("module__phase", "module__track")
        .annotate(solved=Exists(passed))
        .order_by("module__phase__number", "module__order", "order", "id")
    )
    return exercises


def phase_list() -> QuerySet[Phase]:
    return Phase.objects.live().select_related("program").order_by("number")


def plan_includes(*, learner: User, item: Lesson | Exercise) -> bool:
    """May the learner open this lesson or exercise: live and in one of their plan's modules."""
    plan = _plan_modules(_learner_track(learner))
    return not item.is_retired and plan.filter(pk=item.module_id).exists()


def lesson_get(*, learner: User, slug: str) -> Lesson:
    """The lesson if it is part of the learner's plan; `NotInPlan` (a 404) otherwise, so
    another track's lessons look exactly like missing ones."""
    try:
        lesson: Lesson = (
            Lesson.objects.live()
            .filter(module__in=_plan_modules(_learner_track(learner)))
            .select_related("module__phase", "module__track")
            .prefetch_related("skills")
            .get(slug=slug)
        )
    except Lesson.DoesNotExist as exc:
        raise NotInPlan("No such lesson.") from exc
    return lesson


def exercise_get(*, learner: User, slug: str) -> Exercise:
    """The exercise, with only its public files (`public_files`), if it is part of the
    learner's plan; `NotInPlan` (a 404) otherwise."""
    try:
        exercise: Exercise = (
            Exercise.objects.live()
            .filter(module__in=_plan_modules(_learner_track(learner)))
            .select_related("module__phase", "module__track")
            .prefetch_related(
                "skills",
                Prefetch(
                    "files",
                    queryset=ExerciseFile.objects.filter(role__in=ExerciseFile.PUBLIC_ROLES),
                    to_attr="public_files",
                ),
            )
            .get(slug=slug)
        )
    except Exercise.DoesNotExist as exc:
        raise NotInPlan("No such exercise.") from exc
    return exercise


@dataclass(frozen=True)
class ExerciseFiles:
    """An exercise's public files by role (from `exercise_get`'s `public_files`)."""

    starter: list[ExerciseFile]
    visible_tests: list[ExerciseFile]
    subject: list[ExerciseFile]


@dataclass(frozen=True)
class LessonPage:
    lesson: Lesson
    done: bool
    previous: Lesson | None
    next: Lesson | None
    exercises: list[Exercise]


def lesson_page_get(*, learner: User, slug: str) -> LessonPage:
    """A lesson of the learner's plan with its neighbours in the module and the module's
    exercises (NotInPlan otherwise)."""
    lesson = lesson_get(learner=learner, slug=slug)
    siblings = list(lesson.module.lessons.live().order_by("order").only("slug", "title", "order"))
    index = next(i for i, item in enumerate(siblings) if item.pk == lesson.pk)
    return LessonPage(
        lesson=lesson,
        done=lesson.pk in lesson_completed_ids(learner=learner),
        previous=siblings[index - 1] if index > 0 else None,
        next=siblings[index + 1] if index + 1 < len(siblings) else None,
        exercises=list(lesson.module.exercises.live().order_by("order")),
    )


def exercise_files(*, exercise: Exercise) -> ExerciseFiles:
    files: list[ExerciseFile] = exercise.public_files  # type: ignore[attr-defined]
    Role = ExerciseFile.Role

    def with_role(role: str) -> list[ExerciseFile]:
        return [f for f in files if f.role == role]

    return ExerciseFiles(
        starter=with_role(Role.STARTER),
        visible_tests=with_role(Role.VISIBLE_TEST),
        subject=with_role(Role.SUBJECT),
    )


def exercise_page_context(
    *, learner: User, exercise: Exercise, starting_over: bool = False, refused: bool = False
) -> dict[str, Any]:
    """Everything the exercise page shows but the form: files by role, the learner's
    attempts and what the editor opens with (the starter files when `starting_over`). For
    a `refused` submission the page shows the form as sent, so no editor start."""
    from submissions import selectors as submission_selectors

    files = exercise_files(exercise=exercise)
    history = submission_selectors.submission_history(learner=learner, exercise=exercise)
    start = None
    if not refused:
        start = submission_selectors.editor_start(
            learner=learner, exercise=exercise, history=history, starters=files.starter
        )
        if starting_over:  # the starter files again; the draft is replaced once edited
            start = submission_selectors.EditorStart(
                files=[submission_selectors.EditorFile(f.path, f.content) for f in files.starter],
                source="starter",
            )
    return {
        "exercise": exercise,
        "starter_files": files.starter,
        "visible_tests": files.visible_tests,
        "subject_files": files.subject,
        "history": history,
        "start": start,
        "starting_over": starting_over and not refused,
        "starter_json": json.dumps([{"path": f.path, "content": f.content} for f in files.starter]),
    }


def roadmap_get(*, track: Track | None) -> list[Phase]:
    """Phases in order with their modules, lessons and exercises prefetched (4 queries)."""
    return list(_roadmap(track))


def _roadmap(track: Track | None) -> QuerySet[Phase]:
    modules = (
        _plan_modules(track)
        .select_related("track")
        .prefetch_related(
            Prefetch("lessons", queryset=Lesson.objects.live().order_by("order")),
            Prefetch("exercises", queryset=Exercise.objects.live().order_by("order")),
        )
        .order_by("order")
    )
    return (
        Phase.objects.live()
        .order_by("number")
        .prefetch_related(Prefetch("modules", queryset=modules))
    )


@dataclass(frozen=True)
class PhasePage:
    """One phase of the learner's plan (shared modules and their track's), with the lessons
    they completed and the exercises they solved."""

    phase: Phase
    enrollment: Enrollment | None
    completed: set[int]
    solved: set[int]


def phase_page_get(*, learner: User, number: int) -> PhasePage:
    """Phase `number` as the learner sees it (Phase.DoesNotExist when there is none)."""
    enrollment = enrollment_active(learner=learner)
    phase = _roadmap(enrollment.track if enrollment else None).get(number=number)
    return PhasePage(
        phase=phase,
        enrollment=enrollment,
        completed=lesson_completed_ids(learner=learner),
        solved=exercise_solved_ids(learner=learner),
    )


def lesson_completed_ids(*, learner: User) -> set[int]:
    return set(LessonCompletion.objects.filter(learner=learner).values_list("lesson_id", flat=True))


def exercise_solved_ids(*, learner: User) -> set[int]:
    from submissions.selectors import solved_exercise_ids as solved

    return solved(learner=learner)


def specialisation_started(*, learner: User, track: Track) -> bool:
    """Any lesson completed or code submitted in the track's own (Phase 3) modules."""
    from submissions.models import Submission

    in_track = Q(module__track=track)
    lessons = Lesson.objects.filter(in_track).values("pk")
    exercises = Exercise.objects.filter(in_track).values("pk")
    return (
        LessonCompletion.objects.filter(learner=learner, lesson__in=lessons).exists()
        or Submission.objects.filter(learner=learner, exercise__in=exercises).exists()
    )


@dataclass
class PhaseProgress:
    phase: Phase
    lessons_total: int = 0
    lessons_done: int = 0
    exercises_total: int = 0
    exercises_solved: int = 0

    @property
    def items_total(self) -> int:
        return self.lessons_total + self.exercises_total

    @property
    def items_done(self) -> int:
        return self.lessons_done + self.exercises_solved

    @property
    def percent(self) -> int:
        return round(100 * self.items_done / self.items_total) if self.items_total else 100

    @property
    def is_complete(self) -> bool:
        return self.items_done >= self.items_total


@dataclass
class NextStep:
    kind: StepKind
    title: str
    slug: str
    phase_number: int
    minutes: int = 0
    difficulty: int = 0  # exercises only

    @property
    def url(self) -> str:
        name = "courses:lesson" if self.kind == "lesson" else "courses:exercise"
        return reverse(name, args=[self.slug])


@dataclass
class Progress:
    """Where a learner is on the plan: by content (first unfinished phase) and by calendar
    (day N of the programme since they enrolled)."""

    enrollment: Enrollment
    today: datetime.date
    day_number: int
    total_days: int
    phases: list[PhaseProgress] = field(default_factory=list)
    next_step: NextStep | None = None
    completed_lesson_ids: set[int] = field(default_factory=set)
    solved_exercise_ids: set[int] = field(default_factory=set)

    @property
    def expected_phase(self) -> Phase:
        for item in self.phases:
            if item.phase.first_day <= self.day_number <= item.phase.last_day:
                return item.phase
        return self.phases[-1].phase

    @property
    def current_phase(self) -> Phase:
        for item in self.phases:
            if not item.is_complete:
                return item.phase
        return self.phases[-1].phase

    @property
    def is_complete(self) -> bool:
        return all(item.is_complete for item in self.phases)

    @property
    def pace(self) -> Pace:
        if self.is_complete:
            return "complete"
        current, expected = self.current_phase.number, self.expected_phase.number
        if current < expected:
            return "behind"
        if current > expected:
            return "ahead"
        return "on track"

    @property
    def lessons_done(self) -> int:
        return sum(item.lessons_done for item in self.phases)

    @property
    def exercises_solved(self) -> int:
        return sum(item.exercises_solved for item in self.phases)

    @property
    def percent(self) -> int:
        total = sum(item.items_total for item in self.phases)
        done = sum(item.items_done for item in self.phases)
        return round(100 * done / total) if total else 0

    @property
    def calendar_percent(self) -> int:
        return min(100, round(100 * self.day_number / self.total_days))


def progress_get(
    *, enrollment: Enrollment, phases: list[Phase] | None = None, today: datetime.date | None = None
) -> Progress:
    """Progress of the enrollment's learner; `phases` from `roadmap_get()` when the caller has it."""
    learner = enrollment.learner
    if phases is None:
        phases = roadmap_get(track=enrollment.track)
    return _progress_build(
        enrollment=enrollment,
        phases=phases,
        today=today or user_local_date(user=learner),
        done=lesson_completed_ids(learner=learner),
        solved=exercise_solved_ids(learner=learner),
    )


def progress_list(*, enrollments: Iterable[Enrollment]) -> list[Progress]:
    """`progress_get` of many enrollments, in their order, in a number of queries that does
    not grow with the learners: one roadmap per track, the completions and the solved
    exercises of all the learners at once."""
    from submissions.selectors import solved_exercise_ids_by_learner

    if isinstance(enrollments, QuerySet):
        enrollments = enrollments.select_related("learner", "track")
    rows = list(enrollments)
    learner_ids = {enrollment.learner_id for enrollment in rows}
    done: dict[int, set[int]] = {learner_id: set() for learner_id in learner_ids}
    completions = LessonCompletion.objects.filter(learner_id__in=learner_ids)
    for learner_id, lesson_id in completions.values_list("learner_id", "lesson_id"):
        done[learner_id].add(lesson_id)
    solved = solved_exercise_ids_by_learner(learner_ids=learner_ids)
    roadmaps: dict[int, list[Phase]] = {}
    progress = []
    for enrollment in rows:
        if enrollment.track_id not in roadmaps:
            roadmaps[enrollment.track_id] = roadmap_get(track=enrollment.track)
        progress.append(
            _progress_build(
                enrollment=enrollment,
                phases=roadmaps[enrollment.track_id],
                today=user_local_date(user=enrollment.learner),
                done=done[enrollment.learner_id],
                solved=solved.get(enrollment.learner_id, set()),
            )
        )
    return progress


def _progress_build(
    *,
    enrollment: Enrollment,
    phases: list[Phase],
    today: datetime.date,
    done: set[int],
    solved: set[int],
) -> Progress:
    total_days = max((p.last_day for p in phases), default=180)
    day_number = min(max((today - enrollment.started_on).days + 1, 1), total_days)
    progress = Progress(
        enrollment=enrollment,
        today=today,
        day_number=day_number,
        total_days=total_days,
        completed_lesson_ids=done,
        solved_exercise_ids=solved,
    )
    counts = {phase.number: PhaseProgress(phase=phase) for phase in phases}
    for item in step_list(phases=phases, done=done, solved=solved):
        phase_counts = counts[item.step.phase_number]
        if item.step.kind == "lesson":
            phase_counts.lessons_total += 1
            phase_counts.lessons_done += item.done
        else:
            phase_counts.exercises_total += 1
            phase_counts.exercises_solved += item.done
        if not item.done and progress.next_step is None:
            progress.next_step = item.step
    progress.phases = list(counts.values())
    return progress


def step_list(*, phases: list[Phase], done: set[int], solved: set[int]) -> list[PlanStep]:
    """Every lesson and exercise of the plan in the order the dashboard walks them (per
    module: its lessons, then its exercises), each marked done or not. `phases` from
    `roadmap_get()`: no further queries."""
    steps: list[PlanStep] = []
    for phase in phases:
        for module in phase.modules.all():
            steps.extend(
                PlanStep(
                    NextStep("lesson", lesson.title, lesson.slug, phase.number, lesson.minutes),
                    done=lesson.pk in done,
                )
                for lesson in module.lessons.all()
            )
            steps.extend(
                PlanStep(
                    NextStep(
                        "exercise",
                        exercise.title,
                        exercise.slug,
                        phase.number,
                        exercise.minutes,
                        exercise.difficulty,
                    ),
                    done=exercise.pk in solved,
                )
                for exercise in module.exercises.all()
            )
    return steps


@dataclass
class PlanStep:
    step: NextStep
    done: bool


def step_next(*, learner: User, kind: StepKind, slug: str) -> NextStep | None:
    """What to do after this lesson or exercise: the first unfinished step after it in plan
    order, else the first unfinished one before it; None when everything is done."""
    enrollment = enrollment_active(learner=learner)
    phases = roadmap_get(track=enrollment.track if enrollment else None)
    steps = step_list(
        phases=phases,
        done=lesson_completed_ids(learner=learner),
        solved=exercise_solved_ids(learner=learner),
    )
    here = next(
        (i for i, s in enumerate(steps) if s.step.kind == kind and s.step.slug == slug), None
    )
    if here is None:
        return next((s.step for s in steps if not s.done), None)
    for item in [*steps[here + 1 :], *steps[:here]]:
        if not item.done:
            return item.step
    return None


CATCH_UP_STEPS = 3


@dataclass
class CatchUp:
    """For a learner behind the calendar: by how many days, and this week's realistic
    share of the way back (what fits their own goal and practice days)."""

    days_behind: int
    steps: list[NextStep]
    steps_minutes: int
    week_minutes: int
    practice_days: int
    backlog_minutes: int
    target_phase: Phase

    @property
    def weeks_to_catch_up(self) -> int:
        return max(1, -(-self.backlog_minutes // max(self.week_minutes, 1)))

    @property
    def backlog_hours(self) -> int:
        return max(1, round(self.backlog_minutes / 60))


def catch_up_get(*, progress: Progress) -> CatchUp | None:
    """None unless the learner is behind. Days behind: today's plan day minus the plan day
    their finished work reaches (the unfinished phase's days, shared out by how much of it
    is done). This week: the next unfinished steps in order, up to three, as many as fit in
    the learner's week (daily goal × practice days), at least one."""
    if progress.pace != "behind":
        return None
    current = next((item for item in progress.phases if not item.is_complete), None)
    if current is None:
        return None
    span = current.phase.last_day - current.phase.first_day + 1
    share = current.items_done / current.items_total if current.items_total else 1
    reached_day = current.phase.first_day - 1 + int(span * share)
    days_behind = max(1, progress.day_number - reached_day)
    learner = progress.enrollment.learner
    practice_days = max(1, len(learner.practice_weekdays))
    week_minutes = learner.daily_goal_minutes * practice_days
    steps = step_list(
        phases=[item.phase for item in progress.phases],
        done=progress.completed_lesson_ids,
        solved=progress.solved_exercise_ids,
    )
    target = progress.expected_phase
    backlog = sum(
        s.step.minutes for s in steps if not s.done and s.step.phase_number < target.number
    )
    chosen: list[NextStep] = []
    minutes = 0
    for item in steps:
        if item.done:
            continue
        if chosen and (len(chosen) >= CATCH_UP_STEPS or minutes + item.step.minutes > week_minutes):
            break
        chosen.append(item.step)
        minutes += item.step.minutes
    return CatchUp(
        days_behind=days_behind,
        steps=chosen,
        steps_minutes=minutes,
        week_minutes=week_minutes,
        practice_days=practice_days,
        backlog_minutes=backlog,
        target_phase=target,
    )


# --- The plan as the API lists it ------------------------------------------------------------
#
# Every learner of a track has the same plan: the rows of the API's lesson and exercise lists
# (titles and their module, never bodies or statements) are cached per track and per state of
# the curriculum, and only the learner's own ticks (completed, solved) are read per request.
# Building the list in SQL for each request cost more than /me/ does in all (an Exists over the
# submissions table, a window count and the track subquery, compiled and planned every time).

PLAN_CACHE_SECONDS = 6 * 60 * 60  # a safety net: the key already changes with the curriculum

_PLAN_COLUMNS = (
    "id",
    "slug",
    "title",
    "order",
    "minutes",
    "module",
    "module__slug",
    "module__title",
    "module__order",
    "module__phase",
    "module__phase__number",
    "module__track",
    "module__track__slug",
)
_PLAN_ORDER = ("module__phase__number", "module__order", "order", "id")


@dataclass(frozen=True)
class PlanFilters:
    """What a client may narrow a plan list to; None (or "") means "any"."""

    phase: int | None = None
    module: str = ""
    kind: str = ""
    difficulty: int | None = None
    done: bool | None = None  # completed (lessons) or solved (exercises)


@dataclass(frozen=True)
class _PlanItem:
    id: int
    row: dict[str, Any]


@functools.cache
def _state_sql() -> str:
    """One row: the learner's track, then MAX(updated_at) and COUNT(*) of each content table.
    Built once per process from the models' own table names (no user input reaches it);
    raw because compiling the same eleven subqueries through the ORM cost more than
    running them."""
    parts = ", ".join(
        f"(SELECT MAX(updated_at) FROM {table}), (SELECT COUNT(*) FROM {table})"  # noqa: S608
        for table in (m._meta.db_table for m in (Phase, Track, Module, Lesson, Exercise))
    )
    enrollment = Enrollment._meta.db_table
    return (
        f"SELECT (SELECT track_id FROM {enrollment} WHERE learner_id = %s AND status = %s), "  # noqa: S608
        + parts
    )


def _track_and_curriculum_state(learner: User) -> tuple[int | None, str]:
    """The learner's track and a fingerprint of the curriculum tables, in one query.

    Every write to content goes through `save()` (admin) or sync, which both move
    `updated_at`; a row added or deleted moves the count. So the fingerprint changes with
    anything a plan row shows."""
    with connection.cursor() as cursor:
        cursor.execute(_state_sql(), [learner.pk, Enrollment.Status.ACTIVE])
        track_id, *state = cursor.fetchone()
    fingerprint = hashlib.sha256(repr([str(value) for value in state]).encode()).hexdigest()
    return track_id, fingerprint[:20]


def _module_row(item: Lesson | Exercise) -> dict[str, Any]:
    module = item.module
    return {
        "slug": module.slug,
        "title": module.title,
        "phase": module.phase.number,
        "track": module.track.slug if module.track is not None else None,
    }


def _plan_items(
    model: type[Lesson] | type[Exercise],
    track_id: int | None,
    columns: tuple[str, ...],
) -> list[_PlanItem]:
    """The live rows of `model` in a track's plan, as the API lists them: `columns` of the
    row itself, and its module."""
    modules = _plan_modules(track_id)
    rows = (
        model._default_manager.filter(retired_at__isnull=True, module__in=modules)
        .select_related("module__phase", "module__track")
        .only(*_PLAN_COLUMNS, *columns)
        .order_by(*_PLAN_ORDER)
    )
    return [
        _PlanItem(
            id=row.pk,
            row={
                **{column: getattr(row, column) for column in columns},
                "module": _module_row(row),
            },
        )
        for row in rows
    ]


def _lesson_items(track_id: int | None) -> list[_PlanItem]:
    return _plan_items(Lesson, track_id, ("slug", "title", "order", "minutes"))


def _exercise_items(track_id: int | None) -> list[_PlanItem]:
    columns = ("slug", "title", "kind", "order", "difficulty", "minutes", "runtime")
    return _plan_items(Exercise, track_id, columns)


# The key names the curriculum's state, so a process may keep what it read: an entry can
# only go unused, never stale. Bounded to a few keys (tracks × lists, plus old states).
_LOCAL_PLANS: dict[str, list[_PlanItem]] = {}
_LOCAL_PLANS_MAX = 16


def plan_cache_forget_local() -> None:
    """Drop this process's copies (tests that count the queries of a cold cache)."""
    _LOCAL_PLANS.clear()


def _cached_plan(
    name: str, learner: User, build: Callable[[int | None], list[_PlanItem]]
) -> list[_PlanItem]:
    track_id, state = _track_and_curriculum_state(learner)
    key = f"courses:plan:{name}:{track_id or 0}:{state}"
    items = _LOCAL_PLANS.get(key)
    if items is not None:
        return items
    items = cache.get(key)
    if items is None:
        items = build(track_id)
        cache.set(key, items, PLAN_CACHE_SECONDS)
    if len(_LOCAL_PLANS) >= _LOCAL_PLANS_MAX:
        _LOCAL_PLANS.clear()
    _LOCAL_PLANS[key] = items
    return items


def _matches(row: dict[str, Any], filters: PlanFilters) -> bool:
    return (
        (filters.phase is None or row["module"]["phase"] == filters.phase)
        and (not filters.module or row["module"]["slug"] == filters.module)
        and (not filters.kind or row.get("kind") == filters.kind)
        and (filters.difficulty is None or row.get("difficulty") == filters.difficulty)
    )


def _ticked_rows(
    items: list[_PlanItem], ticked: set[int], tick: str, filters: PlanFilters | None
) -> list[dict[str, Any]]:
    """The plan rows that pass `filters`, each with the learner's `tick` (True when its id
    is in `ticked`)."""
    filters = filters or PlanFilters()
    rows = []
    for item in items:
        done = item.id in ticked
        if _matches(item.row, filters) and filters.done in (None, done):
            rows.append({**item.row, tick: done})
    return rows


def plan_lesson_rows(*, learner: User, filters: PlanFilters | None = None) -> list[dict[str, Any]]:
    """The API's lesson rows of the learner's plan, in order, each with `completed`."""
    items = _cached_plan("lessons", learner, _lesson_items)
    done = LessonCompletion.objects.filter(learner=learner).values_list("lesson_id", flat=True)
    return _ticked_rows(items, set(done), "completed", filters)


def plan_exercise_rows(
    *, learner: User, filters: PlanFilters | None = None
) -> list[dict[str, Any]]:
    """The API's exercise rows of the learner's plan, in order, each with `solved`."""
    from submissions.models import Submission

    items = _cached_plan("exercises", learner, _exercise_items)
    solved = (
        Submission.objects.filter(learner=learner, status=Submission.Status.PASSED)
        .order_by()
        .values_list("exercise_id", flat=True)
        .distinct()
    )
    return _ticked_rows(items, set(solved), "solved", filters)
