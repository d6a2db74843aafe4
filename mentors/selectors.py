"""Reads of the mentors app: mentor load, waiting learners, capstones, review queue, rounds,
feedback requests, the mentor home, comment snippets."""

from __future__ import annotations

import datetime
import math
import statistics
from collections import defaultdict
from collections.abc import Callable
from dataclasses import astuple, dataclass, field
from typing import Literal

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db.models import (
    Count,
    Exists,
    Max,
    Min,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    prefetch_related_objects,
)
from django.utils import timezone

from accounts.models import User
from accounts.selectors import user_local_date
from courses import selectors as course_selectors
from courses.models import Enrollment, ExerciseFile, Track
from courses.selectors import CatchUp, Progress
from mentors import similarity
from mentors.models import (
    Capstone,
    CapstoneFile,
    CapstoneVersion,
    Certificate,
    CheckRun,
    CommentSnippet,
    FeedbackComment,
    FeedbackMessage,
    FeedbackRequest,
    LineComment,
    MentorAssignment,
    MentorProfile,
    PortfolioSettings,
    ReviewRound,
    RoundMessage,
)
from notifications import selectors as notification_selectors
from notifications.selectors import Streaks
from submissions import selectors as submission_selectors
from submissions.models import Submission, SubmissionFile
from submissions.sandbox import SandboxFile

CAPSTONE_PHASE_NUMBER = 3


def mentor_profile_list() -> QuerySet[MentorProfile]:
    """Profiles annotated with `active_mentees` (one query, for lists and admin)."""
    return (
        MentorProfile.objects.select_related("user")
        .prefetch_related("tracks")
        .annotate(active_mentees=Count("assignments", filter=Q(assignments__ended_at__isnull=True)))
    )


def mentor_profile_get(*, user: User) -> MentorProfile | None:
    return mentor_profile_list().filter(user=user).first()


def assignment_get_active(*, learner: User) -> MentorAssignment | None:
    return (
        MentorAssignment.objects.active()
        .select_related("mentor__user", "track")
        .filter(learner=learner)
        .first()
    )


def assignment_list(*, learner: User) -> QuerySet[MentorAssignment]:
    return MentorAssignment.objects.filter(learner=learner).select_related(
        "mentor__user", "track", "assigned_by"
    )


def capstone_is_approved(*, learner: User, track: Track) -> bool:
    return Capstone.objects.approved().filter(learner=learner, track=track).exists()


def enrollment_list_unassigned() -> QuerySet[Enrollment]:
    """Active enrollments whose learner has no mentor (and no approved capstone in the
    track), longest waiting first: the order in which freed capacity is handed out."""
    has_mentor = MentorAssignment.objects.active().filter(learner=OuterRef("learner"))
    finished = Capstone.objects.approved().filter(
        learner=OuterRef("learner"), track=OuterRef("track")
    )
    return (
        Enrollment.objects.active()
        .filter(~Exists(has_mentor), ~Exists(finished))
        .select_related("learner", "track")
        .order_by("created_at", "pk")
    )


def mentee_list(*, mentor_user: User) -> QuerySet[MentorAssignment]:
    """The active mentees of a mentor, longest mentored first (none for anybody else)."""
    return (
        MentorAssignment.objects.active()
        .filter(mentor__user=mentor_user)
        .select_related("learner", "track")
        .order_by("created_at")
    )


def review_allowed(*, user: User, learner_id: int) -> bool:
    """Staff, or the learner's currently assigned mentor."""
    if user.is_staff:
        return True
    return (
        MentorAssignment.objects.active().filter(learner_id=learner_id, mentor__user=user).exists()
    )


def _capstone_query(*, learner: User, track: Track) -> Capstone | None:
    return (
        Capstone.objects.select_related("track", "certificate")
        .prefetch_related(
            Prefetch(
                "versions",
                queryset=CapstoneVersion.objects.select_related("check_run", "review_round"),
            )
        )
        .filter(learner=learner, track=track)
        .first()
    )


def capstone_get(*, learner: User) -> Capstone | None:
    """The learner's capstone in the track they are enrolled in, None before they start it."""
    enrollment = course_selectors.enrollment_active(learner=learner)
    if enrollment is None:
        return None
    return _capstone_query(learner=learner, track=enrollment.track)


@dataclass(frozen=True)
class CapstonePage:
    """What the learner's capstone page shows (`enrollment` None: nothing else is set)."""

    enrollment: Enrollment | None
    capstone: Capstone | None = None
    unlocked: bool = False
    assignment: MentorAssignment | None = None
    rounds: list[ReviewRound] = field(default_factory=list)
    portfolio: PortfolioSettings | None = None


def capstone_page_get(*, learner: User) -> CapstonePage:
    enrollment = course_selectors.enrollment_active(learner=learner)
    if enrollment is None:
        return CapstonePage(enrollment=None)
    capstone = _capstone_query(learner=learner, track=enrollment.track)
    return CapstonePage(
        enrollment=enrollment,
        capstone=capstone,
        unlocked=capstone is not None or phase_three_done(enrollment=enrollment),
        assignment=assignment_get_active(learner=learner),
        rounds=list(round_list(capstone=capstone)) if capstone else [],
        portfolio=PortfolioSettings.objects.filter(user=learner).first(),
    )


def phase_three_done(*, enrollment: Enrollment) -> bool:
    progress = course_selectors.progress_get(enrollment=enrollment)
    phases = [p for p in progress.phases if p.phase.number == CAPSTONE_PHASE_NUMBER]
    return bool(phases) and all(p.is_complete for p in phases)


def round_list_waiting(*, user: User) -> QuerySet[ReviewRound]:
    """Rounds waiting for a review, oldest first: the assigned mentor's mentees, or every
    waiting round for staff who are not mentors."""
    rounds = ReviewRound.objects.filter(status=ReviewRound.Status.WAITING)
    if not (user.is_staff and not user.is_mentor):
        mine = MentorAssignment.objects.active().filter(
            learner=OuterRef("capstone__learner"), mentor__user=user
        )
        rounds = rounds.filter(Exists(mine))
    return rounds.select_related(
        "capstone__learner", "capstone__track", "version__check_run"
    ).order_by("created_at", "pk")


def _round_query(messages: QuerySet[RoundMessage]) -> QuerySet[ReviewRound]:
    return ReviewRound.objects.select_related(
        "capstone__learner", "capstone__track", "version__check_run", "reviewer"
    ).prefetch_related("scores", Prefetch("messages", queryset=messages.select_related("author")))


