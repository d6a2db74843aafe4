"""Reads of submissions for pages, tasks and the API."""

from __future__ import annotations

import ast
import datetime
import functools
from dataclasses import dataclass, field
from typing import Any

from django.db.models import (
    BooleanField,
    Count,
    DurationField,
    ExpressionWrapper,
    F,
    Prefetch,
    Q,
    QuerySet,
    Sum,
)

from courses import keys
from courses.models import AnswerKey as AnswerKeyRow
from courses.models import Exercise, ExerciseFile
from submissions.models import Draft, Submission, SubmissionFile
from submissions.sandbox import AnswerKey, SandboxFile
from submissions.sandbox.suites import MutantFile


def solved_exercise_ids(*, learner: Any) -> set[int]:
    """Exercises the learner has at least one passing submission for."""
    return solved_exercise_ids_by_learner(learner_ids={learner.pk}).get(learner.pk, set())


def solved_exercise_ids_by_learner(*, learner_ids: set[int]) -> dict[int, set[int]]:
    """`solved_exercise_ids` of many learners in one query (learners with none are absent)."""
    solved: dict[int, set[int]] = {}
    rows = (
        Submission.objects.filter(learner_id__in=learner_ids, status=Submission.Status.PASSED)
        .order_by()
        .values_list("learner_id", "exercise_id")
        .distinct()
    )
    for learner_id, exercise_id in rows:
        solved.setdefault(learner_id, set()).add(exercise_id)
    return solved


@dataclass(frozen=True)
class GradingJob:
    """What the worker needs to grade one submission. `key` is None when the exercise has no
    answer key valid for its current files (the sync has not recorded one)."""

    kind: str
    runtime: str
    files: list[SandboxFile]
    visible_tests: list[SandboxFile]
    hidden_checks: list[SandboxFile]
    subject: SandboxFile | None
    mutants: list[MutantFile]
    allowed_imports: list[str]
    key: AnswerKey | None
    key_problem: str
    wall_seconds: float
    memory_mb: int


def submission_sandbox_files(*, submission_id: int) -> list[SandboxFile]:
    return [
        SandboxFile(path=path, content=content)
        for path, content in SubmissionFile.objects.filter(submission_id=submission_id).values_list(
            "path", "content"
        )
    ]


def submission_runtime_name(*, submission_id: int) -> str:
    return str(
        Submission.objects.filter(pk=submission_id)
        .values_list("exercise__runtime", flat=True)
        .get()
    )


def grading_job_get(*, submission: Submission) -> GradingJob:
    """The learner's files, the exercise's tests, checks or mutants, and its answer key."""
    return exercise_grading_job(
        exercise=submission.exercise,
        files=submission_sandbox_files(submission_id=submission.pk),
    )


def exercise_grading_job(*, exercise: Exercise, files: list[SandboxFile]) -> GradingJob:
    """The job that grades `files` as an answer to the exercise (a submission's, or the
    exercise's own reference solution in the benchmark)."""
    rows = list(
        ExerciseFile.objects.filter(exercise_id=exercise.pk).values_list("role", "path", "content")
    )
    by_role: dict[str, list[SandboxFile]] = {}
    for role, path, content in rows:
        by_role.setdefault(role, []).append(SandboxFile(path, content))
    key_row = AnswerKeyRow.objects.filter(exercise_id=exercise.pk).first()
    expected = keys.fingerprint_of(
        files=rows,
        kind=exercise.kind,
        runtime=exercise.runtime,
        wall_seconds=exercise.wall_seconds,
        memory_mb=exercise.memory_mb,
    )
    key: AnswerKey | None = None
    problem = ""
    if key_row is None:
        problem = "no answer key has been recorded for this exercise"
    elif key_row.fingerprint != expected:
        problem = "the answer key was recorded for other files, runtime or grader"
    else:
        key = AnswerKey(visible=list(key_row.visible), checks=dict(key_row.checks))
    suite = exercise.suite or {}
    mutant_files = {f.path: f.content for f in by_role.get(ExerciseFile.Role.MUTANT, [])}
    subject_name = str(suite.get("subject", ""))
    subject = next(
        (f for f in by_role.get(ExerciseFile.Role.SUBJECT, []) if f.path == subject_name), None
    )
    return GradingJob(
        kind=exercise.kind,
        runtime=exercise.runtime,
        files=files,
        visible_tests=by_role.get(ExerciseFile.Role.VISIBLE_TEST, []),
        hidden_checks=by_role.get(ExerciseFile.Role.HIDDEN_TEST, []),
        subject=subject,
        mutants=[
            MutantFile(
                slug=str(m["path"]).removesuffix(".py"),
                content=mutant_files.get(str(m["path"]), ""),
                breaks=str(m["breaks"]),
            )
            for m in suite.get("mutants", [])
        ],
        allowed_imports=[str(name) for name in suite.get("allowed_imports", [])],
        key=key,
        key_problem=problem,
        wall_seconds=float(exercise.wall_seconds),
        memory_mb=exercise.memory_mb,
    )


