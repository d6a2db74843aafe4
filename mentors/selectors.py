"""Reads of the mentors app: mentor load, waiting learners, capstones, review queue, rounds."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Literal

from django.conf import settings
from django.db.models import (
    Count,
    Exists,
    Max,
    Min,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    prefetch_related_objects,
)

from accounts.models import User
from courses import selectors as course_selectors
from courses.models import Enrollment, Track
from mentors.models import (
    Capstone,
    CapstoneFile,
    CapstoneVersion,
    Certificate,
    CheckRun,
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


@dataclass(frozen=True)
class ReviewWaits:
    """Review rounds waiting for a decision now: how many, how long the oldest has waited,
    and how many waited past the SLA (`sla_hours`, when staff are told)."""

    waiting: int
    oldest_seconds: float
    over_sla: int
    sla_hours: int


def review_waits_get(*, now: datetime.datetime) -> ReviewWaits:
    from notifications.planning import REVIEW_ESCALATION_HOURS

    deadline = now - datetime.timedelta(hours=REVIEW_ESCALATION_HOURS)
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
        sla_hours=REVIEW_ESCALATION_HOURS,
    )


def assignment_active_by_learner(*, learner_ids: list[int]) -> dict[int, MentorAssignment]:
    """The active assignment of each of these learners that has one (one query)."""
    assignments = (
        MentorAssignment.objects.active()
        .filter(learner_id__in=learner_ids)
        .select_related("mentor__user", "track")
    )
    return {assignment.learner_id: assignment for assignment in assignments}
