from __future__ import annotations

import datetime

from courses import services as course_services
from courses.models import Lesson
from notifications import selectors, services
from notifications.models import LearnerActivity
from notifications.selectors import streaks_compute
from notifications.tests.conftest import at

D = datetime.date


def test_current_streak_includes_today():
    days = {D(2026, 3, 8), D(2026, 3, 9), D(2026, 3, 10)}
    streaks = streaks_compute(days=days, today=D(2026, 3, 10))
    assert (streaks.current, streaks.longest, streaks.active_today) == (3, 3, True)


def test_current_streak_survives_until_today_ends():
    days = {D(2026, 3, 8), D(2026, 3, 9)}
    streaks = streaks_compute(days=days, today=D(2026, 3, 10))
    assert (streaks.current, streaks.at_risk) == (2, True)


def test_a_missed_day_breaks_the_streak_and_longest_is_kept():
    days = {D(2026, 3, 1), D(2026, 3, 2), D(2026, 3, 3), D(2026, 3, 4), D(2026, 3, 9)}
    streaks = streaks_compute(days=days, today=D(2026, 3, 11))
    assert (streaks.current, streaks.longest, streaks.last_active_on) == (0, 4, D(2026, 3, 9))


def test_no_activity_means_no_streak():
    streaks = streaks_compute(days=set(), today=D(2026, 3, 10))
    assert (streaks.current, streaks.longest, streaks.last_active_on) == (0, 0, None)


def test_completing_a_lesson_records_minutes_on_the_local_day(learner, frozen):
    learner.time_zone = "America/New_York"
    learner.save()
    frozen(at(2026, 3, 11, 3, 30))  # 23:30 EDT on 10 March
    lesson = Lesson.objects.filter(module__track__isnull=True)[0]
    course_services.lesson_complete(learner=learner, lesson=lesson)
    course_services.lesson_complete(learner=learner, lesson=lesson)  # idempotent
    row = LearnerActivity.objects.get(learner=learner)
    assert (row.day, row.lessons_completed, row.minutes) == (D(2026, 3, 10), 1, lesson.minutes)


def test_rebuild_matches_recorded_activity(learner, frozen):
    frozen(at(2026, 3, 10, 12, 0))
    for lesson in Lesson.objects.filter(module__track__isnull=True)[:2]:
        course_services.lesson_complete(learner=learner, lesson=lesson)
    recorded = list(LearnerActivity.objects.values_list("day", "lessons_completed", "minutes"))
    assert services.activity_rebuild(learner=learner) == 1
    assert (
        list(LearnerActivity.objects.values_list("day", "lessons_completed", "minutes")) == recorded
    )


def test_heatmap_covers_six_months_in_weeks(learner):
    today = D(2026, 3, 11)  # a Wednesday
    LearnerActivity.objects.create(learner=learner, day=today, minutes=75)
    LearnerActivity.objects.create(learner=learner, day=D(2025, 1, 1), minutes=75)  # too old
    heatmap = selectors.learner_heatmap(learner=learner, today=today)
    assert heatmap.first_day.weekday() == 0
    assert heatmap.cells[-1].day == today
    assert len(heatmap.cells) == 25 * 7 + 3
    assert heatmap.active_days == 1 and heatmap.cells[-1].level == 3