def learner_submissions(*, learner: Any) -> QuerySet[Submission]:
    return (
        Submission.objects.filter(learner=learner)
        .select_related("exercise")
        .defer("report", "quality")
    )


def submission_for_learner(*, learner: Any, submission_id: int) -> Submission:
    """The learner's own submission, or DoesNotExist (another learner's id is a 404)."""
    return (
        Submission.objects.select_related("exercise__module__phase")
        .prefetch_related("files")
        .get(pk=submission_id, learner=learner)
    )


@dataclass
class SubmissionHistory:
    submissions: list[Submission] = field(default_factory=list)
    best: Submission | None = None
    latest_files: list[SubmissionFile] = field(default_factory=list)


def submission_history(*, learner: Any, exercise: Exercise, limit: int = 20) -> SubmissionHistory:
    """The learner's recent submissions for one exercise, the best result, the latest files."""
    rows = list(
        Submission.objects.filter(learner=learner, exercise=exercise)
        .defer("report", "quality")
        .order_by("-created_at", "-id")[:limit]
    )
    history = SubmissionHistory(submissions=rows)
    graded = [s for s in rows if s.is_final]
    if graded:
        history.best = max(
            graded,
            key=lambda s: (s.status == Submission.Status.PASSED, s.tests_passed, s.created_at),
        )
    if rows:
        history.latest_files = list(SubmissionFile.objects.filter(submission=rows[0]))
    return history


def _function_source(content: str, node: ast.FunctionDef | ast.AsyncFunctionDef) -> str:
    first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
    lines = content.splitlines()[first - 1 : node.end_lineno]
    return "\n".join(lines)


def visible_test_sources(*, exercise_id: int) -> dict[str, str]:
    """Source of each visible test function by node id ("tests/test_x.py::test_y"), so a
    learner can read the test that failed next to its message. Hidden tests never."""
    sources: dict[str, str] = {}
    files = ExerciseFile.objects.filter(
        exercise_id=exercise_id, role=ExerciseFile.Role.VISIBLE_TEST
    ).values_list("path", "content")
    for path, content in files:
        try:
            tree = ast.parse(content)
        except SyntaxError:
            continue
        for node in tree.body:
            owners: list[tuple[str, ast.stmt]] = [("", node)]
            if isinstance(node, ast.ClassDef):
                owners = [(f"{node.name}::", item) for item in node.body]
            for prefix, item in owners:
                if isinstance(
                    item, ast.FunctionDef | ast.AsyncFunctionDef
                ) and item.name.startswith("test"):
                    nodeid = f"tests/{path}::{prefix}{item.name}"
                    sources[nodeid] = _function_source(content, item)
    return sources


STATUS_WORDS = {
    "passed": "passed",
    "failed": "failed",
    "error": "error",
    "skipped": "skipped",
    "xfailed": "not counted",
    "xpassed": "not counted",
    "not_run": "did not run",
}


@functools.lru_cache(maxsize=1024)
def _test_sources_of_version(exercise_id: int, content_hash: str) -> dict[str, str]:
    # The sync rewrites an exercise's files only together with its content hash, so the
    # parsed sources of one (exercise, hash) never change: parse them once per process.
    return visible_test_sources(exercise_id=exercise_id)


def submission_test_sources(*, submission: Submission) -> dict[str, str]:
    """`visible_test_sources` of the submission's exercise; without a query or a parse when
    the exercise (with its content hash) is already loaded and was seen before."""
    if Submission._meta.get_field("exercise").is_cached(submission):
        exercise = submission.exercise
        if "content_hash" not in exercise.get_deferred_fields() and exercise.content_hash:
            return dict(_test_sources_of_version(exercise.pk, exercise.content_hash))
    return visible_test_sources(exercise_id=submission.exercise_id)


