"""Writes of the mentors app: assignment, capstones, uploads, checks, reviews, certificates.

Every function is one use case, keyword-only and typed; each owns its transaction. State
changes are conditional updates (`filter(status=...).update(...)`), so two requests or two
workers cannot both win a transition.
"""

from __future__ import annotations

import datetime
import logging
import posixpath
import secrets
from collections.abc import Mapping
from dataclasses import asdict
from decimal import Decimal

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import Count, Max, Q
from django.utils import timezone

from accounts.models import User
from config.errors import ApplicationError
from config.queueing import publish_on_commit
from courses import selectors as course_selectors
from courses.models import Track
from mentors import notify, selectors
from mentors.archive import ArchiveError, ArchiveLimits, is_archive_name, read_archive
from mentors.checks import CapstoneCheckReport
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
    RubricScore,
)

logger = logging.getLogger(__name__)

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud and typed


class MentorshipError(ApplicationError):
    code = "mentorship"


class CapstoneError(ApplicationError):
    code = "capstone"


class ReviewError(ApplicationError):
    code = "review"


class PermissionDeniedError(ApplicationError):
    code = "permission_denied"
    status = 403


# --------------------------------------------------------------------------- assignment


def _pick_mentor(*, track: Track) -> MentorProfile | None:
    """The least-loaded active mentor of the track with a free place (ties: oldest profile).

    The candidate profile rows are locked (in primary-key order, so concurrent callers
    queue instead of deadlocking) before their load is counted: two transactions can never
    both see the last free place of the same mentor."""
    candidates = list(
        MentorProfile.objects.select_for_update(of=("self",))
        .filter(tracks=track, availability=MentorProfile.Availability.ACTIVE)
        .order_by("pk")
        .only("pk", "capacity", "user_id")
    )
    if not candidates:
        return None
    loads = dict(
        MentorAssignment.objects.active()
        .filter(mentor__in=[c.pk for c in candidates])
        .values_list("mentor")
        .annotate(n=Count("pk"))
        .values_list("mentor", "n")
    )
    free = [c for c in candidates if loads.get(c.pk, 0) < c.capacity]
    if not free:
        return None
    return min(free, key=lambda c: (loads.get(c.pk, 0), c.pk))


def _create_assignment(
    *,
    learner: User,
    mentor: MentorProfile,
    track: Track,
    source: str,
    reason: str = "",
    by: User | None = None,
) -> MentorAssignment:
    try:
        with transaction.atomic():
            assignment = MentorAssignment.objects.create(
                learner=learner,
                mentor=mentor,
                track=track,
                source=source,
                reason=reason[:300],
                assigned_by=by,
            )
    except IntegrityError as exc:  # a concurrent request assigned this learner first
        raise MentorshipError("This learner already has a mentor.") from exc
    notify.mentor_assigned(assignment=assignment)
    logger.info("learner %s assigned to mentor %s (%s)", learner.pk, mentor.pk, source)
    return assignment


def _end_assignment(*, assignment: MentorAssignment, reason: str) -> bool:
    ended = MentorAssignment.objects.filter(pk=assignment.pk, ended_at__isnull=True).update(
        ended_at=timezone.now(), end_reason=reason[:300]
    )
    return ended == 1


@transaction.atomic
def assignment_ensure(*, learner: User) -> MentorAssignment | None:
    """Make sure the learner has a mentor for the track they are enrolled in.

    Keeps a current mentor who covers the track; otherwise ends that assignment and picks
    the least-loaded free mentor. Returns None when nobody is free: the learner then waits
    in `selectors.unassigned_enrollments()` until `assign_waiting_learners` finds a place."""
    enrollment = course_selectors.enrollment_active(learner=learner)
    if enrollment is None:
        return None
    current = MentorAssignment.objects.select_for_update().active().filter(learner=learner).first()
    if current is not None:
        if current.track_id == enrollment.track_id:
            return current
        covers = current.mentor.tracks.filter(pk=enrollment.track_id).exists()
        if covers:
            MentorAssignment.objects.filter(pk=current.pk).update(track=enrollment.track)
            current.track = enrollment.track
            return current
        _end_assignment(assignment=current, reason=f"track switched to {enrollment.track.slug}")
    elif Capstone.objects.filter(
        learner=learner, track=enrollment.track, status=Capstone.Status.APPROVED
    ).exists():
        return None  # finished: no mentor needed any more
    mentor = _pick_mentor(track=enrollment.track)
    if mentor is None:
        logger.info("no mentor free for learner %s on %s", learner.pk, enrollment.track.slug)
        return None
    return _create_assignment(
        learner=learner,
        mentor=mentor,
        track=enrollment.track,
        source=MentorAssignment.Source.AUTOMATIC,
    )


