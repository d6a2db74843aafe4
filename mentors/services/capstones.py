"""A learner's capstone: the staff unlock, the start (deadline) and uploading versions.

State changes are conditional updates (`filter(status=...).update(...)`) under the row lock,
so two requests cannot both start a capstone or both open a review round."""

from __future__ import annotations

import datetime
import logging
import posixpath

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from accounts.models import User
from config.queueing import publish_on_commit
from courses import selectors as course_selectors
from courses.models import Track
from mentors import notify, selectors
from mentors.archive import ArchiveLimits, is_archive_name, read_archive
from mentors.errors import ArchiveError, CapstoneError
from mentors.models import Capstone, CapstoneFile, CapstoneVersion, CheckRun, ReviewRound
from mentors.services import assignment

logger = logging.getLogger("apprentice.mentors")


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
    assignment.assignment_ensure(
        learner=learner
    )  # reaching the capstone is the latest point to get one
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
    if capstone.is_in_review:
        raise CapstoneError(
            "Your latest version is waiting for review; you can upload again after it."
        )
    if capstone.is_approved:
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
        current = selectors.assignment_get_active(learner=learner)
        if current is not None:
            notify.review_requested(review_round=review_round, mentor_user=current.mentor.user)

        from mentors.tasks import run_capstone_checks, warm_capstone_similarity

        publish_on_commit(run_capstone_checks, check_run.pk)
        publish_on_commit(warm_capstone_similarity, version.pk)
    logger.info("capstone %s version %s uploaded (%s files)", capstone.pk, number, len(entries))
    return version
