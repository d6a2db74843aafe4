"""Writes of the accounts app."""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from allauth.account.models import EmailAddress
from django.db import transaction

from accounts.models import User
from accounts.selectors import user_local_date

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class DemoAccount:
    role: str
    email: str
    password: str


DEMO_ACCOUNTS = (
    DemoAccount("learner", "learner@apprentice.local", "learn-python-daily"),
    DemoAccount("mentor", "mentor@apprentice.local", "review-with-care"),
    DemoAccount("staff", "staff@apprentice.local", "run-the-school"),
)


@transaction.atomic
def user_create(
    *, email: str, password: str, display_name: str = "", verified: bool = False, **extra: object
) -> User:
    """Create a user with a primary email address (verified when we vouch for it)."""
    user = User.objects.create_user(
        email=email, password=password, display_name=display_name, **extra
    )
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=verified)
    return user


@transaction.atomic
def demo_users_ensure() -> list[DemoAccount]:
    """Create the demo learner, mentor and staff user if missing (idempotent): the learner is
    enrolled in the first track, the mentor covers every track."""
    from courses import selectors as course_selectors
    from courses import services as course_services
    from mentors import services as mentor_services
    from mentors.models import MentorProfile

    tracks = list(course_selectors.track_list())
    for account in DEMO_ACCOUNTS:
        user = User.objects.filter(email=account.email).first()
        if user is None:
            user = user_create(
                email=account.email,
                password=account.password,
                display_name=f"Demo {account.role}",
                verified=True,
                is_staff=account.role == "staff",
                is_superuser=account.role == "staff",
                time_zone="Europe/London",
            )
        if (
            account.role == "learner"
            and tracks
            and not course_selectors.enrollment_active(learner=user)
        ):
            course_services.enrollment_create(learner=user, track=tracks[0])
        if account.role == "mentor":
            profile, _ = MentorProfile.objects.get_or_create(
                user=user, defaults={"bio": "Backend engineer who enjoys reading careful code."}
            )
            profile.tracks.set(tracks)
    # The learner enrolled before the mentor existed: give them their mentor now.
    mentor_services.waiting_learners_assign()
    return list(DEMO_ACCOUNTS)


@transaction.atomic
def practice_settings_update(
    *,
    user: User,
    display_name: str | None = None,
    time_zone: str | None = None,
    practice_hour: int | None = None,
    practice_days: list[int] | None = None,
    daily_goal_minutes: int | None = None,
) -> User:
    """Save profile and practice preferences (validated by the model's validators); a field
    left as None keeps its stored value. The row is locked and read again first, and only
    the fields given are written, so a partial update (the API's PATCH) never writes back
    a value another request changed."""
    locked = User.objects.select_for_update().get(pk=user.pk)
    given: dict[str, object] = {
        "display_name": display_name,
        "time_zone": time_zone,
        "practice_hour": practice_hour,
        "practice_days": None
        if practice_days is None
        else sum(1 << day for day in set(practice_days)),
        "daily_goal_minutes": daily_goal_minutes,
    }
    changed = [name for name, value in given.items() if value is not None]
    for name in changed:
        setattr(locked, name, given[name])
    locked.full_clean(exclude=["password"])
    locked.save(update_fields=changed)
    return locked


def profile_set_at_signup(*, user: User, display_name: str, time_zone: str) -> User:
    """The name and time zone given at sign-up (validated by the model's validators)."""
    user.display_name = display_name
    user.time_zone = time_zone
    user.full_clean(exclude=["password"])
    user.save(update_fields=["display_name", "time_zone"])
    return user


# --------------------------------------------------------------------------- demo learners

DEMO_LEARNERS_MID_PROGRAMME = (
    DemoAccount("learner, Phase 2", "phase2@apprentice.local", "keep-practising"),
    DemoAccount("learner, Phase 3", "phase3@apprentice.local", "ship-the-capstone"),
)

# What the Phase 3 learner uploads: a small but real project, so the checks have work to do.
DEMO_CAPSTONE_FILES = {
    "README.md": (
        "# Bookmarks API\n\nA small JSON API to save and tag bookmarks, built for the Apprentice "
        "capstone.\n\nRun the tests with `pytest`. The service keeps bookmarks in memory; a "
        "later version stores them in SQLite. Each bookmark has a URL, a title and tags, and "
        "the API lists them newest first, filtered by tag.\n"
    ),
    "bookmarks.py": (
        '"""Bookmarks kept in memory, newest first."""\n\nfrom dataclasses import dataclass, '
        "field\n\n\n@dataclass\nclass Bookmark:\n    url: str\n    title: str\n    tags: "
        "list[str] = field(default_factory=list)\n\n\nclass Store:\n    def __init__(self) -> "
        "None:\n        self._items: list[Bookmark] = []\n\n    def add(self, bookmark: "
        "Bookmark) -> None:\n        self._items.insert(0, bookmark)\n\n    def tagged(self, "
        "tag: str) -> list[Bookmark]:\n        return [b for b in self._items if tag in "
        "b.tags]\n"
    ),
    "tests/test_bookmarks.py": (
        "from bookmarks import Bookmark, Store\n\n\ndef test_newest_first_and_by_tag() -> "
        "None:\n    store = Store()\n    store.add(Bookmark('https://a.example', 'A', "
        "['py']))\n    store.add(Bookmark('https://b.example', 'B', ['web']))\n    assert "
        "[b.title for b in store.tagged('py')] == ['A']\n"
    ),
}