def round_get(*, user: User, round_id: int) -> ReviewRound:
    """The round with what its page shows. Raises ReviewRound.DoesNotExist unless the user
    is the learner, their assigned mentor or staff (pages turn that into a 404).

    A mentor who was moved off the learner keeps read access to the rounds they decided
    themselves, as they were when the assignment ended: later rounds, and messages written
    after they left, are not theirs to read."""
    review_round = _round_query(RoundMessage.objects.all()).get(pk=round_id)
    learner_id = review_round.capstone.learner_id
    if learner_id == user.pk or review_allowed(user=user, learner_id=learner_id):
        return review_round
    if review_round.reviewer_id != user.pk:
        raise ReviewRound.DoesNotExist
    left = MentorAssignment.objects.filter(
        learner_id=learner_id, mentor__user=user, ended_at__isnull=False
    ).aggregate(last=Max("ended_at"))["last"]
    if left is None:
        return review_round
    return _round_query(RoundMessage.objects.filter(created_at__lte=left)).get(pk=round_id)


def _file_entries() -> QuerySet[CapstoneFile]:
    """Files without their content (for the file tree), each with its comment count."""
    return CapstoneFile.objects.defer("content").annotate(comment_count=Count("comments"))


def _prefetch_detail(review_round: ReviewRound) -> ReviewRound:
    """The round with its line comments (`line_comments`) and its version's file entries
    (`version.files`, see `_file_entries`) prefetched."""
    prefetch_related_objects(
        [review_round],
        Prefetch("line_comments", queryset=LineComment.objects.select_related("file", "author")),
        Prefetch("version__files", queryset=_file_entries().order_by("path")),
    )
    return review_round


def round_detail_get(*, user: User, round_id: int) -> ReviewRound:
    """`round_get`, with the line comments and the file entries (`_prefetch_detail`)."""
    return _prefetch_detail(round_get(user=user, round_id=round_id))


def round_file_get(*, review_round: ReviewRound, path: str) -> CapstoneFile | None:
    return CapstoneFile.objects.filter(version_id=review_round.version_id, path=path).first()


@dataclass(frozen=True)
class RoundPage:
    """What a round's page shows: its files, comments and the file opened (with content)."""

    review_round: ReviewRound
    rounds: list[ReviewRound]  # every round of the capstone, first to last
    files: list[CapstoneFile]  # without content, in path order
    comments: list[LineComment]
    selected: CapstoneFile | None
    is_reviewer: bool


def round_page_get(*, user: User, review_round: ReviewRound, path: str = "") -> RoundPage:
    """The page of a round the user may read (`round_get`), with the file at `path` opened;
    with no path, the README at the top of the project, else the first text file."""
    _prefetch_detail(review_round)
    files = list(review_round.version.files.all())
    text_files = [f for f in files if f.is_text]
    wanted = path or next(
        (f.path for f in text_files if f.path.lower().startswith("readme")),
        text_files[0].path if text_files else "",
    )
    capstone = review_round.capstone
    return RoundPage(
        review_round=review_round,
        rounds=list(round_list(capstone=capstone)),
        files=files,
        comments=list(review_round.line_comments.all()),
        selected=round_file_get(review_round=review_round, path=wanted) if wanted else None,
        is_reviewer=review_allowed(user=user, learner_id=capstone.learner_id),
    )


def round_list(*, capstone: Capstone) -> QuerySet[ReviewRound]:
    """The capstone's rounds, first to last."""
    return capstone.rounds.select_related(
        "capstone__learner", "capstone__track", "version__check_run"
    ).order_by("number")


def check_run_file_list(*, check_run: CheckRun) -> list[SandboxFile]:
    rows = CapstoneFile.objects.filter(version_id=check_run.version_id, is_text=True).values_list(
        "path", "content"
    )
    return [SandboxFile(path=path, content=content) for path, content in rows]


def check_run_runtime_get(*, check_run: CheckRun) -> str:
    """The learner runtime of the capstone's track (its libraries are what it is built on)."""
    return str(
        CheckRun.objects.filter(pk=check_run.pk)
        .values_list("version__capstone__track__runtime", flat=True)
        .get()
    )


def certificate_get(*, code: str) -> Certificate:
    certificate: Certificate = Certificate.objects.select_related("capstone__track").get(
        code=code.upper()
    )
    return certificate


@dataclass(frozen=True)
class CheckResult:
    """One automated check as a certificate states it: no code, messages or file contents."""

    name: str
    passed: bool
    detail: str


@dataclass(frozen=True)
class CertificateEvidence:
    """What the public verification page shows: the certificate, every review round of the
    capstone (dates, decision, rubric scores) and the final version's automated checks
    (`final_checks` empty when they did not finish)."""

    certificate: Certificate
    rounds: list[ReviewRound]
    final_checks: list[CheckResult]
    checks_note: str = ""


def _check_results(check_run: CheckRun | None) -> tuple[list[CheckResult], str]:
    if check_run is None or not check_run.is_final:
        return [], "The automated checks of the final version did not finish."
    if check_run.status == CheckRun.Status.FAILED:
        return [], "The automated checks of the final version could not run."
    coverage = (
        f", {check_run.coverage_percent}% coverage"
        if check_run.coverage_percent is not None
        else ""
    )
    ruff, mypy = check_run.ruff_count, check_run.mypy_count
    return [
        CheckResult(
            name="Tests",
            passed=check_run.tests_outcome == "passed",
            detail=f"{check_run.tests_passed} of {check_run.tests_total} passed{coverage}",
        ),
        CheckResult(name="ruff", passed=ruff == 0, detail=f"{ruff} finding{'s' * (ruff != 1)}"),
        CheckResult(name="mypy", passed=mypy == 0, detail=f"{mypy} error{'s' * (mypy != 1)}"),
        CheckResult(
            name="README",
            passed=check_run.readme_ok,
            detail="present" if check_run.readme_ok else "missing or too short",
        ),
    ], ""


def certificate_evidence_get(*, code: str) -> CertificateEvidence:
    """The certificate with its evidence, in three queries. The check run's report (test
    messages, findings with file paths) is not even loaded. Raises Certificate.DoesNotExist."""
    certificate = certificate_get(code=code)
    rounds = list(
        ReviewRound.objects.filter(capstone_id=certificate.capstone_id)
        .select_related("version__check_run")
        .defer("summary", "version__check_run__report", "version__check_run__error")
        .prefetch_related("scores")
        .order_by("number")
    )
    final_run = getattr(rounds[-1].version, "check_run", None) if rounds else None
    checks, note = _check_results(final_run)
    return CertificateEvidence(
        certificate=certificate, rounds=rounds, final_checks=checks, checks_note=note
    )


