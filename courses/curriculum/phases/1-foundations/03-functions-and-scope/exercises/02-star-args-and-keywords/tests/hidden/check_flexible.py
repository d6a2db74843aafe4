"""Hidden checks: they record what the code does; the grader compares with the reference."""

import pytest
from flexible import apply_all, join_names, log_line, total


def check_total(observe):
    observe(total(19.99, 5.01, 0.5))
    observe(total(3, 4))
    observe(total(3, 4, discount=0))
    observe(total(3, 4, discount=1))
    observe(total(100, -20, discount=0.25))
    observe(total(0.1, 0.2))
    observe(total(10.005, discount=0.0))
    observe(total(discount=0.5))
    observe(total(*[2.5] * 4, discount=0.2))


@pytest.mark.parametrize("discount", [1.01, -0.01, 2, -1])
def check_total_rejects_discounts(observe, discount):
    observe.raises(total, 10, 20, discount=discount)
    observe.raises(total, discount=discount)
    observe(total(10, 20, discount=abs(discount) / 4))


def check_join_names(observe):
    observe(join_names())
    observe(join_names("  ", ""))
    observe(join_names(" Zoe "))
    observe(join_names("Zoe", "", "Al"))
    observe(join_names("c", "b", "a", "d"))
    observe(join_names("A", "B", sep="; "))
    observe(join_names("A", "B", last_sep=" & "))
    observe(join_names("A", "B", "C", "D", sep=" / ", last_sep=" + "))
    observe(join_names(*["x", " y", "z "], last_sep=", and "))


def check_log_line_layout(observe):
    observe(log_line("info", "user", "logged in", user="ada", ip="10.0.0.7"))
    observe(log_line("Error", "disk", 93, "% full", sep=""))
    observe(log_line("debug"))
    observe(log_line("WARNING", retries=3))
    observe(log_line("warning", "a", "b", sep=" - ", zeta=None, alpha=1.5, mid=True))
    observe(log_line("eRRoR", 404, ["x"], path="/home"))
    observe(log_line("info", "", ""))
    observe(log_line("info", "one"))


@pytest.mark.parametrize("level", ["loud", "", "INFO ", "warn", "critical"])
def check_log_line_rejects_levels(observe, level):
    observe.raises(log_line, level, "hello", user="x")
    observe(log_line("info", level, sep="|"))


def check_apply_all(observe):
    observe(apply_all(" Ada ", str.strip, str.upper, lambda text: text + "!"))
    observe(apply_all(5))
    observe(apply_all(3, lambda n: n * 10, lambda n: n + 1))
    observe(apply_all(3, lambda n: n + 1, lambda n: n * 10))
    observe(apply_all([3, 1, 2], sorted, tuple))
    observe(apply_all("abc", str.upper, list, len, str))
