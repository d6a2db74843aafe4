"""Mutation testing of the curriculum: do an exercise's tests catch real mistakes?

For every exercise, each first-order mutant of the reference solution (mutmut's mutation
operators: operators swapped, bounds shifted, constants and strings changed, conditions
negated, …) is graded exactly as a learner's submission would be: the visible tests and the
hidden checks, compared with the answer key outside the sandbox. A mutant is *killed* when
that grade is not a pass. For a `tests` exercise the subject is mutated and the reference
test suite must catch the mutant.

mutmut's own runner expects one project tested in-process; it cannot judge by the grader's
observations, so only its mutant generator is used here.

    python -m courses.mutation run [exercise folders]   # re-runs exercises whose hash changed
    python -m courses.mutation run --all                 # every exercise, ignoring the report
    python -m courses.mutation show <slug>               # survivors of one exercise

The report (`courses/curriculum/mutation-report.json`) is committed. Each entry carries the
exercise's fingerprint, so a test can tell when it is stale. Survivors the authors judge
equivalent (no test could tell them apart) are listed with a reason in the exercise folder,
in `equivalent-mutants.yaml`; they are left out of the score.

An exercise with more than SAMPLE_SIZE mutants is scored on an even, deterministic sample
of them (the entry says how many were generated). A mutant whose hidden run already
disagrees with the answer key is killed without its visible run (the verdict is strict, so
the full grade could not pass); only the others are graded in full.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import json
import multiprocessing
import sys
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from courses import content
from courses.content import jobs

REPORT_PATH = content.CURRICULUM_ROOT / "mutation-report.json"
EQUIVALENTS_FILE = "equivalent-mutants.yaml"
EXERCISE_THRESHOLD = 0.80
OVERALL_THRESHOLD = 0.90
# Mutants graded per exercise. Beyond this many, a fixed sample spread evenly over the
# generated list (every part of the solution, every operator) stands for the rest: a full
# run of all ~12,600 mutants takes hours on two cores, a sample of 60 each about half an
# hour, and the score of an even sample tracks the full score closely.
SAMPLE_SIZE = 60
# A def/class line with either pragma is left alone: interactive entry points are not tested
# by design (`# pragma: no cover`), and authors may exclude code explicitly.
_NO_MUTATE = ("pragma: no mutate", "pragma: no cover")


@dataclass(frozen=True)
class Mutant:
    ident: str  # "file.py:LINE: `original` -> `mutated`", stable while the code is
    path: str
    source: str


def _snippet(code: str) -> str:
    text = " ".join(code.split())
    return text if len(text) <= 60 else text[:57] + "..."


def _skipped_ranges(source: str) -> list[tuple[int, int]]:
    """Line ranges of functions and classes whose `def`/`class` line says no mutate."""
    import ast

    ranges = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            line = source.splitlines()[node.lineno - 1]
            if any(pragma in line for pragma in _NO_MUTATE):
                ranges.append((node.lineno, node.end_lineno or node.lineno))
        elif isinstance(node, ast.If) and "__name__" in ast.unparse(node.test):
            ranges.append((node.lineno, node.end_lineno or node.lineno))  # the script entry
    return ranges


def _create_mutations(source: str) -> tuple[Any, list[Any]]:
    """mutmut's mutations of `source`, decorated functions and classes included.

    mutmut skips decorated definitions because its trampolines cannot wrap them; here each
    mutant is a whole file graded on its own, so `@property`, `@dataclass` and
    `@contextmanager` code is mutated too. The decorator expressions themselves are not
    (mutating them breaks the import, which says nothing about the tests)."""
    import libcst as cst
    from libcst.metadata import MetadataWrapper
    from mutmut.file_mutation import MutationVisitor, mutation_operators, pragma_no_mutate_lines

    class Visitor(MutationVisitor):  # type: ignore[misc]
        def _skip_node_and_children(self, node: Any) -> bool:
            if isinstance(node, cst.Decorator):
                return True
            if isinstance(node, cst.FunctionDef | cst.ClassDef) and node.decorators:
                return False
            return bool(super()._skip_node_and_children(node))

    module = cst.parse_module(source)
    visitor = Visitor(mutation_operators, pragma_no_mutate_lines(source), None)
    module = MetadataWrapper(module).visit(visitor)
    return module, visitor.mutations


def mutants_of(path: str, source: str) -> list[Mutant]:
    """First-order mutants of one file, each as a whole mutated file."""
    import libcst as cst
    from libcst.metadata import MetadataWrapper, PositionProvider
    from mutmut.file_mutation import deep_replace

    module, mutations = _create_mutations(source)
    positions = MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)
    skipped = _skipped_ranges(source)
    found: list[Mutant] = []
    seen: set[str] = set()
    for mutation in mutations:
        position = positions.get(mutation.original_node)
        line = position.start.line if position else 0
        if any(start <= line <= end for start, end in skipped):
            continue
        mutated = deep_replace(module, mutation.original_node, mutation.mutated_node)
        assert isinstance(mutated, cst.Module)
        code = mutated.code
        if code == source or code in seen:
            continue
        seen.add(code)
        before = _snippet(module.code_for_node(mutation.original_node))
        after = _snippet(module.code_for_node(mutation.mutated_node))
        found.append(
            Mutant(ident=f"{path}:{line}: `{before}` -> `{after}`", path=path, source=code)
        )
    return found


def sample(generated: list[Mutant], size: int = SAMPLE_SIZE) -> list[Mutant]:
    """At most `size` mutants, spread evenly over the list (deterministic)."""
    if len(generated) <= size:
        return generated
    step = len(generated) / size
    return [generated[int(i * step)] for i in range(size)]


def equivalents(folder: Path) -> dict[str, str]:
    """The exercise's listed equivalent mutants: ident → reason."""
    path = folder / EQUIVALENTS_FILE
    if not path.is_file():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except yaml.YAMLError as exc:
        raise content.ContentError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(data, list) or not all(
        isinstance(item, dict) and item.get("mutant") and item.get("reason") for item in data
    ):
        raise content.ContentError(f"{path}: a list of {{mutant: ..., reason: ...}} entries")
    return {str(item["mutant"]): str(item["reason"]) for item in data}


