"""The whole mentorship journey, through the pages and the worker task with the real sandbox:
enroll → mentor assigned → capstone uploaded → checks → changes requested with a line
comment → new version → approved → certificate verifies on its public page."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import User
from courses import services as course_services
from courses.models import Track
from mentors import selectors, services
from mentors.models import Capstone, CheckRun, LineComment, ReviewRound
from mentors.tasks import run_capstone_checks
from mentors.tests.factories import PROJECT, make_learner, zip_bytes
from notifications.models import Notification


def kinds_for(user: User) -> list[str]:
    return sorted(Notification.objects.filter(recipient=user).values_list("kind", flat=True))


def upload_and_check(
    client: Client, files: dict[str, str], monkeypatch: Any, capture: Any
) -> ReviewRound:
    """Upload through the page, then deliver the enqueued task once, as a worker would."""
    enqueued: list[int] = []
    monkeypatch.setattr(
        run_capstone_checks, "delay", lambda check_run_id: enqueued.append(check_run_id)
    )
    archive = zip_bytes(files, prefix="task-api/")
    with capture(execute=True):
        response = client.post(
            reverse("mentors:capstone_upload"),
            {"archive": _file(archive)},
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert len(enqueued) == 1
    assert run_capstone_checks.apply(args=[enqueued[0]]).get() == CheckRun.Status.DONE
    # A second delivery of the same message is a no-op.
    assert run_capstone_checks.apply(args=[enqueued[0]]).get() == "skipped"
    return ReviewRound.objects.get(version__check_run__pk=enqueued[0])


def _file(data: bytes) -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("task-api.zip", data)


@pytest.mark.django_db
def test_learner_goes_from_enrollment_to_a_verified_certificate(
    backend_track: Track, staff: User, monkeypatch: Any, django_capture_on_commit_callbacks: Any
) -> None:
    mentor = User.objects.create_user("grace@example.com", "a-long-test-password")
    from mentors.models import MentorProfile

    profile = MentorProfile.objects.create(user=mentor, capacity=2)
    profile.tracks.set([backend_track])

    # 1. Enrolling assigns the mentor automatically, and both are told.
    learner = make_learner("ada@example.com")
    course_services.enroll(learner=learner, track=backend_track)
    assignment = selectors.assignment_get_active(learner=learner)
    assert assignment is not None and assignment.mentor.user == mentor
    assert kinds_for(learner) == ["mentor_assigned"]
    assert kinds_for(mentor) == ["mentor_assigned"]

    learner_client, mentor_client, public = Client(), Client(), Client()
    learner_client.force_login(learner)
    mentor_client.force_login(mentor)

    # 2. Staff unlock, the learner starts: a deadline is set.
    services.capstone_unlock(learner=learner, track=backend_track, by=staff)
    assert learner_client.post(reverse("mentors:capstone_start")).status_code == 302
    capstone = Capstone.objects.get(learner=learner)
    assert capstone.due_at is not None and capstone.started_at is not None
    assert (capstone.due_at - capstone.started_at).days == backend_track.capstone_days

    # 3. Version 1: a failing test, checks run by the worker task in the sandbox.
    broken = {
        **PROJECT,
        "tests/test_count.py": "from app.tasks import count\n\n\ndef test_count() -> None:\n    assert count(['a']) == 2\n",
    }
    round_one = upload_and_check(
        learner_client, broken, monkeypatch, django_capture_on_commit_callbacks
    )
    check_run = round_one.version.check_run
    assert check_run.status == CheckRun.Status.DONE
    assert (check_run.tests_outcome, check_run.tests_passed, check_run.tests_total) == (
        "failed",
        1,
        2,
    )
    assert check_run.coverage_percent is not None and check_run.coverage_percent > 50
    assert check_run.readme_ok
    assert "review_requested" in kinds_for(mentor)

    # The mentor's queue lists it; the review page shows files, highlighting and checks.
    queue = mentor_client.get(reverse("mentors:queue"))
    assert reverse("mentors:round", args=[round_one.pk]) in queue.content.decode()
    page = mentor_client.get(reverse("mentors:round", args=[round_one.pk]) + "?file=app/tasks.py")
    html = page.content.decode()
    assert page.status_code == 200
    assert '<span class="k">def</span>' in html  # Pygments tokens
    assert "1/2 tests" in html

    # 4. A line comment and "changes requested" (a partial rubric is fine for changes).
    tasks_file = round_one.version.files.get(path="app/tasks.py")
    response = mentor_client.post(
        reverse("mentors:round_comment", args=[round_one.pk]),
        {
            "file_id": tasks_file.pk,
            "line": 7,
            "body": "count() is right; the test is wrong.",
            "path": "app/tasks.py",
        },
    )
    assert response.status_code == 302
    assert LineComment.objects.filter(review_round=round_one, line=7).exists()
    response = mentor_client.post(
        reverse("mentors:round_decision", args=[round_one.pk]),
        {
            "decision": "changes_requested",
            "summary": "Fix the count test.",
            "score_functionality": "2",
        },
    )
    assert response.status_code == 302
    round_one.refresh_from_db()
    assert round_one.status == ReviewRound.Status.CHANGES_REQUESTED
    assert "review_ready" in kinds_for(learner)

    # The learner reads the review and answers on the round.
    learner_page = learner_client.get(
        reverse("mentors:round", args=[round_one.pk]) + "?file=app/tasks.py"
    )
    assert "count() is right; the test is wrong." in learner_page.content.decode()
    learner_client.post(
        reverse("mentors:round_message", args=[round_one.pk]), {"body": "Fixed, thanks!"}
    )
    assert round_one.messages.get().body == "Fixed, thanks!"

    # 5. Version 2 (round 2); round 1 stays readable.
    fixed = {**broken, "tests/test_count.py": broken["tests/test_count.py"].replace("== 2", "== 1")}
    round_two = upload_and_check(
        learner_client, fixed, monkeypatch, django_capture_on_commit_callbacks
    )
    assert round_two.number == 2
    assert round_two.version.check_run.tests_outcome == "passed"
    assert learner_client.get(reverse("mentors:round", args=[round_one.pk])).status_code == 200

    # 6. Approval needs the whole rubric, then issues the certificate and frees the place.
    scores = {f"score_{item['slug']}": str(item["max_score"]) for item in backend_track.rubric}
    with django_capture_on_commit_callbacks(execute=True):
        response = mentor_client.post(
            reverse("mentors:round_decision", args=[round_two.pk]),
            {"decision": "approved", "summary": "Solid work.", **scores},
        )
    assert response.status_code == 302
    capstone.refresh_from_db()
    assert capstone.status == Capstone.Status.APPROVED
    certificate = capstone.certificate
    assert selectors.assignment_get_active(learner=learner) is None
    assert kinds_for(learner).count("review_ready") == 2

    # 7. The certificate verifies publicly; the portfolio lists the capstone once opted in.
    verify = public.get(reverse("mentors:certificate", args=[certificate.code]))
    assert verify.status_code == 200
    assert "Verified certificate" in verify.content.decode()
    assert backend_track.capstone_title in verify.content.decode()
    assert (
        public.get(reverse("mentors:certificate_print", args=[certificate.code])).status_code == 200
    )
    assert public.get(reverse("mentors:certificate", args=["NOPE-NOPE-NOPE"])).status_code == 404
    learner_client.post(
        reverse("mentors:portfolio_settings"), {"is_public": "on", "headline": "Backend dev"}
    )
    portfolio_url = reverse("mentors:portfolio", args=[learner.portfolio_settings.public_id])
    portfolio = public.get(portfolio_url)
    assert portfolio.status_code == 200
    assert backend_track.capstone_title in portfolio.content.decode()
