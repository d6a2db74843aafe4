"""Submission pages: submit from the exercise page, the result page and its polled status
fragment, the history. Tried with the owner, another learner, a mentor, staff and anonymous."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from accounts.models import User
from conftest import client_for
from submissions.models import Submission
from submissions.tests.factories import GradedSubmissionFactory, SubmissionFactory, exercise

SLUG = "temperature-converter"
CODE = "def to_number(text):\n    return int(text)\n"


def create_url(slug: str = SLUG) -> str:
    return reverse("submissions:create", args=[slug])


def detail_url(submission: Submission) -> str:
    return reverse("submissions:detail", args=[submission.pk])


def status_url(submission: Submission) -> str:
    return reverse("submissions:status", args=[submission.pk])


@pytest.fixture
def submission(learner: User) -> Submission:
    return SubmissionFactory.create(learner=learner)


@pytest.fixture
def graded(learner: User) -> Submission:
    report = {
        "tests": [
            {
                "nodeid": "tests/test_temperature.py::test_convert",
                "name": "test_convert",
                "status": "failed",
                "message": "assert '1.0F' == '212.0F'",
                "output": "visible output",
                "duration": 0.01,
                "hidden": False,
            },
            {
                "nodeid": "tests/hidden/check_temperature.py::check_edge",
                "name": "check_edge",
                "status": "failed",
                "message": "",
                "output": "",
                "duration": 0.01,
                "hidden": True,
            },
        ]
    }
    return GradedSubmissionFactory.create(
        learner=learner, report=report, tests_passed=0, tests_total=2
    )


@pytest.fixture
def other_people(outsider: User, mentor: User, staff: User) -> dict[str, User]:
    return {"outsider": outsider, "mentor": mentor, "staff": staff}


# --- submitting ----------------------------------------------------------------------------


def test_the_exercise_page_offers_the_editor_and_a_multiple_file_upload(
    learner_client: Client,
) -> None:
    response = learner_client.get(reverse("courses:exercise", args=[SLUG]))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="path_0" value="temperature.py"' in html
    assert 'name="content_0"' in html
    assert f'action="{create_url()}"' in html
    upload = re.search(r'<input[^>]*name="uploads"[^>]*>', html)
    assert upload is not None
    assert " multiple" in upload.group()
    assert "allow_multiple_selected" not in upload.group()


def test_a_learner_submits_from_the_editor_and_lands_on_the_result_page(
    learner: User, learner_client: Client
) -> None:
    response = learner_client.post(
        create_url(), {"path_0": "temperature.py", "content_0": CODE.replace("\n", "\r\n")}
    )
    submission = Submission.objects.get(learner=learner)
    assert response.status_code == 302
    assert response["Location"] == detail_url(submission)
    assert submission.status == Submission.Status.QUEUED
    assert submission.source == Submission.Source.EDITOR
    assert submission.exercise.slug == SLUG
    assert list(submission.files.values_list("path", "content")) == [("temperature.py", CODE)]


def test_a_learner_uploads_files_and_lands_on_the_result_page(
    learner: User, learner_client: Client
) -> None:
    uploads = [
        SimpleUploadedFile("temperature.py", CODE.encode()),
        SimpleUploadedFile("notes.md", b"# my notes\n"),
    ]
    response = learner_client.post(create_url(), {"uploads": uploads})
    submission = Submission.objects.get(learner=learner)
    assert response.status_code == 302
    assert response["Location"] == detail_url(submission)
    assert submission.source == Submission.Source.UPLOAD
    assert sorted(submission.files.values_list("path", flat=True)) == ["notes.md", "temperature.py"]


def test_an_upload_replaces_the_editor_file_of_the_same_name(
    learner: User, learner_client: Client
) -> None:
    learner_client.post(
        create_url(),
        {
            "path_0": "temperature.py",
            "content_0": "old = 1\n",
            "uploads": SimpleUploadedFile("temperature.py", CODE.encode()),
        },
    )
    submission = Submission.objects.get(learner=learner)
    assert list(submission.files.values_list("path", "content")) == [("temperature.py", CODE)]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"path_0": "../temperature.py", "content_0": CODE},
            "“../temperature.py”: names may not contain '..' or '.' segments.",
        ),
        (
            {"path_0": "conftest.py", "content_0": CODE},
            "“conftest.py”: this name is reserved for the grader's tests and configuration.",
        ),
        ({"path_0": "", "content_0": ""}, "Add some code: edit the files below or upload them."),
        (
            {"uploads": SimpleUploadedFile("logo.py", b"\x89PNG\r\n\x1a\n\xff")},
            "logo.py is not UTF-8 text (byte 0); upload source files only.",
        ),
    ],
    ids=["traversal", "reserved", "empty", "binary-upload"],
)
def test_bad_input_re_renders_the_form_with_the_message(
    learner: User, learner_client: Client, data: dict[str, object], message: str
) -> None:
    response = learner_client.post(create_url(), data)
    assert response.status_code == 400
    assert response.templates[0].name == "courses/exercise_detail.html"
    html = response.content.decode()
    assert escape(message) in html
    assert 'role="alert"' in html
    assert not Submission.objects.filter(learner=learner).exists()


def test_the_re_rendered_form_keeps_what_the_learner_typed(learner_client: Client) -> None:
    response = learner_client.post(
        create_url(), {"path_0": "pkg/../x.py", "content_0": "KEEP_ME = 1\n"}
    )
    assert response.status_code == 400
    assert "KEEP_ME = 1" in response.content.decode()


def test_a_rate_limited_learner_sees_why(learner: User, learner_client: Client, settings) -> None:
    settings.SUBMISSIONS_PENDING_MAX = 1
    SubmissionFactory.create(learner=learner)
    response = learner_client.post(create_url(), {"path_0": "temperature.py", "content_0": CODE})
    assert response.status_code == 400
    assert escape("Your earlier submissions are still being graded") in response.content.decode()
    assert Submission.objects.filter(learner=learner).count() == 1


def test_submitting_to_an_exercise_of_another_track_is_a_404(
    outsider_client: Client, outsider: User
) -> None:
    backend_only = exercise("request-router")
    assert backend_only.module.track is not None
    response = outsider_client.post(
        create_url(backend_only.slug), {"path_0": "router.py", "content_0": CODE}
    )
    assert response.status_code == 404
    assert not Submission.objects.filter(learner=outsider).exists()


def test_the_submit_url_only_accepts_post(learner_client: Client) -> None:
    assert learner_client.get(create_url()).status_code == 405


def test_anonymous_visitors_are_sent_to_log_in_before_submitting(db: None) -> None:
    response = Client().post(create_url(), {"path_0": "temperature.py", "content_0": CODE})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert not Submission.objects.exists()


# --- the result page and its status fragment -----------------------------------------------


def test_the_owner_sees_a_pending_result_page_that_polls(
    learner_client: Client, submission: Submission, django_assert_max_num_queries
) -> None:
    with django_assert_max_num_queries(10):  # the layout's own queries plus a few
        response = learner_client.get(detail_url(submission))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'data-poll="{status_url(submission)}"' in html
    assert "Waiting for a grader" in html
    assert "temperature.py" in html


def test_a_graded_result_page_shows_each_test_and_stops_polling(
    learner_client: Client, graded: Submission
) -> None:
    html = learner_client.get(detail_url(graded)).content.decode()
    assert "data-poll" not in html
    assert "0/2 passed" in html
    assert "test_convert" in html and "check_edge" in html
    assert "Hidden checks" in html and "0 of 1 passed" in html
    assert "visible output" in html


@pytest.mark.parametrize("who", ["outsider", "mentor", "staff"])
@pytest.mark.parametrize("url", [detail_url, status_url], ids=["detail", "status"])
def test_someone_elses_result_is_a_404(
    submission: Submission, other_people: dict[str, User], who: str, url
) -> None:
    assert client_for(other_people[who]).get(url(submission)).status_code == 404


@pytest.mark.parametrize("url", [detail_url, status_url], ids=["detail", "status"])
def test_anonymous_visitors_are_sent_to_log_in_for_a_result(submission: Submission, url) -> None:
    response = Client().get(url(submission))
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={url(submission)}"


def test_a_missing_result_is_a_404(learner_client: Client) -> None:
    assert learner_client.get(reverse("submissions:detail", args=[999_999])).status_code == 404


@pytest.mark.parametrize(
    "status", [Submission.Status.QUEUED, Submission.Status.RUNNING, Submission.Status.PASSED]
)
def test_the_status_fragment_reports_the_status_in_a_header(
    learner: User, learner_client: Client, status: str
) -> None:
    submission = SubmissionFactory.create(learner=learner, status=status)
    response = learner_client.get(status_url(submission))
    assert response.status_code == 200
    assert response["X-Submission-Status"] == status
    html = response.content.decode()
    assert f'data-status="{status}"' in html
    assert "<html" not in html  # a fragment, not a page


def test_the_status_fragment_shows_hidden_checks_by_name_and_result_only(
    learner: User, learner_client: Client
) -> None:
    report = {
        "tests": [
            {
                "nodeid": "tests/hidden/test_x.py::test_secret",
                "name": "test_secret",
                "status": "failed",
                "message": "boom",
                "output": "SECRET OUTPUT",
                "duration": 0.0,
                "hidden": True,
            }
        ]
    }
    submission = GradedSubmissionFactory.create(
        learner=learner, report=report, tests_total=1, tests_passed=0
    )
    html = learner_client.get(status_url(submission)).content.decode()
    assert "test_secret" in html
    assert "SECRET OUTPUT" not in html and "boom" not in html


# --- history --------------------------------------------------------------------------------


def test_the_history_lists_only_the_learners_own_submissions(
    learner: User, outsider: User, learner_client: Client
) -> None:
    mine = GradedSubmissionFactory.create(learner=learner)
    theirs = GradedSubmissionFactory.create(learner=outsider)
    html = learner_client.get(reverse("submissions:history")).content.decode()
    assert detail_url(mine) in html
    assert detail_url(theirs) not in html


def test_the_history_is_paginated_with_queries_constant_in_page_size(
    learner: User, learner_client: Client, django_assert_max_num_queries
) -> None:
    for slug in ("temperature-converter", "calculator", "word-frequency"):
        GradedSubmissionFactory.create_batch(10, learner=learner, exercise=exercise(slug))
    url = reverse("submissions:history")
    with django_assert_max_num_queries(10):  # the layout's own queries plus a few
        first = learner_client.get(url)
    with CaptureQueriesContext(connection) as full_page:
        learner_client.get(url)
    with CaptureQueriesContext(connection) as short_page:
        second = learner_client.get(url, {"page": 2})
    assert len(full_page) == len(short_page)  # 25 rows cost what 5 rows cost
    assert first.status_code == second.status_code == 200
    assert len(first.context["page"].object_list) == 25
    assert len(second.context["page"].object_list) == 5
    assert "Page 1 of 2" in first.content.decode()
    assert "Page 2 of 2" in second.content.decode()
    newest = Submission.objects.filter(learner=learner).order_by("-created_at", "-id").first()
    assert first.context["page"].object_list[0] == newest


def test_the_history_of_a_new_learner_says_there_is_nothing_yet(learner_client: Client) -> None:
    response = learner_client.get(reverse("submissions:history"))
    assert response.status_code == 200
    assert "Nothing submitted yet" in response.content.decode()


def test_anonymous_visitors_are_sent_to_log_in_for_the_history(db: None) -> None:
    response = Client().get(reverse("submissions:history"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
