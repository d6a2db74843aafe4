"""Attacks and careless use of the mentorship API: other people's ids, wrong methods, a
session cookie without a CSRF token, hostile bodies, out-of-range numbers, foreign files and
snippets, page numbers, and learners trying for a free pass or for similarity signals."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from rest_framework.test import APIClient

from accounts.models import User
from mentors import models, services
from mentors.tests import factories

pytestmark = pytest.mark.django_db

Api = Callable[[User | None], APIClient]
SCRIPT = "<script>alert(1)</script>"


def feedback_calls(
    feedback_request: models.FeedbackRequest,
) -> list[tuple[str, str, dict[str, Any]]]:
    base = f"/api/v1/feedback/{feedback_request.pk}/"
    comment = {"file_id": factories.feedback_file_id(feedback_request), "line": 1, "body": "mine"}
    return [
        ("get", base, {}),
        ("post", base + "messages/", {"body": "mine"}),
        ("post", base + "comments/", comment),
        ("post", base + "resolve/", {}),
    ]


# --------------------------------------------------------------------------- other people's ids


@pytest.mark.parametrize("who", ["other_mentee", "outsider", "other_mentor", "staff"])
def test_nobody_but_the_two_sides_reaches_a_feedback_request(
    api: Api, feedback: models.FeedbackRequest, who: str, request: pytest.FixtureRequest
) -> None:
    client = api(request.getfixturevalue(who))
    for method, url, data in feedback_calls(feedback):
        response = getattr(client, method)(url, data, format="json")
        assert response.status_code == 404, (who, url)
    feedback.refresh_from_db()
    assert feedback.is_open and factories.feedback_post_counts(feedback) == (1, 0)


def test_anonymous_calls_are_refused(api_anon: APIClient, feedback: models.FeedbackRequest) -> None:
    for method, url, data in feedback_calls(feedback):
        response = getattr(api_anon, method)(url, data, format="json")
        assert response.status_code in (401, 403), url
    assert api_anon.get("/api/v1/mentor/snippets/").status_code in (401, 403)
    feedback.refresh_from_db()
    assert feedback.is_open and factories.feedback_post_counts(feedback) == (1, 0)


def test_a_former_mentor_gets_404_and_huge_ids_are_404_not_500(
    api: Api,
    feedback: models.FeedbackRequest,
    mentor: User,
    other_mentor: User,
    mentee: User,
    staff: User,
) -> None:
    factories.reassign(mentee, other_mentor, staff)
    client = api(mentor)
    for method, url, data in feedback_calls(feedback):
        assert getattr(client, method)(url, data, format="json").status_code == 404, url
    for huge in (10**18, 10**30):
        assert api(mentee).get(f"/api/v1/feedback/{huge}/").status_code == 404
        assert api(mentor).get(f"/api/v1/mentor/snippets/{huge}/").status_code == 404
        assert api(mentee).get(f"/api/v1/rounds/{huge}/").status_code == 404


def test_asking_about_another_learners_submission_is_a_404(
    api: Api, mentee: User, other_mentee: User
) -> None:
    theirs = factories.failing_submission(other_mentee)
    response = api(mentee).post(
        "/api/v1/feedback/", {"submission_id": theirs.pk, "body": "theirs"}, format="json"
    )
    assert response.status_code == 404 and not models.FeedbackRequest.objects.exists()


@pytest.mark.parametrize("who", ["outsider", "other_mentor"])
def test_other_learners_and_mentors_get_404_on_a_round(
    api: Api, review_round: models.ReviewRound, who: str, request: pytest.FixtureRequest
) -> None:
    client = api(request.getfixturevalue(who))
    base = f"/api/v1/rounds/{review_round.pk}/"
    assert client.get(base).status_code == 404
    assert client.post(base + "messages/", {"body": "hi"}, format="json").status_code == 404
    decision = {"decision": "approved", "summary": "free pass"}
    response = client.post(base + "decision/", decision, format="json")
    assert response.status_code in (403, 404)  # a learner is no mentor at all: 403
    review_round.refresh_from_db()
    assert review_round.is_open and not models.RoundMessage.objects.exists()


def test_the_learner_cannot_comment_on_or_decide_their_own_round(
    review_round: models.ReviewRound, api_learner: APIClient
) -> None:
    base = f"/api/v1/rounds/{review_round.pk}/"
    comment = {"file_id": factories.round_file_id(review_round), "line": 1, "body": "lgtm"}
    assert api_learner.post(base + "comments/", comment, format="json").status_code == 403
    decision = {"decision": "approved", "summary": "me"}
    assert api_learner.post(base + "decision/", decision, format="json").status_code == 403
    review_round.refresh_from_db()
    assert review_round.is_open and not models.LineComment.objects.exists()


def test_a_learner_cannot_reach_the_mentor_endpoints(api_learner: APIClient) -> None:
    for url in (
        "/api/v1/mentor/snippets/",
        "/api/v1/mentor/feedback/",
        "/api/v1/mentor/mentees/",
        "/api/v1/mentor/queue/",
    ):
        assert api_learner.get(url).status_code == 403, url
    created = api_learner.post("/api/v1/mentor/snippets/", {"title": "t", "body": "b"})
    assert created.status_code == 403 and not models.CommentSnippet.objects.exists()


def test_another_mentors_snippet_is_a_404_for_every_method(
    api: Api, mentor: User, other_mentor: User
) -> None:
    theirs = services.snippet_create(mentor=other_mentor, title="Theirs", body="SECRET")
    client = api(mentor)
    url = f"/api/v1/mentor/snippets/{theirs.pk}/"
    assert client.get(url).status_code == 404
    assert client.put(url, {"title": "Mine", "body": "x"}, format="json").status_code == 404
    assert client.delete(url).status_code == 404
    listed = client.get("/api/v1/mentor/snippets/").content
    assert b"SECRET" not in listed
    theirs.refresh_from_db()
    assert (theirs.title, theirs.body) == ("Theirs", "SECRET")


def test_staff_who_are_not_mentors_keep_no_snippets(api: Api, staff: User) -> None:
    response = api(staff).post(
        "/api/v1/mentor/snippets/", {"title": "t", "body": "b"}, format="json"
    )
    assert response.status_code == 403 and not models.CommentSnippet.objects.exists()


# --------------------------------------------------------------------------- methods and CSRF


def test_wrong_methods_are_a_405(
    api: Api, feedback: models.FeedbackRequest, review_round: models.ReviewRound, mentor: User
) -> None:
    client = api(mentor)
    for url in (
        f"/api/v1/feedback/{feedback.pk}/messages/",
        f"/api/v1/feedback/{feedback.pk}/comments/",
        f"/api/v1/feedback/{feedback.pk}/resolve/",
        f"/api/v1/rounds/{review_round.pk}/messages/",
        f"/api/v1/rounds/{review_round.pk}/decision/",
    ):
        assert client.get(url).status_code == 405, url
    assert client.delete(f"/api/v1/feedback/{feedback.pk}/").status_code == 405
    assert client.put("/api/v1/mentor/snippets/", {}, format="json").status_code == 405
    feedback.refresh_from_db()
    assert feedback.is_open


def test_a_session_cookie_without_a_csrf_token_cannot_write(
    feedback: models.FeedbackRequest, mentee: User, mentor: User
) -> None:
    learner_client = APIClient(enforce_csrf_checks=True)
    learner_client.force_login(mentee)
    url = f"/api/v1/feedback/{feedback.pk}/messages/"
    assert learner_client.post(url, {"body": "forged"}, format="json").status_code == 403
    resolve = f"/api/v1/feedback/{feedback.pk}/resolve/"
    assert learner_client.post(resolve).status_code == 403
    mentor_client = APIClient(enforce_csrf_checks=True)
    mentor_client.force_login(mentor)
    snippet = {"title": "forged", "body": "x"}
    assert mentor_client.post("/api/v1/mentor/snippets/", snippet).status_code == 403
    feedback.refresh_from_db()
    assert feedback.is_open and factories.feedback_post_counts(feedback) == (1, 0)
    assert not models.CommentSnippet.objects.exists()


# --------------------------------------------------------------------------- hostile input


@pytest.mark.parametrize("body", ["x" * 10_001, "   \n ", "a\x00b", ""])
def test_hostile_message_bodies_are_a_400_and_nothing_is_stored(
    api: Api,
    feedback: models.FeedbackRequest,
    review_round: models.ReviewRound,
    mentee: User,
    body: str,
) -> None:
    client = api(mentee)
    for url in (
        f"/api/v1/feedback/{feedback.pk}/messages/",
        f"/api/v1/rounds/{review_round.pk}/messages/",
    ):
        assert client.post(url, {"body": body}, format="json").status_code == 400, url
    assert (
        factories.feedback_post_counts(feedback) == (1, 0)
        and not models.RoundMessage.objects.exists()
    )
    response = client.post(
        "/api/v1/feedback/",
        {"submission_id": factories.failing_submission(mentee).pk, "body": body},
        format="json",
    )
    assert response.status_code == 400 and models.FeedbackRequest.objects.count() == 1


def test_html_is_returned_as_typed_in_json(
    api: Api, feedback: models.FeedbackRequest, mentee: User, mentor: User
) -> None:
    """JSON carries text, not markup: escaping is the page's job; the content type says
    JSON so a browser never renders it."""
    response = api(mentee).post(
        f"/api/v1/feedback/{feedback.pk}/messages/", {"body": SCRIPT}, format="json"
    )
    assert response.status_code == 201 and response.json()["body"] == SCRIPT
    assert response["Content-Type"].startswith("application/json")


@pytest.mark.parametrize("line", [0, -1, 10**12, 10**30, "abc", 1.5, None])
def test_bad_line_numbers_are_a_400(
    api: Api,
    feedback: models.FeedbackRequest,
    review_round: models.ReviewRound,
    mentor: User,
    line: Any,
) -> None:
    client = api(mentor)
    calls = [
        (f"/api/v1/feedback/{feedback.pk}/comments/", factories.feedback_file_id(feedback)),
        (f"/api/v1/rounds/{review_round.pk}/comments/", factories.round_file_id(review_round)),
    ]
    for url, fid in calls:
        response = client.post(url, {"file_id": fid, "line": line, "body": "x"}, format="json")
        assert response.status_code == 400, (url, line)
    assert (
        factories.feedback_post_counts(feedback) == (1, 0)
        and not models.LineComment.objects.exists()
    )


@pytest.mark.parametrize("bad_file", ["theirs", 10**30, 0, "x"])
def test_files_of_another_submission_are_refused(
    api: Api, feedback: models.FeedbackRequest, mentor: User, other_mentee: User, bad_file: Any
) -> None:
    if bad_file == "theirs":
        bad_file = factories.failing_submission(other_mentee).files.get(path="temperature.py").pk
    response = api(mentor).post(
        f"/api/v1/feedback/{feedback.pk}/comments/",
        {"file_id": bad_file, "line": 1, "body": "wrong file"},
        format="json",
    )
    assert response.status_code == 400 and factories.feedback_post_counts(feedback) == (1, 0)


@pytest.mark.parametrize(
    "data",
    [
        {"title": "t" * 81, "body": "b"},
        {"title": "t", "body": "b" * 4001},
        {"title": "  ", "body": "b"},
        {"title": "t", "body": "\x00"},
        {"title": "t"},
    ],
)
def test_hostile_snippets_are_a_400_and_nothing_is_stored(
    api: Api, mentor: User, data: dict[str, str]
) -> None:
    assert api(mentor).post("/api/v1/mentor/snippets/", data, format="json").status_code == 400
    assert not models.CommentSnippet.objects.exists()


def test_snippet_titles_differing_only_in_outer_whitespace_collide_but_case_does_not(
    api: Api, mentor: User
) -> None:
    client = api(mentor)
    url = "/api/v1/mentor/snippets/"
    assert client.post(url, {"title": "Naming", "body": "a"}, format="json").status_code == 201
    taken = client.post(url, {"title": " Naming  ", "body": "b"}, format="json")
    assert taken.status_code == 400 and taken.json()["code"] == "snippet"
    assert client.post(url, {"title": "naming", "body": "c"}, format="json").status_code == 201
    # Renaming onto an existing title is refused the same way and changes nothing.
    other = models.CommentSnippet.objects.get(title="naming")
    renamed = client.put(f"{url}{other.pk}/", {"title": "Naming", "body": "c"}, format="json")
    assert renamed.status_code == 400
    other.refresh_from_db()
    assert other.title == "naming"


@pytest.mark.parametrize("page", ["0", "-1", "x", str(10**9)])
def test_a_page_that_does_not_exist_is_a_404_in_the_api(api: Api, mentor: User, page: str) -> None:
    factories.add_snippets(mentor, 3)
    response = api(mentor).get("/api/v1/mentor/snippets/", {"page": page})
    assert response.status_code == 404


@pytest.mark.parametrize("size", ["0", "-1", "x", str(10**9)])
def test_any_page_size_is_capped_and_costs_the_same(
    api: Api, mentor: User, size: str, django_assert_max_num_queries: Any, settings: Any
) -> None:
    settings.COMMENT_SNIPPETS_MAX = 150
    factories.add_snippets(mentor, 120)
    client = api(mentor)
    with django_assert_max_num_queries(8):
        response = client.get("/api/v1/mentor/snippets/", {"page_size": size})
    assert response.status_code == 200 and len(response.json()["results"]) <= 100


def test_the_mentor_feedback_list_refuses_an_unknown_status(api: Api, mentor: User) -> None:
    response = api(mentor).get("/api/v1/mentor/feedback/", {"status": "' OR 1=1 --"})
    assert response.status_code == 400


# --------------------------------------------------------------------------- no free pass


def test_another_learner_cannot_resolve_my_request(
    api: Api, feedback: models.FeedbackRequest, other_mentee: User
) -> None:
    assert api(other_mentee).post(f"/api/v1/feedback/{feedback.pk}/resolve/").status_code == 404
    feedback.refresh_from_db()
    assert feedback.is_open


def test_resolving_twice_is_a_400_and_keeps_the_first_resolution(
    api: Api, feedback: models.FeedbackRequest, mentee: User, mentor: User
) -> None:
    url = f"/api/v1/feedback/{feedback.pk}/resolve/"
    assert api(mentor).post(url).status_code == 200
    again = api(mentee).post(url)
    assert again.status_code == 400 and "already resolved" in again.json()["detail"]
    feedback.refresh_from_db()
    assert feedback.resolved_by == mentor


def test_nobody_posts_in_a_resolved_request(
    api: Api, feedback: models.FeedbackRequest, mentee: User, mentor: User
) -> None:
    services.feedback_request_resolve(feedback_request=feedback, by=mentor)
    base = f"/api/v1/feedback/{feedback.pk}/"
    assert api(mentee).post(base + "messages/", {"body": "more"}, format="json").status_code == 400
    comment = {"file_id": factories.feedback_file_id(feedback), "line": 1, "body": "late"}
    assert api(mentor).post(base + "comments/", comment, format="json").status_code == 400
    assert factories.feedback_post_counts(feedback) == (1, 0)


def test_after_reassignment_the_learner_cannot_post_to_the_old_mentor(
    api: Api, feedback: models.FeedbackRequest, mentee: User, other_mentor: User, staff: User
) -> None:
    factories.reassign(mentee, other_mentor, staff)
    url = f"/api/v1/feedback/{feedback.pk}/messages/"
    response = api(mentee).post(url, {"body": "still there?"}, format="json")
    assert response.status_code == 400 and "no longer mentors you" in response.json()["detail"]
    assert api(other_mentor).get(f"/api/v1/feedback/{feedback.pk}/").status_code == 404
    assert factories.feedback_post_counts(feedback) == (1, 0)


SIMILARITY_WORDS = ("similar", "overlap", "share", "insight")


def test_no_similarity_field_in_any_feedback_or_round_response(
    api: Api,
    feedback: models.FeedbackRequest,
    review_round: models.ReviewRound,
    mentee: User,
    mentor: User,
) -> None:
    """Similarity signals are page-only (mentor and staff sections): the API has none, for
    the learner or for the mentor."""
    for user in (mentee, mentor):
        client = api(user)
        for url in (f"/api/v1/feedback/{feedback.pk}/", f"/api/v1/rounds/{review_round.pk}/"):
            body = client.get(url).content.decode().lower()
            assert not any(f'"{word}' in body for word in SIMILARITY_WORDS), (user, url)


def test_the_certificate_api_shows_the_public_evidence_only(
    api: Api, review_round: models.ReviewRound, mentor: User, learner: User, outsider: User
) -> None:
    factories.decide(review_round, mentor, summary="PRIVATE-REVIEW-SUMMARY")
    services.round_message_add(review_round=review_round, author=learner, body="PRIVATE-MESSAGE")
    code = learner.certificates.get().code
    answers = [api(None).get(f"/api/v1/certificates/{code}/") for _ in range(1)]
    answers += [api(user).get(f"/api/v1/certificates/{code}/") for user in (outsider, learner)]
    bodies = [answer.json() for answer in answers]
    assert all(answer.status_code == 200 for answer in answers)
    assert bodies[0] == bodies[1] == bodies[2]  # nobody sees more than the public
    assert set(bodies[0]) == {
        "code", "learner_name", "track_title", "capstone_title", "mentor_name", "issued_at",
        "rounds", "final_checks", "checks_note",
    }  # fmt: skip
    assert set(bodies[0]["rounds"][0]) == {
        "number", "submitted_at", "decided_at", "decision", "scores",
    }  # fmt: skip
    text = answers[1].content.decode()
    assert "PRIVATE-REVIEW-SUMMARY" not in text and "PRIVATE-MESSAGE" not in text
    assert "email" not in text


@pytest.mark.parametrize("code", ["nope", "<script>", "x" * 5000, "é", "' OR '1'='1"])
def test_unknown_or_hostile_certificate_codes_are_a_404(api: Api, code: str) -> None:
    response = api(None).get(f"/api/v1/certificates/{code}/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_a_nul_byte_in_a_certificate_code_is_refused_not_a_500(api: Api) -> None:
    assert api(None).get("/api/v1/certificates/ABCD%00/").status_code in (400, 404)


def test_asking_again_and_again_is_a_429_beyond_the_posting_rate(
    api: Api, mentee: User, settings: Any
) -> None:
    settings.THREAD_POSTS_PER_10_MINUTES = 2
    client = api(mentee)
    for _ in range(2):
        ask = {"submission_id": factories.failing_submission(mentee).pk, "body": "again?"}
        created = client.post("/api/v1/feedback/", ask, format="json")
        assert created.status_code == 201
        assert client.post(f"/api/v1/feedback/{created.json()['id']}/resolve/").status_code == 200
    ask = {"submission_id": factories.failing_submission(mentee).pk, "body": "again?"}
    refused = client.post("/api/v1/feedback/", ask, format="json")
    assert refused.status_code == 429 and refused.json()["code"] == "posting_too_fast"
    assert models.FeedbackRequest.objects.count() == 2


def test_a_decision_summary_over_the_pages_limit_is_refused_by_the_api_too(
    api: Api, review_round: models.ReviewRound, mentor: User
) -> None:
    decision = {"decision": "approved", "summary": "x" * (models.REVIEW_SUMMARY_MAX_CHARS + 1)}
    response = api(mentor).post(
        f"/api/v1/rounds/{review_round.pk}/decision/", decision, format="json"
    )
    assert response.status_code == 400 and "summary" in response.json()["errors"]
    review_round.refresh_from_db()
    assert review_round.is_open