@dataclass
class Portfolio:
    learner: User
    settings: PortfolioSettings
    capstones: list[Capstone]
    projects: list[tuple[str, str]]  # (title, slug) of solved projects


def portfolio_get_public(*, public_id: str) -> Portfolio:
    """Raises PortfolioSettings.DoesNotExist unless the learner opted in."""
    portfolio_settings = PortfolioSettings.objects.select_related("user").get(
        public_id=public_id, is_public=True
    )
    learner = portfolio_settings.user
    capstones = list(
        Capstone.objects.approved()
        .filter(learner=learner)
        .select_related("track", "certificate")
        .order_by("-completed_at")
    )
    return Portfolio(
        learner=learner,
        settings=portfolio_settings,
        capstones=capstones,
        projects=project_list_solved(learner=learner),
    )


def project_list_solved(*, learner: User) -> list[tuple[str, str]]:
    from courses.models import Exercise

    solved = course_selectors.exercise_solved_ids(learner=learner)
    return list(
        Exercise.objects.filter(pk__in=solved, kind=Exercise.Kind.PROJECT)
        .order_by("module__phase__number", "module__order", "order")
        .values_list("title", "slug")
    )


# --------------------------------------------------------------------------- feedback requests

FeedbackRole = Literal["learner", "mentor"]


def _feedback_visible_to(user: User) -> Q:
    """The one access rule of feedback requests: the learner who asked, and the mentor they
    asked while that mentor's assignment to the learner lasts. A mentor who is reassigned
    away (or whose mentee finished) keeps no access, not even to the requests they answered;
    requests made after that go to the new mentor. Staff read them in the admin only."""
    return Q(learner=user) | Q(mentor=user, assignment__ended_at__isnull=True)


def feedback_role(*, user: User, feedback_request: FeedbackRequest) -> FeedbackRole | None:
    """Which side of the request the user is on now, None when it is not theirs to see."""
    visible = FeedbackRequest.objects.filter(
        _feedback_visible_to(user), pk=feedback_request.pk
    ).exists()
    if not visible:
        return None
    return "learner" if feedback_request.learner_id == user.pk else "mentor"


def _feedback_list() -> QuerySet[FeedbackRequest]:
    return FeedbackRequest.objects.select_related(
        "learner", "mentor", "submission__exercise"
    ).annotate(message_count=Count("messages", distinct=True))


def feedback_request_list_for_learner(*, learner: User) -> QuerySet[FeedbackRequest]:
    """The learner's requests: open first, newest first."""
    return (
        _feedback_list().filter(learner=learner).order_by("status", "-created_at", "-pk")
    )  # "open" < "resolved"


def feedback_request_list_for_mentor(
    *, mentor_user: User, status: str = FeedbackRequest.Status.OPEN
) -> QuerySet[FeedbackRequest]:
    """Requests made to the mentor by their current mentees in `status`, oldest first
    (open ones are a queue: the longest waiting comes first)."""
    return (
        _feedback_list()
        .filter(mentor=mentor_user, assignment__ended_at__isnull=True, status=status)
        .order_by("created_at", "pk")
    )


def feedback_request_get(*, user: User, request_id: int) -> FeedbackRequest:
    """The request with its thread, line comments and the submission's files, or
    FeedbackRequest.DoesNotExist unless `_feedback_visible_to` lets the user see it."""
    feedback_request: FeedbackRequest = (
        FeedbackRequest.objects.filter(_feedback_visible_to(user))
        .select_related("learner", "mentor", "assignment", "submission__exercise")
        .prefetch_related(
            Prefetch("messages", queryset=FeedbackMessage.objects.select_related("author")),
            Prefetch("comments", queryset=FeedbackComment.objects.select_related("file", "author")),
            Prefetch("submission__files", queryset=SubmissionFile.objects.order_by("path")),
        )
        .get(pk=request_id)
    )
    return feedback_request


def feedback_open_for_submission(*, submission: Submission) -> FeedbackRequest | None:
    return FeedbackRequest.objects.open().filter(submission=submission).first()


@dataclass(frozen=True)
class FeedbackAsk:
    """What the submission page offers the learner: ask (`can_ask`), or why not, or a link
    to the request already open on this submission."""

    can_ask: bool
    reason: str = ""
    open_request: FeedbackRequest | None = None
    mentor: User | None = None


def feedback_ask_get(*, learner: User, submission: Submission) -> FeedbackAsk:
    """Whether the learner may ask their mentor about this submission now. The service
    enforces the same rules (`feedback_limit_refusal` is shared); this decides what the
    page shows."""
    open_request = feedback_open_for_submission(submission=submission)
    if open_request is not None:
        return FeedbackAsk(can_ask=False, open_request=open_request)
    assignment = assignment_get_active(learner=learner)
    if assignment is None:
        return FeedbackAsk(can_ask=False, reason="You can ask a mentor once one is assigned.")
    mentor_user = assignment.mentor.user
    if submission.learner_id != learner.pk or not submission.is_final:
        reason = "You can ask your mentor once this submission is graded."
        return FeedbackAsk(can_ask=False, reason=reason, mentor=mentor_user)
    refusal = feedback_limit_refusal(learner=learner, assignment=assignment)
    return FeedbackAsk(can_ask=not refusal, reason=refusal, mentor=mentor_user)


def feedback_limit_refusal(*, learner: User, assignment: MentorAssignment) -> str:
    """Why the learner may not open another request now ("" when they may). Only requests
    made to the current mentor count (one left open with a former mentor blocks nothing)."""
    limit: int = settings.FEEDBACK_REQUESTS_OPEN_MAX
    count = FeedbackRequest.objects.open().filter(learner=learner, assignment=assignment).count()
    if count < limit:
        return ""
    return (
        f"You have {count} open feedback requests, the most at once is {limit}: "
        "mark one resolved before asking again."
    )


POSTING_WINDOW = datetime.timedelta(minutes=10)


