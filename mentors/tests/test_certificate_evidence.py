"""The public certificate pages carry their evidence: every review round of the capstone
(dates, decision, rubric scores) and the final version's automated checks, and nothing of
the learner's project itself."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import User
from courses.models import Track
from mentors import selectors, services
from mentors.models import Certificate, ReviewRound
from mentors.tasks import run_capstone_checks
from mentors.tests.factories import PROJECT, decide, upload, zip_bytes

pytestmark = pytest.mark.django_db

MARKER = "ZEBRA-PARROT-7731"  # in the project's code, a file and a failing test's message
SECOND_VERSION = {
    **PROJECT,
    "app/secret.py": f"EXPECTED = '{MARKER}'\n",
    "tests/test_more.py": (
        "from app.secret import EXPECTED\n"
        "\n"
        "\n"
        "def test_the_expected_value() -> None:\n"
        f"    assert EXPECTED == 'other', 'wanted {MARKER}'\n"
    ),
}


def pages(code: str) -> list[str]:
    client = Client()  # anybody: the pages are public
    return [
        client.get(reverse(name, args=[code])).content.decode()
        for name in ("mentors:certificate", "mentors:certificate_print")
    ]


@pytest.fixture
def certificate(
    review_round: ReviewRound, mentor: User, learner: User, backend_track: Track
) -> Certificate:
    """Changes requested in round 1 (the first criterion scored 1), then round 2, with a
    failing test among the checks, approved with full marks."""
    first_slug = str(backend_track.rubric[0]["slug"])
    decide(review_round, mentor, ReviewRound.Status.CHANGES_REQUESTED, scores={first_slug: 1})
    version = services.capstone_upload(learner=learner, upload=upload(zip_bytes(SECOND_VERSION)))
    run_capstone_checks.apply(args=[version.check_run.pk])
    version.check_run.refresh_from_db()
    assert MARKER in str(version.check_run.report)  # the stored report does hold it
    decide(version.review_round, mentor)
    return learner.certificates.get()


def test_the_certificate_lists_every_round_with_dates_decisions_and_scores(
    certificate: Certificate, backend_track: Track
) -> None:
    rubric = backend_track.rubric
    first = rubric[0]
    rounds = list(certificate.capstone.rounds.order_by("number"))
    for page in pages(certificate.code):
        table = page.split('class="table evidence-rounds"')[1].split("</table>")[0]
        rows = table.split("<tbody>")[1].split("</tr>")
        assert "<td>1</td>" in rows[0] and "Changes requested" in rows[0]
        assert "<td>2</td>" in rows[1] and "Approved" in rows[1]
        assert f"{first['title']}: 1/{first['max_score']}" in rows[0]
        for criterion in rubric:
            assert (
                f"{criterion['title']}: {criterion['max_score']}/{criterion['max_score']}"
                in rows[1]
            )
        for review_round in rounds:
            assert review_round.created_at.strftime("%-d %B %Y") in page
            assert review_round.decided_at is not None
            assert review_round.decided_at.strftime("%-d %B %Y") in page


def test_the_certificate_shows_the_final_checks_passed_or_failed(
    certificate: Certificate,
) -> None:
    final_run = certificate.capstone.versions.get(number=2).check_run
    for page in pages(certificate.code):
        checks = page.split('class="check-list evidence-checks"')[1].split("</ul>")[0]
        names = [item.split("</strong>")[0] for item in checks.split("<strong>")[1:]]
        assert names == ["Tests:", "ruff:", "mypy:", "README:"]
        tests = checks.split("<strong>Tests:</strong>")[1].split("</li>")[0]
        assert ">failed<" in tests
        assert f"{final_run.tests_passed} of {final_run.tests_total} passed" in tests
        assert final_run.tests_total == 2 and final_run.tests_passed == 1
        readme = checks.split("<strong>README:</strong>")[1].split("</li>")[0]
        assert ">passed<" in readme


def api_certificate(code: str) -> dict[str, Any]:
    response = Client().get(f"/api/v1/certificates/{code}/")
    assert response.status_code == 200
    body: dict[str, Any] = response.json()
    return body


def test_the_api_certificate_carries_the_same_rounds_and_checks(
    certificate: Certificate, backend_track: Track
) -> None:
    body = api_certificate(certificate.code)
    first = backend_track.rubric[0]
    assert [(r["number"], r["decision"]) for r in body["rounds"]] == [
        (1, "changes_requested"),
        (2, "approved"),
    ]
    assert {"criterion": first["slug"], "title": first["title"], "score": 1,
            "max_score": first["max_score"]} in body["rounds"][0]["scores"]  # fmt: skip
    assert all(r["submitted_at"] and r["decided_at"] for r in body["rounds"])
    checks = {c["name"]: c["passed"] for c in body["final_checks"]}
    assert checks == {
        "Tests": False,
        "ruff": checks["ruff"],
        "mypy": checks["mypy"],
        "README": True,
    }
    assert body["checks_note"] == ""


def test_the_api_certificate_reads_three_queries(
    certificate: Certificate, django_assert_max_num_queries
) -> None:
    with django_assert_max_num_queries(3):
        api_certificate(certificate.code)


def test_nothing_of_the_learners_project_reaches_the_certificate(
    certificate: Certificate,
) -> None:
    for page in [*pages(certificate.code), json.dumps(api_certificate(certificate.code))]:
        assert MARKER not in page
        assert "add_task" not in page  # code of the project
        assert "test_the_expected_value" not in page  # names from its test run
        assert "app/tasks.py" not in page  # its files


def test_unfinished_checks_are_said_so_not_shown_as_passed(
    review_round: ReviewRound, mentor: User, learner: User
) -> None:
    decide(review_round, mentor)  # approved while the checks are still queued
    (page, print_page) = pages(learner.certificates.get().code)
    for html in (page, print_page):
        assert "The automated checks of the final version did not finish." in html
        assert "evidence-checks" not in html.split("</h2>")[-1]


def test_the_certificate_pages_read_three_queries_for_two_rounds_as_for_one(
    certificate: Certificate, django_assert_max_num_queries
) -> None:
    # The certificate, the rounds with their versions' checks, the rounds' scores: one
    # query each, however many rounds (the fixture has two).
    with django_assert_max_num_queries(3):
        evidence = selectors.certificate_evidence_get(code=certificate.code)
    assert [r.number for r in evidence.rounds] == [1, 2]
    for name in ("mentors:certificate", "mentors:certificate_print"):
        with django_assert_max_num_queries(3):
            assert Client().get(reverse(name, args=[certificate.code])).status_code == 200


def test_an_unknown_code_is_a_404() -> None:
    assert Client().get(reverse("mentors:certificate", args=["NOPE1234"])).status_code == 404