def assign_waiting_learners_later() -> None:
    """Queue `assign_waiting_learners` for a worker, after the current transaction commits
    (a capacity change saved in admin must be visible to it)."""
    from mentors.tasks import assign_waiting_learners

    publish_on_commit(assign_waiting_learners)


def assign_waiting_learners(*, limit: int = 200) -> int:
    """Hand freed capacity to waiting learners, longest waiting first. Returns how many got
    a mentor. Each learner is assigned in its own transaction; tracks without a free
    mentor are skipped for the rest of the pass."""
    assigned = 0
    full_tracks: set[int] = set()
    for enrollment in selectors.unassigned_enrollments()[:limit]:
        if enrollment.track_id in full_tracks:
            continue
        assignment = assignment_ensure(learner=enrollment.learner)
        if assignment is None:
            full_tracks.add(enrollment.track_id)
        else:
            assigned += 1
    return assigned


@transaction.atomic
def assignment_set(
    *, learner: User, mentor: MentorProfile, by: User, reason: str
) -> MentorAssignment:
    """Staff assign or reassign a learner to a specific mentor, with a reason kept in the
    history. The mentor must cover the learner's track, be active and have a free place."""
    if not reason.strip():
        raise MentorshipError("Give a reason for the (re)assignment; it is kept in the history.")
    enrollment = course_selectors.enrollment_active(learner=learner)
    if enrollment is None:
        raise MentorshipError(f"{learner} is not enrolled in a track.")
    locked = MentorProfile.objects.select_for_update().get(pk=mentor.pk)
    if locked.availability != MentorProfile.Availability.ACTIVE:
        raise MentorshipError(f"{locked.user.name} is paused and takes no new mentees.")
    if not locked.tracks.filter(pk=enrollment.track_id).exists():
        raise MentorshipError(f"{locked.user.name} does not cover {enrollment.track.title}.")
    current = MentorAssignment.objects.select_for_update().active().filter(learner=learner).first()
    if current is not None and current.mentor_id == locked.pk:
        raise MentorshipError(f"{learner.name} is already mentored by {locked.user.name}.")
    load = MentorAssignment.objects.active().filter(mentor=locked).count()
    if load >= locked.capacity:
        raise MentorshipError(
            f"{locked.user.name} is at capacity ({load}/{locked.capacity}); raise the capacity first."
        )
    if current is not None:
        _end_assignment(assignment=current, reason=f"reassigned by {by}: {reason}")
    assignment = _create_assignment(
        learner=learner,
        mentor=locked,
        track=enrollment.track,
        source=MentorAssignment.Source.STAFF,
        reason=reason,
        by=by,
    )
    if current is not None:
        transaction.on_commit(assign_waiting_learners)  # the old mentor has a free place
    return assignment


@transaction.atomic
def assignment_end(*, learner: User, reason: str) -> bool:
    current = MentorAssignment.objects.select_for_update().active().filter(learner=learner).first()
    if current is None:
        return False
    return _end_assignment(assignment=current, reason=reason)


# --------------------------------------------------------------------------- capstone


def _capstone_days(track: Track) -> int:
    return int(track.capstone_days or settings.CAPSTONE_DEFAULT_DAYS)


@transaction.atomic
def capstone_unlock(*, learner: User, track: Track, by: User) -> Capstone:
    """Staff override: the learner may start the capstone before Phase 3 is done."""
    capstone, created = Capstone.objects.get_or_create(
        learner=learner, track=track, defaults={"unlocked_by": by}
    )
    if not created and capstone.unlocked_by_id is None and not capstone.is_started:
        Capstone.objects.filter(pk=capstone.pk).update(unlocked_by=by)
    logger.info("capstone of learner %s on %s unlocked by %s", learner.pk, track.slug, by.pk)
    return capstone


