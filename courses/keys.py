"""Answer keys: what an exercise's reference solution does, recorded on the trusted side.

No Django here: `python -m courses.content check` records and grades without a database,
and `courses.sync` stores the same keys in it. A key is recorded by running the reference
solution in the real sandbox, in the exercise's runtime, and is valid for one *fingerprint*:
the exercise's files and limits, the runtime's lock, and the grader's own in-sandbox code.
Keys are cached under ``var/answer-keys/`` by fingerprint, so syncing again is cheap.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import json
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from courses.content import ContentError, ExerciseSpec
from submissions.sandbox import (
    AnswerKey,
    AnswerKeyError,
    Limits,
    SandboxFile,
    SandboxResult,
    grade_submission,
    record_answer_key,
    runtimes,
)
from submissions.sandbox.layout import INSIDE, INSIDE_FILES
from submissions.sandbox.runner import hidden_checks_pass as runner_hidden_checks_pass
from submissions.sandbox.suites import MutantFile, grade_test_suite

PROJECT_DIR = Path(__file__).resolve().parent.parent
# Bump when the meaning of a recorded key changes (the verdict, the pytest arguments).
GRADER_VERSION = "3"


def cache_dir() -> Path:
    return Path(os.environ.get("ANSWER_KEYS_DIR") or PROJECT_DIR / "var" / "answer-keys")


@functools.cache
def _grader_digest() -> str:
    digest = hashlib.sha256(GRADER_VERSION.encode())
    for name in INSIDE_FILES:
        digest.update((INSIDE / name).read_bytes())
    return digest.hexdigest()


def fingerprint_of(
    *,
    files: Iterable[tuple[str, str, str]],
    kind: str,
    runtime: str,
    wall_seconds: int,
    memory_mb: int,
) -> str:
    """Changes whenever the key could change: files (role, path, content), limits, the
    runtime's lock and the grader's in-sandbox code. The worker recomputes it from the
    database to refuse a stale key."""
    payload = {
        "files": sorted(list(f) for f in files),
        "kind": kind,
        "runtime": runtime,
        "lock": runtimes.lock_hash(runtime),
        "limits": [int(wall_seconds), int(memory_mb)],
        "grader": _grader_digest(),
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


def fingerprint(exercise: ExerciseSpec) -> str:
    return fingerprint_of(
        files=[(f.role, f.path, f.content) for f in exercise.files],
        kind=exercise.kind,
        runtime=exercise.runtime,
        wall_seconds=exercise.wall_seconds,
        memory_mb=exercise.memory_mb,
    )


def limits_of(exercise: ExerciseSpec) -> Limits:
    return Limits(
        wall_seconds=float(exercise.wall_seconds),
        cpu_seconds=max(10, exercise.wall_seconds),
        memory_mb=exercise.memory_mb,
    )


def sandbox_files(exercise: ExerciseSpec, role: str) -> list[SandboxFile]:
    return [SandboxFile(f.path, f.content) for f in exercise.files_with_role(role)]


# --------------------------------------------------------------------------- imports


def _imported_roots(source: str, path: str) -> set[str]:
    try:
        tree = ast.parse(source, filename=path)
    except SyntaxError as exc:
        raise ContentError(f"{path}: does not parse: {exc}") from exc
    roots: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".", 1)[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".", 1)[0])
    return roots


def module_names(paths: list[str]) -> set[str]:
    """Top-level module names that a set of relative file paths provides."""
    names = set()
    for path in paths:
        first = path.split("/", 1)[0]
        names.add(first[:-3] if first.endswith(".py") else first)
    return names


def check_imports(exercise: ExerciseSpec, runtime: runtimes.Runtime) -> None:
    """Every import resolves to the standard library, the exercise's runtime or its own
    files; and no file of the exercise shadows a module of the first two."""
    provided = runtime.top_level | set(sys.stdlib_module_names)
    own_files = [
        f.path for f in exercise.files if f.role in ("starter", "solution", "subject", "mutant")
    ]
    local = module_names(own_files) | {"tests", "conftest"}
    clashes = sorted(module_names(own_files) & provided)
    if clashes:
        raise ContentError(
            f"{exercise.source}: file names {clashes} shadow a module of Python or of the "
            f"'{exercise.runtime}' runtime"
        )
    for f in exercise.files:
        if not f.path.endswith(".py"):
            continue
        missing = sorted(_imported_roots(f.content, f.path) - provided - local)
        if missing:
            raise ContentError(
                f"{exercise.source}/{f.role}/{f.path}: imports {missing}, which the "
                f"'{exercise.runtime}' runtime does not have"
            )


# --------------------------------------------------------------------------- keys


def mutants_of(exercise: ExerciseSpec) -> list[MutantFile]:
    contents = {f.path: f.content for f in exercise.files_with_role("mutant")}
    return [
        MutantFile(slug=m.path.removesuffix(".py"), content=contents[m.path], breaks=m.breaks)
        for m in exercise.mutants
    ]


def record(exercise: ExerciseSpec, *, mode: str = "bwrap", use_cache: bool = True) -> AnswerKey:
    """The exercise's answer key, from the cache or by running the reference solution.
    Raises ContentError when the reference does not produce a valid key."""
    print_name = exercise.source or exercise.slug
    path = cache_dir() / f"{fingerprint(exercise)}.json"
    if use_cache and path.is_file():
        return AnswerKey.from_dict(json.loads(path.read_text(encoding="utf-8")))
    try:
        runtime = runtimes.resolve(exercise.runtime)
    except runtimes.RuntimeUnavailable as exc:
        raise ContentError(f"{print_name}: {exc}") from exc
    check_imports(exercise, runtime)
    if exercise.kind == "tests":
        key = _record_suite_exercise(exercise, runtime, mode)
    else:
        try:
            key = record_answer_key(
                solution=sandbox_files(exercise, "solution"),
                visible_tests=sandbox_files(exercise, "visible_test"),
                hidden_checks=sandbox_files(exercise, "hidden_test"),
                runtime=runtime,
                limits=limits_of(exercise),
                mode=mode,
            )
        except AnswerKeyError as exc:
            raise ContentError(f"{print_name}: {exc}") from exc
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(key.to_dict()), encoding="utf-8")
    tmp.replace(path)
    return key


def _record_suite_exercise(
    exercise: ExerciseSpec, runtime: runtimes.Runtime, mode: str
) -> AnswerKey:
    """A `tests` exercise has nothing to record, but its reference suite must pass on the
    subject and catch every mutant."""
    result = grade_suite(exercise, "solution", mode=mode, runtime=runtime)
    if result.outcome != "passed":
        missed = [t.name for t in result.tests if t.status != "passed"]
        raise ContentError(
            f"{exercise.source}: the reference suite is not a pass ({result.reason}); {missed}"
        )
    return AnswerKey(visible=[], checks={})


def grade_suite(
    exercise: ExerciseSpec,
    code_role: str,
    *,
    mode: str = "bwrap",
    runtime: runtimes.Runtime | None = None,
) -> SandboxResult:
    subject = next(f for f in exercise.files_with_role("subject") if f.path == exercise.subject)
    return grade_test_suite(
        suite=sandbox_files(exercise, code_role),
        subject=SandboxFile(subject.path, subject.content),
        mutants=mutants_of(exercise),
        allowed_imports=exercise.allowed_imports,
        runtime=runtime or runtimes.resolve(exercise.runtime),
        limits=limits_of(exercise),
        mode=mode,
    )


def grade(
    exercise: ExerciseSpec, code_role: str, key: AnswerKey, *, mode: str = "bwrap"
) -> SandboxResult:
    """Grade the exercise's own `code_role` files (solution or starter) as a learner's."""
    if exercise.kind == "tests":
        return grade_suite(exercise, code_role, mode=mode)
    return grade_submission(
        files=sandbox_files(exercise, code_role),
        visible_tests=sandbox_files(exercise, "visible_test"),
        hidden_checks=sandbox_files(exercise, "hidden_test"),
        key=key,
        runtime=runtimes.resolve(exercise.runtime),
        limits=limits_of(exercise),
        mode=mode,
    )


def hidden_checks_pass(exercise: ExerciseSpec, code_role: str, key: AnswerKey) -> bool:
    """Whether the hidden checks alone agree with the key for these files (see
    `runner.hidden_checks_pass`): False decides that `grade` would not pass."""
    return runner_hidden_checks_pass(
        files=sandbox_files(exercise, code_role),
        hidden_checks=sandbox_files(exercise, "hidden_test"),
        key=key,
        runtime=runtimes.resolve(exercise.runtime),
        limits=limits_of(exercise),
    )


def grade_reference_and_starter(
    exercise: ExerciseSpec,
) -> tuple[AnswerKey, SandboxResult, SandboxResult]:
    """The key, and the reference solution and the starter graded against it: what the
    whole-curriculum test asserts on, computed in worker processes (`grade_many`)."""
    key = record(exercise)
    return key, grade(exercise, "solution", key), grade(exercise, "starter", key)


def grade_many(
    exercises: list[ExerciseSpec], *, jobs: int | None = None
) -> dict[str, tuple[AnswerKey, SandboxResult, SandboxResult]]:
    """`grade_reference_and_starter` for many exercises, one process per core (the sandbox
    forks with a pre-exec step, so processes rather than threads)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from courses.content import jobs as default_jobs

    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=jobs or default_jobs(), mp_context=context) as pool:
        results = pool.map(grade_reference_and_starter, exercises)
        return {exercise.slug: result for exercise, result in zip(exercises, results, strict=True)}