def _mutated_exercise(
    exercise: content.ExerciseSpec, mutant: Mutant, role: str
) -> content.ExerciseSpec:
    files = [
        content.ExerciseFileSpec(f.role, f.path, mutant.source)
        if f.role == role and f.path == mutant.path
        else f
        for f in exercise.files
    ]
    return replace(exercise, files=files)


def score_exercise(folder: str, size: int = SAMPLE_SIZE) -> dict[str, Any]:
    """Grade every mutant of one exercise; returns its report entry."""
    from courses import keys
    from submissions.sandbox import runtimes

    started = time.monotonic()
    exercise = content.load_exercise(Path(folder))
    key = keys.record(exercise)
    role = "subject" if exercise.kind == "tests" else "solution"
    targets = [f for f in exercise.files_with_role(role) if f.path.endswith(".py")]
    if exercise.kind == "tests":
        targets = [f for f in targets if f.path == exercise.subject]
    generated = [m for f in targets for m in mutants_of(f.path, f.content)]
    mutants = sample(generated, size)
    # Mutants get a tighter clock: one that loops forever is caught by the time limit.
    reference = keys.grade(exercise, "solution", key)
    wall = max(5, min(exercise.wall_seconds, int(3 * reference.duration) + 3))
    runtime = runtimes.resolve(exercise.runtime)
    sampled = {m.ident for m in mutants}
    survivors: list[str] = []
    for mutant in mutants:
        if exercise.kind == "tests":
            result = _grade_suite_against(exercise, mutant.source, wall, runtime)
        else:
            mutated = replace(_mutated_exercise(exercise, mutant, role), wall_seconds=wall)
            if key.checks and not keys.hidden_checks_pass(mutated, "solution", key):
                continue  # killed by the hidden checks alone
            result = keys.grade(mutated, "solution", key)
        if result.outcome == "passed":
            survivors.append(mutant.ident)
    listed = equivalents(Path(folder))
    unlisted = [s for s in survivors if s not in listed]
    counted = len(mutants) - len([s for s in survivors if s in listed])
    killed = len(mutants) - len(survivors)
    return {
        "slug": exercise.slug,
        "source": exercise.source,
        "fingerprint": mutation_fingerprint(exercise, listed),
        "generated": len(generated),
        "sample": size,
        "mutants": len(mutants),
        "killed": killed,
        "equivalent": len(survivors) - len(unlisted),
        "score": round(killed / counted, 4) if counted else 1.0,
        "survivors": unlisted,
        # Listed as equivalent but killed (or no longer generated): the list is out of date.
        # A listed mutant left out of the sample says nothing either way.
        "listed_not_surviving": sorted(
            (set(listed) - set(survivors)) - ({m.ident for m in generated} - sampled)
        ),
        "seconds": round(time.monotonic() - started, 1),
    }


