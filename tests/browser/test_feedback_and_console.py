"""Feedback on an exercise and the staff console, in a real browser: a learner asks their
mentor about a failing submission, the mentor answers with a line comment from a snippet, the
learner replies, the mentor resolves it; staff then read the programme dashboard, the review
turnaround and the learner's page. Every page passes `Pages.check` (no overflow, no console
errors, no serious axe violations) at desktop and phone widths (the admin at desktop)."""

from __future__ import annotations

import re
from typing import Any

from accounts.models import User
from mentors import selectors as mentor_selectors
from mentors import services as mentor_services
from mentors.models import FeedbackRequest
from mentors.tests.factories import failing_submission
from tests.browser.conftest import DESKTOP, PHONE, Pages, open_pages

PASSWORD = "a-long-test-password"  # the root conftest's users


def log_in(pages: Pages, user: User) -> None:
    page = pages.page
    page.goto("/accounts/login/")
    page.fill("#id_login", user.email)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state("load")


def test_a_learner_and_their_mentor_talk_about_a_failing_submission_then_staff_look(
    browser: Any, live_server: Any, mentor: User, learner: User, staff: User
) -> None:
    assignment = mentor_selectors.assignment_get_active(learner=learner)
    assert assignment is not None and assignment.mentor.user == mentor
    mentor_services.snippet_create(
        mentor=mentor, title="Read the failure", body="Read the first failing line aloud."
    )
    submissions = {viewport["width"]: failing_submission(learner) for viewport in (DESKTOP, PHONE)}
    for viewport in (DESKTOP, PHONE):
        width = viewport["width"]
        as_learner = open_pages(browser, live_server.url, viewport, f"feedback-learner-{width}")
        log_in(as_learner, learner)
        page = as_learner.page
        page.goto(f"/submissions/{submissions[width].pk}/")
        page.fill("#ask-mentor textarea", "Why does the second test fail?")
        page.click("#ask-mentor button")
        page.wait_for_url(re.compile(r"/mentors/feedback/\d+/$"))
        feedback_url = page.url
        assert "Why does the second test fail?" in page.locator("#messages").inner_text()
        as_learner.check(f"feedback-asked-{width}")

        as_mentor = open_pages(browser, live_server.url, viewport, f"feedback-mentor-{width}")
        log_in(as_mentor, mentor)
        mpage = as_mentor.page
        mpage.goto("/mentors/feedback/asked-of-me/")
        as_mentor.check(f"feedback-queue-{width}")
        mpage.goto(feedback_url)
        mpage.click("a[data-line-pick='1']")  # fills the comment form without a reload
        assert mpage.input_value("#id_comment_line") == "1"
        mpage.select_option("#id_comment_snippet", label="Read the failure")
        assert mpage.input_value("#id_comment_body") == "Read the first failing line aloud."
        mpage.click("form.comment-form button")
        mpage.wait_for_selector(".line-comment")
        as_mentor.check(f"feedback-mentor-{width}")

        page.reload()
        assert "Read the first failing line aloud." in page.content()
        page.fill("#messages textarea", "Thanks, found it.")
        page.click("#messages button")
        page.wait_for_selector("text=Thanks, found it.")
        as_learner.check(f"feedback-reply-{width}")

        mpage.reload()
        mpage.click("#resolve button")
        mpage.wait_for_load_state("load")
        assert FeedbackRequest.objects.get(
            pk=int(feedback_url.rstrip("/").split("/")[-1])
        ).status == (FeedbackRequest.Status.RESOLVED)
        as_mentor.check(f"feedback-resolved-{width}")
        as_learner.context.close()
        as_mentor.context.close()

    as_staff = open_pages(browser, live_server.url, DESKTOP, "console")
    log_in(as_staff, staff)
    spage = as_staff.page
    for name, url in (
        ("programme-dashboard", "/admin/programme/"),
        ("review-turnaround", "/admin/programme/turnaround/"),
        ("learner-page", f"/admin/accounts/user/{learner.pk}/change/"),
        ("submission-report", f"/admin/submissions/submission/{submissions[1366].pk}/change/"),
    ):
        spage.goto(url)
        as_staff.check(name)
        if name == "learner-page":  # the learner's two resolved requests are on their page
            assert spage.locator("#learner-feedback").inner_text().count("Resolved") == 2
    as_staff.context.close()