@transaction.atomic
def capstone_start(*, learner: User, now: datetime.datetime | None = None) -> Capstone:
    """Start the capstone of the learner's track: sets the deadline (the track's capstone
    days, 21 by default). Needs Phase 3 done or a staff unlock; starting twice is refused."""
    enrollment = course_selectors.enrollment_active(learner=learner)
    if enrollment is None:
        raise CapstoneError("Enroll in a track first.")
    track = enrollment.track
    capstone = Capstone.objects.select_for_update().filter(learner=learner, track=track).first()
    if capstone is None:
        if not selectors.phase_three_done(enrollment=enrollment):
            raise CapstoneError(
                "The capstone unlocks when you have finished the Phase 3 lessons and exercises."
            )
        capstone = Capstone.objects.create(learner=learner, track=track)
    now = now or timezone.now()
    started = Capstone.objects.filter(pk=capstone.pk, started_at__isnull=True).update(
        status=Capstone.Status.IN_PROGRESS,
        started_at=now,
        due_at=now + datetime.timedelta(days=_capstone_days(track)),
    )
    if not started:
        raise CapstoneError("You have already started your capstone.")
    capstone.refresh_from_db()
    assignment_ensure(learner=learner)  # reaching the capstone is the latest point to get one
    return capstone


def _archive_limits() -> ArchiveLimits:
    return ArchiveLimits(
        max_files=settings.CAPSTONE_MAX_FILES,
        max_total_bytes=settings.CAPSTONE_MAX_UNCOMPRESSED_MB * 1024 * 1024,
        max_file_bytes=settings.CAPSTONE_MAX_FILE_KB * 1024,
    )


def _uploadable_capstone(learner: User, *, lock: bool) -> Capstone:
    """The learner's capstone if a version may be uploaded now, else CapstoneError."""
    enrollment = course_selectors.enrollment_active(learner=learner)
    rows = Capstone.objects.select_for_update() if lock else Capstone.objects.all()
    capstone = (
        rows.filter(learner=learner, track_id=enrollment.track_id).first()
        if enrollment is not None
        else None
    )
    if capstone is None or not capstone.is_started:
        raise CapstoneError("Start your capstone before uploading it.")
    if capstone.status == Capstone.Status.IN_REVIEW:
        raise CapstoneError(
            "Your latest version is waiting for review; you can upload again after it."
        )
    if capstone.status == Capstone.Status.APPROVED:
        raise CapstoneError("Your capstone is approved; there is nothing more to upload.")
    return capstone


def capstone_upload(*, learner: User, upload: UploadedFile) -> CapstoneVersion:
    """A new version of the learner's capstone: the archive is checked (size, type, paths,
    links, bombs) and its files stored, a review round opens, the mentor is told and the
    automated checks are queued on commit. Only one version waits for review at a time.
    The cheap checks come first: nobody's archive is read unless an upload is possible."""
    _uploadable_capstone(learner, lock=False)
    max_bytes = settings.CAPSTONE_MAX_UPLOAD_MB * 1024 * 1024
    name = posixpath.basename((upload.name or "").replace("\\", "/"))[:200]
    if upload.size is None or upload.size > max_bytes:
        raise ArchiveError(
            f"The archive is too large ({(upload.size or 0) // 1024} KB); the limit is "
            f"{settings.CAPSTONE_MAX_UPLOAD_MB} MB. Leave out data sets, virtual "
            "environments and build output."
        )
    if not is_archive_name(name):
        raise ArchiveError("Upload a .zip, .tar.gz or .tar archive of your project.")
    raw = upload.read(max_bytes + 1)
    if len(raw) > max_bytes:
        raise ArchiveError(f"The archive is larger than {settings.CAPSTONE_MAX_UPLOAD_MB} MB.")
    # Read outside the transaction: it is CPU work on the learner's bytes only.
    entries = read_archive(name=name, raw=raw, limits=_archive_limits())
    with transaction.atomic():
        capstone = _uploadable_capstone(learner, lock=True)  # again, under the row lock
        number = (capstone.versions.aggregate(n=Max("number"))["n"] or 0) + 1
        version = CapstoneVersion(
            capstone=capstone,
            number=number,
            archive_name=name,
            archive_size=len(raw),
            file_count=len(entries),
        )
        suffix = (
            ".tar.gz" if name.lower().endswith((".tar.gz", ".tgz")) else posixpath.splitext(name)[1]
        )
        version.archive.save(
            f"capstone-{capstone.pk}-v{number}{suffix}", ContentFile(raw), save=False
        )
        version.save()
        rows = []
        for entry in entries:
            text = entry.text()
            rows.append(
                CapstoneFile(
                    version=version,
                    path=entry.path[:400],
                    size=entry.size,
                    is_text=text is not None,
                    content=text or "",
                )
            )
        CapstoneFile.objects.bulk_create(rows)
        check_run = CheckRun.objects.create(version=version)
        review_round = ReviewRound.objects.create(capstone=capstone, version=version, number=number)
        Capstone.objects.filter(pk=capstone.pk).update(status=Capstone.Status.IN_REVIEW)
        assignment = selectors.active_assignment(learner=learner)
        if assignment is not None:
            notify.review_requested(review_round=review_round, mentor_user=assignment.mentor.user)

        from mentors.tasks import run_capstone_checks

        publish_on_commit(run_capstone_checks, check_run.pk)
    logger.info("capstone %s version %s uploaded (%s files)", capstone.pk, number, len(entries))
    return version


