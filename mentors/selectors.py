"""Reads of the mentors app: mentor load, waiting learners, capstones, review queue, rounds."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Exists, Max, OuterRef, Prefetch, Q, QuerySet

from accounts.models import User
from courses import selectors as course_selectors
from courses.models import Enrollment, Track
from mentors.models import (
    Capstone,
    CapstoneFile,
    CapstoneVersion,
    Certificate,
    CheckRun,
    LineComment,
    MentorAssignment,
    MentorProfile,
    PortfolioSettings,
    ReviewRound,
    RoundMessage,
)
from submissions.sandbox import SandboxFile

CAPSTONE_PHASE_NUMBER = 3


def mentors_with_load() -> QuerySet[MentorProfile]:
    """Profiles annotated with `active_mentees` (one query, for lists and admin)."""
    return (
        MentorProfile.objects.select_related("user")
        .prefetch_related("tracks")
        .annotate(active_mentees=Count("assignments", filter=Q(assignments__ended_at__isnull=True)))
    )


def mentor_profile_for_user(*, user: User) -> MentorProfile | None:
    return mentors_with_load().filter(user=user).first()


def active_assignment(*, learner: User) -> MentorAssignment | None:
    return (
        MentorAssignment.objects.active()
        .select_related("mentor__user", "track")
        .filter(learner=learner)
        .first()
    )


def assignment_history(*, learner: User) -> QuerySet[MentorAssignment]:
    return MentorAssignment.objects.filter(learner=learner).select_related(
        "mentor__user", "track", "assigned_by"
    )


def unassigned_enrollments() -> QuerySet[Enrollment]:
    """Active enrollments whose learner has no mentor (and no approved capstone in the
    track), longest waiting first: the order in which freed capacity is handed out."""
    has_mentor = MentorAssignment.objects.active().filter(learner=OuterRef("learner"))
    finished = Capstone.objects.filter(
        learner=OuterRef("learner"), track=OuterRef("track"), status=Capstone.Status.APPROVED
    )
    return (
        Enrollment.objects.active()
        .filter(~Exists(has_mentor), ~Exists(finished))
        .select_related("learner", "track")
        .order_by("created_at", "pk")
    )


def mentees(*, mentor: MentorProfile) -> QuerySet[MentorAssignment]:
    return (
        MentorAssignment.objects.active()
        .filter(mentor=mentor)
        .select_related("learner", "track")
        .order_by("created_at")
    )


def can_review(*, user: User, learner_id: int) -> bool:
    """Staff, or the learner's currently assigned mentor."""
    if user.is_staff:
        return True
    return (
        MentorAssignment.objects.active().filter(learner_id=learner_id, mentor__user=user).exists()
    )


def capstone_for_learner(*, learner: User, track: Track) -> Capstone | None:
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


def phase_three_done(*, enrollment: Enrollment) -> bool:
    progress = course_selectors.progress_get(enrollment=enrollment)
    phases = [p for p in progress.phases if p.phase.number == CAPSTONE_PHASE_NUMBER]
    return bool(phases) and all(p.is_complete for p in phases)


def review_queue(*, user: User) -> QuerySet[ReviewRound]:
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


def rounds_waiting_longest() -> QuerySet[ReviewRound]:
    return ReviewRound.objects.filter(status=ReviewRound.Status.WAITING).order_by("created_at")


def _round_query(messages: QuerySet[RoundMessage]) -> QuerySet[ReviewRound]:
    return ReviewRound.objects.select_related(
        "capstone__learner", "capstone__track", "version__check_run", "reviewer"
    ).prefetch_related("scores", Prefetch("messages", queryset=messages.select_related("author")))


def round_for_viewer(*, user: User, round_id: int) -> ReviewRound:
    """The round with what its page shows. Raises ReviewRound.DoesNotExist unless the user
    is the learner, their assigned mentor or staff (pages turn that into a 404).

    A mentor who was moved off the learner keeps read access to the rounds they decided
    themselves, as they were when the assignment ended: later rounds, and messages written
    after they left, are not theirs to read."""
    review_round = _round_query(RoundMessage.objects.all()).get(pk=round_id)
    learner_id = review_round.capstone.learner_id
    if learner_id == user.pk or can_review(user=user, learner_id=learner_id):
        return review_round
    if review_round.reviewer_id != user.pk:
        raise ReviewRound.DoesNotExist
    left = MentorAssignment.objects.filter(
        learner_id=learner_id, mentor__user=user, ended_at__isnull=False
    ).aggregate(last=Max("ended_at"))["last"]
    if left is None:
        return review_round
    return _round_query(RoundMessage.objects.filter(created_at__lte=left)).get(pk=round_id)


def round_files(*, review_round: ReviewRound) -> list[CapstoneFile]:
    """Files of the round's version without their content (for the file tree)."""
    return list(
        CapstoneFile.objects.filter(version_id=review_round.version_id)
        .defer("content")
        .annotate(comment_count=Count("comments"))
        .order_by("path")
    )


def round_file(*, review_round: ReviewRound, path: str) -> CapstoneFile | None:
    return CapstoneFile.objects.filter(version_id=review_round.version_id, path=path).first()


def round_comments(*, review_round: ReviewRound) -> list[LineComment]:
    return list(
        LineComment.objects.filter(review_round=review_round).select_related("file", "author")
    )


def learner_rounds(*, capstone: Capstone) -> QuerySet[ReviewRound]:
    return capstone.rounds.select_related("version__check_run").order_by("number")


def check_run_sandbox_files(*, check_run: CheckRun) -> list[SandboxFile]:
    rows = CapstoneFile.objects.filter(version_id=check_run.version_id, is_text=True).values_list(
        "path", "content"
    )
    return [SandboxFile(path=path, content=content) for path, content in rows]


def check_run_runtime_name(*, check_run: CheckRun) -> str:
    """The learner runtime of the capstone's track (its libraries are what it is built on)."""
    return str(
        CheckRun.objects.filter(pk=check_run.pk)
        .values_list("version__capstone__track__runtime", flat=True)
        .get()
    )


def certificate_by_code(*, code: str) -> Certificate:
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


def public_portfolio(*, public_id: str) -> Portfolio:
    """Raises PortfolioSettings.DoesNotExist unless the learner opted in."""
    portfolio_settings = PortfolioSettings.objects.select_related("user").get(
        public_id=public_id, is_public=True
    )
    learner = portfolio_settings.user
    capstones = list(
        Capstone.objects.filter(learner=learner, status=Capstone.Status.APPROVED)
        .select_related("track", "certificate")
        .order_by("-completed_at")
    )
    return Portfolio(
        learner=learner,
        settings=portfolio_settings,
        capstones=capstones,
        projects=solved_projects(learner=learner),
    )


def solved_projects(*, learner: User) -> list[tuple[str, str]]:
    from courses.models import Exercise

    solved = course_selectors.exercise_solved_ids(learner=learner)
    return list(
        Exercise.objects.filter(pk__in=solved, kind=Exercise.Kind.PROJECT)
        .order_by("module__phase__number", "module__order", "order")
        .values_list("title", "slug")
    )
