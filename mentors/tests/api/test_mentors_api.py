from __future__ import annotations

from typing import Any

import pytest

from mentors import services
from mentors.models import ReviewRound
from mentors.tests.factories import (
    PROJECT,
    full_scores,
    make_learner,
    started_capstone,
    upload,
    zip_bytes,
)
from tests.api.fixtures import query_count

pytestmark = pytest.mark.django_db


@pytest.fixture
def capstone(learner, mentor, staff, backend_track):
    return started_capstone(learner, backend_track, staff=staff)


def upload_version(client: Any) -> Any:
    archive = upload(zip_bytes(PROJECT))
    return client.post("/api/v1/capstone/versions/", {"archive": archive}, format="multipart")


def test_capstone_cannot_start_before_phase_three(api_learner):
    response = api_learner.post("/api/v1/capstone/start/")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert api_learner.get("/api/v1/capstone/").status_code == 404


def test_learner_uploads_a_version_and_sees_the_round(api_learner, capstone):
    assert api_learner.get("/api/v1/capstone/").json()["status"] == "in_progress"
    created = upload_version(api_learner)
    assert created.status_code == 201, created.content
    rounds = api_learner.get("/api/v1/capstone/rounds/").json()["results"]
    assert [r["id"] for r in rounds] == [created.json()["round_id"]]
    detail = api_learner.get(f"/api/v1/rounds/{rounds[0]['id']}/").json()
    assert detail["files"]
    assert detail["status"] == "waiting"


def test_the_round_detail_lists_line_comments_and_counts_them_per_file(
    api, api_learner, capstone, mentor
):
    round_id = upload_version(api_learner).json()["round_id"]
    as_mentor = api(mentor)
    files = as_mentor.get(f"/api/v1/rounds/{round_id}/").json()["files"]
    assert [f["path"] for f in files] == sorted(f["path"] for f in files)
    text_file = next(f for f in files if f["is_text"])
    for line in (2, 1):
        as_mentor.post(
            f"/api/v1/rounds/{round_id}/comments/",
            {"file_id": text_file["id"], "line": line, "body": f"On line {line}."},
        )
    detail = api_learner.get(f"/api/v1/rounds/{round_id}/").json()
    assert [(c["path"], c["line"]) for c in detail["comments"]] == [
        (text_file["path"], 1),
        (text_file["path"], 2),
    ]
    counts = {f["id"]: f["comment_count"] for f in detail["files"]}
    assert counts[text_file["id"]] == 2
    assert sum(counts.values()) == 2


def test_a_bad_archive_is_a_400_problem(api_learner, capstone):
    response = api_learner.post(
        "/api/v1/capstone/versions/",
        {"archive": upload(b"not an archive", "notes.txt")},
        format="multipart",
    )
    assert response.status_code == 400


def test_mentor_reviews_with_comments_scores_and_decision(
    api, api_learner, capstone, mentor, backend_track
):
    round_id = upload_version(api_learner).json()["round_id"]
    as_mentor = api(mentor)
    assert [r["id"] for r in as_mentor.get("/api/v1/mentor/queue/").json()["results"]] == [round_id]
    mentees = as_mentor.get("/api/v1/mentor/mentees/").json()["results"]
    assert [m["learner"]["name"] for m in mentees] == ["Ada"]
    detail = as_mentor.get(f"/api/v1/rounds/{round_id}/").json()
    text_file = next(f for f in detail["files"] if f["is_text"])
    comment = as_mentor.post(
        f"/api/v1/rounds/{round_id}/comments/",
        {"file_id": text_file["id"], "line": 1, "body": "Nice start."},
    )
    assert comment.status_code == 201, comment.content
    message = api_learner.post(f"/api/v1/rounds/{round_id}/messages/", {"body": "Thanks!"})
    assert message.status_code == 201
    decided = as_mentor.post(
        f"/api/v1/rounds/{round_id}/decision/",
        {"decision": "approved", "summary": "Great work.", "scores": full_scores(backend_track)},
    )
    assert decided.status_code == 200, decided.content
    assert decided.json()["status"] == "approved"
    code = api_learner.get("/api/v1/capstone/").json()["certificate_code"]
    verified = api(None).get(f"/api/v1/certificates/{code}/")
    assert verified.status_code == 200
    assert verified.json()["learner_name"] == "Ada"
    twice = as_mentor.post(
        f"/api/v1/rounds/{round_id}/decision/",
        {"decision": "approved", "summary": "again", "scores": full_scores(backend_track)},
    )
    # Approval ends the assignment: the mentor may read the round but not act on it again.
    assert twice.status_code == 403


def test_learners_cannot_review_or_use_mentor_lists(api_learner, api_outsider, capstone):
    round_id = upload_version(api_learner).json()["round_id"]
    assert api_learner.get("/api/v1/mentor/queue/").status_code == 403
    assert (
        api_learner.post(
            f"/api/v1/rounds/{round_id}/decision/", {"decision": "approved", "summary": "me"}
        ).status_code
        == 403
    )
    assert api_outsider.get(f"/api/v1/rounds/{round_id}/").status_code == 404
    assert (
        api_outsider.post(f"/api/v1/rounds/{round_id}/messages/", {"body": "hi"}).status_code == 404
    )


def test_another_mentor_cannot_see_a_round_of_someone_elses_mentee(
    api, api_learner, capstone, backend_track
):
    from mentors.tests.factories import make_mentor

    round_id = upload_version(api_learner).json()["round_id"]
    stranger = api(make_mentor("other-mentor@example.com", backend_track))
    assert stranger.get(f"/api/v1/rounds/{round_id}/").status_code == 404
    assert stranger.get("/api/v1/mentor/queue/").json()["results"] == []


def test_unknown_certificate_is_404(api_anon):
    assert api_anon.get("/api/v1/certificates/NOPE-NOPE-NOPE/").status_code == 404


def test_mentor_lists_are_constant_in_page_size(api, mentor, staff, backend_track):
    for index in range(6):
        learner = make_learner(f"mentee{index}@example.com")
        from courses import services as course_services

        course_services.enroll(learner=learner, track=backend_track)
        started_capstone(learner, backend_track, staff=staff)
        services.capstone_upload(learner=learner, upload=upload(zip_bytes(PROJECT)))
    as_mentor = api(mentor)
    assert ReviewRound.objects.count() == 6
    for path in ("/api/v1/mentor/queue/", "/api/v1/mentor/mentees/"):
        small = query_count(as_mentor, f"{path}?page_size=2")
        large = query_count(as_mentor, f"{path}?page_size=6")
        assert small == large <= 8, path