def _demo_grade(submission_id: int) -> None:
    """Grade in this process with the real grader, as a worker would."""
    from submissions.tasks import execute_submission

    execute_submission.apply(args=[submission_id])


def _demo_submit(*, learner: User, exercise: Any, role: str, grade: Callable[[int], None]) -> None:
    from courses.models import ExerciseFile
    from submissions import services as submission_services

    files = [
        submission_services.IncomingFile(path=f.path, content=f.content)
        for f in ExerciseFile.objects.filter(exercise=exercise, role=role).order_by("path")
    ]
    if not files:
        return
    # The demo's own history arrives all at once: the rate limits are for people.
    submission = submission_services.submission_create(
        learner=learner, exercise=exercise, files=files, rate_limited=False
    )
    grade(submission.pk)


def _demo_work(
    *,
    learner: User,
    phases: Sequence[int],
    grade: Callable[[int], None],
    also: int = 0,
) -> None:
    """Everything of `phases` done (lessons read, reference solutions passed), then `also`
    lessons of the next phase and a failed first attempt at its first exercise."""
    from courses import selectors as course_selectors
    from courses import services as course_services
    from courses.models import ExerciseFile

    steps = course_selectors.lesson_list(learner=learner)
    exercises = list(course_selectors.exercise_list(learner=learner))
    for lesson in steps:
        if lesson.module.phase.number in phases:
            course_services.lesson_complete(learner=learner, lesson=lesson)
    for exercise in exercises:
        if exercise.module.phase.number in phases:
            _demo_submit(
                learner=learner, exercise=exercise, role=ExerciseFile.Role.SOLUTION, grade=grade
            )
    later = max(phases) + 1
    for lesson in [item for item in steps if item.module.phase.number == later][:also]:
        course_services.lesson_complete(learner=learner, lesson=lesson)
    upcoming = [item for item in exercises if item.module.phase.number == later]
    if also and upcoming:
        _demo_submit(
            learner=learner, exercise=upcoming[0], role=ExerciseFile.Role.STARTER, grade=grade
        )


def _demo_streak(*, learner: User, days: int) -> None:
    """Practice on each of the last `days` days (today's comes from the work itself)."""
    from django.utils import timezone

    from notifications.services import activity_record

    now = timezone.now()
    for back in range(1, days):
        activity_record(
            learner=learner, at=now - datetime.timedelta(days=back), lessons=1, minutes=50
        )


def _demo_capstone(*, learner: User, staff: User) -> None:
    """Unlocked by staff (the demo learner has not finished Phase 3 content), started, and a
    first version uploaded: a round waiting for the mentor's review."""
    import io
    import zipfile

    from django.core.files.uploadedfile import SimpleUploadedFile

    from courses import selectors as course_selectors
    from mentors import services as mentor_services

    enrollment = course_selectors.enrollment_active(learner=learner)
    if enrollment is None:
        return
    mentor_services.capstone_unlock(learner=learner, track=enrollment.track, by=staff)
    mentor_services.capstone_start(learner=learner)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path, content in DEMO_CAPSTONE_FILES.items():
            archive.writestr(f"bookmarks/{path}", content)
    mentor_services.capstone_upload(
        learner=learner,
        upload=SimpleUploadedFile(
            "bookmarks.zip", buffer.getvalue(), content_type="application/zip"
        ),
    )


def demo_learners_ensure(
    *, grade: Callable[[int], None] | None = None, today: datetime.date | None = None
) -> list[DemoAccount]:
    """Two demo learners mid-programme, so every role has something real to look at: one on
    day 45 (Phase 2) with Phase 1 done, submissions and a six-day streak; one on day 81
    (Phase 3) with Phases 1–2 done and a capstone waiting for the demo mentor's review.
    Made through the services (grading with the real grader); idempotent — a learner who
    exists is left as they are."""
    from courses import selectors as course_selectors
    from courses import services as course_services

    grade = grade or _demo_grade
    tracks = list(course_selectors.track_list())
    staff = User.objects.filter(email=DEMO_ACCOUNTS[2].email).first()
    if not tracks or staff is None:
        return []
    plans = (
        (DEMO_LEARNERS_MID_PROGRAMME[0], "Priya (demo, Phase 2)", 44, (1,), 2),
        (DEMO_LEARNERS_MID_PROGRAMME[1], "Tomás (demo, Phase 3)", 80, (1, 2), 0),
    )
    for account, name, days_ago, phases, also in plans:
        if User.objects.filter(email=account.email).exists():
            continue
        learner = user_create(
            email=account.email,
            password=account.password,
            display_name=name,
            verified=True,
            time_zone="Europe/London",
        )
        started = (today or user_local_date(user=learner)) - datetime.timedelta(days=days_ago)
        course_services.enrollment_create(learner=learner, track=tracks[0], started_on=started)
        _demo_work(learner=learner, phases=phases, grade=grade, also=also)
        _demo_streak(learner=learner, days=6 if also else 3)
        if not also:
            _demo_capstone(learner=learner, staff=staff)
    return list(DEMO_LEARNERS_MID_PROGRAMME)
