"""A small exercise for sandbox tests, with its answer key recorded from the reference the
way the sync does it, and a `grade` helper that goes through the real two-run grader."""

from __future__ import annotations

import functools
from collections.abc import Sequence

from submissions.sandbox import AnswerKey, Limits, runtimes
from submissions.sandbox.report import SandboxFile, SandboxResult
from submissions.sandbox.runner import grade_submission, record_answer_key

REFERENCE = SandboxFile(
    "arith.py",
    "def add(a, b):\n"
    "    return a + b\n\n\n"
    "def scale(values, factor):\n"
    "    return [v * factor for v in values]\n\n\n"
    "def mean(values):\n"
    "    if not values:\n"
    "        raise ValueError('mean of nothing')\n"
    "    return sum(values) / len(values)\n",
)
# Wrong in a way the tests notice: it is the code every forgery attack starts from.
WRONG = "def add(a, b):\n    return a - b\n\n\ndef scale(values, factor):\n    return values\n\n\ndef mean(values):\n    return 0\n"

VISIBLE = SandboxFile(
    "test_arith.py",
    "import pytest\nfrom arith import add, mean, scale\n\n\n"
    "def test_add():\n    assert add(2, 3) == 5\n\n\n"
    "def test_add_negative():\n    print('adding negatives')\n    assert add(-2, -3) == -5\n\n\n"
    "def test_scale():\n    assert scale([1, 2], 3) == [3, 6]\n\n\n"
    "def test_mean():\n    assert mean([1, 2, 3, 4]) == 2.5\n\n\n"
    "def test_mean_of_nothing():\n    with pytest.raises(ValueError):\n        mean([])\n",
)
# The values recorded from these calls (e.g. 7919 * 104729-ish sums) appear in no file
# that enters a sandbox: only in the answer key.
HIDDEN = SandboxFile(
    "check_arith.py",
    "import pytest\nfrom arith import add, mean, scale\n\n\n"
    "def check_big_sums(observe):\n"
    "    observe(add(7919, 104729))\n    observe(add(-5, 2.5))\n\n\n"
    "@pytest.mark.parametrize('factor', [0, -2, 0.5])\n"
    "def check_scaling(observe, factor):\n"
    "    observe(scale([3, 1, 2], factor))\n\n\n"
    "def check_means(observe):\n"
    "    observe.call(mean, [2, 3])\n    observe.call(mean, [])\n    observe(mean([1]))\n",
)
SECRET_SUM = str(7919 + 104729)  # 112648: what a forger would need to know
FAST = Limits(wall_seconds=4, cpu_seconds=4)


@functools.cache
def core() -> runtimes.Runtime:
    return runtimes.resolve("core")


@functools.cache
def key() -> AnswerKey:
    return record_answer_key(
        solution=[REFERENCE], visible_tests=[VISIBLE], hidden_checks=[HIDDEN], runtime=core()
    )


def grade(
    code: str | None = None,
    *,
    files: Sequence[SandboxFile] | None = None,
    extra: Sequence[SandboxFile] = (),
    limits: Limits = FAST,
    mode: str = "bwrap",
) -> SandboxResult:
    """Grade arith.py = `code` (plus `extra` files) against the visible tests and checks."""
    learner = list(files) if files is not None else [SandboxFile("arith.py", code or WRONG)]
    return grade_submission(
        files=[*learner, *extra],
        visible_tests=[VISIBLE],
        hidden_checks=[HIDDEN],
        key=key(),
        runtime=core(),
        limits=limits,
        mode=mode,
    )


def learner_text(result: SandboxResult) -> str:
    """Everything of a result a learner, the API or a mentor can see."""
    import json

    return json.dumps(result.to_dict(), ensure_ascii=False)
