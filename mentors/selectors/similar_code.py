"""Similar code: earlier feedback on the same program, and similarity signals."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable
from dataclasses import astuple, dataclass

from django.conf import settings
from django.core.cache import cache
from django.db.models import (
    Exists,
    OuterRef,
    Prefetch,
)

from accounts.models import User
from courses.models import ExerciseFile
from mentors import similarity
from mentors.models import (
    Capstone,
    CapstoneFile,
    CapstoneVersion,
    FeedbackComment,
    FeedbackMessage,
    FeedbackRequest,
)
from mentors.selectors.assignment import review_allowed
from submissions.models import Submission, SubmissionFile

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


def capstone_similar_work_warm(*, version_id: int) -> list[SimilarWork]:
    """`capstone_similar_work` of a version by id (for the task that fills the cache after an
    upload); nothing for a version that is gone."""
    version = CapstoneVersion.objects.select_related("capstone").filter(pk=version_id).first()
    if version is None:
        return []
    return capstone_similar_work(capstone=version.capstone, version=version)


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