# --------------------------------------------------------------------------- checks


def check_run_claim(*, check_run_id: int) -> CheckRun | None:
    """Claim a queued run (or one whose worker died past the lease). None: nothing to do,
    because it is finished or another worker holds it."""
    now = timezone.now()
    stale = now - datetime.timedelta(seconds=settings.CAPSTONE_CHECK_LEASE_SECONDS)
    claimed = (
        CheckRun.objects.filter(pk=check_run_id)
        .filter(
            Q(status=CheckRun.Status.QUEUED)
            | Q(status=CheckRun.Status.RUNNING, claimed_at__lt=stale)
        )
        .update(status=CheckRun.Status.RUNNING, claimed_at=now)
    )
    if not claimed:
        return None
    return CheckRun.objects.get(pk=check_run_id)


def check_runs_requeue_stale(*, now: datetime.datetime | None = None) -> int:
    """Publish again the check runs still queued a minute after upload (the message was
    lost: broker down or restarted) or running past their lease (the worker died). The
    claim makes a duplicate harmless; runs older than a day are left for staff."""
    now = now or timezone.now()
    lease = now - datetime.timedelta(seconds=settings.CAPSTONE_CHECK_LEASE_SECONDS)
    waiting = now - datetime.timedelta(seconds=60)
    ids = list(
        CheckRun.objects.filter(created_at__gte=now - datetime.timedelta(days=1))
        .filter(
            Q(status=CheckRun.Status.QUEUED, created_at__lt=waiting)
            | Q(status=CheckRun.Status.RUNNING, claimed_at__lt=lease)
        )
        .values_list("pk", flat=True)[:500]
    )
    from mentors.tasks import run_capstone_checks

    for check_run_id in ids:
        publish_on_commit(run_capstone_checks, check_run_id)
    if ids:
        logger.warning("re-published %s stale capstone check runs", len(ids))
    return len(ids)


def check_run_record(*, check_run_id: int, report: CapstoneCheckReport) -> bool:
    """Store the results of a claimed run; False if it was not running any more."""
    tests = report.tests
    coverage = (
        Decimal(str(round(report.coverage_percent, 1)))
        if report.coverage_percent is not None
        else None
    )
    stored = asdict(report)
    stored["readme_ok"] = report.readme_ok
    updated = CheckRun.objects.filter(pk=check_run_id, status=CheckRun.Status.RUNNING).update(
        status=CheckRun.Status.DONE,
        finished_at=timezone.now(),
        tests_outcome=str(tests.get("outcome", ""))[:20],
        tests_passed=int(tests.get("passed", 0)),
        tests_total=int(tests.get("total", 0)),
        coverage_percent=coverage,
        ruff_count=len(report.ruff),
        mypy_count=len(report.mypy),
        readme_ok=report.readme_ok,
        report=stored,
    )
    return updated == 1


def check_run_record_failure(*, check_run_id: int, error: str) -> bool:
    updated = CheckRun.objects.filter(pk=check_run_id, status=CheckRun.Status.RUNNING).update(
        status=CheckRun.Status.FAILED, finished_at=timezone.now(), error=error[:500]
    )
    return updated == 1


# --------------------------------------------------------------------------- review


def _require_reviewer(*, user: User, review_round: ReviewRound) -> None:
    if not selectors.can_review(user=user, learner_id=review_round.capstone.learner_id):
        raise PermissionDeniedError("Only the learner's assigned mentor or staff can review.")


def _require_open(review_round: ReviewRound) -> None:
    if not review_round.is_open:
        raise ReviewError("This round has been decided; it stays readable but is closed.")


@transaction.atomic
def round_comment_add(
    *, review_round: ReviewRound, author: User, file_id: int, line: int, body: str
) -> LineComment:
    """A reviewer's comment on one line of one file of the round's version."""
    _require_reviewer(user=author, review_round=review_round)
    _require_open(review_round)
    body = body.strip()
    if not body:
        raise ReviewError("Write a comment.")
    capstone_file = CapstoneFile.objects.filter(
        pk=file_id, version_id=review_round.version_id
    ).first()
    if capstone_file is None:
        raise ReviewError("That file is not part of this version.")
    if not capstone_file.is_text:
        raise ReviewError("Binary files cannot be commented on by line.")
    if not 1 <= line <= max(capstone_file.line_count, 1):
        raise ReviewError(f"{capstone_file.path} has no line {line}.")
    return LineComment.objects.create(
        review_round=review_round, file=capstone_file, line=line, author=author, body=body
    )