def thread_posts_refusal(*, author: User, now: datetime.datetime | None = None) -> str:
    """Why `author` may not post another message or line comment now ("" when they may):
    everything they wrote in review rounds and feedback requests in the last ten minutes
    counts against settings.THREAD_POSTS_PER_10_MINUTES (one query)."""
    limit: int = settings.THREAD_POSTS_PER_10_MINUTES
    since = (now or timezone.now()) - POSTING_WINDOW
    recent = [
        model.objects.filter(author=author, created_at__gte=since).values("pk").order_by()
        for model in (RoundMessage, LineComment, FeedbackMessage, FeedbackComment)
    ]
    count = recent[0].union(*recent[1:], all=True).count()
    if count < limit:
        return ""
    return (
        f"You have written {count} messages and comments in ten minutes, the most is {limit}. "
        "Wait a few minutes; what you typed is still here."
    )


def review_sla() -> datetime.timedelta:
    """How long a review round may wait for its decision, and a feedback request for the
    mentor's first response, before staff are told (`settings.REVIEW_SLA_HOURS`)."""
    return datetime.timedelta(hours=settings.REVIEW_SLA_HOURS)


@dataclass(frozen=True)
class ReviewWaits:
    """Review rounds waiting for a decision now: how many, how long the oldest has waited,
    and how many waited past the SLA (`sla_hours`, when staff are told)."""

    waiting: int
    oldest_seconds: float
    over_sla: int
    sla_hours: int


def review_waits_get(*, now: datetime.datetime) -> ReviewWaits:
    deadline = now - review_sla()
    row = ReviewRound.objects.filter(status=ReviewRound.Status.WAITING).aggregate(
        waiting=Count("pk"),
        oldest=Min("created_at"),
        over_sla=Count("pk", filter=Q(created_at__lte=deadline)),
    )
    oldest = row["oldest"]
    return ReviewWaits(
        waiting=int(row["waiting"]),
        oldest_seconds=(now - oldest).total_seconds() if oldest else 0.0,
        over_sla=int(row["over_sla"]),
        sla_hours=settings.REVIEW_SLA_HOURS,
    )


def assignment_active_by_learner(*, learner_ids: list[int]) -> dict[int, MentorAssignment]:
    """The active assignment of each of these learners that has one (one query)."""
    assignments = (
        MentorAssignment.objects.active()
        .filter(learner_id__in=learner_ids)
        .select_related("mentor__user", "track")
    )
    return {assignment.learner_id: assignment for assignment in assignments}


# --------------------------------------------------------------------------- mentor home

MENTEE_PAGE_SIZE = 20
MENTEE_SUBMISSIONS_PAGE_SIZE = 25
STUCK_WINDOW = datetime.timedelta(days=14)
STUCK_SHOWN = 3  # exercises per mentee


@dataclass(frozen=True)
class StuckExercise:
    """An exercise the mentee failed recently and has not solved: the latest failing
    attempt and how many failing attempts the window holds."""

    latest: Submission
    failed_attempts: int

    @property
    def exercise_title(self) -> str:
        return self.latest.exercise.title


@dataclass(frozen=True)
class MenteeSummary:
    """One row of the mentor home. `progress` is None when the learner has no active
    enrolment any more (the assignment outlived it)."""

    assignment: MentorAssignment
    progress: Progress | None
    catch_up: CatchUp | None  # set when the learner is behind the calendar
    streaks: Streaks
    days_since_active: int | None  # None: never active
    stuck: list[StuckExercise]

    @property
    def learner(self) -> User:
        return self.assignment.learner


