"""Always a next step: after a lesson or an exercise, the next unfinished step of the plan;
for a learner behind the calendar, by how much and what to do this week."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import User
from courses import selectors, services
from courses.models import Enrollment, Exercise, Lesson
from submissions.models import Submission


def _enrollment(learner: User) -> Enrollment:
    enrollment = selectors.enrollment_active(learner=learner)
    assert enrollment is not None
    return enrollment


def _plan(learner: User) -> list[selectors.PlanStep]:
    enrollment = _enrollment(learner)
    return selectors.step_list(
        phases=selectors.roadmap_get(track=enrollment.track),
        done=selectors.lesson_completed_ids(learner=learner),
        solved=selectors.exercise_solved_ids(learner=learner),
    )


def _progress_on_day(learner: User, day: int) -> selectors.Progress:
    enrollment = _enrollment(learner)
    today = enrollment.started_on + datetime.timedelta(days=day - 1)
    return selectors.progress_get(enrollment=enrollment, today=today)


def test_the_plan_walks_each_module_lessons_first_then_exercises(learner: User) -> None:
    steps = [item.step for item in _plan(learner)]
    first_module = Lesson.objects.live().order_by("module__order", "order").first()
    assert first_module is not None
    assert steps[0].kind == "lesson" and steps[0].slug == first_module.slug
    phases = [step.phase_number for step in steps]
    assert phases == sorted(phases)


def test_after_a_lesson_the_next_step_is_the_following_unfinished_one(learner: User) -> None:
    steps = [item.step for item in _plan(learner)]
    after = selectors.step_next(learner=learner, kind=steps[0].kind, slug=steps[0].slug)
    assert after == steps[1]


def test_finished_steps_are_skipped(learner: User) -> None:
    steps = [item.step for item in _plan(learner)]
    if steps[1].kind == "lesson":
        services.lesson_complete(learner=learner, lesson=Lesson.objects.get(slug=steps[1].slug))
    else:
        Submission.objects.create(
            learner=learner,
            exercise=Exercise.objects.get(slug=steps[1].slug),
            status=Submission.Status.PASSED,
        )
    after = selectors.step_next(learner=learner, kind=steps[0].kind, slug=steps[0].slug)
    assert after == steps[2]


def test_after_the_last_step_an_earlier_unfinished_one_comes_next(learner: User) -> None:
    steps = [item.step for item in _plan(learner)]
    after = selectors.step_next(learner=learner, kind=steps[-1].kind, slug=steps[-1].slug)
    assert after == steps[0]


def test_marking_a_lesson_done_leads_to_the_next_lesson(
    learner: User, learner_client: Client
) -> None:
    steps = [item.step for item in _plan(learner)]
    response = learner_client.post(reverse("courses:lesson-mark", args=[steps[0].slug]))
    assert response.status_code == 302
    assert response["Location"] == steps[1].url
    page = learner_client.get(response["Location"]).content.decode()
    assert "done. Next:" in page


def test_a_learner_on_the_calendar_gets_no_catch_up_plan(learner: User) -> None:
    assert selectors.catch_up_get(progress=_progress_on_day(learner, 1)) is None


def test_a_learner_behind_is_told_by_how_many_days_and_three_things_for_this_week(
    learner: User,
) -> None:
    plan = selectors.catch_up_get(progress=_progress_on_day(learner, 40))
    assert plan is not None
    assert plan.days_behind == 40  # nothing done: the work reaches day 0 of the plan
    unfinished = [item.step for item in _plan(learner) if not item.done]
    assert plan.steps == unfinished[: len(plan.steps)]
    assert 1 <= len(plan.steps) <= selectors.CATCH_UP_STEPS
    assert plan.steps_minutes <= max(plan.week_minutes, plan.steps[0].minutes)
    assert plan.backlog_minutes == sum(
        step.minutes for step in unfinished if step.phase_number < plan.target_phase.number
    )


def test_work_done_reduces_the_days_behind(learner: User) -> None:
    before = selectors.catch_up_get(progress=_progress_on_day(learner, 40))
    for lesson in Lesson.objects.live().filter(module__phase__number=1):
        services.lesson_complete(learner=learner, lesson=lesson)
    after = selectors.catch_up_get(progress=_progress_on_day(learner, 40))
    assert before is not None and after is not None
    assert after.days_behind < before.days_behind
    assert after.steps[0].kind == "exercise"


def test_a_short_week_suggests_at_least_one_step(learner: User) -> None:
    learner.daily_goal_minutes = 15
    learner.practice_days = 1  # Mondays only
    learner.save()
    plan = selectors.catch_up_get(progress=_progress_on_day(learner, 40))
    assert plan is not None
    assert len(plan.steps) == 1
    assert plan.weeks_to_catch_up >= 1


@pytest.mark.parametrize("day,shown", [(1, False), (40, True)])
def test_the_dashboard_shows_the_catch_up_plan_only_when_behind(
    learner: User, learner_client: Client, day: int, shown: bool
) -> None:
    Enrollment.objects.filter(learner=learner).update(
        started_on=datetime.date.today() - datetime.timedelta(days=day - 1)
    )
    page = learner_client.get(reverse("courses:dashboard")).content.decode()
    assert ("Behind by" in page) is shown


def test_solved_exercises_count_as_done_in_the_plan(learner: User) -> None:
    first = (
        Exercise.objects.live()
        .filter(module__phase__number=1)
        .order_by("module__order", "order")[0]
    )
    Submission.objects.create(learner=learner, exercise=first, status=Submission.Status.PASSED)
    done = [item.step.slug for item in _plan(learner) if item.done]
    assert done == [first.slug]
