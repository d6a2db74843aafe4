"""The committed mutation report (`make mutation`) must describe the curriculum as it is now.

Mutation testing is too slow for every run, so it writes `courses/curriculum/mutation-report.json`
keyed by each exercise's fingerprint (files, limits, runtime lock, grader code, listed
equivalents). This suite fails when the report is stale, below its thresholds, or names a
surviving mutant that is neither killed nor listed as equivalent with a reason.
"""

from __future__ import annotations

import pytest

from courses import content, mutation

PROGRAM = content.load_program()
EXERCISES = [exercise for _, exercise in PROGRAM.exercises()]
REPORT = mutation.load_report()


@pytest.mark.parametrize("exercise", EXERCISES, ids=[e.slug for e in EXERCISES])
def test_every_exercise_was_scored_as_it_is_now(exercise: content.ExerciseSpec) -> None:
    entry = REPORT["exercises"].get(exercise.slug)
    assert entry is not None, f"{exercise.slug}: not scored; run `make mutation`"
    listed = mutation.equivalents(content.CURRICULUM_ROOT.parent / exercise.source)
    assert entry["fingerprint"] == mutation.mutation_fingerprint(exercise, listed), (
        f"{exercise.slug}: changed since it was scored; run `make mutation`"
    )
    assert entry["survivors"] == [], f"{exercise.slug}: unlisted survivors {entry['survivors']}"
    assert entry["score"] >= mutation.EXERCISE_THRESHOLD, (exercise.slug, entry["score"])
    assert entry["mutants"] > 0


def test_the_curriculum_kills_at_least_ninety_percent_overall() -> None:
    live = {e.slug for e in EXERCISES}
    entries = [e for slug, e in REPORT["exercises"].items() if slug in live]
    counted = sum(e["mutants"] - e["equivalent"] for e in entries)
    killed = sum(e["killed"] for e in entries)
    assert counted > 0
    assert killed / counted >= mutation.OVERALL_THRESHOLD, killed / counted


@pytest.mark.parametrize("exercise", EXERCISES, ids=[e.slug for e in EXERCISES])
def test_every_listed_equivalent_still_survives_and_has_a_reason(
    exercise: content.ExerciseSpec,
) -> None:
    """A listed mutant that is now killed, or no longer generated, is stale text."""
    listed = mutation.equivalents(content.CURRICULUM_ROOT.parent / exercise.source)
    entry = REPORT["exercises"].get(exercise.slug, {})
    assert all(reason.strip() for reason in listed.values()), exercise.slug
    assert entry.get("listed_not_surviving", []) == [], exercise.slug


def test_relisting_moves_newly_listed_survivors_and_refuses_a_changed_exercise() -> None:
    exercise = next(
        e for e in EXERCISES if mutation.equivalents(content.CURRICULUM_ROOT.parent / e.source)
    )
    folder = content.CURRICULUM_ROOT.parent / exercise.source
    listed = mutation.equivalents(folder)
    newly = sorted(listed)[0]
    before = {k: v for k, v in listed.items() if k != newly}
    scored = {
        "fingerprint": mutation.mutation_fingerprint(exercise, before),
        "mutants": 10,
        "killed": 8,
        "equivalent": 1,
        "survivors": [newly],
    }
    relisted = mutation.relisted(scored, folder)
    assert relisted is not None
    assert relisted["survivors"] == []
    assert relisted["equivalent"] == 2
    assert relisted["score"] == 1.0
    assert relisted["fingerprint"] == mutation.mutation_fingerprint(exercise, listed)
    # Scored on other content (or another list): only grading again can tell.
    assert mutation.relisted({**scored, "fingerprint": "0" * 64}, folder) is None
