"""The round's automated checks arrive by themselves (a polled fragment), and the capstone and
certificate pages say what actually happened."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import User
from courses.models import Track
from mentors.models import ReviewRound
from mentors.tasks import run_capstone_checks
from mentors.tests.factories import client_for, decide, make_mentor

pytestmark = pytest.mark.django_db


def checks_url(review_round: ReviewRound) -> str:
    return reverse("mentors:round_checks", args=[review_round.pk])


def test_queued_checks_say_the_page_updates_itself_and_are_not_final(
    review_round: ReviewRound, mentor: User
) -> None:
    client = client_for(mentor)
    page = client.get(reverse("mentors:round", args=[review_round.pk])).content.decode()
    assert f'data-poll="{checks_url(review_round)}"' in page
    assert "reload" not in page.lower()
    fragment = client.get(checks_url(review_round))
    assert fragment["X-Poll-Final"] == "0"
    assert "updates by itself" in fragment.content.decode()
    assert "<html" not in fragment.content.decode()


def test_finished_checks_are_final_and_the_page_stops_polling(
    review_round: ReviewRound, mentor: User, learner_client: Client
) -> None:
    run_capstone_checks.apply(args=[review_round.version.check_run.pk])
    fragment = client_for(mentor).get(checks_url(review_round))
    assert fragment["X-Poll-Final"] == "1"
    assert "Coverage" in fragment.content.decode()
    page = learner_client.get(reverse("mentors:round", args=[review_round.pk])).content.decode()
    assert "data-poll" not in page


@pytest.mark.parametrize("who", ["outsider", "other mentor"])
def test_the_checks_fragment_is_a_404_for_people_outside_the_review(
    review_round: ReviewRound, outsider: User, backend_track: Track, who: str
) -> None:
    user = outsider if who == "outsider" else make_mentor("other@example.com", backend_track)
    assert client_for(user).get(checks_url(review_round)).status_code == 404


def test_after_approval_the_capstone_page_names_the_reviewer_not_a_waiting_list(
    review_round: ReviewRound, mentor: User, learner_client: Client
) -> None:
    decide(review_round, mentor)
    page = learner_client.get(reverse("mentors:capstone")).content.decode()
    assert "waiting list" not in page
    assert "Reviewed and approved by" in page


def test_a_certificate_speaks_of_the_capstone_not_the_whole_programme(
    review_round: ReviewRound, mentor: User, learner: User, learner_client: Client
) -> None:
    decide(review_round, mentor)  # unlocked by staff with nothing else done
    certificate = learner.certificates.get()
    for name in ("mentors:certificate", "mentors:certificate_print"):
        page = learner_client.get(reverse(name, args=[certificate.code])).content.decode()
        assert "completed the capstone project" in page
        assert "completed the Apprentice programme" not in page
