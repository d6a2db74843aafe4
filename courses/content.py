"""Read the curriculum files into plain dataclasses (no Django here).

`courses.services.curriculum_sync` turns what this module reads into database rows; keeping
the parsing apart lets content authors check their work (`python -m courses.content check`)
without a database, and lets tests reason about the files directly.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import json
import logging
import os
import re
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

logger = logging.getLogger(__name__)

CURRICULUM_ROOT = Path(__file__).resolve().parent / "curriculum"
MIN_VISIBLE_TESTS = 5
MIN_HIDDEN_TESTS = 3
MIN_MUTANTS = 4
# "tests": the learner writes the test suite; it is graded against the subject (must pass)
# and against wrong implementations kept on the server (each must be caught).
EXERCISE_KINDS = ("exercise", "project", "tests")
RUNTIMES = ("core", "data", "web", "automation")
# What a hidden check may use from pytest: marks, fixtures and params, never assertions.
_CHECK_PYTEST_NAMES = frozenset({"mark", "fixture", "param"})
_PREFIX = re.compile(r"^(\d+)-(.+)$")
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n?(.*)\Z", re.DOTALL)


class ContentError(ValueError):
    """The curriculum files are malformed; the message names the file and the problem."""


@dataclass(frozen=True)
class Resource:
    title: str
    url: str


@dataclass(frozen=True)
class SkillSpec:
    slug: str
    number: int
    title: str
    summary: str


@dataclass(frozen=True)
class TrackSpec:
    slug: str
    letter: str
    title: str
    summary: str
    focus: list[str]
    capstone_title: str
    capstone_brief: str
    capstone_examples: list[str]
    capstone_days: int
    rubric: list[dict[str, Any]]
    runtime: str = "core"  # capstones run their tests in this learner runtime


@dataclass(frozen=True)
class LessonSpec:
    slug: str
    order: int
    title: str
    body: str
    minutes: int
    skills: list[str]
    resources: list[Resource]
    source: str


@dataclass(frozen=True)
class ExerciseFileSpec:
    role: str  # starter | solution | visible_test | hidden_test | subject | mutant
    path: str  # relative to its role's root; hidden checks and mutants keep plain names
    content: str


@dataclass(frozen=True)
class MutantSpec:
    """A wrong implementation of a `tests` exercise's subject, and the behaviour it breaks
    (shown to a learner whose suite misses it; the code never is)."""

    path: str
    breaks: str


@dataclass(frozen=True)
class ExerciseSpec:
    slug: str
    order: int
    title: str
    kind: str
    statement: str
    skills: list[str]
    difficulty: int
    minutes: int
    runtime: str
    wall_seconds: int
    memory_mb: int
    files: list[ExerciseFileSpec]
    source: str
    subject: str = ""  # `tests` kind: the module under test (a file name in subject/)
    mutants: list[MutantSpec] = field(default_factory=list)
    allowed_imports: list[str] = field(default_factory=list)  # `tests` kind, beyond pytest

    def files_with_role(self, role: str) -> list[ExerciseFileSpec]:
        return [f for f in self.files if f.role == role]


@dataclass(frozen=True)
class ModuleSpec:
    slug: str
    order: int
    title: str
    summary: str
    track: str | None
    lessons: list[LessonSpec]
    exercises: list[ExerciseSpec]


@dataclass(frozen=True)
class PhaseSpec:
    slug: str
    number: int
    title: str
    goal: str
    summary: str
    habit: str
    first_day: int
    last_day: int
    modules: list[ModuleSpec]


@dataclass(frozen=True)
class ProgramSpec:
    slug: str
    title: str
    summary: str
    total_days: int
    skills: list[SkillSpec]
    tracks: list[TrackSpec]
    phases: list[PhaseSpec] = field(default_factory=list)

    def exercises(self) -> Iterator[tuple[ModuleSpec, ExerciseSpec]]:
        for phase in self.phases:
            for module in phase.modules:
                for exercise in module.exercises:
                    yield module, exercise


def content_hash(payload: Any) -> str:
    """A stable fingerprint of anything JSON-serialisable (dataclasses included)."""
    if hasattr(payload, "__dataclass_fields__"):
        payload = asdict(payload)
    encoded = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str).encode()
    return hashlib.sha256(encoded).hexdigest()


def _split_prefix(name: str, where: Path) -> tuple[int, str]:
    match = _PREFIX.match(name)
    if not match:
        raise ContentError(f"{where}: expected a name like '01-some-slug'")
    return int(match.group(1)), match.group(2)


def _read_yaml(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise ContentError(f"{path}: missing")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ContentError(f"{path}: invalid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise ContentError(f"{path}: expected a mapping at the top level")
    return data


def _require(data: dict[str, Any], key: str, path: Path) -> Any:
    if key not in data or data[key] in (None, ""):
        raise ContentError(f"{path}: '{key}' is required")
    return data[key]


def _count_tests(source: str, path: str, prefix: str = "test") -> int:
    try:
        tree = ast.parse(source, filename=path)
    except SyntaxError as exc:
        raise ContentError(f"{path}: test file does not parse: {exc}") from exc
    count = 0
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name.startswith(
            prefix
        ):
            count += 1
    return count


def _read_tree(root: Path, role: str) -> list[ExerciseFileSpec]:
    files: list[ExerciseFileSpec] = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        if "__pycache__" in path.parts or path.suffix == ".pyc":
            continue
        files.append(
            ExerciseFileSpec(
                role=role,
                path=path.relative_to(root).as_posix(),
                content=path.read_text(encoding="utf-8"),
            )
        )
    return files


def check_rules(source: str, path: str) -> None:
    """A hidden check only records: no assert, no pytest.raises/approx/fail/skip. Expected
    values therefore never appear in the files that enter the sandbox."""
    tree = ast.parse(source, filename=path)
    for node in ast.walk(tree):
        if isinstance(node, ast.Assert):
            raise ContentError(f"{path}:{node.lineno}: hidden checks record, never assert")
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id == "pytest"
            and node.attr not in _CHECK_PYTEST_NAMES
        ):
            raise ContentError(
                f"{path}:{node.lineno}: hidden checks may use pytest.mark, pytest.fixture and "
                f"pytest.param only, not pytest.{node.attr} (record the outcome with observe)"
            )
        if isinstance(node, ast.FunctionDef) and node.name.startswith("check"):
            names = [a.arg for a in node.args.args]
            if "observe" not in names:
                raise ContentError(f"{path}:{node.lineno}: {node.name} must take `observe`")


def _read_files(root: Path, pattern: str, role: str) -> list[ExerciseFileSpec]:
    if not root.is_dir():
        return []
    return [
        ExerciseFileSpec(role, p.name, p.read_text(encoding="utf-8"))
        for p in sorted(root.glob(pattern))
    ]


def _count(files: list[ExerciseFileSpec], folder: Path, prefix: str) -> int:
    return sum(_count_tests(f.content, f"{folder}/{f.path}", prefix) for f in files)


def load_exercise(folder: Path) -> ExerciseSpec:
    order, slug = _split_prefix(folder.name, folder)
    meta_path = folder / "exercise.yaml"
    meta = _read_yaml(meta_path)
    statement_path = folder / "README.md"
    if not statement_path.is_file():
        raise ContentError(f"{statement_path}: missing")
    kind = meta.get("kind", "exercise")
    if kind not in EXERCISE_KINDS:
        raise ContentError(f"{meta_path}: kind must be one of {EXERCISE_KINDS}")
    runtime = str(meta.get("runtime", "core"))
    if runtime not in RUNTIMES:
        raise ContentError(f"{meta_path}: runtime must be one of {RUNTIMES}")
    limits = meta.get("limits") or {}
    for required in ("starter", "solution"):
        if not (folder / required).is_dir():
            raise ContentError(f"{folder}/{required}/: missing")
    files = [
        *_read_tree(folder / "starter", "starter"),
        *_read_tree(folder / "solution", "solution"),
    ]
    mutants: list[MutantSpec] = []
    subject = ""
    if kind == "tests":
        subject = str(_require(meta, "subject", meta_path))
        subject_files = _read_tree(folder / "subject", "subject")
        if subject not in {f.path for f in subject_files}:
            raise ContentError(f"{folder}/subject/{subject}: missing")
        mutant_files = _read_files(folder / "mutants", "*.py", "mutant")
        listed = meta.get("mutants") or []
        for item in listed:
            if not isinstance(item, dict) or not item.get("file") or not item.get("breaks"):
                raise ContentError(f"{meta_path}: each mutant needs 'file' and 'breaks'")
            mutants.append(MutantSpec(path=str(item["file"]), breaks=str(item["breaks"])))
        if {m.path for m in mutants} != {f.path for f in mutant_files}:
            raise ContentError(f"{meta_path}: 'mutants' must list exactly the files in mutants/")
        if len(mutants) < MIN_MUTANTS:
            raise ContentError(f"{folder}: {len(mutants)} mutants, at least {MIN_MUTANTS}")
        if _count([f for f in files if f.role == "solution"], folder, "test") < 1:
            raise ContentError(f"{folder}/solution: the reference suite has no test functions")
        files += [*subject_files, *mutant_files]
    else:
        visible = _read_files(folder / "tests", "*.py", "visible_test")
        hidden = _read_files(folder / "tests" / "hidden", "check_*.py", "hidden_test")
        strays = (
            [
                p.name
                for p in (folder / "tests" / "hidden").glob("*")
                if p.is_file() and not p.name.startswith("check_")
            ]
            if (folder / "tests" / "hidden").is_dir()
            else []
        )
        if strays:
            raise ContentError(f"{folder}/tests/hidden: only check_*.py files, not {strays}")
        for f in hidden:
            check_rules(f.content, f"{folder}/tests/hidden/{f.path}")
        for role, found, minimum, prefix in (
            ("visible tests", visible, MIN_VISIBLE_TESTS, "test"),
            ("hidden checks", hidden, MIN_HIDDEN_TESTS, "check"),
        ):
            total = _count(found, folder, prefix)
            if total < minimum:
                raise ContentError(f"{folder}: {total} {role}, at least {minimum} required")
        files += [*visible, *hidden]
    return ExerciseSpec(
        slug=slug,
        order=order,
        title=str(_require(meta, "title", meta_path)),
        kind=kind,
        statement=statement_path.read_text(encoding="utf-8"),
        skills=list(meta.get("skills") or []),
        difficulty=int(meta.get("difficulty", 1)),
        minutes=int(meta.get("minutes", 45)),
        runtime=runtime,
        wall_seconds=int(limits.get("wall_seconds", 10)),
        memory_mb=int(limits.get("memory_mb", 512)),
        files=files,
        source=folder.relative_to(CURRICULUM_ROOT.parent).as_posix()
        if folder.is_relative_to(CURRICULUM_ROOT.parent)
        else str(folder),
        subject=subject,
        mutants=mutants,
        allowed_imports=[str(n) for n in meta.get("allowed_imports") or []],
    )


def load_lesson(path: Path) -> LessonSpec:
    order, slug = _split_prefix(path.stem, path)
    match = _FRONT_MATTER.match(path.read_text(encoding="utf-8"))
    if not match:
        raise ContentError(f"{path}: expected YAML front matter between '---' lines")
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        raise ContentError(f"{path}: invalid front matter: {exc}") from exc
    body = match.group(2).strip()
    if not body:
        raise ContentError(f"{path}: the lesson has no body")
    return LessonSpec(
        slug=slug,
        order=order,
        title=str(_require(meta, "title", path)),
        body=body,
        minutes=int(meta.get("minutes", 30)),
        skills=list(meta.get("skills") or []),
        resources=[Resource(str(r["title"]), str(r["url"])) for r in meta.get("resources") or []],
        source=path.name,
    )


def load_module(folder: Path) -> ModuleSpec:
    order, slug = _split_prefix(folder.name, folder)
    meta = _read_yaml(folder / "module.yaml")
    lessons_dir = folder / "lessons"
    exercises_dir = folder / "exercises"
    lessons = (
        [load_lesson(p) for p in sorted(lessons_dir.glob("*.md"))] if lessons_dir.is_dir() else []
    )
    exercises = (
        [load_exercise(p) for p in sorted(exercises_dir.iterdir()) if p.is_dir()]
        if exercises_dir.is_dir()
        else []
    )
    return ModuleSpec(
        slug=slug,
        order=order,
        title=str(_require(meta, "title", folder / "module.yaml")),
        summary=str(meta.get("summary", "")),
        track=meta.get("track"),
        lessons=lessons,
        exercises=exercises,
    )


def load_phase(folder: Path) -> PhaseSpec:
    number, slug = _split_prefix(folder.name, folder)
    meta = _read_yaml(folder / "phase.yaml")
    where = folder / "phase.yaml"
    return PhaseSpec(
        slug=slug,
        number=number,
        title=str(_require(meta, "title", where)),
        goal=str(_require(meta, "goal", where)),
        summary=str(meta.get("summary", "")),
        habit=str(meta.get("habit", "")),
        first_day=int(_require(meta, "first_day", where)),
        last_day=int(_require(meta, "last_day", where)),
        modules=[load_module(p) for p in sorted(folder.iterdir()) if p.is_dir()],
    )


def load_track(path: Path) -> TrackSpec:
    meta = _read_yaml(path)
    capstone = _require(meta, "capstone", path)
    return TrackSpec(
        slug=path.stem,
        letter=str(_require(meta, "letter", path)),
        title=str(_require(meta, "title", path)),
        summary=str(meta.get("summary", "")),
        focus=[str(item) for item in meta.get("focus") or []],
        capstone_title=str(_require(capstone, "title", path)),
        capstone_brief=str(_require(capstone, "brief", path)),
        capstone_examples=[str(item) for item in capstone.get("examples") or []],
        capstone_days=int(capstone.get("days", 21)),
        rubric=list(capstone.get("rubric") or []),
        runtime=str(meta.get("runtime", "core")),
    )


def load_program(root: Path = CURRICULUM_ROOT) -> ProgramSpec:
    """Read and validate the whole curriculum; raise ContentError on the first problem."""
    meta = _read_yaml(root / "program.yaml")
    skills = [
        SkillSpec(
            slug=str(item["slug"]),
            number=index,
            title=str(item["title"]),
            summary=str(item.get("summary", "")),
        )
        for index, item in enumerate(meta.get("skills") or [], start=1)
    ]
    tracks = [load_track(p) for p in sorted((root / "tracks").glob("*.yaml"))]
    phases = [load_phase(p) for p in sorted((root / "phases").iterdir()) if p.is_dir()]
    program = ProgramSpec(
        slug=str(_require(meta, "slug", root / "program.yaml")),
        title=str(_require(meta, "title", root / "program.yaml")),
        summary=str(meta.get("summary", "")),
        total_days=int(meta.get("total_days", 180)),
        skills=skills,
        tracks=tracks,
        phases=phases,
    )
    _validate_references(program)
    return program


def _validate_references(program: ProgramSpec) -> None:
    skill_slugs = {s.slug for s in program.skills}
    track_slugs = {t.slug for t in program.tracks}
    seen: dict[str, set[str]] = {"module": set(), "lesson": set(), "exercise": set()}

    def once(kind: str, slug: str) -> None:
        if slug in seen[kind]:
            raise ContentError(f"{kind} slug '{slug}' is used twice")
        seen[kind].add(slug)

    for phase in program.phases:
        for module in phase.modules:
            once("module", module.slug)
            if module.track is not None and module.track not in track_slugs:
                raise ContentError(f"module {module.slug}: unknown track '{module.track}'")
            items: list[LessonSpec | ExerciseSpec] = [*module.lessons, *module.exercises]
            for item in items:
                kind = "lesson" if isinstance(item, LessonSpec) else "exercise"
                once(kind, item.slug)
                unknown = set(item.skills) - skill_slugs
                if unknown:
                    raise ContentError(f"{kind} {item.slug}: unknown skills {sorted(unknown)}")


# --- checking exercises in the real sandbox (authoring aid) ----------------------------------


def check_exercise(folder: str, use_cache: bool = True) -> tuple[bool, str]:
    """Record the key, grade the solution and the starter; (ok, one report line)."""
    from courses import keys  # the sandbox side; content itself stays import-light

    started = time.monotonic()
    try:
        exercise = load_exercise(Path(folder))
        key = keys.record(exercise, use_cache=use_cache)
        solution = keys.grade(exercise, "solution", key)
        starter = keys.grade(exercise, "starter", key)
        mutation = _mutation_status(exercise)
    except ContentError as exc:
        return False, f"PROBLEM  {folder}: {exc}"
    ok = solution.outcome == "passed" and starter.outcome != "passed"
    ok = ok and not mutation.startswith("PROBLEM")
    line = (
        f"{'ok' if ok else 'PROBLEM':8} {exercise.slug}: solution {solution.outcome} "
        f"{solution.passed}/{solution.total}, starter {starter.outcome} "
        f"{starter.passed}/{starter.total} ({time.monotonic() - started:.1f} s); {mutation}"
    )
    if solution.outcome != "passed":
        line += f"\n         solution: {solution.reason}\n" + "\n".join(
            f"         {t.nodeid}: {t.status} {t.message[:500]}"
            for t in solution.tests
            if t.status != "passed"
        )
    return ok, line


def jobs() -> int:
    """Exercises checked at once: APPRENTICE_JOBS, else one per core."""
    return int(os.environ.get("APPRENTICE_JOBS") or os.cpu_count() or 2)


def _mutation_status(exercise: ExerciseSpec) -> str:
    from courses import mutation

    entry = mutation.load_report()["exercises"].get(exercise.slug)
    listed = mutation.equivalents(CURRICULUM_ROOT.parent / exercise.source)
    if entry is None or entry["fingerprint"] != mutation.mutation_fingerprint(exercise, listed):
        return "mutation score stale (run: python -m courses.mutation run <folder>)"
    if entry["survivors"]:
        return f"PROBLEM: {len(entry['survivors'])} surviving mutants neither killed nor listed"
    if entry["score"] < mutation.EXERCISE_THRESHOLD:
        return (
            f"PROBLEM: mutation score {entry['score']:.0%} below {mutation.EXERCISE_THRESHOLD:.0%}"
        )
    return f"mutation score {entry['score']:.0%}"


def exercise_folders(paths: Sequence[str]) -> list[str]:
    if paths:
        return [str(Path(p).resolve()) for p in paths]
    root = CURRICULUM_ROOT.parent
    return [str(root / exercise.source) for _, exercise in load_program().exercises()]


def _check(paths: Sequence[str], *, use_cache: bool) -> int:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # The importable module's function, not __main__'s: under `python -m courses.content`
    # this file is loaded twice, and only the package's ContentError is what keys raises.
    from courses.content import check_exercise

    folders = exercise_folders(paths)
    problems = 0
    # Processes, not threads: the sandbox forks with a pre-exec step that must not run
    # beside other threads.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=jobs(), mp_context=context) as pool:
        for ok, line in pool.map(check_exercise, folders, [use_cache] * len(folders)):
            problems += not ok
            sys.stdout.write(line + "\n")
            sys.stdout.flush()
    sys.stdout.write(f"{len(folders)} exercises checked, {problems} with problems\n")
    return 1 if problems else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m courses.content")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser(
        "check", help="in the real sandbox: the reference passes, the starter fails"
    )
    check.add_argument("paths", nargs="*", help="exercise folders (default: all)")
    check.add_argument("--no-cache", action="store_true", help="record answer keys afresh")
    sub.add_parser("validate", help="parse the whole curriculum and print a summary")
    args = parser.parse_args(argv)
    if args.command == "check":
        return _check(args.paths, use_cache=not args.no_cache)
    program = load_program()
    exercises = list(program.exercises())
    lessons = sum(len(m.lessons) for p in program.phases for m in p.modules)
    sys.stdout.write(
        f"{len(program.phases)} phases, {len(program.tracks)} tracks, {len(program.skills)} "
        f"skills, {lessons} lessons, {len(exercises)} exercises\n"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
