"""The result page: failures first, grouped by test file; a next step after a pass; the
polled fragment says when it is final and whether the code-quality findings are still to come."""

from __future__ import annotations

from typing import Any

from django.test import Client
from django.urls import reverse

from accounts.models import User
from courses import selectors as course_selectors
from submissions import selectors
from submissions.models import Submission
from submissions.tests.factories import GradedSubmissionFactory


def _test(nodeid: str, status: str) -> dict[str, Any]:
    return {
        "nodeid": nodeid,
        "name": nodeid.split("::")[-1],
        "status": status,
        "message": "",
        "output": "",
        "duration": 0.0,
        "hidden": False,
    }


REPORT = {
    "tests": [
        _test("tests/test_a.py::test_one", "passed"),
        _test("tests/test_b.py::test_two", "passed"),
        _test("tests/test_b.py::test_three", "failed"),
        _test("tests/test_a.py::test_four", "passed"),
        _test("tests/test_b.py::test_five", "error"),
        {
            "nodeid": "tests/hidden/check_x.py::check_ok",
            "name": "check_ok",
            "status": "passed",
            "hidden": True,
        },
        {
            "nodeid": "tests/hidden/check_x.py::check_bad",
            "name": "check_bad",
            "status": "failed",
            "hidden": True,
        },
    ]
}


def status_url(submission: Submission) -> str:
    return reverse("submissions:status", args=[submission.pk])


def detail_url(submission: Submission) -> str:
    return reverse("submissions:detail", args=[submission.pk])


def test_tests_are_grouped_by_file_with_failing_files_and_failures_first() -> None:
    visible = [item for item in REPORT["tests"] if not item.get("hidden")]
    for item in visible:
        item["file"] = item["nodeid"].split("::")[0]
    groups = selectors.results_by_file(visible)
    assert [group.file for group in groups] == ["tests/test_b.py", "tests/test_a.py"]
    assert [t["name"] for t in groups[0].tests] == ["test_three", "test_five", "test_two"]
    assert (groups[0].failed, groups[0].passed) == (2, 1)
    assert [t["name"] for t in groups[1].tests] == ["test_one", "test_four"]


def test_hidden_checks_list_the_failed_ones_first(learner: User) -> None:
    submission = GradedSubmissionFactory.create(learner=learner, report=REPORT)
    report = selectors.public_report(submission=submission)
    assert [c["name"] for c in report["hidden_checks"]] == ["check_bad", "check_ok"]


def test_the_result_page_shows_the_failing_file_first(
    learner: User, learner_client: Client
) -> None:
    submission = GradedSubmissionFactory.create(learner=learner, report=REPORT)
    html = learner_client.get(detail_url(submission)).content.decode()
    assert html.index("test_three") < html.index("test_two") < html.index("test_one")
    assert "Back to your code" in html
    assert "well done" not in html


def test_a_pass_celebrates_and_links_the_next_step(learner: User, learner_client: Client) -> None:
    submission = GradedSubmissionFactory.create(
        learner=learner,
        report={"tests": [_test("tests/test_a.py::test_one", "passed")]},
        status=Submission.Status.PASSED,
        tests_passed=1,
        tests_total=1,
        reason="",
    )
    step = course_selectors.step_next(
        learner=learner, kind="exercise", slug=submission.exercise.slug
    )
    assert step is not None
    html = learner_client.get(detail_url(submission)).content.decode()
    assert "well done" in html
    assert f'href="{step.url}"' in html
    assert f"Next: {step.title}." in html  # what the live region announces


def test_a_pending_submission_polls_and_is_not_final(learner: User, learner_client: Client) -> None:
    submission = GradedSubmissionFactory.create(learner=learner, status=Submission.Status.RUNNING)
    response = learner_client.get(status_url(submission))
    assert (response["X-Poll-Final"], response["X-Poll-More"]) == ("0", "0")


def test_a_graded_submission_waiting_for_quality_keeps_the_page_polling(
    learner: User, learner_client: Client
) -> None:
    submission = GradedSubmissionFactory.create(learner=learner, quality={}, quality_enqueues=1)
    response = learner_client.get(status_url(submission))
    assert (response["X-Poll-Final"], response["X-Poll-More"]) == ("1", "1")
    assert "reading your code" in response.content.decode()
    assert "data-poll" in learner_client.get(detail_url(submission)).content.decode()


def test_once_quality_is_in_the_fragment_is_final_with_nothing_more(
    learner: User, learner_client: Client
) -> None:
    submission = GradedSubmissionFactory.create(
        learner=learner, quality={"findings": []}, quality_enqueues=1
    )
    response = learner_client.get(status_url(submission))
    assert (response["X-Poll-Final"], response["X-Poll-More"]) == ("1", "0")
    assert "data-poll" not in learner_client.get(detail_url(submission)).content.decode()


def test_the_result_page_has_one_polite_status_region(
    learner: User, learner_client: Client
) -> None:
    submission = GradedSubmissionFactory.create(learner=learner, status=Submission.Status.QUEUED)
    html = learner_client.get(detail_url(submission)).content.decode()
    assert html.count('aria-live="polite"') == 1
    assert 'aria-busy="true"' in html