def public_report(*, submission: Submission) -> dict[str, Any]:
    """The stored report as learners (and mentors) may see it. Visible tests with their
    message, output and the test's source; hidden checks by name and pass/fail only (the
    grader never stores more about them here; staff notes live elsewhere)."""
    report = dict(submission.report or {})
    sources: dict[str, str] | None = None
    visible: list[dict[str, Any]] = []
    hidden: list[dict[str, Any]] = []
    for test in report.get("tests", []):
        if test.get("hidden"):
            hidden.append(
                {"name": str(test.get("name", "")), "passed": test.get("status") == "passed"}
            )
            continue
        item = dict(test)
        if sources is None:
            sources = submission_test_sources(submission=submission)
        item["source"] = sources.get(str(item.get("nodeid", "")).split("[", 1)[0], "")
        item["status_label"] = STATUS_WORDS.get(str(item.get("status")), str(item.get("status")))
        item["file"] = str(item.get("nodeid", "")).split("::", 1)[0]
        visible.append(item)
    report["tests"] = visible  # kept for API clients: visible tests only, in full
    report["visible_tests"] = visible
    report["visible_passed"] = sum(1 for t in visible if t.get("status") == "passed")
    # What to fix first: failed checks before passed ones (the same names and pass/fail only).
    report["hidden_checks"] = sorted(hidden, key=lambda check: bool(check["passed"]))
    report["hidden_passed"] = sum(1 for h in hidden if h["passed"])
    return report


@dataclass(frozen=True)
class StaffReport:
    """What only staff see of a grading: the hidden tests as stored (with any message or
    output), the grader's notes on why hidden checks failed, and how the runs ended."""

    hidden_tests: list[dict[str, Any]]
    grader_notes: list[str]
    outcome: str
    hidden_outcome: str
    exit_code: int | None
    log_tail: str


def staff_report_get(*, submission: Submission) -> StaffReport:
    report = submission.report or {}
    return StaffReport(
        hidden_tests=[dict(t) for t in report.get("tests", []) if t.get("hidden")],
        grader_notes=[str(note) for note in submission.grader_notes or []],
        outcome=str(report.get("outcome", "")),
        hidden_outcome=str(report.get("hidden_outcome", "")),
        exit_code=report.get("exit_code"),
        log_tail=str(report.get("log_tail", "")),
    )


@dataclass
class FileResults:
    """The visible tests of one test file, failures first."""

    file: str
    tests: list[dict[str, Any]]

    @property
    def failed(self) -> int:
        return sum(1 for test in self.tests if test.get("status") != "passed")

    @property
    def passed(self) -> int:
        return len(self.tests) - self.failed


def results_by_file(visible: list[dict[str, Any]]) -> list[FileResults]:
    """Visible tests grouped by file: files with failures first, and in each file the tests
    that did not pass before those that did (otherwise in the order they ran)."""
    by_file: dict[str, list[dict[str, Any]]] = {}
    for test in visible:
        by_file.setdefault(str(test.get("file", "")), []).append(test)
    groups = [
        FileResults(file=name, tests=sorted(tests, key=lambda test: test.get("status") == "passed"))
        for name, tests in by_file.items()
    ]
    return sorted(groups, key=lambda group: group.failed == 0)


def quality_pending(*, submission: Submission) -> bool:
    """Graded, quality checks asked for and not back yet: the result page keeps polling."""
    return submission.is_final and not submission.quality and submission.quality_enqueues > 0


def draft_get(*, learner: Any, exercise: Exercise) -> Draft | None:
    return Draft.objects.filter(learner=learner, exercise=exercise).first()


@dataclass
class EditorFile:
    path: str
    content: str


@dataclass
class EditorStart:
    """What the editor opens with, and where it came from (the newest of the learner's
    draft and latest submission, else the starter files)."""

    files: list[EditorFile]
    source: str  # "draft" | "submission" | "starter"
    saved_at: Any = None  # when the draft was saved (source "draft")


def editor_start(
    *, learner: Any, exercise: Exercise, history: SubmissionHistory, starters: list[Any]
) -> EditorStart:
    draft = draft_get(learner=learner, exercise=exercise)
    latest = history.submissions[0] if history.submissions else None
    if (
        draft is not None
        and draft.files
        and (latest is None or draft.updated_at > latest.created_at)
    ):
        files = [
            EditorFile(path=str(item.get("path", "")), content=str(item.get("content", "")))
            for item in draft.files
        ]
        return EditorStart(files=files, source="draft", saved_at=draft.updated_at)
    if history.latest_files:
        files = [EditorFile(path=f.path, content=f.content) for f in history.latest_files]
        return EditorStart(files=files, source="submission")
    return EditorStart(
        files=[EditorFile(path=f.path, content=f.content) for f in starters], source="starter"
    )


