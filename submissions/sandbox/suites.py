"""Exercises where the learner writes the tests (kind ``tests``). Plain Python (no Django).

The learner's suite runs once against the correct implementation (the *subject*: every
test must pass, with full feedback) and once against each wrong implementation kept on the
server (each must make the suite fail: the bug is *caught*). Feedback names the behaviour a
missed bug breaks, never its code.

A suite could tell the implementations apart by their source instead of their behaviour
(read the module's file, compare its bytecode or hash, look at ``__code__``). So a suite may
only use pytest, the subject and a short list of harmless modules, and never the builtins
and dunder attributes that open that door; `suite_problems` says what a suite breaks, and
the grader refuses such a suite before anything runs.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .isolation import DEFAULT_LIMITS, Limits
from .layout import prepare_run
from .report import Outcome, SandboxFile, SandboxResult, TestResult
from .runner import (
    VISIBLE_ARGS,
    check_sandbox,
    internal_error_result,
    run_prepared,
    text_cleaner,
)
from .runtimes import Runtime
from .verdict import one_line, read_visible, run_end

SAFE_MODULES = frozenset(
    {
        "pytest",
        "math",
        "cmath",
        "decimal",
        "fractions",
        "statistics",
        "datetime",
        "collections",
        "itertools",
        "functools",
        "operator",
        "dataclasses",
        "typing",
        "enum",
        "re",
        "json",
        "string",
        "textwrap",
        "__future__",
    }
)
FORBIDDEN_NAMES = frozenset(
    {
        "open",
        "exec",
        "eval",
        "compile",
        "__import__",
        "getattr",
        "setattr",
        "delattr",
        "globals",
        "locals",
        "vars",
        "dir",
        "id",
        "hash",
        "input",
        "breakpoint",
        "memoryview",
        "help",
    }
)
# Fixtures that expose the test machinery itself (the module object, config, files).
FORBIDDEN_FIXTURES = frozenset(
    {
        "request",
        "pytestconfig",
        "pytester",
        "testdir",
        "cache",
        "record_property",
        "record_testsuite_property",
        "doctest_namespace",
        "tmpdir_factory",
    }
)
MAX_SUITE_FILES = 5


@dataclass(frozen=True)
class MutantFile:
    slug: str
    content: str
    breaks: str  # the behaviour it gets wrong, in the learner's terms


def suite_problems(
    files: Sequence[SandboxFile], *, subject_module: str, allowed_imports: Iterable[str] = ()
) -> list[str]:
    """Why this suite may not be run, one message per problem ([] when it may)."""
    allowed = SAFE_MODULES | {subject_module} | set(allowed_imports)
    problems: list[str] = []
    if len(files) > MAX_SUITE_FILES:
        problems.append(f"at most {MAX_SUITE_FILES} test files")
    tests = 0
    for f in files:
        name = f.path
        if "/" in name or not name.startswith("test_") or not name.endswith(".py"):
            problems.append(f"{name}: test files are named test_*.py, with no folders")
            continue
        try:
            tree = ast.parse(f.content, filename=name)
        except SyntaxError as exc:
            problems.append(f"{name} line {exc.lineno}: SyntaxError: {exc.msg}")
            continue
        for node in ast.walk(tree):
            where = f"{name} line {getattr(node, 'lineno', '?')}"
            if isinstance(node, ast.Import):
                problems.extend(
                    f"{where}: import {alias.name} is not allowed here"
                    for alias in node.names
                    if alias.name.split(".", 1)[0] not in allowed
                )
            elif isinstance(node, ast.ImportFrom):
                root = (node.module or "").split(".", 1)[0]
                if node.level or root not in allowed:
                    problems.append(
                        f"{where}: from {node.module or '.'} import is not allowed here"
                    )
            elif isinstance(node, ast.Name) and node.id in FORBIDDEN_NAMES:
                problems.append(f"{where}: {node.id}() is not allowed in a test suite")
            elif isinstance(node, ast.Attribute) and node.attr.startswith("__"):
                problems.append(f"{where}: attributes like {node.attr} are not allowed")
            elif isinstance(node, ast.Name) and node.id.startswith("__") and node.id != "__name__":
                problems.append(f"{where}: {node.id} is not allowed")
            elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                if node.name.startswith("test"):
                    tests += 1
                problems.extend(
                    f"{where}: the {arg.arg} fixture is not allowed"
                    for arg in node.args.args
                    if arg.arg in FORBIDDEN_FIXTURES
                )
    if not problems and tests == 0:
        problems.append("the suite has no test functions (name them test_*)")
    return problems[:20]


def grade_test_suite(
    *,
    suite: Sequence[SandboxFile],
    subject: SandboxFile,
    mutants: Sequence[MutantFile],
    allowed_imports: Iterable[str],
    runtime: Runtime,
    limits: Limits = DEFAULT_LIMITS,
    mode: str = "bwrap",
) -> SandboxResult:
    """Run the suite against the subject and every mutant, all at once."""
    subject_module = subject.path.removesuffix(".py")
    problems = suite_problems(suite, subject_module=subject_module, allowed_imports=allowed_imports)
    if problems:
        return SandboxResult(
            outcome=Outcome.ERROR,
            tests=[],
            reason="this test suite cannot be run: " + "; ".join(problems[:3]),
            duration=0.0,
            exit_code=None,
            log_tail="",
        )
    check_sandbox(mode)
    implementations = [subject.content, *(m.content for m in mutants)]
    try:
        prepared = [
            prepare_run(
                kind="visible",
                files=[SandboxFile(subject.path, code)],
                tests=list(suite),
                args=VISIBLE_ARGS,
                runtime=runtime,
                limits=limits,
                mode=mode,
            )
            for code in implementations
        ]
        raws = run_prepared(prepared)
    except Exception as exc:
        return internal_error_result(
            "The grader failed to run your tests; it will be retried.", exc
        )
    clean = text_cleaner(prepared[0].host_work)
    subject_raw, mutant_raws = raws[0], raws[1:]
    report, problem = read_visible(subject_raw, limits)
    tests = list(report.tests) if report else []
    for test in tests:
        test.message, test.output = clean(test.message), clean(test.output)
    tests.sort(key=lambda t: t.status == "passed")
    caught_tests: list[TestResult] = []
    missed = 0
    for mutant, raw in zip(mutants, mutant_raws, strict=True):
        mutant_report, _ = read_visible(raw, limits)
        caught = (
            run_end(raw, limits, []) is not None
            or mutant_report is None
            or mutant_report.exitstatus != 0
            or any(t.status != "passed" for t in mutant_report.tests)
        )
        missed += not caught
        caught_tests.append(
            TestResult(
                nodeid=f"bug:{mutant.slug}",
                name=mutant.breaks,
                status="passed" if caught else "failed",
                message="",
                output="",
                duration=raw.duration,
                hidden=True,
            )
        )
    caught_tests.sort(key=lambda t: t.status == "passed")

    def result(outcome: Outcome, reason: str) -> SandboxResult:
        return SandboxResult(
            outcome=outcome,
            tests=[*tests, *caught_tests],
            reason=one_line(clean(reason)),
            duration=max(r.duration for r in raws),
            exit_code=subject_raw.exit_code,
            log_tail=clean(subject_raw.log.decode("utf-8", "replace")[-4096:]),
        )

    end = run_end(subject_raw, limits, [t.message for t in tests])
    if end is not None:
        return result(end.outcome, end.reason)
    if report is None:
        return result(Outcome.ERROR, "your tests ended without a report: " + problem)
    if report.collection_errors:
        return result(
            Outcome.ERROR,
            "your test files could not be collected: "
            + one_line(report.collection_errors[0].message, 200),
        )
    failing = [t for t in tests if t.status != "passed"]
    if not tests:
        return result(Outcome.ERROR, "no tests were collected")
    if failing or report.exitstatus != 0:
        return result(
            Outcome.FAILED,
            f"{len(failing)} of {len(tests)} of your tests fail on the correct implementation",
        )
    if missed:
        return result(Outcome.FAILED, f"your tests missed {missed} of {len(mutants)} bugs")
    return result(Outcome.PASSED, "")
