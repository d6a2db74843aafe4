"""Similar code for mentors and staff: a mentor's earlier feedback on the same program, and
copydetect's similarity signals on capstones and exercise solutions (the round page, the
feedback page, the staff learner page), never shown to learners."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import User
from courses import services as course_services
from courses.models import Track
from mentors import selectors, services
from mentors.models import CapstoneVersion, FeedbackRequest, MentorProfile, ReviewRound
from mentors.tasks import warm_capstone_similarity
from mentors.tests import factories
from mentors.tests.test_similarity import INVENTORY, INVENTORY_RENAMED, UNRELATED
from submissions.models import Submission
from submissions.services import IncomingFile
from submissions.tests.factories import GradedSubmissionFactory

pytestmark = pytest.mark.django_db

SOLUTION = "def to_celsius(fahrenheit):\n    return fahrenheit - 32\nprint(to_celsius(212))\n"
SAME_PROGRAM = (
    "# my try\ndef to_celsius(f):\n    return f-32\n\n\nprint(to_celsius(212))  # boiling\n"
)
OTHER_PROGRAM = "def to_celsius(fahrenheit):\n    return (fahrenheit - 32) * 5 / 9\n"
SIMILAR_FEEDBACK = "Your earlier feedback on similar solutions"
SIMILAR_SOLUTIONS = "Similar solutions of other learners"
SIMILAR_CAPSTONES = "Similar capstones of other learners"


@pytest.fixture(autouse=True)
def _empty_cache() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


def mentee_of(mentor: User, email: str, track: Track) -> User:
    """A new learner of the track, mentored by `mentor`."""
    learner = factories.make_learner(email)
    course_services.enrollment_create(learner=learner, track=track)
    profile = MentorProfile.objects.get(user=mentor)
    assignment = selectors.assignment_get_active(learner=learner)
    if assignment is None or assignment.mentor != profile:
        services.assignment_set(learner=learner, mentor=profile, by=mentor, reason="test")
    return learner


def submitted(learner: User, source: str, **extra: Any) -> Submission:
    files = [IncomingFile("temperature.py", source)]
    return GradedSubmissionFactory.create(learner=learner, files=files, **extra)


def asked(learner: User, source: str) -> FeedbackRequest:
    return factories.ask_for_feedback(learner, submitted(learner, source))


def commented(feedback: FeedbackRequest, mentor: User, body: str, *, line: int = 2) -> None:
    file_id = feedback.submission.files.get().pk
    services.feedback_comment_add(
        feedback_request=feedback, author=mentor, file_id=file_id, line=line, body=body
    )


def page(client: Client, feedback: FeedbackRequest) -> str:
    response = client.get(reverse("mentors:feedback", args=[feedback.pk]))
    assert response.status_code == 200
    return response.content.decode()


# --------------------------------------------------------------------------- earlier feedback


def test_the_mentor_sees_their_feedback_on_the_same_program_from_another_mentee(
    mentee: User, mentor: User, backend_track: Track
) -> None:
    earlier = asked(mentee, SOLUTION)
    commented(earlier, mentor, "Subtracting 32 is only half of it.")
    services.feedback_message_add(feedback_request=earlier, author=mentor, body="Look at 5/9.")
    other = mentee_of(mentor, "bob@example.com", backend_track)
    now = asked(other, SAME_PROGRAM)
    [similar] = selectors.similar_feedback_list(user=mentor, feedback_request=now)
    assert similar.feedback_request == earlier and similar.can_open
    assert [(c.line, c.body) for c in similar.comments] == [
        (2, "Subtracting 32 is only half of it.")
    ]
    assert [m.body for m in similar.messages] == ["Look at 5/9."]  # not the learner's question
    html = page(factories.client_for(mentor), now)
    assert SIMILAR_FEEDBACK in html
    assert "Subtracting 32 is only half of it." in html
    assert reverse("mentors:feedback", args=[earlier.pk]) in html


def test_a_different_program_is_not_grouped_with_it(
    mentee: User, mentor: User, backend_track: Track
) -> None:
    commented(asked(mentee, SOLUTION), mentor, "Half of it.")
    now = asked(mentee_of(mentor, "bob@example.com", backend_track), OTHER_PROGRAM)
    assert selectors.similar_feedback_list(user=mentor, feedback_request=now) == []
    assert "You have not commented on the same program before." in page(
        factories.client_for(mentor), now
    )


def test_the_learner_never_sees_the_mentors_earlier_feedback_or_similarity(
    mentee: User, mentor: User, backend_track: Track
) -> None:
    commented(asked(mentee, SOLUTION), mentor, "Subtracting 32 is only half of it.")
    other = mentee_of(mentor, "bob@example.com", backend_track)
    now = asked(other, SAME_PROGRAM)
    assert selectors.feedback_insights_get(user=other, feedback_request=now) is None
    html = page(factories.client_for(other), now)
    assert SIMILAR_FEEDBACK not in html and SIMILAR_SOLUTIONS not in html
    assert "Subtracting 32" not in html and 'id="similarity"' not in html


def test_another_mentor_does_not_see_my_earlier_feedback(
    mentee: User, mentor: User, backend_track: Track, staff: User
) -> None:
    commented(asked(mentee, SOLUTION), mentor, "Subtracting 32 is only half of it.")
    alan = factories.make_mentor("alan@example.com", backend_track)
    theirs = mentee_of(alan, "carol@example.com", backend_track)
    now = asked(theirs, SAME_PROGRAM)
    assert selectors.similar_feedback_list(user=alan, feedback_request=now) == []
    assert selectors.similar_feedback_list(user=mentor, feedback_request=now) == []  # not mine
    assert "Subtracting 32" not in page(factories.client_for(alan), now)


def test_feedback_for_a_former_mentee_is_shown_but_not_linked(
    mentee: User, mentor: User, backend_track: Track, staff: User
) -> None:
    earlier = asked(mentee, SOLUTION)
    commented(earlier, mentor, "Half of it.")
    alan = factories.make_mentor("alan@example.com", backend_track)
    services.assignment_set(
        learner=mentee, mentor=MentorProfile.objects.get(user=alan), by=staff, reason="load"
    )
    now = asked(mentee_of(mentor, "bob@example.com", backend_track), SAME_PROGRAM)
    [similar] = selectors.similar_feedback_list(user=mentor, feedback_request=now)
    assert not similar.can_open
    html = page(factories.client_for(mentor), now)
    assert "Half of it." in html and "no longer your mentee" in html
    assert reverse("mentors:feedback", args=[earlier.pk]) not in html


@pytest.mark.parametrize("earlier_count", [1, 6])
def test_earlier_feedback_costs_the_same_queries_however_many_requests_match(
    earlier_count: int,
    mentee: User,
    mentor: User,
    backend_track: Track,
    django_assert_max_num_queries: Any,
) -> None:
    now = asked(mentee_of(mentor, "bob@example.com", backend_track), SAME_PROGRAM)
    client = factories.client_for(mentor)
    with CaptureQueriesContext(connection) as alone:
        page(client, now)
    for _ in range(earlier_count):
        feedback = asked(mentee, SOLUTION)
        commented(feedback, mentor, "Half of it.")
        services.feedback_message_add(feedback_request=feedback, author=mentor, body="5/9?")
        services.feedback_request_resolve(feedback_request=feedback, by=mentor)
    cache.clear()
    with django_assert_max_num_queries(5):  # candidates, files, matches, comments, messages
        found = selectors.similar_feedback_list(user=mentor, feedback_request=now)
    assert len(found) == earlier_count
    with django_assert_max_num_queries(4):  # the digests are cached now
        selectors.similar_feedback_list(user=mentor, feedback_request=now)
    cache.clear()
    with django_assert_max_num_queries(len(alone) + 4):  # the page adds only this selector's
        assert SIMILAR_FEEDBACK in page(client, now)


# --------------------------------------------------------------------------- exercise solutions


def test_the_mentor_sees_other_learners_passing_solutions_that_share_its_code(
    mentee: User, mentor: User, backend_track: Track, outsider: User, settings: Any
) -> None:
    settings.SIMILARITY_DISPLAY_THRESHOLD = 0.5
    copied = INVENTORY_RENAMED.replace("class Stock", "class Converter")
    submitted(outsider, copied, status=Submission.Status.PASSED)
    submitted(outsider, UNRELATED, status=Submission.Status.FAILED)  # only passing ones count
    now = asked(mentee, INVENTORY)
    [work] = selectors.solution_similarity_list(user=mentor, submission=now.submission) or []
    assert work.learner == outsider and work.percent >= 80 and work.overlap.tokens > 100
    html = page(factories.client_for(mentor), now)
    assert SIMILAR_SOLUTIONS in html and "Mallory" in html
    assert selectors.solution_similarity_list(user=mentee, submission=now.submission) is None


# --------------------------------------------------------------------------- capstones


def project(code: str) -> dict[str, str]:
    return {"README.md": factories.README, "app/__init__.py": "", "app/inventory.py": code}


def capstone_version(learner: User, track: Track, staff: User, code: str) -> CapstoneVersion:
    factories.started_capstone(learner, track, staff=staff)
    return services.capstone_upload(
        learner=learner, upload=factories.upload(factories.zip_bytes(project(code)))
    )


@pytest.fixture
def capstones(
    mentee: User, mentor: User, backend_track: Track, staff: User
) -> dict[str, CapstoneVersion]:
    """The mentee's capstone, a copied-and-renamed one of another learner, and an unrelated
    one of a third (both mentored by somebody else)."""
    alan = factories.make_mentor("alan@example.com", backend_track)
    return {
        "mine": capstone_version(mentee, backend_track, staff, INVENTORY),
        "copied": capstone_version(
            mentee_of(alan, "bob@example.com", backend_track),
            backend_track,
            staff,
            INVENTORY_RENAMED,
        ),
        "unrelated": capstone_version(
            mentee_of(alan, "carol@example.com", backend_track), backend_track, staff, UNRELATED
        ),
    }


def similar_to(user: User, version: CapstoneVersion) -> list[selectors.SimilarWork] | None:
    return selectors.capstone_similarity_list(user=user, capstone=version.capstone, version=version)


def test_a_copied_and_renamed_capstone_scores_higher_than_an_unrelated_one(
    capstones: dict[str, CapstoneVersion], mentor: User, settings: Any
) -> None:
    settings.SIMILARITY_DISPLAY_THRESHOLD = 0.0
    found = similar_to(mentor, capstones["mine"]) or []
    assert [work.learner.email for work in found] == ["bob@example.com", "carol@example.com"]
    copied, unrelated = found
    assert copied.percent > 80 and unrelated.percent < 20
    assert copied.overlap.tokens > unrelated.overlap.tokens


def test_only_pairs_over_the_threshold_are_shown(
    capstones: dict[str, CapstoneVersion], mentor: User
) -> None:
    found = similar_to(mentor, capstones["mine"]) or []
    assert [work.learner.email for work in found] == ["bob@example.com"]


def test_the_round_page_shows_similar_capstones_to_the_mentor_and_staff_only(
    capstones: dict[str, CapstoneVersion], mentor: User, mentee: User, staff: User
) -> None:
    review_round: ReviewRound = capstones["mine"].review_round
    url = reverse("mentors:round", args=[review_round.pk])
    for reader in (mentor, staff):
        html = factories.client_for(reader).get(url).content.decode()
        assert SIMILAR_CAPSTONES in html and "version 1" in html, reader
    learner_html = factories.client_for(mentee).get(url).content.decode()
    assert SIMILAR_CAPSTONES not in learner_html and 'id="similarity"' not in learner_html
    assert similar_to(mentee, capstones["mine"]) is None


def test_another_mentor_gets_no_signals_on_a_learner_who_is_not_theirs(
    capstones: dict[str, CapstoneVersion],
) -> None:
    alan = User.objects.get(email="alan@example.com")
    assert similar_to(alan, capstones["mine"]) is None
    assert similar_to(alan, capstones["copied"]) is not None  # bob is alan's mentee


def test_the_staff_learner_page_lists_similar_capstones(
    capstones: dict[str, CapstoneVersion], mentee: User, staff: User
) -> None:
    response = factories.client_for(staff).get(
        reverse("admin:accounts_user_change", args=[mentee.pk])
    )
    html = response.content.decode()
    assert 'id="learner-similar-capstones"' in html
    bob = User.objects.get(email="bob@example.com")
    assert reverse("admin:accounts_user_change", args=[bob.pk]) in html


@pytest.mark.parametrize("others", [1, 5])
def test_capstone_signals_cost_the_same_queries_however_many_capstones(
    others: int,
    mentee: User,
    mentor: User,
    backend_track: Track,
    staff: User,
    django_assert_max_num_queries: Any,
) -> None:
    mine = capstone_version(mentee, backend_track, staff, INVENTORY)
    alan = factories.make_mentor("alan@example.com", backend_track, capacity=10)
    for number in range(others):
        learner = mentee_of(alan, f"learner{number}@example.com", backend_track)
        capstone_version(learner, backend_track, staff, INVENTORY_RENAMED)
    cache.clear()
    # permission, candidates, and each row's files once
    with django_assert_max_num_queries(3):
        cold = similar_to(mentor, mine)
    with django_assert_max_num_queries(2):  # everything else comes from the cache
        warm = similar_to(mentor, mine)
    assert cold == warm and len(cold or []) == min(others, 5)


def test_the_task_after_an_upload_fills_the_cache_the_round_page_reads(
    capstones: dict[str, CapstoneVersion], mentor: User, django_assert_max_num_queries: Any
) -> None:
    cache.clear()
    assert warm_capstone_similarity.apply(args=[capstones["mine"].pk]).get() == 1
    with django_assert_max_num_queries(2):  # permission and candidates: no file is read
        found = similar_to(mentor, capstones["mine"])
    assert [work.learner.email for work in found or []] == ["bob@example.com"]
    assert warm_capstone_similarity.apply(args=[10**9]).get() == 0  # a version that is gone


def test_the_mentors_page_of_a_mentee_submission_shows_similar_solutions(
    mentee: User, mentor: User, outsider: User, settings: Any
) -> None:
    settings.SIMILARITY_DISPLAY_THRESHOLD = 0.5
    submitted(outsider, INVENTORY_RENAMED, status=Submission.Status.PASSED)
    mine = submitted(mentee, INVENTORY, status=Submission.Status.PASSED)
    url = reverse("mentors:mentee_submission", args=[mentee.pk, mine.pk])
    html = factories.client_for(mentor).get(url).content.decode()
    assert SIMILAR_SOLUTIONS in html and "Mallory" in html
