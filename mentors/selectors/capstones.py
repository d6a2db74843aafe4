"""Capstones, review rounds, their checks, certificates and portfolios."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import (
    Count,
    Exists,
    Max,
    OuterRef,
    Prefetch,
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
    LineComment,
    MentorAssignment,
    PortfolioSettings,
    ReviewRound,
    RoundMessage,
)
from mentors.selectors.assignment import assignment_get_active, review_allowed
from submissions.sandbox import SandboxFile

CAPSTONE_PHASE_NUMBER = 3


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
    """The version's file at `path` (as the page's address or form names it), if any. A path
    with a NUL byte names no file (and PostgreSQL cannot compare one)."""
    if "\x00" in path:
        return None
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
    is_reviewer = review_allowed(user=user, learner_id=capstone.learner_id)
    rounds = list(round_list(capstone=capstone))
    if capstone.learner_id != user.pk and not is_reviewer:
        # A former mentor (see `round_get`): only the rounds they decided, not even the
        # numbers of later ones.
        rounds = [r for r in rounds if r.reviewer_id == user.pk]
    return RoundPage(
        review_round=review_round,
        rounds=rounds,
        files=files,
        comments=list(review_round.line_comments.all()),
        selected=round_file_get(review_round=review_round, path=wanted) if wanted else None,
        is_reviewer=is_reviewer,
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
    certificate = Certificate.objects.select_related("capstone__track").get(code=code.upper())
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
