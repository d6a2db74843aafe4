"""What every message and line comment goes through, in review rounds and feedback requests:
the other side is told of each round message, and nobody can post faster than a person."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from accounts.models import User
from mentors import services
from mentors.errors import PostingTooFast
from mentors.models import FeedbackRequest, ReviewRound
from mentors.tests.factories import ask_for_feedback, client_for
from notifications.models import Kind, Notification

pytestmark = pytest.mark.django_db


def review_messages(recipient: User) -> list[Notification]:
    return list(Notification.objects.filter(recipient=recipient, kind=Kind.REVIEW_MESSAGE))


def test_a_learners_message_in_a_round_tells_their_mentor_once(
    review_round: ReviewRound, learner: User, mentor: User
) -> None:
    message = services.round_message_add(review_round=review_round, author=learner, body="Ready?")
    [notice] = review_messages(mentor)
    assert notice.dedupe_key == f"round-message:{message.pk}"
    assert notice.url == reverse("mentors:round", args=[review_round.pk])
    assert "Ready?" in notice.body and review_messages(learner) == []
    services.round_message_add(review_round=review_round, author=learner, body="Hello again")
    assert len(review_messages(mentor)) == 2  # every message, each once


def test_the_mentors_message_in_a_round_tells_the_learner(
    review_round: ReviewRound, learner: User, mentor: User
) -> None:
    services.round_message_add(review_round=review_round, author=mentor, body="Looking now.")
    [notice] = review_messages(learner)
    assert notice.title.startswith(mentor.name) and review_messages(mentor) == []


def test_a_learner_without_a_mentor_notifies_nobody_and_is_not_refused(
    review_round: ReviewRound, learner: User, mentor: User
) -> None:
    services.assignment_end(learner=learner, reason="mentor on leave")
    services.round_message_add(review_round=review_round, author=learner, body="Anyone there?")
    assert Notification.objects.filter(kind=Kind.REVIEW_MESSAGE).count() == 0


@pytest.fixture
def two_posts(settings: Any) -> None:
    settings.THREAD_POSTS_PER_10_MINUTES = 2


def test_posts_beyond_the_rate_are_refused_across_rounds_and_requests(
    two_posts: None, review_round: ReviewRound, learner: User, mentor: User
) -> None:
    services.round_message_add(review_round=review_round, author=mentor, body="one")
    [text_file] = [f for f in review_round.version.files.all() if f.is_text][:1]
    services.round_comment_add(
        review_round=review_round, author=mentor, file_id=text_file.pk, line=1, body="two"
    )
    with pytest.raises(PostingTooFast) as refused:
        services.round_message_add(review_round=review_round, author=mentor, body="three")
    assert refused.value.status == 429 and "2 messages and comments" in refused.value.message
    # The learner has their own allowance; posting in a feedback request counts too.
    feedback = ask_for_feedback(learner)  # its question is a post
    services.round_message_add(review_round=review_round, author=learner, body="b")
    with pytest.raises(PostingTooFast):
        services.feedback_message_add(feedback_request=feedback, author=learner, body="c")


def test_a_refused_post_keeps_what_was_typed_on_the_page_and_is_a_429_in_the_api(
    two_posts: None, mentee: User
) -> None:
    learner = mentee
    feedback: FeedbackRequest = ask_for_feedback(learner)  # the question is post one
    services.feedback_message_add(feedback_request=feedback, author=learner, body="two")
    page = client_for(learner).post(
        reverse("mentors:feedback_message", args=[feedback.pk]), {"body": "my long reply"}
    )
    assert page.status_code == 400
    assert (
        "my long reply" in page.content.decode() and "Wait a few minutes" in page.content.decode()
    )
    api = client_for(learner).post(
        f"/api/v1/feedback/{feedback.pk}/messages/", {"body": "x"}, content_type="application/json"
    )
    assert api.status_code == 429 and api.json()["code"] == "posting_too_fast"
