"""Mentoring on any exercise, through the pages: a learner asks their mentor about a failing
submission → the mentor is notified (inbox and one email) and comments on a line → the
learner is notified and replies → the mentor resolves. Then who else may look: another
learner, another mentor, and a mentor reassigned away (pages and API).

Emails go out the way a worker sends them: the batches published on commit are delivered
with the real task, each twice, to show a redelivered batch sends nothing again."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.core import mail
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.models import User
from courses.models import Track
from mentors import selectors
from mentors.models import FeedbackRequest
from mentors.tests.factories import client_for, failing_submission, make_mentor, reassign
from notifications import tasks
from notifications.models import DeliveryStatus, Kind, Notification
from tests.api.fixtures import session_token

pytestmark = pytest.mark.django_db


@pytest.fixture
def act(
    monkeypatch: pytest.MonkeyPatch, django_capture_on_commit_callbacks: Any
) -> Iterator[Callable[[Callable[[], Any]], Any]]:
    """Run one request, commit it, and deliver the emails it queued as a worker would."""
    published: list[list[int]] = []
    monkeypatch.setattr(tasks.deliver_batch, "delay", lambda ids: published.append(list(ids)))

    def run(step: Callable[[], Any]) -> Any:
        with django_capture_on_commit_callbacks(execute=True):
            result = step()
        while published:
            batch = published.pop(0)
            tasks.deliver_batch(notification_ids=batch)
            tasks.deliver_batch(notification_ids=batch)  # redelivered: sends nothing twice
        return result

    yield run


def api_for(user: User) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_X_SESSION_TOKEN=session_token(user))
    return client


def told(user: User, kind: str) -> list[Notification]:
    return list(Notification.objects.filter(recipient=user, kind=kind))


def mails_to(user: User) -> list[Any]:
    return [m for m in mail.outbox if m.to == [user.email]]


def test_learner_asks_mentor_comments_learner_replies_mentor_resolves(
    mentor: User,
    learner: User,
    outsider: User,
    staff: User,
    backend_track: Track,
    act: Callable[[Callable[[], Any]], Any],
) -> None:
    assignment = selectors.assignment_get_active(learner=learner)
    assert assignment is not None and assignment.mentor.user == mentor
    mail.outbox.clear()
    ada, grace = client_for(learner), client_for(mentor)

    # 1. Ada's submission failed; its result page offers to ask Grace.
    submission = failing_submission(learner)
    result_page = ada.get(reverse("submissions:detail", args=[submission.pk]))
    ask_url = reverse("mentors:feedback_ask", args=[submission.pk])
    assert f'action="{ask_url}"' in result_page.content.decode()
    asked = act(lambda: ada.post(ask_url, {"body": "Why is 212°F not 100°C?"}))
    assert asked.status_code == 302
    feedback = FeedbackRequest.objects.get(learner=learner)
    page_url = reverse("mentors:feedback", args=[feedback.pk])
    assert asked["Location"] == page_url

    # 2. Grace is told once: an inbox row and one email linking to the request.
    [notice] = told(mentor, Kind.FEEDBACK_REQUESTED)
    assert notice.inbox_status == DeliveryStatus.SENT
    assert notice.email_status == DeliveryStatus.SENT
    [email] = mails_to(mentor)
    assert page_url in email.body and "Why is 212°F not 100°C?" in email.body
    assert notice.title in grace.get(reverse("notifications:inbox")).content.decode()

    # 3. Grace opens it from her list and comments on line 2 of the submitted file.
    assert page_url in grace.get(reverse("mentors:feedback_queue")).content.decode()
    file_id = feedback.submission.files.get(path="temperature.py").pk
    request_page = grace.get(page_url).content.decode()
    assert f'href="{page_url}?file={file_id}&amp;line=2#comment-form"' in request_page
    commented = act(
        lambda: grace.post(
            reverse("mentors:feedback_comment", args=[feedback.pk]),
            {"file_id": file_id, "line": 2, "body": "After -32, multiply by 5/9."},
        )
    )
    assert commented.status_code == 302

    # 4. Ada is told once, sees the comment under line 2, and replies.
    [reply_notice] = told(learner, Kind.FEEDBACK_REPLY)
    assert reply_notice.title == "Grace commented on temperature.py:2 on Temperature converter"
    assert len(mails_to(learner)) == 1
    assert "After -32, multiply by 5/9." in ada.get(page_url).content.decode()
    replied = act(
        lambda: ada.post(
            reverse("mentors:feedback_message", args=[feedback.pk]), {"body": "Fixed, thanks!"}
        )
    )
    assert replied.status_code == 302
    [to_grace] = told(mentor, Kind.FEEDBACK_REPLY)
    assert to_grace.body == "Fixed, thanks!"
    assert len(mails_to(mentor)) == 2

    # 5. Grace resolves; Ada is told; the thread stays readable and closed to writing.
    resolved = act(lambda: grace.post(reverse("mentors:feedback_resolve", args=[feedback.pk])))
    assert resolved.status_code == 302
    feedback.refresh_from_db()
    assert feedback.status == FeedbackRequest.Status.RESOLVED
    assert feedback.first_response_at is not None and feedback.resolved_at is not None
    assert len(told(learner, Kind.FEEDBACK_RESOLVED)) == 1
    assert len(mails_to(learner)) == 2
    closed = ada.get(page_url).content.decode()
    assert "Fixed, thanks!" in closed
    assert reverse("mentors:feedback_message", args=[feedback.pk]) not in closed
    # Every notification went out exactly once: 2 emails each, none repeated.
    assert len(mail.outbox) == 4

    # 6. Another learner and another mentor of the track: 404 on the page and the API.
    alan = make_mentor("alan@example.com", backend_track)
    api_url = f"/api/v1/feedback/{feedback.pk}/"
    for intruder in (outsider, alan):
        assert client_for(intruder).get(page_url).status_code == 404
        assert api_for(intruder).get(api_url).status_code == 404
    assert api_for(mentor).get(api_url).status_code == 200

    # 7. Staff move Ada to Alan. Grace keeps no access to the request she answered, nor to
    #    the one Ada asks next (that goes to Alan, who cannot read the one made to Grace).
    reassign(learner, alan, staff)
    later = act(
        lambda: ada.post(
            reverse("mentors:feedback_ask", args=[failing_submission(learner).pk]),
            {"body": "And now Kelvin?"},
        )
    )
    assert later.status_code == 302
    after = FeedbackRequest.objects.exclude(pk=feedback.pk).get()
    assert after.mentor == alan
    assert len(told(alan, Kind.FEEDBACK_REQUESTED)) == 1
    assert len(told(mentor, Kind.FEEDBACK_REQUESTED)) == 1  # only the first, not this one
    grace_api, alan_api = api_for(mentor), api_for(alan)
    for request_id in (feedback.pk, after.pk):
        assert grace.get(reverse("mentors:feedback", args=[request_id])).status_code == 404
        assert grace_api.get(f"/api/v1/feedback/{request_id}/").status_code == 404
        message = grace_api.post(
            f"/api/v1/feedback/{request_id}/messages/", {"body": "still here"}, format="json"
        )
        assert message.status_code == 404
    assert grace_api.get("/api/v1/mentor/feedback/").json()["results"] == []
    assert alan_api.get(f"/api/v1/feedback/{after.pk}/").status_code == 200
    assert alan_api.get(api_url).status_code == 404
    assert client_for(alan).get(reverse("mentors:feedback", args=[after.pk])).status_code == 200
    # Ada still reads both of her requests.
    assert all(
        api_for(learner).get(f"/api/v1/feedback/{pk}/").status_code == 200
        for pk in (feedback.pk, after.pk)
    )
