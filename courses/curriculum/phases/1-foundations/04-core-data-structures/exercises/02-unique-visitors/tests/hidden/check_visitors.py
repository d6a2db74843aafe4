"""Hidden checks: they record what the code does; the grader compares with the reference."""

from visitors import (
    first_seen_order,
    new_visitors,
    one_day_only,
    returning_visitors,
    unique_visitors,
)

WEDNESDAY = ["zoe", "Zoe", "yan", "zoe", "xi", "yan", "wes"]
THURSDAY = ["xi", "vic", "zoe", "vic", "ulf", "ZOE"]


def check_unique_visitors_counts_case_sensitive_ids(observe):
    observe(unique_visitors(WEDNESDAY))
    observe(unique_visitors(THURSDAY))
    observe(unique_visitors([]))
    observe(unique_visitors(["solo"]))
    observe(unique_visitors(["ann", "Ann", "ann", "ANN"]))


def check_set_questions_in_both_directions(observe):
    observe(returning_visitors(WEDNESDAY, THURSDAY))
    observe(new_visitors(WEDNESDAY, THURSDAY))
    observe(new_visitors(THURSDAY, WEDNESDAY))
    observe(one_day_only(WEDNESDAY, THURSDAY))
    observe(returning_visitors([], THURSDAY))
    observe(new_visitors([], ["a", "a"]))
    observe(one_day_only(["a"], []))


def check_any_iterable_is_accepted(observe):
    observe(returning_visitors(("a", "b", "c"), (v for v in ["c", "b", "d"])))
    observe(new_visitors(iter(["a", "b"]), {"b", "e", "f"}))
    observe(one_day_only((v for v in "abc"), iter("cde")))


def check_first_seen_order_keeps_first_appearance(observe):
    observe(first_seen_order(WEDNESDAY))
    observe(first_seen_order(["c", "b", "a", "b", "c", "d"]))
    observe(first_seen_order([]))
    observe(first_seen_order(["x", "x", "x"]))


def check_inputs_are_not_modified(observe):
    log = ["x", "y", "x", "z"]
    other = ["y", "w"]
    observe(first_seen_order(log))
    observe(unique_visitors(log))
    observe(one_day_only(log, other))
    observe(new_visitors(log, other))
    observe(returning_visitors(log, other))
    observe((log, other))
