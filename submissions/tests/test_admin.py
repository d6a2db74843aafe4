"""The submission's admin page: the report as the learner sees it, then what only staff see."""

from __future__ import annotations

import pytest
from django.test import Client

from submissions.models import Submission
from submissions.tests.factories import GradedSubmissionFactory

pytestmark = pytest.mark.django_db

REPORT = {
    "outcome": "failed",
    "exit_code": 1,
    "log_tail": "collected 3 items",
    "hidden_outcome": "",
    "tests": [
        {
            "nodeid": "tests/test_temperature.py::test_parses_celsius",
            "name": "test_parses_celsius",
            "status": "failed",
            "message": "assert 20.0 == 21.5",
            "output": "",
            "hidden": False,
        },
        {"name": "negative numbers", "status": "failed", "message": "", "hidden": True},
        {"name": "blank input", "status": "passed", "message": "", "hidden": True},
    ],
}


def change_page(client: Client, submission: Submission) -> str:
    response = client.get(f"/admin/submissions/submission/{submission.pk}/change/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_report_is_rendered_as_the_learner_sees_it_not_as_json(staff_client: Client) -> None:
    submission = GradedSubmissionFactory.create(report=REPORT)
    html = change_page(staff_client, submission)
    learner_part = html.split('id="learner-view"')[1].split('id="staff-view"')[0]
    assert "test_parses_celsius" in learner_part
    assert "assert 20.0 == 21.5" in learner_part
    assert "Hidden checks" in learner_part and "negative numbers" in learner_part
    assert "3/18 passed" in learner_part
    assert '"nodeid"' not in html  # no raw JSON


def test_staff_also_see_the_hidden_tests_and_the_grader_notes(staff_client: Client) -> None:
    submission = GradedSubmissionFactory.create(
        report=REPORT, grader_notes=["negative numbers: expected -4.0, got 4.0"]
    )
    staff_part = change_page(staff_client, submission).split('id="staff-view"')[1]
    assert "negative numbers" in staff_part and "blank input" in staff_part
    assert "expected -4.0, got 4.0" in staff_part
    assert "collected 3 items" in staff_part


def test_the_submission_page_is_for_staff_only(learner_client: Client) -> None:
    submission = GradedSubmissionFactory.create(report=REPORT)
    response = learner_client.get(f"/admin/submissions/submission/{submission.pk}/change/")
    assert response.status_code == 302  # to the login page
