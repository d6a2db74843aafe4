"""Attacks and careless use of the mentorship pages: other people's ids, wrong methods,
posts without a CSRF token, hostile input (huge, blank, NUL bytes, HTML), out-of-range line
numbers, files and snippets that are not the writer's, learners trying for a free pass, and
typed work kept when a post is refused."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import User
from mentors import services
from mentors.models import (
    CommentSnippet,
    FeedbackMessage,
    FeedbackRequest,
    LineComment,
    ReviewRound,
    RoundMessage,
)
from mentors.tests.factories import (
    add_snippets,
    ask_for_feedback,
    client_for,
    decide,
    failing_submission,
    feedback_file_id,
    feedback_post_counts,
    reassign,
    round_file_id,
    upload_project,
)
from notifications.delivery import build_email
from notifications.models import Notification

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"
HUGE = "x" * 10_001


def feedback_urls(pk: int) -> dict[str, str]:
    return {
        name: reverse(f"mentors:{name}", args=[pk])
        for name in ("feedback", "feedback_message", "feedback_comment", "feedback_resolve")
    }


# --------------------------------------------------------------------------- other people's ids


@pytest.mark.parametrize("who", ["other_mentee", "outsider", "other_mentor", "staff"])
def test_nobody_but_the_two_sides_reaches_a_feedback_request(
    feedback: FeedbackRequest, who: str, request: pytest.FixtureRequest
) -> None:
    client = client_for(request.getfixturevalue(who))
    before = feedback_post_counts(feedback)
    for name, url in feedback_urls(feedback.pk).items():
        data = {"body": "mine now", "file_id": feedback_file_id(feedback), "line": 1}
        response = client.get(url) if name == "feedback" else client.post(url, data)
        assert response.status_code == 404, (who, name)
    feedback.refresh_from_db()
    assert feedback.is_open and feedback_post_counts(feedback) == before


def test_anonymous_visitors_are_sent_to_sign_in_and_nothing_is_written(
    feedback: FeedbackRequest,
) -> None:
    client = Client()
    for url in feedback_urls(feedback.pk).values():
        response = client.post(
            url, {"body": "hi", "file_id": feedback_file_id(feedback), "line": 1}
        )
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    feedback.refresh_from_db()
    assert feedback.is_open and feedback_post_counts(feedback) == (1, 0)


def test_a_former_mentor_loses_the_request_and_a_missing_or_huge_id_is_a_404(
    feedback: FeedbackRequest, mentor: User, other_mentor: User, mentee: User, staff: User
) -> None:
    reassign(mentee, other_mentor, staff)
    client = client_for(mentor)
    assert client.get(reverse("mentors:feedback", args=[feedback.pk])).status_code == 404
    response = client.post(reverse("mentors:feedback_resolve", args=[feedback.pk]))
    assert response.status_code == 404
    for huge_id in (feedback.pk + 1000, 10**18, 10**30):
        assert client_for(mentee).get(f"/mentors/feedback/{huge_id}/").status_code == 404
    feedback.refresh_from_db()
    assert feedback.is_open


def test_asking_about_another_learners_submission_is_a_404(
    mentee: User, other_mentee: User
) -> None:
    theirs = failing_submission(other_mentee)
    url = reverse("mentors:feedback_ask", args=[theirs.pk])
    assert client_for(mentee).get(url).status_code == 404
    assert client_for(mentee).post(url, {"body": "give me theirs"}).status_code == 404
    assert not FeedbackRequest.objects.exists()


@pytest.mark.parametrize("who", ["outsider", "other_mentor"])
def test_other_learners_and_mentors_get_404_on_a_round_and_its_posts(
    review_round: ReviewRound, who: str, request: pytest.FixtureRequest
) -> None:
    client = client_for(request.getfixturevalue(who))
    pk = review_round.pk
    assert client.get(reverse("mentors:round", args=[pk])).status_code == 404
    assert client.get(reverse("mentors:round_checks", args=[pk])).status_code == 404
    posts = {
        "round_message": {"body": "hi"},
        "round_comment": {"body": "hi", "file_id": round_file_id(review_round), "line": 1},
        "round_decision": {"decision": "approved", "summary": "free pass"},
    }
    for name, data in posts.items():
        assert client.post(reverse(f"mentors:{name}", args=[pk]), data).status_code == 404
    review_round.refresh_from_db()
    assert review_round.is_open
    assert not RoundMessage.objects.exists() and not LineComment.objects.exists()


def test_a_former_mentor_reads_the_round_they_decided_but_cannot_write_or_see_similarity(
    review_round: ReviewRound, mentor: User, other_mentor: User, learner: User, staff: User
) -> None:
    decide(review_round, mentor, ReviewRound.Status.CHANGES_REQUESTED)
    reassign(learner, other_mentor, staff)
    client = client_for(mentor)
    page = client.get(reverse("mentors:round", args=[review_round.pk]))
    assert page.status_code == 200 and 'id="similarity"' not in page.content.decode()
    url = reverse("mentors:round_message", args=[review_round.pk])
    assert client.post(url, {"body": "still here"}).status_code == 403
    assert not RoundMessage.objects.exists()


def test_a_former_mentor_is_not_shown_the_rounds_after_they_left(
    review_round: ReviewRound, mentor: User, other_mentor: User, learner: User, staff: User
) -> None:
    decide(review_round, mentor, ReviewRound.Status.CHANGES_REQUESTED)
    reassign(learner, other_mentor, staff)
    later = upload_project(learner).review_round
    page = client_for(mentor).get(reverse("mentors:round", args=[review_round.pk]))
    html = page.content.decode()
    assert reverse("mentors:round", args=[later.pk]) not in html and "round-nav" not in html
    own = client_for(learner).get(reverse("mentors:round", args=[review_round.pk])).content.decode()
    assert reverse("mentors:round", args=[later.pk]) in own  # the learner sees both


def test_the_learner_cannot_comment_or_decide_their_own_round(
    review_round: ReviewRound, learner: User
) -> None:
    client = client_for(learner)
    comment = {"body": "great code", "file_id": round_file_id(review_round), "line": 1}
    assert (
        client.post(reverse("mentors:round_comment", args=[review_round.pk]), comment).status_code
        == 403
    )
    decision = {"decision": "approved", "summary": "I approve of myself"}
    client.post(reverse("mentors:round_decision", args=[review_round.pk]), decision)
    review_round.refresh_from_db()
    assert review_round.is_open and not LineComment.objects.exists()
    page = client.get(reverse("mentors:round", args=[review_round.pk])).content.decode()
    assert 'id="similarity"' not in page


@pytest.mark.parametrize("name", ["home", "snippets", "feedback_queue", "queue", "profile"])
def test_a_learner_on_a_mentor_only_page_is_a_403(learner: User, name: str) -> None:
    assert client_for(learner).get(reverse(f"mentors:{name}")).status_code == 403


def test_mentee_pages_are_the_mentors_own_mentees_only(
    mentee: User, mentor: User, other_mentor: User, other_mentee: User
) -> None:
    submission = failing_submission(mentee)
    urls = [
        reverse("mentors:mentee", args=[mentee.pk]),
        reverse("mentors:mentee_submission", args=[mentee.pk, submission.pk]),
    ]
    assert [client_for(mentor).get(u).status_code for u in urls] == [200, 200]
    for intruder in (other_mentor, other_mentee, mentee):
        assert [client_for(intruder).get(u).status_code for u in urls] == [404, 404]
    # The right mentee with a submission of another of the mentor's mentees is a 404 too.
    theirs = failing_submission(other_mentee)
    url = reverse("mentors:mentee_submission", args=[mentee.pk, theirs.pk])
    assert client_for(mentor).get(url).status_code == 404


# --------------------------------------------------------------------------- methods and CSRF


def test_get_on_post_only_routes_is_a_405(
    feedback: FeedbackRequest, review_round: ReviewRound, mentor: User
) -> None:
    snippet = services.snippet_create(mentor=mentor, title="t", body="b")
    client = client_for(mentor)
    urls = [
        reverse("mentors:feedback_message", args=[feedback.pk]),
        reverse("mentors:feedback_comment", args=[feedback.pk]),
        reverse("mentors:feedback_resolve", args=[feedback.pk]),
        reverse("mentors:round_message", args=[review_round.pk]),
        reverse("mentors:round_comment", args=[review_round.pk]),
        reverse("mentors:round_decision", args=[review_round.pk]),
        reverse("mentors:snippet_delete", args=[snippet.pk]),
    ]
    assert {client.get(url).status_code for url in urls} == {405}
    assert CommentSnippet.objects.filter(pk=snippet.pk).exists()


def test_posts_without_a_csrf_token_are_refused(
    feedback: FeedbackRequest, mentor: User, mentee: User
) -> None:
    snippet = services.snippet_create(mentor=mentor, title="t", body="b")
    learner_client = Client(enforce_csrf_checks=True)
    learner_client.force_login(mentee)
    mentor_client = Client(enforce_csrf_checks=True)
    mentor_client.force_login(mentor)
    posts = [
        (learner_client, reverse("mentors:feedback_message", args=[feedback.pk])),
        (learner_client, reverse("mentors:feedback_resolve", args=[feedback.pk])),
        (mentor_client, reverse("mentors:snippets")),
        (mentor_client, reverse("mentors:snippet_delete", args=[snippet.pk])),
    ]
    for client, url in posts:
        assert client.post(url, {"body": "forged", "title": "forged"}).status_code == 403
    feedback.refresh_from_db()
    assert feedback.is_open and feedback_post_counts(feedback) == (1, 0)
    assert list(CommentSnippet.objects.values_list("title", flat=True)) == ["t"]


# --------------------------------------------------------------------------- hostile input


@pytest.mark.parametrize(
    ("body", "why"),
    [
        (HUGE, "at most 4000 characters"),
        ("   \n\t  ", "This field is required"),
        ("before\x00after", "Null characters are not allowed"),
    ],
)
def test_hostile_message_bodies_are_a_400_and_nothing_is_stored(
    feedback: FeedbackRequest, mentee: User, body: str, why: str
) -> None:
    response = client_for(mentee).post(
        reverse("mentors:feedback_message", args=[feedback.pk]), {"body": body}
    )
    assert response.status_code == 400 and why in response.content.decode()
    assert feedback_post_counts(feedback) == (1, 0)


def test_a_huge_question_is_refused_and_kept_on_the_ask_page(mentee: User) -> None:
    submission = failing_submission(mentee)
    response = client_for(mentee).post(
        reverse("mentors:feedback_ask", args=[submission.pk]), {"body": "q" * 5000}
    )
    assert response.status_code == 400 and "q" * 5000 in response.content.decode()
    assert not FeedbackRequest.objects.exists()


def test_control_characters_are_stored_as_typed_and_render_escaped(
    feedback: FeedbackRequest, mentee: User, mentor: User
) -> None:
    body = f"bell\x07 tab\t {SCRIPT}"
    client = client_for(mentee)
    response = client.post(reverse("mentors:feedback_message", args=[feedback.pk]), {"body": body})
    assert response.status_code == 302
    assert FeedbackMessage.objects.filter(feedback_request=feedback).last().body == body  # type: ignore[union-attr]
    for reader in (mentee, mentor):
        page = client_for(reader).get(reverse("mentors:feedback", args=[feedback.pk]))
        html = page.content.decode()
        assert SCRIPT not in html and ESCAPED in html


def test_html_in_a_question_and_a_comment_renders_escaped_for_both_sides(
    mentee: User, mentor: User
) -> None:
    feedback = ask_for_feedback(mentee, body=f"question {SCRIPT}")
    services.feedback_comment_add(
        feedback_request=feedback,
        author=mentor,
        file_id=feedback_file_id(feedback),
        line=1,
        body=SCRIPT,
    )
    for reader in (mentee, mentor):
        html = client_for(reader).get(reverse("mentors:feedback", args=[feedback.pk])).content
        assert SCRIPT.encode() not in html and ESCAPED.encode() in html
    lists = [(mentee, "feedback_list"), (mentor, "feedback_queue"), (mentor, "home")]
    for reader, name in lists:
        assert SCRIPT.encode() not in client_for(reader).get(reverse(f"mentors:{name}")).content


def test_html_in_snippets_renders_escaped_on_every_page_that_shows_them(
    mentor: User, review_round: ReviewRound, feedback: FeedbackRequest
) -> None:
    client = client_for(mentor)
    response = client.post(
        reverse("mentors:snippets"), {"title": SCRIPT, "body": f'"><img src=x onerror=1>{SCRIPT}'}
    )
    assert response.status_code == 302
    snippet = CommentSnippet.objects.get(mentor=mentor)
    assert snippet.title == SCRIPT  # stored as typed, escaped when shown
    pages = [
        reverse("mentors:snippets"),  # with the "saved" message that names it
        reverse("mentors:snippet_edit", args=[snippet.pk]),
        reverse("mentors:round", args=[review_round.pk]) + "?file=app/tasks.py",
        reverse("mentors:feedback", args=[feedback.pk]),
    ]
    for url in pages:
        html = client.get(url).content.decode()
        assert SCRIPT not in html and "<img src=x" not in html, url
        assert ESCAPED in html, url


def test_hostile_query_strings_on_the_comment_forms_render_escaped(
    feedback: FeedbackRequest, review_round: ReviewRound, mentor: User
) -> None:
    hostile = '"><script>alert(1)</script>'
    client = client_for(mentor)
    for url in (
        reverse("mentors:feedback", args=[feedback.pk]),
        reverse("mentors:round", args=[review_round.pk]),
    ):
        response = client.get(url, {"line": hostile, "file": hostile})
        assert response.status_code == 200 and SCRIPT not in response.content.decode()


@pytest.mark.parametrize("line", ["0", "-1", str(10**12), "abc", "1.5", ""])
def test_bad_line_numbers_are_a_400_with_the_typed_comment_kept(
    feedback: FeedbackRequest, review_round: ReviewRound, mentor: User, line: str
) -> None:
    posts = [
        (reverse("mentors:feedback_comment", args=[feedback.pk]), feedback_file_id(feedback)),
        (reverse("mentors:round_comment", args=[review_round.pk]), round_file_id(review_round)),
    ]
    for url, fid in posts:
        response = client_for(mentor).post(
            url, {"file_id": fid, "line": line, "body": "my careful comment"}
        )
        assert response.status_code == 400, url
        assert "my careful comment" in response.content.decode()
    assert feedback_post_counts(feedback) == (1, 0) and not LineComment.objects.exists()


def test_a_file_of_another_submission_is_refused(
    feedback: FeedbackRequest, mentor: User, other_mentee: User
) -> None:
    others = failing_submission(other_mentee).files.get(path="temperature.py")
    for bad in (others.pk, 10**30, "x"):
        response = client_for(mentor).post(
            reverse("mentors:feedback_comment", args=[feedback.pk]),
            {"file_id": bad, "line": 1, "body": "wrong file"},
        )
        assert response.status_code == 400 and "wrong file" in response.content.decode()
    assert feedback_post_counts(feedback) == (1, 0)


def test_a_file_of_an_earlier_version_is_refused_on_the_new_round(
    review_round: ReviewRound, mentor: User, learner: User
) -> None:
    decide(review_round, mentor, ReviewRound.Status.CHANGES_REQUESTED)
    second = upload_project(learner).review_round
    response = client_for(mentor).post(
        reverse("mentors:round_comment", args=[second.pk]),
        {"file_id": round_file_id(review_round), "line": 1, "body": "old file"},
    )
    assert response.status_code == 400
    assert "not part of this version" in response.content.decode()
    assert not LineComment.objects.exists()


def test_another_mentors_snippet_in_a_comment_form_leaks_nothing_and_counts_no_use(
    feedback: FeedbackRequest,
    review_round: ReviewRound,
    mentor: User,
    other_mentor: User,
    mentee: User,
) -> None:
    """Another mentor's snippet, and (for a learner) their own mentor's: a 404."""
    secret = services.snippet_create(mentor=other_mentor, title="Private", body="SECRET-TEXT")
    client = client_for(mentor)
    posts = [
        (reverse("mentors:feedback_comment", args=[feedback.pk]), feedback_file_id(feedback)),
        (reverse("mentors:round_comment", args=[review_round.pk]), round_file_id(review_round)),
    ]
    for url, fid in posts:
        response = client.post(url, {"file_id": fid, "line": 1, "body": "", "snippet": secret.pk})
        assert response.status_code == 404 and b"SECRET-TEXT" not in response.content
    # A learner may not use their own mentor's snippet either.
    mentors = services.snippet_create(mentor=mentor, title="Mine", body="MENTOR-ONLY")
    response = client_for(mentee).post(
        reverse("mentors:feedback_comment", args=[feedback.pk]),
        {"file_id": feedback_file_id(feedback), "line": 1, "body": "", "snippet": mentors.pk},
    )
    assert response.status_code == 404 and b"MENTOR-ONLY" not in response.content
    secret.refresh_from_db()
    mentors.refresh_from_db()
    assert secret.use_count == mentors.use_count == 0
    assert not LineComment.objects.exists() and feedback_post_counts(feedback) == (1, 0)


def test_snippet_titles_are_unique_after_trimming_but_case_sensitive(mentor: User) -> None:
    """What the code does (reported): surrounding whitespace is trimmed, so " Naming " is a
    duplicate of "Naming"; letter case and inner spaces are not folded, so "naming" and
    "Nam  ing" are separate snippets."""
    client = client_for(mentor)
    assert (
        client.post(reverse("mentors:snippets"), {"title": "Naming", "body": "a"}).status_code
        == 302
    )
    duplicate = client.post(reverse("mentors:snippets"), {"title": "  Naming \t", "body": "b"})
    assert duplicate.status_code == 400 and "already have a snippet" in duplicate.content.decode()
    for title in ("naming", "NAMING", "Nam  ing"):
        assert (
            client.post(reverse("mentors:snippets"), {"title": title, "body": "c"}).status_code
            == 302
        )
    assert CommentSnippet.objects.filter(mentor=mentor).count() == 4


@pytest.mark.parametrize(
    ("data", "why"),
    [
        ({"title": "t" * 81, "body": "b"}, "at most 80 characters"),
        ({"title": "t", "body": HUGE}, "at most 4000 characters"),
        ({"title": "   ", "body": "b"}, "This field is required"),
        ({"title": "t", "body": "\x00"}, "Null characters are not allowed"),
    ],
)
def test_hostile_snippets_are_a_400_with_what_was_typed_and_nothing_stored(
    mentor: User, data: dict[str, str], why: str
) -> None:
    response = client_for(mentor).post(reverse("mentors:snippets"), data)
    assert response.status_code == 400 and why in response.content.decode()
    assert not CommentSnippet.objects.exists()


def test_editing_another_mentors_snippet_is_a_404_and_changes_nothing(
    mentor: User, other_mentor: User
) -> None:
    theirs = services.snippet_create(mentor=other_mentor, title="Theirs", body="keep")
    client = client_for(mentor)
    assert client.get(reverse("mentors:snippet_edit", args=[theirs.pk])).status_code == 404
    url = reverse("mentors:snippet_edit", args=[theirs.pk])
    assert client.post(url, {"title": "Mine", "body": "taken"}).status_code == 404
    url = reverse("mentors:snippet_delete", args=[theirs.pk])
    assert client.post(url).status_code == 404
    theirs.refresh_from_db()
    assert (theirs.title, theirs.body) == ("Theirs", "keep")


@pytest.mark.parametrize("days", ["0", "-5", str(10**9), "abc", "1.5"])
def test_turnaround_with_a_bad_window_shows_the_error_and_the_default(
    staff: User, days: str
) -> None:
    response = client_for(staff).get(reverse("review_turnaround"), {"days": days})
    assert response.status_code == 200
    assert response.context["form"].errors  # the page says why
    assert response.context["report"].days == 30


def test_turnaround_and_the_dashboard_are_for_staff_only(learner: User, mentor: User) -> None:
    for user in (learner, mentor):
        for name in ("review_turnaround", "programme_dashboard"):
            response = client_for(user).get(reverse(name))
            assert response.status_code == 302 and "/admin/login/" in response["Location"]


@pytest.mark.parametrize("page", ["0", "-1", "x", str(10**9), "1e3"])
def test_paginated_pages_take_any_page_number(
    mentee: User,
    mentor: User,
    feedback: FeedbackRequest,
    page: str,
    django_assert_max_num_queries: Any,
) -> None:
    add_snippets(mentor, 25)
    cases = [
        (mentor, reverse("mentors:snippets")),
        (mentor, reverse("mentors:feedback_queue")),
        (mentor, reverse("mentors:home")),
        (mentor, reverse("mentors:queue")),
        (mentor, reverse("mentors:mentee", args=[mentee.pk])),
        (mentee, reverse("mentors:feedback_list")),
    ]
    for user, url in cases:
        client = client_for(user)
        with django_assert_max_num_queries(30):
            response = client.get(url, {"page": page})
        assert response.status_code == 200, url


# --------------------------------------------------------------------------- no free pass


def test_another_learner_cannot_resolve_my_request(
    feedback: FeedbackRequest, other_mentee: User
) -> None:
    url = reverse("mentors:feedback_resolve", args=[feedback.pk])
    assert client_for(other_mentee).post(url).status_code == 404
    feedback.refresh_from_db()
    assert feedback.is_open and feedback.resolved_by is None


def test_resolving_twice_keeps_who_resolved_it_first(
    feedback: FeedbackRequest, mentee: User, mentor: User
) -> None:
    url = reverse("mentors:feedback_resolve", args=[feedback.pk])
    client_for(mentor).post(url)
    feedback.refresh_from_db()
    first_at = feedback.resolved_at
    response = client_for(mentee).post(url, follow=True)
    assert "already resolved" in response.content.decode()
    feedback.refresh_from_db()
    assert feedback.resolved_by == mentor and feedback.resolved_at == first_at


def test_posting_in_a_resolved_request_is_refused_with_the_text_kept(
    feedback: FeedbackRequest, mentee: User, mentor: User
) -> None:
    services.feedback_request_resolve(feedback_request=feedback, by=mentee)
    client = client_for(mentee)
    message = client.post(
        reverse("mentors:feedback_message", args=[feedback.pk]), {"body": "one more thing"}
    )
    assert message.status_code == 400
    assert "one more thing" in message.content.decode() and "resolved" in message.content.decode()
    comment = client_for(mentor).post(
        reverse("mentors:feedback_comment", args=[feedback.pk]),
        {"file_id": feedback_file_id(feedback), "line": 1, "body": "late comment"},
    )
    assert comment.status_code == 400 and "late comment" in comment.content.decode()
    assert feedback_post_counts(feedback) == (1, 0)


def test_after_reassignment_the_learner_cannot_post_but_can_resolve(
    feedback: FeedbackRequest, mentee: User, other_mentor: User, staff: User
) -> None:
    reassign(mentee, other_mentor, staff)
    client = client_for(mentee)
    response = client.post(
        reverse("mentors:feedback_message", args=[feedback.pk]), {"body": "are you there"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "are you there" in html and "no longer mentors you" in html
    assert feedback_post_counts(feedback) == (1, 0)
    # The new mentor was not asked: the request is not theirs.
    url = reverse("mentors:feedback", args=[feedback.pk])
    assert client_for(other_mentor).get(url).status_code == 404
    client.post(reverse("mentors:feedback_resolve", args=[feedback.pk]))
    feedback.refresh_from_db()
    assert not feedback.is_open and feedback.resolved_by == mentee


def test_the_learner_never_sees_the_similarity_sections(
    feedback: FeedbackRequest, mentee: User, mentor: User
) -> None:
    url = reverse("mentors:feedback", args=[feedback.pk])
    assert 'id="similar-feedback"' in client_for(mentor).get(url).content.decode()
    assert 'id="similar-feedback"' not in client_for(mentee).get(url).content.decode()


# --------------------------------------------------------------------------- typed work kept


def test_a_refused_round_message_keeps_the_text(
    review_round: ReviewRound, learner: User, settings: Any
) -> None:
    settings.THREAD_POSTS_PER_10_MINUTES = 1
    services.round_message_add(review_round=review_round, author=learner, body="first")
    response = client_for(learner).post(
        reverse("mentors:round_message", args=[review_round.pk]), {"body": "a long careful reply"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "a long careful reply" in html and "Wait a few minutes" in html
    assert RoundMessage.objects.count() == 1


def test_a_huge_round_message_is_a_400_with_the_text_and_nothing_stored(
    review_round: ReviewRound, learner: User
) -> None:
    response = client_for(learner).post(
        reverse("mentors:round_message", args=[review_round.pk]), {"body": "y" * 4001}
    )
    assert response.status_code == 400 and "y" * 4001 in response.content.decode()
    assert not RoundMessage.objects.exists()


def test_a_comment_refused_because_the_round_was_just_decided_keeps_the_text(
    review_round: ReviewRound, mentor: User
) -> None:
    decide(review_round, mentor, ReviewRound.Status.CHANGES_REQUESTED)  # in another tab
    response = client_for(mentor).post(
        reverse("mentors:round_comment", args=[review_round.pk]),
        {
            "file_id": round_file_id(review_round),
            "line": 1,
            "body": "a long careful comment",
            "path": "app/tasks.py",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "a long careful comment" in html and "has been decided" in html
    assert not LineComment.objects.exists()


def test_asking_and_resolving_in_a_loop_cannot_flood_the_mentor(
    mentee: User, mentor: User, settings: Any
) -> None:
    """Each question is the first message of its thread and tells the mentor (by email
    too): asking counts against the posting rate like any other message."""
    settings.THREAD_POSTS_PER_10_MINUTES = 3
    submission = failing_submission(mentee)
    client = client_for(mentee)
    url = reverse("mentors:feedback_ask", args=[submission.pk])
    for _ in range(3):
        assert client.post(url, {"body": "again?"}).status_code == 302
        services.feedback_request_resolve(
            feedback_request=FeedbackRequest.objects.open().get(), by=mentee
        )
    refused = client.post(url, {"body": "and again?"})
    assert refused.status_code == 400
    html = refused.content.decode()
    assert "Wait a few minutes" in html and "and again?" in html
    assert FeedbackRequest.objects.count() == 3


@pytest.mark.parametrize("snippet", ["0", "-3", "abc", str(10**30)])
def test_a_bad_snippet_id_is_refused_with_the_typed_comment_kept(
    feedback: FeedbackRequest, mentor: User, snippet: str
) -> None:
    response = client_for(mentor).post(
        reverse("mentors:feedback_comment", args=[feedback.pk]),
        {
            "file_id": feedback_file_id(feedback),
            "line": 1,
            "body": "typed by hand",
            "snippet": snippet,
        },
    )
    # Not a number, or below 1: the form says so (400, text kept); a number that is no
    # snippet of theirs: 404 like any other id that is not theirs.
    assert response.status_code in (400, 404)
    if response.status_code == 400:
        assert "typed by hand" in response.content.decode()
    assert feedback_post_counts(feedback) == (1, 0)


def test_a_hostile_path_with_a_refused_round_comment_is_a_400_not_a_500(
    review_round: ReviewRound, mentor: User
) -> None:
    for path in ("../../etc/passwd", SCRIPT, "\x00", "a" * 5000):
        response = client_for(mentor).post(
            reverse("mentors:round_comment", args=[review_round.pk]),
            {"file_id": round_file_id(review_round), "line": 0, "body": "kept", "path": path},
        )
        assert response.status_code == 400 and SCRIPT not in response.content.decode()


def test_a_former_mentor_loses_the_mentee_pages(
    mentee: User, mentor: User, other_mentor: User, staff: User
) -> None:
    submission = failing_submission(mentee)
    reassign(mentee, other_mentor, staff)
    for url in (
        reverse("mentors:mentee", args=[mentee.pk]),
        reverse("mentors:mentee_submission", args=[mentee.pk, submission.pk]),
    ):
        assert client_for(mentor).get(url).status_code == 404
        assert client_for(other_mentor).get(url).status_code == 200


@pytest.mark.parametrize("code", ["nope", "<script>alert(1)", "x" * 5000, "é"])
def test_unknown_or_hostile_certificate_codes_are_a_404_page(code: str) -> None:
    for name in ("mentors:certificate", "mentors:certificate_print"):
        response = Client().get(reverse(name, args=[code]))
        assert response.status_code == 404 and "<script>" not in response.content.decode()


def test_metrics_refuse_a_wrong_token_and_writes(settings: Any, db: None) -> None:
    settings.METRICS_ENABLED, settings.METRICS_TOKEN, settings.DEBUG = True, "s3cret", False
    client = Client()
    for header in ("", "Bearer wrong", "Basic s3cret", "Bearer s3cret-and-more", "Bearer é"):
        assert client.get("/metrics", HTTP_AUTHORIZATION=header).status_code == 401, header
    assert client.post("/metrics", HTTP_AUTHORIZATION="Bearer s3cret").status_code == 405
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer s3cret").status_code == 200


def test_a_far_page_number_costs_the_same_queries_for_few_or_many_rows(
    mentee: User, mentor: User, settings: Any, django_assert_max_num_queries: Any
) -> None:
    settings.FEEDBACK_REQUESTS_OPEN_MAX = 100

    def counts() -> list[int]:
        seen = []
        for user, name in (
            (mentor, "feedback_queue"),
            (mentee, "feedback_list"),
            (mentor, "snippets"),
        ):
            client = client_for(user)
            with django_assert_max_num_queries(20) as captured:
                assert client.get(reverse(f"mentors:{name}"), {"page": 10**9}).status_code == 200
            seen.append(len(captured.captured_queries))
        return seen

    ask_for_feedback(mentee)
    add_snippets(mentor, 1)
    few = counts()
    for _ in range(24):
        ask_for_feedback(mentee)
    add_snippets(mentor, 24)
    assert counts() == few


def test_html_and_newlines_in_a_reply_are_escaped_in_the_inbox_and_the_email(
    feedback: FeedbackRequest, mentee: User, mentor: User
) -> None:
    body = f"line one\r\nBcc: victim@example.com\n{SCRIPT}"
    services.feedback_message_add(feedback_request=feedback, author=mentor, body=body)
    notice = Notification.objects.filter(recipient=mentee).latest("pk")
    inbox = client_for(mentee).get(reverse("notifications:inbox")).content.decode()
    assert SCRIPT not in inbox
    email = build_email(notice)
    assert "\n" not in email.subject and "\r" not in email.subject
    html = str(email.alternatives[0][0])
    assert SCRIPT not in html and ESCAPED in html
    assert email.message()["Bcc"] is None and email.to == [mentee.email]
