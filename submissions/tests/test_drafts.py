"""Drafts: what the learner types is kept (autosave), comes back when they return, survives a
refused submission, and is forgotten only when they start over. Tried with the owner,
another learner (outsider), a mentor and anonymous."""

from __future__ import annotations

import datetime
import json
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from conftest import client_for
from submissions import services
from submissions.errors import SubmissionError
from submissions.models import Draft, Submission
from submissions.services import MAX_FILE_BYTES, IncomingFile
from submissions.tests.factories import SubmissionFactory, exercise

SLUG = "temperature-converter"
DRAFT = "def celsius_to_fahrenheit(celsius):\n    return celsius * 2  # half done\n"


def draft_url(slug: str = SLUG) -> str:
    return reverse("submissions:draft", args=[slug])


def exercise_url(slug: str = SLUG) -> str:
    return reverse("courses:exercise", args=[slug])


def post_draft(client: Client, files: object, slug: str = SLUG) -> Any:
    return client.post(
        draft_url(slug), json.dumps({"files": files}), content_type="application/json"
    )


def test_a_draft_is_saved_once_per_learner_and_exercise_last_write_wins(learner: User) -> None:
    task = exercise(SLUG)
    services.draft_save(learner=learner, exercise=task, files=[IncomingFile("a.py", "1\n")])
    services.draft_save(learner=learner, exercise=task, files=[IncomingFile("a.py", "2\r\n")])
    (draft,) = Draft.objects.filter(learner=learner)
    assert draft.files == [{"path": "a.py", "content": "2\n"}]


def test_an_unfinished_draft_is_kept_even_with_a_half_typed_file_name(learner: User) -> None:
    services.draft_save(
        learner=learner, exercise=exercise(SLUG), files=[IncomingFile("temp", "x = (")]
    )
    assert Draft.objects.get(learner=learner).files[0]["path"] == "temp"


def test_a_draft_larger_than_a_submission_may_be_is_refused(learner: User) -> None:
    big = "x" * (MAX_FILE_BYTES + 1)
    with pytest.raises(SubmissionError, match="at most"):
        services.draft_save(
            learner=learner, exercise=exercise(SLUG), files=[IncomingFile("a.py", big)]
        )
    assert not Draft.objects.exists()


def test_a_draft_of_an_exercise_outside_the_plan_is_refused(outsider: User) -> None:
    with pytest.raises(SubmissionError):
        services.draft_save(
            learner=outsider,
            exercise=exercise("request-router"),
            files=[IncomingFile("a.py", "1\n")],
        )


def test_the_editor_autosaves_through_the_draft_endpoint(
    learner: User, learner_client: Client
) -> None:
    response = post_draft(learner_client, [{"path": "temperature.py", "content": DRAFT}])
    assert response.status_code == 200
    assert response.json()["saved_at"]
    assert Draft.objects.get(learner=learner).files[0]["content"] == DRAFT


@pytest.mark.parametrize(
    "body",
    ["not json", json.dumps({"files": "x"}), json.dumps({"files": [{"path": 1, "content": ""}]})],
)
def test_a_malformed_draft_is_a_400_with_the_expected_shape(
    learner_client: Client, body: str
) -> None:
    response = learner_client.post(draft_url(), body, content_type="application/json")
    assert response.status_code == 400
    assert "files" in response.json()["detail"]


def test_a_refused_draft_answers_400_with_the_reason(learner_client: Client) -> None:
    response = post_draft(learner_client, [{"path": "a.py", "content": "x" * (MAX_FILE_BYTES + 1)}])
    assert response.status_code == 400
    assert "KiB" in response.json()["detail"]


def test_starting_over_deletes_the_draft(learner: User, learner_client: Client) -> None:
    post_draft(learner_client, [{"path": "temperature.py", "content": DRAFT}])
    assert learner_client.delete(draft_url()).status_code == 200
    assert not Draft.objects.filter(learner=learner).exists()


def test_another_tracks_learner_cannot_save_a_draft_of_this_track(
    outsider_client: Client,
) -> None:
    response = post_draft(
        outsider_client, [{"path": "a.py", "content": "1"}], slug="request-router"
    )
    assert response.status_code == 404


def test_anonymous_visitors_cannot_save_drafts(db: None) -> None:
    response = post_draft(Client(), [{"path": "a.py", "content": "1"}])
    assert response.status_code == 302
    assert not Draft.objects.exists()


def test_the_draft_endpoint_only_takes_post_and_delete(learner_client: Client) -> None:
    assert learner_client.get(draft_url()).status_code == 405


def test_returning_to_the_exercise_restores_the_draft(
    learner: User, learner_client: Client
) -> None:
    post_draft(learner_client, [{"path": "temperature.py", "content": DRAFT}])
    page = learner_client.get(exercise_url()).content.decode()
    assert "return celsius * 2  # half done" in page
    assert "Restored your draft" in page


def test_a_submission_newer_than_the_draft_is_what_the_editor_opens(learner: User) -> None:
    task = exercise(SLUG)
    services.draft_save(learner=learner, exercise=task, files=[IncomingFile("t.py", "old\n")])
    Draft.objects.update(updated_at=timezone.now() - datetime.timedelta(hours=1))
    SubmissionFactory.create(
        learner=learner, files=[IncomingFile("temperature.py", "submitted = 1\n")]
    )
    page = client_for(learner).get(exercise_url()).content.decode()
    assert "submitted = 1" in page
    assert "Restored your draft" not in page


def test_asking_for_the_starter_files_shows_them_and_keeps_the_draft(
    learner: User, learner_client: Client
) -> None:
    post_draft(learner_client, [{"path": "temperature.py", "content": DRAFT}])
    page = learner_client.get(exercise_url() + "?starter=1").content.decode()
    assert "half done" not in page
    assert "These are the starter files" in page
    assert Draft.objects.filter(learner=learner).exists()


def test_a_refused_upload_comes_back_with_the_typed_code_and_no_submission(
    learner: User, learner_client: Client
) -> None:
    big = SimpleUploadedFile("big.py", b"x = 1\n" * 20_000, content_type="text/x-python")
    response = learner_client.post(
        reverse("submissions:create", args=[SLUG]),
        {"path_0": "temperature.py", "content_0": DRAFT, "uploads": [big]},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "too large" in page
    assert "return celsius * 2  # half done" in page
    assert 'data-draft-source="refused"' in page  # the editor keeps it as the draft
    assert not Submission.objects.filter(learner=learner).exists()