@transaction.atomic
def round_message_add(*, review_round: ReviewRound, author: User, body: str) -> RoundMessage:
    """A message in the round's conversation, from the learner or their reviewer."""
    if author.pk != review_round.capstone.learner_id:
        _require_reviewer(user=author, review_round=review_round)
    body = body.strip()
    if not body:
        raise ReviewError("Write a message.")
    return RoundMessage.objects.create(review_round=review_round, author=author, body=body)


def _certificate_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def _issue_certificate(*, capstone: Capstone, mentor_name: str) -> Certificate:
    existing = Certificate.objects.filter(capstone=capstone).first()
    if existing is not None:
        return existing
    for _ in range(5):
        try:
            with transaction.atomic():
                return Certificate.objects.create(
                    capstone=capstone,
                    learner=capstone.learner,
                    code=_certificate_code(),
                    learner_name=capstone.learner.name,
                    track_title=capstone.track.title,
                    capstone_title=capstone.track.capstone_title,
                    mentor_name=mentor_name,
                )
        except IntegrityError:  # a code collision: astronomically rare, try another
            continue
    raise ReviewError("Could not issue a certificate code; try again.")


@transaction.atomic
def round_decide(
    *,
    review_round: ReviewRound,
    reviewer: User,
    decision: str,
    summary: str,
    scores: Mapping[str, int],
) -> ReviewRound:
    """Close the round with a decision. `changes_requested` lets the learner upload the
    next version; `approved` completes the capstone, issues the certificate and frees the
    mentor's place. Approval needs every rubric criterion scored. Deciding twice fails."""
    _require_reviewer(user=reviewer, review_round=review_round)
    if decision not in (ReviewRound.Status.CHANGES_REQUESTED, ReviewRound.Status.APPROVED):
        raise ReviewError("Choose whether to request changes or approve.")
    summary = summary.strip()
    if not summary:
        raise ReviewError("Write a summary for the learner.")
    capstone = review_round.capstone
    rubric = {str(item["slug"]): item for item in capstone.track.rubric}
    unknown = set(scores) - set(rubric)
    if unknown:
        raise ReviewError(f"Unknown rubric criteria: {', '.join(sorted(unknown))}.")
    rows = []
    for slug, criterion in rubric.items():
        if slug not in scores:
            continue
        maximum = int(criterion.get("max_score", 0))
        score = scores[slug]
        if not 0 <= score <= maximum:
            raise ReviewError(f"{criterion.get('title', slug)}: score between 0 and {maximum}.")
        rows.append(
            RubricScore(
                review_round=review_round,
                criterion=slug,
                title=str(criterion.get("title", slug))[:200],
                score=score,
                max_score=maximum,
            )
        )
    if decision == ReviewRound.Status.APPROVED and len(rows) < len(rubric):
        raise ReviewError("Score every rubric criterion before approving.")
    now = timezone.now()
    decided = ReviewRound.objects.filter(
        pk=review_round.pk, status=ReviewRound.Status.WAITING
    ).update(status=decision, reviewer=reviewer, summary=summary, decided_at=now)
    if not decided:
        raise ReviewError("This round has already been decided.")
    RubricScore.objects.bulk_create(rows)
    if decision == ReviewRound.Status.APPROVED:
        Capstone.objects.filter(pk=capstone.pk).update(
            status=Capstone.Status.APPROVED, completed_at=now
        )
        _issue_certificate(capstone=capstone, mentor_name=reviewer.name)
        assignment_end(learner=capstone.learner, reason="capstone approved")
        transaction.on_commit(assign_waiting_learners)
    else:
        Capstone.objects.filter(pk=capstone.pk).update(status=Capstone.Status.CHANGES_REQUESTED)
    review_round.refresh_from_db()
    notify.review_ready(review_round=review_round)
    logger.info("capstone %s round %s: %s", capstone.pk, review_round.number, decision)
    return review_round


# --------------------------------------------------------------------------- portfolio


def portfolio_update(*, user: User, is_public: bool, headline: str = "") -> PortfolioSettings:
    portfolio_settings, _ = PortfolioSettings.objects.update_or_create(
        user=user, defaults={"is_public": is_public, "headline": headline.strip()[:160]}
    )
    return portfolio_settings