@dataclass(frozen=True)
class WaitingReview:
    """A review round waiting for the mentor, with how long it has waited against the SLA."""

    review_round: ReviewRound
    waited: datetime.timedelta
    sla: datetime.timedelta

    @property
    def is_overdue(self) -> bool:
        return self.waited >= self.sla

    @property
    def waited_hours(self) -> int:
        return int(self.waited.total_seconds() // 3600)


@dataclass(frozen=True)
class MentorHome:
    profile: MentorProfile
    page: Page[MentorAssignment]
    mentees: list[MenteeSummary]
    reviews: list[WaitingReview]
    sla_hours: int

    @property
    def overdue_count(self) -> int:
        return sum(1 for review in self.reviews if review.is_overdue)


def _stuck_by_learner(
    *, learner_ids: set[int], since: datetime.datetime
) -> dict[int, list[StuckExercise]]:
    """Recent failing attempts at exercises not solved yet, newest first, per learner (one
    query for all of them)."""
    solved = Submission.objects.filter(
        learner_id=OuterRef("learner_id"),
        exercise_id=OuterRef("exercise_id"),
        status=Submission.Status.PASSED,
    )
    failing = (
        Submission.objects.filter(
            learner_id__in=learner_ids,
            status__in=Submission.LEARNER_FAILURES,
            created_at__gte=since,
        )
        .filter(~Exists(solved))
        .select_related("exercise")
        .only(
            "id",
            "learner_id",
            "exercise_id",
            "status",
            "created_at",
            "tests_passed",
            "tests_total",
            "exercise__title",
            "exercise__slug",
        )
        .order_by("-created_at", "-id")
    )
    latest: dict[tuple[int, int], Submission] = {}
    attempts: dict[tuple[int, int], int] = defaultdict(int)
    for submission in failing:
        key = (submission.learner_id, submission.exercise_id)
        latest.setdefault(key, submission)
        attempts[key] += 1
    stuck: dict[int, list[StuckExercise]] = defaultdict(list)
    for key, submission in latest.items():  # in order of the latest attempt, newest first
        if len(stuck[key[0]]) < STUCK_SHOWN:
            stuck[key[0]].append(StuckExercise(latest=submission, failed_attempts=attempts[key]))
    return stuck


def _mentee_summaries(
    *, assignments: list[MentorAssignment], now: datetime.datetime
) -> list[MenteeSummary]:
    """Summaries of the assignments' learners in a number of queries that does not grow
    with them (the courses and notifications selectors read all the learners at once)."""
    learners = [assignment.learner for assignment in assignments]
    enrollments = list(
        Enrollment.objects.active().filter(learner__in=learners).select_related("learner", "track")
    )
    progress_by_learner = {
        p.enrollment.learner_id: p for p in course_selectors.progress_list(enrollments=enrollments)
    }
    streaks = notification_selectors.learner_streaks_list(learners=learners)
    stuck = _stuck_by_learner(
        learner_ids={learner.pk for learner in learners}, since=now - STUCK_WINDOW
    )
    summaries = []
    for assignment in assignments:
        learner_streaks = streaks[assignment.learner_id]
        last = learner_streaks.last_active_on
        learner_progress = progress_by_learner.get(assignment.learner_id)
        summaries.append(
            MenteeSummary(
                assignment=assignment,
                progress=learner_progress,
                catch_up=(
                    course_selectors.catch_up_get(progress=learner_progress)
                    if learner_progress
                    else None
                ),
                streaks=learner_streaks,
                days_since_active=(
                    None
                    if last is None
                    else (user_local_date(user=assignment.learner, at=now) - last).days
                ),
                stuck=stuck.get(assignment.learner_id, []),
            )
        )
    return summaries


def mentor_home_get(
    *, user: User, page_number: str | int | None = None, now: datetime.datetime | None = None
) -> MentorHome | None:
    """The mentor's landing page: a page of their active mentees (longest mentored first)
    with day, phase, pace, streak, last activity and what they are stuck on, and every
    review waiting for them with its wait against the SLA. None for a user who is not a
    mentor. The queries do not grow with the number of mentees."""
    profile = mentor_profile_get(user=user)
    if profile is None:
        return None
    now = now or timezone.now()
    page = Paginator(mentee_list(mentor_user=user), MENTEE_PAGE_SIZE).get_page(page_number)
    sla = review_sla()
    return MentorHome(
        profile=profile,
        page=page,
        mentees=_mentee_summaries(assignments=list(page.object_list), now=now),
        reviews=[
            WaitingReview(review_round=r, waited=now - r.created_at, sla=sla)
            for r in round_list_waiting(user=user)
        ],
        sla_hours=settings.REVIEW_SLA_HOURS,
    )


# --------------------------------------------------------------------------- a mentee's pages


@dataclass(frozen=True)
class MenteePage:
    """A learner as their mentor (or staff) sees them: progress, streaks, submissions."""

    learner: User
    assignment: MentorAssignment | None  # None: staff looking at a learner without a mentor
    progress: Progress | None  # None: not enrolled
    catch_up: CatchUp | None
    streaks: Streaks
    submissions: Page[Submission]


def _mentee_get(*, user: User, learner_id: int) -> User:
    """The learner, if `user` is staff or their currently assigned mentor; else
    User.DoesNotExist (a 404 that does not say the learner exists)."""
    if learner_id == user.pk or not review_allowed(user=user, learner_id=learner_id):
        raise User.DoesNotExist
    learner: User = User.objects.get(pk=learner_id)
    return learner


def mentee_page_get(
    *, user: User, learner_id: int, page_number: str | int | None = None
) -> MenteePage:
    learner = _mentee_get(user=user, learner_id=learner_id)
    enrollment = course_selectors.enrollment_active(learner=learner)
    progress = course_selectors.progress_get(enrollment=enrollment) if enrollment else None
    submissions = submission_selectors.learner_submissions(learner=learner).order_by(
        "-created_at", "-id"
    )
    return MenteePage(
        learner=learner,
        assignment=assignment_get_active(learner=learner),
        progress=progress,
        catch_up=course_selectors.catch_up_get(progress=progress) if progress else None,
        streaks=notification_selectors.learner_streaks(learner=learner),
        submissions=Paginator(submissions, MENTEE_SUBMISSIONS_PAGE_SIZE).get_page(page_number),
    )


def mentee_submission_get(*, user: User, learner_id: int, submission_id: int) -> Submission:
    """A mentee's submission with its files, read-only; Submission.DoesNotExist unless
    `user` may see the learner (`_mentee_get`) and the submission is theirs."""
    try:
        learner = _mentee_get(user=user, learner_id=learner_id)
    except User.DoesNotExist as exc:
        raise Submission.DoesNotExist from exc
    submission = submission_selectors.submission_for_learner(
        learner=learner, submission_id=submission_id
    )
    submission.learner = learner  # loaded already: the page names them
    return submission


# --------------------------------------------------------------------------- review turnaround

TURNAROUND_DEFAULT_DAYS = 30


def nearest_rank(values: list[float], percent: float) -> float | None:
    """The nearest-rank percentile: the smallest value that at least `percent` % of the
    values do not exceed, i.e. the ceil(percent/100 · n)-th smallest (1-based). Always one
    of the values, never interpolated; None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(percent / 100 * len(ordered)))
    return ordered[rank - 1]


@dataclass(frozen=True)
class Durations:
    """Durations in seconds: their count, median (the middle value, the mean of the two
    middle ones for an even count) and p90 (`nearest_rank`)."""

    seconds: tuple[float, ...] = ()

    @property
    def count(self) -> int:
        return len(self.seconds)

    @property
    def median(self) -> float | None:
        return statistics.median(self.seconds) if self.seconds else None

    @property
    def p90(self) -> float | None:
        return nearest_rank(list(self.seconds), 90)


@dataclass(frozen=True)
class Turnaround:
    """How fast one mentor (or everybody, `mentor` None) answered in the window.

    Rounds: first response is the earliest line comment or round message written by
    someone other than the learner, or the decision if that came first; decision is
    `decided_at`. Requests: first response is `first_response_at` (the asked mentor's
    first message or line comment), resolution `resolved_at`. Each is measured from the
    round's or request's `created_at`. `waiting` counts what has no decision (rounds) or
    no answer (open requests without a response) yet; `over_sla` counts what waited at
    least the SLA for it, answered late or still waiting."""

    mentor: User | None
    round_first_response: Durations
    round_decision: Durations
    rounds: int
    rounds_waiting: int
    rounds_over_sla: int
    request_first_response: Durations
    request_resolution: Durations
    requests: int
    requests_waiting: int
    requests_over_sla: int


@dataclass(frozen=True)
class TurnaroundReport:
    days: int
    since: datetime.datetime
    now: datetime.datetime
    sla_hours: int
    mentors: list[Turnaround]  # every mentor, and anyone else who answered, by email
    overall: Turnaround


@dataclass
class _Tally:
    """The samples of one mentor (or of everybody) while the rows are read."""

    round_first: list[float] = field(default_factory=list)
    round_decision: list[float] = field(default_factory=list)
    rounds: int = 0
    rounds_waiting: int = 0
    rounds_over_sla: int = 0
    request_first: list[float] = field(default_factory=list)
    request_resolution: list[float] = field(default_factory=list)
    requests: int = 0
    requests_waiting: int = 0
    requests_over_sla: int = 0

    def summary(self, mentor: User | None) -> Turnaround:
        return Turnaround(
            mentor=mentor,
            round_first_response=Durations(tuple(self.round_first)),
            round_decision=Durations(tuple(self.round_decision)),
            rounds=self.rounds,
            rounds_waiting=self.rounds_waiting,
            rounds_over_sla=self.rounds_over_sla,
            request_first_response=Durations(tuple(self.request_first)),
            request_resolution=Durations(tuple(self.request_resolution)),
            requests=self.requests,
            requests_waiting=self.requests_waiting,
            requests_over_sla=self.requests_over_sla,
        )


def _seconds(start: datetime.datetime, end: datetime.datetime) -> float:
    return max((end - start).total_seconds(), 0.0)


def _first_reply_at(model: type[LineComment] | type[RoundMessage]) -> Subquery:
    """When the first line comment or message of the round not written by its learner was."""
    return Subquery(
        model.objects.filter(review_round=OuterRef("pk"))
        .exclude(author_id=OuterRef("capstone__learner_id"))
        .order_by("created_at")
        .values("created_at")[:1]
    )


def review_turnaround_get(
    *, days: int = TURNAROUND_DEFAULT_DAYS, now: datetime.datetime | None = None
) -> TurnaroundReport:
    """Turnaround of review rounds and feedback requests created in the last `days` days,
    together with every one still waiting however old (the oldest waits matter most), per
    mentor and overall. A round counts for its reviewer once decided and, while waiting,
    for the learner's current mentor; a request for the mentor asked. At most four
    queries, whatever the number of rounds, requests or mentors."""
    now = now or timezone.now()
    since = now - datetime.timedelta(days=days)
    sla = review_sla()
    rounds = (
        ReviewRound.objects.filter(Q(created_at__gte=since) | Q(status=ReviewRound.Status.WAITING))
        .order_by()
        .annotate(
            first_comment_at=_first_reply_at(LineComment),
            first_message_at=_first_reply_at(RoundMessage),
        )
        .values_list(
            "created_at",
            "decided_at",
            "reviewer_id",
            "capstone__learner_id",
            "first_comment_at",
            "first_message_at",
        )
    )
    requests = (
        FeedbackRequest.objects.filter(
            Q(created_at__gte=since)
            | Q(status=FeedbackRequest.Status.OPEN, first_response_at__isnull=True)
        )
        .order_by()
        .values_list("created_at", "first_response_at", "resolved_at", "mentor_id")
    )
    round_rows = list(rounds)
    request_rows = list(requests)
    mentor_of = dict(
        MentorAssignment.objects.active()
        .filter(learner_id__in={row[3] for row in round_rows if row[1] is None})
        .values_list("learner_id", "mentor__user_id")
    )
    overall = _Tally()
    tallies: dict[int, _Tally] = defaultdict(_Tally)

    for created_at, decided_at, reviewer_id, learner_id, comment_at, message_at in round_rows:
        mentor_id = reviewer_id if decided_at is not None else mentor_of.get(learner_id)
        targets = [overall] + ([tallies[mentor_id]] if mentor_id is not None else [])
        replies = [at for at in (comment_at, message_at, decided_at) if at is not None]
        waited = (decided_at or now) - created_at
        for tally in targets:
            tally.rounds += 1
            if replies:
                tally.round_first.append(_seconds(created_at, min(replies)))
            if decided_at is not None:
                tally.round_decision.append(_seconds(created_at, decided_at))
            else:
                tally.rounds_waiting += 1
            if waited >= sla:
                tally.rounds_over_sla += 1

    for created_at, first_response_at, resolved_at, mentor_id in request_rows:
        answered_at = first_response_at or resolved_at
        waited = (answered_at or now) - created_at
        for tally in (overall, tallies[mentor_id]):
            tally.requests += 1
            if first_response_at is not None:
                tally.request_first.append(_seconds(created_at, first_response_at))
            if resolved_at is not None:
                tally.request_resolution.append(_seconds(created_at, resolved_at))
            if answered_at is None:
                tally.requests_waiting += 1
            if waited >= sla:
                tally.requests_over_sla += 1

    mentors = User.objects.filter(
        Q(pk__in=list(tallies)) | Q(mentor_profile__isnull=False)
    ).order_by("email")
    return TurnaroundReport(
        days=days,
        since=since,
        now=now,
        sla_hours=settings.REVIEW_SLA_HOURS,
        mentors=[tallies[user.pk].summary(user) for user in mentors],
        overall=overall.summary(None),
    )


# --------------------------------------------------------------------------- comment snippets


def snippet_list(*, mentor: User) -> QuerySet[CommentSnippet]:
    """The user's own comment snippets, by title (nobody else's, ever)."""
    return CommentSnippet.objects.filter(mentor=mentor).order_by("title", "pk")


def snippet_get(*, mentor: User, snippet_id: int) -> CommentSnippet:
    """One of the user's own snippets. Raises CommentSnippet.DoesNotExist for another
    mentor's (pages and the API answer 404, not confirming it exists)."""
    return snippet_list(mentor=mentor).get(pk=snippet_id)


