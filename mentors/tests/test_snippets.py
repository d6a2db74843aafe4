"""Comment snippets: the rules (owner only, unique titles, the cap), using one in a line
comment of a review round or a feedback request (with and without JS), the snippets pages
and who may reach them; and click-to-comment on review rounds."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import User
from courses.models import Track
from mentors import errors, services
from mentors.models import CommentSnippet, FeedbackRequest, ReviewRound
from mentors.tests.factories import add_snippets, ask_for_feedback, client_for, make_mentor

pytestmark = pytest.mark.django_db


@pytest.fixture
def snippet(mentor: User) -> CommentSnippet:
    return services.snippet_create(
        mentor=mentor, title="Naming", body="Name this after what it holds."
    )


@pytest.fixture
def other_mentor(backend_track: Track) -> User:
    return make_mentor("alan@example.com", backend_track)


def tasks_file_id(review_round: ReviewRound) -> int:
    return review_round.version.files.get(path="app/tasks.py").pk


def comment_on(thread: ReviewRound | FeedbackRequest, author: User, line: int, **text: Any) -> Any:
    """A line comment (`text`: body, snippet) on app/tasks.py of a round or temperature.py
    of a feedback request."""
    if isinstance(thread, ReviewRound):
        file_id = tasks_file_id(thread)
        return services.round_comment_add(
            review_round=thread, author=author, file_id=file_id, line=line, **text
        )
    file_id = thread.submission.files.get(path="temperature.py").pk
    return services.feedback_comment_add(
        feedback_request=thread, author=author, file_id=file_id, line=line, **text
    )


# --------------------------------------------------------------------------- the rules


def test_a_mentor_saves_snippets_with_titles_of_their_own(
    snippet: CommentSnippet, mentor: User, other_mentor: User
) -> None:
    with pytest.raises(errors.SnippetError, match="already have a snippet with this title"):
        services.snippet_create(mentor=mentor, title="Naming", body="Again.")
    theirs = services.snippet_create(mentor=other_mentor, title="Naming", body="Theirs.")
    assert theirs.mentor == other_mentor
    assert snippet.title == "Naming" and snippet.use_count == 0


def test_a_mentor_keeps_at_most_comment_snippets_max(mentor: User, settings: Any) -> None:
    settings.COMMENT_SNIPPETS_MAX = 2
    add_snippets(mentor, 2)
    with pytest.raises(errors.SnippetLimitError, match="the most you can keep"):
        services.snippet_create(mentor=mentor, title="one more", body="text")
    assert CommentSnippet.objects.filter(mentor=mentor).count() == 2


def test_empty_titles_and_texts_and_learners_are_refused(mentor: User, learner: User) -> None:
    with pytest.raises(errors.SnippetError, match="title"):
        services.snippet_create(mentor=mentor, title="  ", body="text")
    with pytest.raises(errors.SnippetError, match="text"):
        services.snippet_create(mentor=mentor, title="t", body=" ")
    with pytest.raises(errors.PermissionDeniedError):
        services.snippet_create(mentor=learner, title="t", body="text")


def test_only_the_owner_updates_or_deletes_a_snippet(
    snippet: CommentSnippet, mentor: User, other_mentor: User
) -> None:
    with pytest.raises(errors.PermissionDeniedError):
        services.snippet_update(snippet=snippet, mentor=other_mentor, title="x", body="y")
    with pytest.raises(errors.PermissionDeniedError):
        services.snippet_delete(snippet=snippet, mentor=other_mentor)
    services.snippet_update(snippet=snippet, mentor=mentor, title="Names", body="Better.")
    snippet.refresh_from_db()
    assert (snippet.title, snippet.body) == ("Names", "Better.")
    services.snippet_delete(snippet=snippet, mentor=mentor)
    assert not CommentSnippet.objects.exists()


def test_an_empty_comment_takes_the_snippets_text_and_counts_a_use(
    review_round: ReviewRound, mentor: User, snippet: CommentSnippet
) -> None:
    comment = comment_on(review_round, mentor, 2, body="", snippet=snippet)
    assert comment.body == "Name this after what it holds."
    typed = comment_on(review_round, mentor, 3, body="Edited: the task list.", snippet=snippet)
    assert typed.body == "Edited: the task list."
    snippet.refresh_from_db()
    assert snippet.use_count == 2


def test_a_refused_comment_counts_no_use_and_another_mentors_snippet_is_refused(
    review_round: ReviewRound, mentor: User, snippet: CommentSnippet, other_mentor: User
) -> None:
    with pytest.raises(errors.ReviewError, match="has no line 99"):
        comment_on(review_round, mentor, 99, body="", snippet=snippet)
    theirs = services.snippet_create(mentor=other_mentor, title="Theirs", body="Not yours.")
    feedback = ask_for_feedback(review_round.capstone.learner)
    with pytest.raises(errors.PermissionDeniedError):
        comment_on(feedback, mentor, 1, body="", snippet=theirs)
    snippet.refresh_from_db()
    assert snippet.use_count == 0 and not feedback.comments.exists()


# --------------------------------------------------------------------------- pages


def test_the_mentor_adds_edits_and_deletes_snippets_on_their_page(mentor: User) -> None:
    client = client_for(mentor)
    url = reverse("mentors:snippets")
    added = client.post(url, {"title": "Tests", "body": "Add a test for the empty case."})
    assert added.status_code == 302
    snippet = CommentSnippet.objects.get(mentor=mentor)
    page = client.get(url).content.decode()
    assert "Add a test for the empty case." in page
    assert reverse("mentors:snippet_edit", args=[snippet.pk]) in page
    edit_url = reverse("mentors:snippet_edit", args=[snippet.pk])
    assert client.post(edit_url, {"title": "Tests", "body": "Test the edge."}).status_code == 302
    snippet.refresh_from_db()
    assert snippet.body == "Test the edge."
    deleted = client.post(reverse("mentors:snippet_delete", args=[snippet.pk]))
    assert deleted.status_code == 302 and not CommentSnippet.objects.exists()


def test_a_refused_snippet_is_shown_again_with_the_reason_and_the_text(
    mentor: User, snippet: CommentSnippet
) -> None:
    response = client_for(mentor).post(
        reverse("mentors:snippets"), {"title": "Naming", "body": "My careful words"}
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "already have a snippet with this title" in body
    assert "My careful words</textarea>" in body


def test_another_mentor_gets_404_on_my_snippet_and_learners_cannot_reach_the_pages(
    snippet: CommentSnippet, other_mentor: User, learner_client: Client, staff_client: Client
) -> None:
    edit = reverse("mentors:snippet_edit", args=[snippet.pk])
    delete = reverse("mentors:snippet_delete", args=[snippet.pk])
    other = client_for(other_mentor)
    assert other.get(edit).status_code == 404
    assert other.post(edit, {"title": "Mine", "body": "now"}).status_code == 404
    assert other.post(delete).status_code == 404
    assert (
        "Name this after what it holds."
        not in other.get(reverse("mentors:snippets")).content.decode()
    )
    for client in (learner_client, staff_client):
        assert client.get(reverse("mentors:snippets")).status_code == 403
        assert client.get(edit).status_code == 403
        assert client.post(delete).status_code == 403
    assert Client().get(reverse("mentors:snippets")).status_code == 302
    snippet.refresh_from_db()
    assert snippet.title == "Naming"


def test_the_snippets_page_is_paginated(mentor: User) -> None:
    add_snippets(mentor, 21)
    response = client_for(mentor).get(reverse("mentors:snippets"))
    assert len(response.context["page"].object_list) == 20
    assert "Page 1 of 2" in response.content.decode()


# --------------------------------------------------------------------------- rounds: click a line


def test_the_reviewer_clicks_a_line_of_a_round_to_fill_the_comment_form(
    review_round: ReviewRound, mentor: User
) -> None:
    client = client_for(mentor)
    url = reverse("mentors:round", args=[review_round.pk])
    body = client.get(url, {"file": "app/tasks.py"}).content.decode()
    line_link = 'href="{}?file=app%2Ftasks.py&amp;line=2#comment-form" data-line-pick="2"'
    assert line_link.format(url) in body
    assert f'data-file-id="{tasks_file_id(review_round)}"' in body
    assert 'id="comment-form"' in body and "data-line-form" in body
    assert "js/line-pick.js" in body
    picked = client.get(url, {"file": "app/tasks.py", "line": "2"}).content.decode()
    assert 'name="line" min="1" required value="2"' in picked


def test_the_learner_reads_their_round_without_line_links_or_a_comment_form(
    review_round: ReviewRound, learner_client: Client
) -> None:
    url = reverse("mentors:round", args=[review_round.pk])
    body = learner_client.get(url, {"file": "app/tasks.py"}).content.decode()
    assert "data-line-pick" not in body and 'id="comment-form"' not in body


def test_a_refused_round_comment_keeps_what_was_typed(
    review_round: ReviewRound, mentor: User
) -> None:
    response = client_for(mentor).post(
        reverse("mentors:round_comment", args=[review_round.pk]),
        {
            "file_id": tasks_file_id(review_round),
            "path": "app/tasks.py",
            "line": 99,
            "body": "A long, careful comment",
        },
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "has no line 99" in body
    assert "A long, careful comment</textarea>" in body
    assert not review_round.line_comments.exists()


# --------------------------------------------------------------------------- picking a snippet


def test_the_comment_forms_offer_the_mentors_own_snippets_only(
    review_round: ReviewRound, mentor: User, snippet: CommentSnippet, other_mentor: User
) -> None:
    services.snippet_create(mentor=other_mentor, title="Alan's", body="Not for Grace.")
    feedback = ask_for_feedback(review_round.capstone.learner)
    client = client_for(mentor)
    pages = [
        client.get(reverse("mentors:round", args=[review_round.pk])),
        client.get(reverse("mentors:feedback", args=[feedback.pk])),
    ]
    for page in pages:
        body = page.content.decode()
        assert f'<option value="{snippet.pk}" data-body="Name this after what it holds."' in body
        assert "Not for Grace." not in body
    learner_page = client_for(review_round.capstone.learner).get(
        reverse("mentors:feedback", args=[feedback.pk])
    )
    assert "data-snippet-field" not in learner_page.content.decode()


def test_without_js_an_empty_comment_with_a_snippet_posts_the_snippet(
    review_round: ReviewRound, mentor: User, snippet: CommentSnippet
) -> None:
    feedback = ask_for_feedback(review_round.capstone.learner)
    client = client_for(mentor)
    on_round = client.post(
        reverse("mentors:round_comment", args=[review_round.pk]),
        {"file_id": tasks_file_id(review_round), "line": 2, "body": "", "snippet": snippet.pk},
    )
    assert on_round.status_code == 302
    on_feedback = client.post(
        reverse("mentors:feedback_comment", args=[feedback.pk]),
        {
            "file_id": feedback.submission.files.get(path="temperature.py").pk,
            "line": 1,
            "body": "",
            "snippet": snippet.pk,
        },
    )
    assert on_feedback.status_code == 302
    assert review_round.line_comments.get().body == snippet.body
    assert feedback.comments.get().body == snippet.body
    snippet.refresh_from_db()
    assert snippet.use_count == 2


def test_another_mentors_snippet_in_a_comment_form_is_a_404(
    review_round: ReviewRound, mentor: User, other_mentor: User
) -> None:
    theirs = services.snippet_create(mentor=other_mentor, title="Theirs", body="Not yours.")
    response = client_for(mentor).post(
        reverse("mentors:round_comment", args=[review_round.pk]),
        {"file_id": tasks_file_id(review_round), "line": 2, "body": "", "snippet": theirs.pk},
    )
    assert response.status_code == 404
    assert not review_round.line_comments.exists()
    theirs.refresh_from_db()
    assert theirs.use_count == 0


def test_a_comment_needs_text_or_a_snippet(review_round: ReviewRound, mentor: User) -> None:
    response = client_for(mentor).post(
        reverse("mentors:round_comment", args=[review_round.pk]),
        {"file_id": tasks_file_id(review_round), "line": 2, "body": "  "},
    )
    assert response.status_code == 400
    assert "Write a comment or pick a snippet." in response.content.decode()