def _grade_suite_against(
    exercise: content.ExerciseSpec, subject_code: str, wall: int, runtime: Any
) -> Any:
    """The reference suite against a mutated subject: 'passed' means the mutant survived."""
    from courses import keys
    from submissions.sandbox import SandboxFile
    from submissions.sandbox.suites import grade_test_suite

    return grade_test_suite(
        suite=keys.sandbox_files(exercise, "solution"),
        subject=SandboxFile(exercise.subject, subject_code),
        mutants=[],
        allowed_imports=exercise.allowed_imports,
        runtime=runtime,
        limits=replace(keys.limits_of(exercise), wall_seconds=float(wall)),
    )


# Bump when the set of mutants generated for the same code changes (stales every entry).
MUTANTS_VERSION = "3"  # 2: decorated code is mutated too; 3: an even sample of SAMPLE_SIZE


def mutation_fingerprint(exercise: content.ExerciseSpec, listed: dict[str, str]) -> str:
    import hashlib

    from courses import keys

    payload = json.dumps(
        [keys.fingerprint(exercise), sorted(listed), MUTANTS_VERSION], sort_keys=True
    )
    return hashlib.sha256(payload.encode()).hexdigest()


def load_report() -> dict[str, Any]:
    if not REPORT_PATH.is_file():
        return {"exercises": {}}
    data: dict[str, Any] = json.loads(REPORT_PATH.read_text(encoding="utf-8"))
    return data


@contextlib.contextmanager
def _report_lock() -> Iterator[None]:
    """Authors may score different exercises at the same time: merge, never overwrite."""
    lock = REPORT_PATH.with_name(".mutation-report.lock")
    with lock.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def save_entries(entries: dict[str, Any], *, keep: set[str] | None = None) -> dict[str, Any]:
    """Merge `entries` into the committed report (dropping slugs not in `keep`, if given)."""
    with _report_lock():
        report = load_report()
        report["exercises"].update(entries)
        if keep is not None:
            report["exercises"] = {k: v for k, v in report["exercises"].items() if k in keep}
        write_report(report)
    return report


def write_report(report: dict[str, Any]) -> None:
    entries = report["exercises"]
    mutants = sum(e["mutants"] - e["equivalent"] for e in entries.values())
    killed = sum(e["killed"] for e in entries.values())
    report["overall"] = {
        "exercises": len(entries),
        "mutants": sum(e["mutants"] for e in entries.values()),
        "equivalent": sum(e["equivalent"] for e in entries.values()),
        "killed": killed,
        "score": round(killed / mutants, 4) if mutants else 1.0,
    }
    report["exercises"] = dict(sorted(entries.items()))
    REPORT_PATH.write_text(json.dumps(report, indent=1, sort_keys=False) + "\n", encoding="utf-8")


def stale_entries(report: dict[str, Any]) -> list[str]:
    """Slugs whose report entry is missing or no longer matches the exercise."""
    stale = []
    entries = report.get("exercises", {})
    root = content.CURRICULUM_ROOT.parent
    for _, exercise in content.load_program().exercises():
        entry = entries.get(exercise.slug)
        listed = equivalents(root / exercise.source)
        if entry is None or entry.get("fingerprint") != mutation_fingerprint(exercise, listed):
            stale.append(exercise.slug)
    return stale