def _record_one(exercise: ExerciseSpec, mode: str) -> tuple[str, str, dict[str, Any] | str]:
    try:
        return exercise.slug, fingerprint(exercise), record(exercise, mode=mode).to_dict()
    except ContentError as exc:
        return exercise.slug, "", str(exc)


def record_many(
    exercises: list[ExerciseSpec], *, mode: str = "bwrap", jobs: int | None = None
) -> dict[str, tuple[str, AnswerKey]]:
    """Keys of many exercises (slug → (fingerprint, key)): cached ones read, the rest
    recorded in parallel processes. Raises ContentError naming every exercise that failed."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    keys: dict[str, tuple[str, AnswerKey]] = {}
    missing = []
    for exercise in exercises:
        digest = fingerprint(exercise)
        path = cache_dir() / f"{digest}.json"
        if path.is_file():
            keys[exercise.slug] = (digest, AnswerKey.from_dict(json.loads(path.read_text())))
        else:
            missing.append(exercise)
    if not missing:
        return keys
    errors = []
    # Processes, not threads: the sandbox's pre-exec step must not run beside other threads.
    workers = min(len(missing), jobs or os.cpu_count() or 2)
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        for slug, digest, outcome in pool.map(_record_one, missing, [mode] * len(missing)):
            if isinstance(outcome, str):
                errors.append(outcome)
            else:
                keys[slug] = (digest, AnswerKey.from_dict(outcome))
    if errors:
        raise ContentError("answer keys could not be recorded:\n" + "\n".join(errors))
    return keys


def key_summary(key: AnswerKey) -> dict[str, Any]:
    return {"visible": len(key.visible), "checks": len(key.checks)}