# --------------------------------------------------------------------------- similar code
# Mentors and staff only: each read below returns nothing for anybody else, the learner
# whose work it is included. Digests, filtered code and pair scores are cached under keys
# made of content digests or of rows that never change (a submission's or capstone version's
# files are fixed when it is made; a row is named by id and creation time, as an id alone may
# come back after a rollback), so an entry never goes stale and the cost stays bounded by
# the caps.

Stamps = dict[int, datetime.datetime]  # row id: created_at, of rows whose files never change


def _row_key(prefix: str, row_id: int, created_at: datetime.datetime) -> str:
    return f"{prefix}:{row_id}@{created_at.timestamp():.6f}"


def _submission_files(submission_ids: set[int]) -> dict[int, list[similarity.File]]:
    files: dict[int, list[similarity.File]] = defaultdict(list)
    rows = SubmissionFile.objects.filter(submission_id__in=submission_ids).values_list(
        "submission_id", "path", "content"
    )
    for submission_id, path, content in rows:
        files[submission_id].append((path, content))
    return files


def _normalised_digests(*, submissions: Stamps) -> dict[int, str]:
    """`similarity.normalised_digest` of each submission's files, cached by submission (its
    files never change); one query for those not cached."""
    prefix = f"mentors:normalised:{similarity.NORMALISED_VERSION}"
    keys = {sid: _row_key(prefix, sid, created_at) for sid, created_at in submissions.items()}
    cached = cache.get_many(list(keys.values()))
    digests = {sid: cached[key] for sid, key in keys.items() if key in cached}
    missing = submissions.keys() - digests.keys()
    if missing:
        files = _submission_files(missing)
        fresh = {sid: similarity.normalised_digest(files.get(sid, [])) for sid in missing}
        cache.set_many(
            {keys[sid]: digest for sid, digest in fresh.items()},
            settings.SIMILARITY_CACHE_SECONDS,
        )
        digests.update(fresh)
    return digests