def relisted(entry: dict[str, Any], folder: Path) -> dict[str, Any] | None:
    """The entry as scoring would write it now that more of its survivors are listed as
    equivalent, or None when that cannot be known without grading again.

    Listing changes no grade, only the score's denominator: when the exercise is the one
    that was scored (its fingerprint over the list as it was, i.e. without the survivors
    listed since, still matches), the survivors now listed move to `equivalent`."""
    exercise = content.load_exercise(folder)
    listed = equivalents(folder)
    newly = set(entry["survivors"]) & set(listed)
    before = {k: v for k, v in listed.items() if k not in newly}
    if not newly or mutation_fingerprint(exercise, before) != entry["fingerprint"]:
        return None
    equivalent = entry["equivalent"] + len(newly)
    counted = entry["mutants"] - equivalent
    return {
        **entry,
        "fingerprint": mutation_fingerprint(exercise, listed),
        "equivalent": equivalent,
        "score": round(entry["killed"] / counted, 4) if counted else 1.0,
        "survivors": [s for s in entry["survivors"] if s not in newly],
    }


def _relist(paths: Sequence[str]) -> int:
    report = load_report()
    root = content.CURRICULUM_ROOT.parent
    folders = [Path(p).resolve() for p in paths] or [
        root / e.source for _, e in content.load_program().exercises()
    ]
    updated: dict[str, Any] = {}
    for folder in folders:
        slug = content.load_exercise(folder).slug
        entry = report["exercises"].get(slug)
        new = relisted(entry, folder) if entry else None
        if new is not None:
            updated[slug] = new
            sys.stdout.write(
                f"relisted {slug}: score {new['score']:.0%}, "
                f"{len(new['survivors'])} unlisted survivors\n"
            )
    save_entries(updated)
    return 0


def _run(paths: Sequence[str], everything: bool, size: int = SAMPLE_SIZE) -> int:
    report = load_report()
    root = content.CURRICULUM_ROOT.parent
    keep: set[str] | None = None
    if paths:
        folders = [str(Path(p).resolve()) for p in paths]
    else:
        live = {e.slug: str(root / e.source) for _, e in content.load_program().exercises()}
        folders = list(live.values()) if everything else [live[s] for s in stale_entries(report)]
        keep = set(live)  # entries of exercises that no longer exist go
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=jobs(), mp_context=context) as pool:
        for entry in pool.map(score_exercise, folders, [size] * len(folders)):
            flag = (
                "ok" if entry["score"] >= EXERCISE_THRESHOLD and not entry["survivors"] else "LOW"
            )
            if entry["score"] >= EXERCISE_THRESHOLD and entry["survivors"]:
                flag = "UNLISTED"
            sys.stdout.write(
                f"{flag:8} {entry['slug']:40} {entry['killed']:4}/{entry['mutants']:<4} "
                f"killed ({entry['equivalent']} equivalent) score {entry['score']:.0%} "
                f"[{entry['seconds']} s]\n"
            )
            for ident in entry["survivors"][:15]:
                sys.stdout.write(f"           survived: {ident}\n")
            sys.stdout.flush()
            report = save_entries({entry["slug"]: entry})  # kept even if the run is cut short
    report = save_entries({}, keep=keep)
    overall = report["overall"]
    sys.stdout.write(
        f"overall: {overall['killed']}/{overall['mutants'] - overall['equivalent']} killed, "
        f"score {overall['score']:.1%} over {overall['exercises']} exercises\n"
    )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m courses.mutation")
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="score exercises (default: those whose entry is stale)")
    run.add_argument("paths", nargs="*")
    run.add_argument("--all", action="store_true")
    run.add_argument(
        "--sample", type=int, default=SAMPLE_SIZE, help="mutants per exercise (recorded)"
    )
    relist = sub.add_parser(
        "relist", help="re-read equivalent-mutants.yaml into entries (no grading)"
    )
    relist.add_argument("paths", nargs="*")
    show = sub.add_parser("show", help="print one exercise's entry")
    show.add_argument("slug")
    args = parser.parse_args(argv)
    if args.command == "run":
        return _run(args.paths, args.all, args.sample)
    if args.command == "relist":
        return _relist(args.paths)
    entry = load_report()["exercises"].get(args.slug)
    sys.stdout.write(json.dumps(entry, indent=2) + "\n")
    return 0 if entry else 1


if __name__ == "__main__":
    raise SystemExit(main())
