"""Feedback requests on exercise submissions: who may ask, the open-request limit, the thread
and line comments, notifications (once per message), resolving, who may see a request, and
the pages (the ask form, the request page, the lists)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import User
from courses.models import Track
from mentors import errors, selectors, services
from mentors.models import FeedbackRequest, MentorProfile
from mentors.tests.factories import (
    ask_for_feedback,
    client_for,
    failing_submission,
    make_mentor,
)
from notifications.models import Kind, Notification
from submissions.models import Submission
from submissions.tests.factories import GradedSubmissionFactory, SubmissionFactory

pytestmark = pytest.mark.django_db


def notices(user: User, kind: str) -> list[Notification]:
    return list(Notification.objects.filter(recipient=user, kind=kind).order_by("pk"))


def reassign(learner: User, track: Track, staff: User, email: str = "alan@example.com") -> User:
    """Staff move the learner to a new mentor of the track; returns the new mentor."""
    new_mentor = make_mentor(email, track)
    services.assignment_set(
        learner=learner,
        mentor=MentorProfile.objects.get(user=new_mentor),
        by=staff,
        reason="balancing load",
    )
    return new_mentor


def first_file_id(feedback_request: FeedbackRequest) -> int:
    return feedback_request.submission.files.get(path="temperature.py").pk


# --------------------------------------------------------------------------- asking


def test_a_learner_asks_their_mentor_about_a_failing_submission(mentee: User, mentor: User) -> None:
    submission = failing_submission(mentee)
    feedback = ask_for_feedback(mentee, submission, body="  Why does Kelvin fail?  ")
    assert feedback.mentor == mentor
    assert feedback.assignment == selectors.assignment_get_active(learner=mentee)
    assert feedback.submission == submission and feedback.is_open
    assert [m.body for m in feedback.messages.all()] == ["Why does Kelvin fail?"]
    [notice] = notices(mentor, Kind.FEEDBACK_REQUESTED)
    assert notice.url == reverse("mentors:feedback", args=[feedback.pk])
    assert "Why does Kelvin fail?" in notice.body


def test_a_passed_submission_can_be_discussed_too(mentee: User) -> None:
    passed = GradedSubmissionFactory.create(learner=mentee, status=Submission.Status.PASSED)
    assert ask_for_feedback(mentee, passed).is_open


def test_asking_about_another_learners_submission_is_refused(mentee: User, outsider: User) -> None:
    with pytest.raises(errors.FeedbackError, match="your own submissions"):
        ask_for_feedback(mentee, failing_submission(outsider))
    assert not FeedbackRequest.objects.exists()


def test_asking_about_a_submission_still_being_graded_is_refused(mentee: User) -> None:
    queued = SubmissionFactory.create(learner=mentee)
    with pytest.raises(errors.FeedbackError, match="result"):
        ask_for_feedback(mentee, queued)


def test_asking_without_a_mentor_is_refused(outsider: User) -> None:
    assert selectors.assignment_get_active(learner=outsider) is None
    with pytest.raises(errors.FeedbackError, match="no mentor"):
        ask_for_feedback(outsider)


def test_an_empty_question_is_refused(mentee: User) -> None:
    with pytest.raises(errors.FeedbackError, match="look at"):
        ask_for_feedback(mentee, body="   ")


def test_one_open_request_per_submission_and_a_new_one_after_resolving(
    mentee: User, mentor: User
) -> None:
    submission = failing_submission(mentee)
    first = ask_for_feedback(mentee, submission)
    with pytest.raises(errors.FeedbackError, match="already has an open request"):
        ask_for_feedback(mentee, submission)
    services.feedback_request_resolve(feedback_request=first, by=mentor)
    assert ask_for_feedback(mentee, submission).pk != first.pk


def test_the_open_request_limit_is_enforced_with_a_clear_error(
    mentee: User, mentor: User, settings: Any
) -> None:
    settings.FEEDBACK_REQUESTS_OPEN_MAX = 2
    first = ask_for_feedback(mentee)
    ask_for_feedback(mentee)
    with pytest.raises(errors.FeedbackLimitError) as refused:
        ask_for_feedback(mentee)
    assert refused.value.status == 409
    assert "2 open feedback requests" in refused.value.message
    assert "mark one resolved" in refused.value.message
    services.feedback_request_resolve(feedback_request=first, by=mentee)
    assert ask_for_feedback(mentee).is_open


def test_requests_left_open_with_a_former_mentor_do_not_count_against_the_limit(
    mentee: User, backend_track: Track, staff: User, settings: Any
) -> None:
    settings.FEEDBACK_REQUESTS_OPEN_MAX = 1
    ask_for_feedback(mentee)
    new_mentor = reassign(mentee, backend_track, staff)
    assert ask_for_feedback(mentee).mentor == new_mentor


# --------------------------------------------------------------------------- the thread


def test_each_message_and_comment_notifies_the_other_side_exactly_once(
    mentee: User, mentor: User
) -> None:
    feedback = ask_for_feedback(mentee)
    services.feedback_comment_add(
        feedback_request=feedback,
        author=mentor,
        file_id=first_file_id(feedback),
        line=2,
        body="-32?",
    )
    services.feedback_message_add(feedback_request=feedback, author=mentee, body="Oh! Thanks.")
    services.feedback_message_add(feedback_request=feedback, author=mentor, body="Try again.")
    to_learner = notices(mentee, Kind.FEEDBACK_REPLY)
    to_mentor = notices(mentor, Kind.FEEDBACK_REPLY)
    assert [n.title for n in to_learner] == [
        "Grace commented on temperature.py:2 on Temperature converter",
        "Grace replied on Temperature converter",
    ]
    assert [n.body for n in to_mentor] == ["Oh! Thanks."]
    assert len({n.dedupe_key for n in to_learner}) == 2


def test_the_mentors_first_answer_starts_the_response_clock_once(
    mentee: User, mentor: User
) -> None:
    feedback = ask_for_feedback(mentee)
    services.feedback_message_add(feedback_request=feedback, author=mentee, body="Anyone?")
    feedback.refresh_from_db()
    assert feedback.first_response_at is None
    services.feedback_comment_add(
        feedback_request=feedback, author=mentor, file_id=first_file_id(feedback), line=1, body="x"
    )
    feedback.refresh_from_db()
    first = feedback.first_response_at
    assert first is not None
    services.feedback_message_add(feedback_request=feedback, author=mentor, body="And more.")
    feedback.refresh_from_db()
    assert feedback.first_response_at == first


@pytest.mark.parametrize(
    ("line", "message"), [(0, "has no line 0"), (4, "has no line 4"), (3, None)]
)
def test_a_line_comment_must_be_on_a_line_of_the_file(
    mentee: User, mentor: User, line: int, message: str | None
) -> None:
    feedback = ask_for_feedback(mentee)
    add: dict[str, Any] = {"feedback_request": feedback, "author": mentor, "body": "here"}
    if message is None:  # the last line has no newline and still counts
        assert services.feedback_comment_add(file_id=first_file_id(feedback), line=line, **add)
        return
    with pytest.raises(errors.FeedbackError, match=message):
        services.feedback_comment_add(file_id=first_file_id(feedback), line=line, **add)


def test_a_line_comment_must_be_on_a_file_of_this_submission(mentee: User, mentor: User) -> None:
    feedback = ask_for_feedback(mentee)
    other_file = failing_submission(mentee).files.first()
    assert other_file is not None
    with pytest.raises(errors.FeedbackError, match="not part of this submission"):
        services.feedback_comment_add(
            feedback_request=feedback, author=mentor, file_id=other_file.pk, line=1, body="x"
        )


def test_nobody_writes_in_a_resolved_request_and_resolving_twice_fails(
    mentee: User, mentor: User
) -> None:
    feedback = ask_for_feedback(mentee)
    resolved = services.feedback_request_resolve(feedback_request=feedback, by=mentor)
    assert resolved.status == FeedbackRequest.Status.RESOLVED
    assert resolved.resolved_by == mentor and resolved.resolved_at is not None
    [notice] = notices(mentee, Kind.FEEDBACK_RESOLVED)
    assert notice.url == reverse("mentors:feedback", args=[feedback.pk])
    for author in (mentee, mentor):
        with pytest.raises(errors.FeedbackError, match="resolved"):
            services.feedback_message_add(feedback_request=feedback, author=author, body="more")
    with pytest.raises(errors.FeedbackError, match="already resolved"):
        services.feedback_request_resolve(feedback_request=feedback, by=mentee)


def test_outsiders_cannot_write_or_resolve(
    mentee: User, outsider: User, backend_track: Track, staff: User
) -> None:
    feedback = ask_for_feedback(mentee)
    other_mentor = make_mentor("alan@example.com", backend_track)
    for user in (outsider, other_mentor, staff):
        with pytest.raises(errors.PermissionDeniedError):
            services.feedback_message_add(feedback_request=feedback, author=user, body="hi")
        with pytest.raises(errors.PermissionDeniedError):
            services.feedback_request_resolve(feedback_request=feedback, by=user)
    assert feedback.messages.count() == 1


def test_after_a_reassignment_the_learner_can_only_resolve_what_they_asked_the_old_mentor(
    mentee: User, mentor: User, backend_track: Track, staff: User
) -> None:
    feedback = ask_for_feedback(mentee)
    new_mentor = reassign(mentee, backend_track, staff)
    with pytest.raises(errors.FeedbackError, match="no longer mentors you"):
        services.feedback_message_add(feedback_request=feedback, author=mentee, body="hello?")
    services.feedback_request_resolve(feedback_request=feedback, by=mentee)
    # The former mentor can no longer open it, so they are not told; nor is the new one.
    assert not notices(mentor, Kind.FEEDBACK_RESOLVED)
    assert not notices(new_mentor, Kind.FEEDBACK_RESOLVED)


# --------------------------------------------------------------------------- who sees a request


def _sees(user: User, feedback: FeedbackRequest) -> bool:
    try:
        selectors.feedback_request_get(user=user, request_id=feedback.pk)
    except FeedbackRequest.DoesNotExist:
        return False
    return True


def test_the_learner_and_the_mentor_asked_see_a_request_nobody_else_does(
    mentee: User, mentor: User, outsider: User, staff: User, backend_track: Track
) -> None:
    feedback = ask_for_feedback(mentee)
    other_mentor = make_mentor("alan@example.com", backend_track)
    assert _sees(mentee, feedback) and _sees(mentor, feedback)
    assert not any(_sees(user, feedback) for user in (outsider, other_mentor, staff))


def test_a_reassigned_mentor_keeps_no_access_to_earlier_or_later_requests(
    mentee: User, mentor: User, backend_track: Track, staff: User
) -> None:
    before = ask_for_feedback(mentee)
    new_mentor = reassign(mentee, backend_track, staff)
    after = ask_for_feedback(mentee)
    assert after.mentor == new_mentor
    assert not _sees(mentor, before) and not _sees(mentor, after)
    # The new mentor answers what is asked of them, not what was asked of the old one.
    assert _sees(new_mentor, after) and not _sees(new_mentor, before)
    assert _sees(mentee, before) and _sees(mentee, after)
    assert list(selectors.feedback_request_list_for_mentor(mentor_user=mentor)) == []
    assert list(selectors.feedback_request_list_for_mentor(mentor_user=new_mentor)) == [after]


def test_lists_show_the_learners_own_open_first_and_the_mentors_oldest_first(
    mentee: User, mentor: User
) -> None:
    first, second, third = (ask_for_feedback(mentee) for _ in range(3))
    services.feedback_request_resolve(feedback_request=second, by=mentor)
    mine = list(selectors.feedback_request_list_for_learner(learner=mentee))
    assert mine == [third, first, second]
    assert list(selectors.feedback_request_list_for_mentor(mentor_user=mentor)) == [first, third]
    resolved = selectors.feedback_request_list_for_mentor(
        mentor_user=mentor, status=FeedbackRequest.Status.RESOLVED
    )
    assert list(resolved) == [second]


# --------------------------------------------------------------------------- pages


def test_the_result_page_offers_the_ask_form_and_posting_it_opens_the_request(
    mentee: User, mentor: User, learner_client: Client
) -> None:
    submission = failing_submission(mentee)
    page = learner_client.get(reverse("submissions:detail", args=[submission.pk]))
    ask_url = reverse("mentors:feedback_ask", args=[submission.pk])
    assert f'action="{ask_url}"' in page.content.decode()
    assert "Ask Grace" in page.content.decode()
    response = learner_client.post(ask_url, {"body": "Is my formula right?"})
    feedback = FeedbackRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("mentors:feedback", args=[feedback.pk])
    again = learner_client.get(reverse("submissions:detail", args=[submission.pk]))
    assert reverse("mentors:feedback", args=[feedback.pk]) in again.content.decode()
    assert f'action="{ask_url}"' not in again.content.decode()


def test_a_refused_question_is_shown_again_with_the_reason_and_the_text(
    submission_over_the_limit: Submission, learner_client: Client
) -> None:
    url = reverse("mentors:feedback_ask", args=[submission_over_the_limit.pk])
    response = learner_client.post(url, {"body": "My careful question"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "mark one resolved" in body
    assert "My careful question</textarea>" in body


def test_another_learners_submission_cannot_be_asked_about_from_the_page(
    mentee: User, outsider_client: Client
) -> None:
    submission = failing_submission(mentee)
    url = reverse("mentors:feedback_ask", args=[submission.pk])
    assert outsider_client.post(url, {"body": "mine now"}).status_code == 404
    assert not FeedbackRequest.objects.exists()


def test_the_request_page_numbers_lines_and_a_line_link_fills_the_comment_form(
    mentee: User, mentor: User
) -> None:
    feedback = ask_for_feedback(mentee)
    file_id = first_file_id(feedback)
    client = client_for(mentor)
    url = reverse("mentors:feedback", args=[feedback.pk])
    body = client.get(url).content.decode()
    assert f'id="F{file_id}-L3"' in body
    line_link = f'href="{url}?file={file_id}&amp;line=2#comment-form" data-line-pick="2"'
    assert line_link in body
    picked = client.get(url, {"file": file_id, "line": 2}).content.decode()
    assert 'name="line" min="1" required value="2"' in picked
    assert f'<option value="{file_id}" selected>' in picked


def test_a_refused_comment_keeps_what_was_typed(mentee: User, mentor: User) -> None:
    feedback = ask_for_feedback(mentee)
    response = client_for(mentor).post(
        reverse("mentors:feedback_comment", args=[feedback.pk]),
        {"file_id": first_file_id(feedback), "line": 99, "body": "A long, careful comment"},
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "has no line 99" in body
    assert "A long, careful comment</textarea>" in body
    assert 'value="99"' in body
    assert not feedback.comments.exists()


def test_the_mentor_comments_replies_and_resolves_from_the_page(mentee: User, mentor: User) -> None:
    feedback = ask_for_feedback(mentee)
    client = client_for(mentor)
    file_id = first_file_id(feedback)
    commented = client.post(
        reverse("mentors:feedback_comment", args=[feedback.pk]),
        {"file_id": file_id, "line": 2, "body": "Multiply by 5/9."},
    )
    assert commented.status_code == 302
    assert commented["Location"].endswith(f"#F{file_id}-L2")
    replied = client.post(reverse("mentors:feedback_message", args=[feedback.pk]), {"body": "ok"})
    assert replied.status_code == 302
    assert client.post(reverse("mentors:feedback_resolve", args=[feedback.pk])).status_code == 302
    feedback.refresh_from_db()
    assert not feedback.is_open
    page = client.get(reverse("mentors:feedback", args=[feedback.pk])).content.decode()
    assert "Multiply by 5/9." in page
    assert reverse("mentors:feedback_message", args=[feedback.pk]) not in page


def test_outsiders_get_404_on_every_feedback_page(
    mentee: User, outsider_client: Client, backend_track: Track, staff_client: Client
) -> None:
    feedback = ask_for_feedback(mentee)
    urls = [
        (reverse("mentors:feedback", args=[feedback.pk]), None),
        (reverse("mentors:feedback_message", args=[feedback.pk]), {"body": "x"}),
        (
            reverse("mentors:feedback_comment", args=[feedback.pk]),
            {"file_id": first_file_id(feedback), "line": 1, "body": "x"},
        ),
        (reverse("mentors:feedback_resolve", args=[feedback.pk]), {}),
    ]
    other_mentor = client_for(make_mentor("alan@example.com", backend_track))
    for client in (outsider_client, other_mentor, staff_client):
        for url, data in urls:
            response = client.get(url) if data is None else client.post(url, data)
            assert response.status_code == 404, url
    feedback.refresh_from_db()
    assert feedback.is_open and feedback.messages.count() == 1 and not feedback.comments.exists()


def test_the_mentor_reaches_open_requests_from_the_queue_and_profile(
    mentee: User, mentor: User, learner_client: Client
) -> None:
    feedback = ask_for_feedback(mentee)
    client = client_for(mentor)
    queue_url = reverse("mentors:feedback_queue")
    for page in ("mentors:queue", "mentors:profile"):
        assert queue_url in client.get(reverse(page)).content.decode()
    listing = client.get(queue_url).content.decode()
    assert reverse("mentors:feedback", args=[feedback.pk]) in listing
    assert learner_client.get(queue_url).status_code == 403


def test_the_request_page_costs_the_same_queries_however_long_the_thread(
    mentee: User, mentor: User, django_assert_max_num_queries: Any
) -> None:
    feedback = ask_for_feedback(mentee)
    client = client_for(mentor)
    url = reverse("mentors:feedback", args=[feedback.pk])
    client.get(url)  # warm the session and the caches a first request fills
    with django_assert_max_num_queries(12) as short:
        client.get(url)
    for n in range(6):
        services.feedback_message_add(feedback_request=feedback, author=mentee, body=f"m{n}")
        services.feedback_comment_add(
            feedback_request=feedback,
            author=mentor,
            file_id=first_file_id(feedback),
            line=n % 3 + 1,
            body=f"c{n}",
        )
    with django_assert_max_num_queries(12) as long:
        response = client.get(url)
    assert len(response.context["comments"]) == 6
    assert len(long.captured_queries) == len(short.captured_queries)


def test_the_lists_cost_the_same_queries_however_many_requests(
    mentee: User, mentor: User, learner_client: Client, django_assert_max_num_queries: Any
) -> None:
    ask_for_feedback(mentee)
    mentor_client = client_for(mentor)
    lists = [
        (learner_client, reverse("mentors:feedback_list")),
        (mentor_client, reverse("mentors:feedback_queue")),
    ]
    counts = []
    for client, url in lists:
        client.get(url)
        with django_assert_max_num_queries(10) as captured:
            client.get(url)
        counts.append(len(captured.captured_queries))
    for _ in range(2):
        ask_for_feedback(mentee)
    for (client, url), before in zip(lists, counts, strict=True):
        with django_assert_max_num_queries(10) as captured:
            response = client.get(url)
        assert len(response.context["page"].object_list) == 3
        assert len(captured.captured_queries) == before