@dataclass(frozen=True)
class SimilarFeedback:
    """Another request of the mentor on the same exercise whose solution has the same
    normal form, with what the mentor wrote on it. `can_open`: the mentor may still open
    it (their assignment to that learner lasts); else it is shown but not linked."""

    feedback_request: FeedbackRequest
    comments: list[FeedbackComment]
    messages: list[FeedbackMessage]
    can_open: bool


def similar_feedback_list(
    *, user: User, feedback_request: FeedbackRequest
) -> list[SimilarFeedback]:
    """What the mentor of `feedback_request` said on solutions of the same exercise that are
    the same program (`similarity.normalised_digest`), newest first: their own line comments
    and messages only, none of the learners'. Empty for anybody but that mentor. The newest
    SIMILAR_FEEDBACK_CANDIDATES requests are compared; five queries at most, however many."""
    if feedback_request.mentor_id != user.pk or feedback_request.learner_id == user.pk:
        return []
    submission = feedback_request.submission
    candidates = list(
        FeedbackRequest.objects.filter(mentor=user, submission__exercise_id=submission.exercise_id)
        .exclude(submission_id=submission.pk)
        .order_by("-created_at", "-pk")
        .values_list("pk", "submission_id", "submission__created_at")[
            : settings.SIMILAR_FEEDBACK_CANDIDATES
        ]
    )
    if not candidates:
        return []
    digests = _normalised_digests(
        submissions={submission.pk: submission.created_at}
        | {submission_id: created_at for _, submission_id, created_at in candidates}
    )
    same = [
        pk
        for pk, submission_id, _ in candidates
        if digests[submission_id] == digests[submission.pk]
    ]
    if not same:
        return []
    matching = (
        FeedbackRequest.objects.filter(pk__in=same)
        .select_related("learner", "assignment")
        .prefetch_related(
            Prefetch(
                "comments",
                queryset=FeedbackComment.objects.filter(author=user).select_related("file"),
                to_attr="mentor_comments",
            ),
            Prefetch(
                "messages",
                queryset=FeedbackMessage.objects.filter(author=user),
                to_attr="mentor_messages",
            ),
        )
        .order_by("-created_at", "-pk")
    )
    return [
        SimilarFeedback(
            feedback_request=earlier,
            comments=earlier.mentor_comments,  # type: ignore[attr-defined]
            messages=earlier.mentor_messages,  # type: ignore[attr-defined]
            can_open=earlier.assignment.is_active,
        )
        for earlier in matching
        if earlier.mentor_comments or earlier.mentor_messages  # type: ignore[attr-defined]
    ]


def similarity_allowed(*, user: User, learner_id: int) -> bool:
    """Similarity signals are for staff and the learner's current mentor, never learners
    (not even a staff member's own work)."""
    return learner_id != user.pk and review_allowed(user=user, learner_id=learner_id)


@dataclass(frozen=True)
class SimilarWork:
    """Another learner's work that shares code with the one looked at: `overlap.share_of_first`
    is the share of the looked-at code found in theirs."""

    learner: User
    label: str  # "version 2", "submission #81"
    overlap: similarity.Overlap

    @property
    def percent(self) -> int:
        return round(self.overlap.share_of_first * 100)

    @property
    def their_percent(self) -> int:
        return round(self.overlap.share_of_second * 100)


def _similarity_settings() -> tuple[similarity.Fingerprinter, similarity.Limits]:
    return (
        similarity.Fingerprinter(
            noise=settings.SIMILARITY_NOISE_THRESHOLD,
            guarantee=settings.SIMILARITY_GUARANTEE_THRESHOLD,
        ),
        similarity.Limits(
            file_chars=settings.SIMILARITY_FILE_MAX_KB * 1024,
            document_chars=settings.SIMILARITY_DOCUMENT_MAX_KB * 1024,
        ),
    )


FilesLoader = Callable[[set[int]], dict[int, list[similarity.File]]]


def _filtered_by_digest(documents: dict[str, str]) -> dict[str, str]:
    """copydetect's filtered code of each document (by digest), cached: it is the costly step."""
    keys = {digest: f"mentors:filtered:{digest}" for digest in documents}
    cached = cache.get_many(list(keys.values()))
    filtered = {digest: cached[key] for digest, key in keys.items() if key in cached}
    fresh = {
        digest: similarity.filtered_code(document)
        for digest, document in documents.items()
        if digest not in filtered
    }
    cache.set_many(
        {keys[digest]: code for digest, code in fresh.items()}, settings.SIMILARITY_CACHE_SECONDS
    )
    return filtered | fresh


def _overlaps(
    *, kind: str, target: int, rows: Stamps, load: FilesLoader, boilerplate: str = ""
) -> dict[int, similarity.Overlap]:
    """copydetect's overlap of the target's Python code with that of each other row of
    `rows` (of one `kind`), reading each row's files at most once (`load`, one query) and
    only for what the cache lacks: the document digest of each row, then the score of each
    pair of digests."""
    fingerprinter, limits = _similarity_settings()
    params = (
        f"{fingerprinter.noise}:{fingerprinter.guarantee}:"
        f"{limits.file_chars}:{limits.document_chars}"
    )
    candidates = [row_id for row_id in rows if row_id != target]
    prefix = f"mentors:document:{kind}:{params}"
    digest_keys = {row_id: _row_key(prefix, row_id, stamp) for row_id, stamp in rows.items()}
    cached = cache.get_many(list(digest_keys.values()))
    digests: dict[int, str] = {
        row_id: cached[key] for row_id, key in digest_keys.items() if key in cached
    }
    documents: dict[int, str] = {}

    def read(row_ids: set[int]) -> None:
        if not row_ids:
            return
        for row_id, files in load(row_ids).items():
            documents[row_id] = similarity.python_document(files, limits=limits)
        for row_id in row_ids:
            documents.setdefault(row_id, "")
            digests[row_id] = similarity.document_digest(documents[row_id])
        cache.set_many(
            {digest_keys[row_id]: digests[row_id] for row_id in row_ids},
            settings.SIMILARITY_CACHE_SECONDS,
        )

    read(rows.keys() - digests.keys())
    empty = similarity.document_digest("")
    if digests[target] == empty:
        return {}
    boilerplate_digest = similarity.document_digest(boilerplate)
    pair_keys = {
        row_id: ":".join(
            ("mentors:overlap", params, boilerplate_digest, digests[target], digests[row_id])
        )
        for row_id in candidates
        if digests[row_id] != empty
    }
    cached = cache.get_many(list(set(pair_keys.values())))
    scores = {
        row_id: similarity.Overlap(*cached[key])
        for row_id, key in pair_keys.items()
        if key in cached
    }
    missing = [row_id for row_id in pair_keys if row_id not in scores]
    if missing:
        read({target, *missing} - documents.keys())
        filtered = _filtered_by_digest(
            {digests[row_id]: documents[row_id] for row_id in {target, *missing}}
        )
        starter = (
            fingerprinter.fingerprint(similarity.filtered_code(boilerplate))
            if boilerplate
            else None
        )
        mine = fingerprinter.fingerprint(filtered[digests[target]], boilerplate=starter)
        for row_id in missing:
            theirs = fingerprinter.fingerprint(filtered[digests[row_id]], boilerplate=starter)
            scores[row_id] = similarity.overlap(mine, theirs)
        cache.set_many(
            {pair_keys[row_id]: astuple(scores[row_id]) for row_id in missing},
            settings.SIMILARITY_CACHE_SECONDS,
        )
    return scores