# The API's submission shapes: the exercise's slug and title only (its statement is
# kilobytes per row), and none of the staff-only or bookkeeping columns.
API_LIST_FIELDS = (
    "id",
    "learner_id",
    "exercise",
    "exercise__slug",
    "exercise__title",
    "status",
    "source",
    "created_at",
    "finished_at",
    "tests_passed",
    "tests_total",
    "duration_ms",
)
API_DETAIL_FIELDS = (
    *API_LIST_FIELDS,
    "exercise__content_hash",
    "started_at",
    "reason",
    "report",
    "quality",
)


def submission_list_for_api(*, learner: Any) -> QuerySet[Submission]:
    """The learner's submissions with the columns the API list shows (one query a page)."""
    return learner_submissions(learner=learner).only(*API_LIST_FIELDS)


def submission_get_for_api(*, learner: Any, submission_id: int) -> Submission:
    """The learner's own submission with what the API detail shows: two queries (the row
    with its exercise's slug and title, then its files); DoesNotExist for another's id."""
    return (
        Submission.objects.select_related("exercise")
        .only(*API_DETAIL_FIELDS)
        .prefetch_related(
            Prefetch(
                "files",
                queryset=SubmissionFile.objects.only("id", "submission_id", "path", "content"),
            )
        )
        .get(pk=submission_id, learner=learner)
    )


@dataclass(frozen=True)
class PollState:
    """The few columns a poller's ETag is made of."""

    status: str
    finished_at: datetime.datetime | None
    has_quality: bool


def submission_poll_state(*, learner: Any, submission_id: int) -> PollState | None:
    """The learner's submission as a poll sees it, in one indexed query (None for another
    learner's id or an unknown one)."""
    state = (
        Submission.objects.filter(pk=submission_id, learner=learner)
        .annotate(has_quality=ExpressionWrapper(~Q(quality={}), output_field=BooleanField()))
        .values("status", "finished_at", "has_quality")
        .first()
    )
    if state is None:
        return None
    return PollState(
        status=state["status"],
        finished_at=state["finished_at"],
        has_quality=bool(state["has_quality"]),
    )


# Operations: grading outcomes and latency, for /metrics and the staff dashboard.

# Upper bounds (seconds) of the grading latency histogram: created → final, what a learner
# waits for a result.
LATENCY_BUCKETS: tuple[float, ...] = (1, 2, 5, 10, 20, 30, 60, 120, 300, 600)


@dataclass(frozen=True)
class GradingStats:
    """Final submissions by status, and their latency (created → finished) as a cumulative
    histogram: `buckets[i]` counts those done within `LATENCY_BUCKETS[i]` seconds."""

    outcomes: dict[str, int]
    buckets: tuple[int, ...]
    latency_count: int
    latency_seconds_sum: float

    def latency_quantile(self, quantile: float) -> float | None:
        """The smallest bucket bound that holds `quantile` of the latencies (None: no data,
        or beyond the last bound)."""
        if not self.latency_count:
            return None
        wanted = quantile * self.latency_count
        for bound, count in zip(LATENCY_BUCKETS, self.buckets, strict=True):
            if count >= wanted:
                return float(bound)
        return None


def grading_stats_get(*, since: datetime.datetime | None = None) -> GradingStats:
    """Every final submission (or those finished since `since`), in one query. Exact across
    web and worker processes and restarts: counted from the rows, not kept in memory."""
    final = Submission.objects.exclude(status__in=Submission.PENDING)
    if since is not None:
        final = final.filter(finished_at__gte=since)
    latency = ExpressionWrapper(F("finished_at") - F("created_at"), output_field=DurationField())
    within = {
        f"le_{index}": Count("pk", filter=Q(latency__lte=datetime.timedelta(seconds=bound)))
        for index, bound in enumerate(LATENCY_BUCKETS)
    }
    rows = (
        final.alias(latency=latency)
        .values("status")
        .annotate(
            total=Count("pk"),
            timed=Count("pk", filter=Q(finished_at__isnull=False)),
            latency_sum=Sum("latency"),
            **within,
        )
        .order_by("status")
    )
    outcomes: dict[str, int] = {}
    buckets = [0] * len(LATENCY_BUCKETS)
    timed, total_seconds = 0, 0.0
    for row in rows:
        outcomes[str(row["status"])] = int(row["total"])
        timed += int(row["timed"])
        if row["latency_sum"] is not None:
            total_seconds += row["latency_sum"].total_seconds()
        for index in range(len(LATENCY_BUCKETS)):
            buckets[index] += int(row[f"le_{index}"])
    return GradingStats(
        outcomes=outcomes,
        buckets=tuple(buckets),
        latency_count=timed,
        latency_seconds_sum=total_seconds,
    )