def _most_similar(
    rows: dict[int, tuple[User, str]], scores: dict[int, similarity.Overlap]
) -> list[SimilarWork]:
    """The rows whose overlap reaches SIMILARITY_DISPLAY_THRESHOLD, most similar first, at
    most SIMILARITY_SHOWN."""
    shown = [
        SimilarWork(learner=rows[row_id][0], label=rows[row_id][1], overlap=overlap)
        for row_id, overlap in scores.items()
        if overlap.share_of_first >= settings.SIMILARITY_DISPLAY_THRESHOLD
    ]
    shown.sort(key=lambda work: (-work.overlap.share_of_first, -work.overlap.tokens))
    return shown[: settings.SIMILARITY_SHOWN]


def _capstone_python_files(version_ids: set[int]) -> dict[int, list[similarity.File]]:
    files: dict[int, list[similarity.File]] = defaultdict(list)
    rows = CapstoneFile.objects.filter(
        version_id__in=version_ids,
        is_text=True,
        path__endswith=".py",
        size__lte=settings.SIMILARITY_FILE_MAX_KB * 1024,
    ).values_list("version_id", "path", "content")
    for version_id, path, content in rows:
        files[version_id].append((path, content))
    return files


def capstone_similarity_list(
    *, user: User, capstone: Capstone, version: CapstoneVersion
) -> list[SimilarWork] | None:
    """Other learners' capstones in the same track (the latest version of each of the newest
    SIMILARITY_CAPSTONE_CANDIDATES) that share the most Python code with `version`; None
    unless `similarity_allowed`. A constant number of queries: candidates, and files only
    for what the cache lacks."""
    if not similarity_allowed(user=user, learner_id=capstone.learner_id):
        return None
    return capstone_similar_work(capstone=capstone, version=version)


def capstone_similar_work(*, capstone: Capstone, version: CapstoneVersion) -> list[SimilarWork]:
    """`capstone_similarity_list` (`version` is one of `capstone`'s) without the permission
    check, for staff-only pages."""
    later = CapstoneVersion.objects.filter(
        capstone_id=OuterRef("capstone_id"), number__gt=OuterRef("number")
    )
    candidates = list(
        CapstoneVersion.objects.filter(capstone__track_id=capstone.track_id)
        .exclude(capstone__learner_id=capstone.learner_id)
        .filter(~Exists(later))
        .select_related("capstone__learner")
        .order_by("-created_at", "-pk")[: settings.SIMILARITY_CAPSTONE_CANDIDATES]
    )
    scores = _overlaps(
        kind="capstone",
        target=version.pk,
        rows={version.pk: version.created_at} | {c.pk: c.created_at for c in candidates},
        load=_capstone_python_files,
    )
    return _most_similar(
        {c.pk: (c.capstone.learner, f"version {c.number}") for c in candidates}, scores
    )


def solution_similarity_list(*, user: User, submission: Submission) -> list[SimilarWork] | None:
    """Other learners' passing solutions of the same exercise (the latest of each of the
    newest SIMILARITY_SOLUTION_CANDIDATES learners) that share the most code with
    `submission`, the exercise's starter code left out; None unless `similarity_allowed`."""
    if not similarity_allowed(user=user, learner_id=submission.learner_id):
        return None
    passed = Submission.objects.filter(status=Submission.Status.PASSED)
    later = passed.filter(
        learner_id=OuterRef("learner_id"),
        exercise_id=OuterRef("exercise_id"),
        created_at__gt=OuterRef("created_at"),
    )
    candidates = list(
        passed.filter(exercise_id=submission.exercise_id)
        .exclude(learner_id=submission.learner_id)
        .filter(~Exists(later))
        .select_related("learner")
        .order_by("-created_at", "-pk")[: settings.SIMILARITY_SOLUTION_CANDIDATES]
    )
    if not candidates:
        return []
    starter = ExerciseFile.objects.filter(
        exercise_id=submission.exercise_id, role=ExerciseFile.Role.STARTER
    ).values_list("path", "content")
    _, limits = _similarity_settings()
    scores = _overlaps(
        kind="submission",
        target=submission.pk,
        rows={submission.pk: submission.created_at} | {c.pk: c.created_at for c in candidates},
        load=_submission_files,
        boilerplate=similarity.python_document(list(starter), limits=limits),
    )
    return _most_similar({c.pk: (c.learner, f"submission #{c.pk}") for c in candidates}, scores)


@dataclass(frozen=True)
class FeedbackInsights:
    """What the mentor's side of a feedback page adds: their own feedback on the same
    program, and other learners' passing solutions that share code with this one."""

    similar_feedback: list[SimilarFeedback]
    similar_solutions: list[SimilarWork] | None


def feedback_insights_get(
    *, user: User, feedback_request: FeedbackRequest
) -> FeedbackInsights | None:
    """None unless `user` is the mentor the request was made to (the learner never sees it)."""
    if feedback_request.mentor_id != user.pk or feedback_request.learner_id == user.pk:
        return None
    return FeedbackInsights(
        similar_feedback=similar_feedback_list(user=user, feedback_request=feedback_request),
        similar_solutions=solution_similarity_list(
            user=user, submission=feedback_request.submission
        ),
    )
