"""Read the curriculum files into plain dataclasses (no Django here).

`courses.services.sync_curriculum` turns what this module reads into database rows; keeping
the parsing apart lets content authors check their work (`python -m courses.content check`)
without a database, and lets tests reason about the files directly.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import json
import logging
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

logger = logging.getLogger(__name__)

CURRICULUM_ROOT = Path(__file__).resolve().parent / "curriculum"
MIN_VISIBLE_TESTS = 5
MIN_HIDDEN_TESTS = 3
EXERCISE_KINDS = ("exercise", "project")
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
    role: str  # starter | solution | visible_test | hidden_test
    path: str  # relative to its role's root; hidden tests keep their plain names
    content: str


@dataclass(frozen=True)
class ExerciseSpec:
    slug: str
    order: int
    title: str
    kind: str
    statement: str
    skills: list[str]
    difficulty: int
    wall_seconds: int
    memory_mb: int
    files: list[ExerciseFileSpec]
    source: str

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


def _count_tests(source: str, path: str) -> int:
    try:
        tree = ast.parse(source, filename=path)
    except SyntaxError as exc:
        raise ContentError(f"{path}: test file does not parse: {exc}") from exc
    count = 0
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name.startswith(
            "test"
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


def load_exercise(folder: Path) -> ExerciseSpec:
    order, slug = _split_prefix(folder.name, folder)
    meta = _read_yaml(folder / "exercise.yaml")
    statement_path = folder / "README.md"
    if not statement_path.is_file():
        raise ContentError(f"{statement_path}: missing")
    kind = meta.get("kind", "exercise")
    if kind not in EXERCISE_KINDS:
        raise ContentError(f"{folder}/exercise.yaml: kind must be one of {EXERCISE_KINDS}")
    limits = meta.get("limits") or {}
    tests_root = folder / "tests"
    hidden_root = tests_root / "hidden"
    visible = [
        ExerciseFileSpec("visible_test", p.name, p.read_text(encoding="utf-8"))
        for p in sorted(tests_root.glob("*.py"))
    ]
    hidden = (
        [
            ExerciseFileSpec("hidden_test", p.name, p.read_text(encoding="utf-8"))
            for p in sorted(hidden_root.glob("*.py"))
        ]
        if hidden_root.is_dir()
        else []
    )
    for role, found, minimum in (
        ("visible", visible, MIN_VISIBLE_TESTS),
        ("hidden", hidden, MIN_HIDDEN_TESTS),
    ):
        total = sum(_count_tests(f.content, f"{folder}/{f.path}") for f in found)
        if total < minimum:
            raise ContentError(f"{folder}: {total} {role} tests, at least {minimum} required")
    for required in ("starter", "solution"):
        if not (folder / required).is_dir():
            raise ContentError(f"{folder}/{required}/: missing")
    files = [
        *_read_tree(folder / "starter", "starter"),
        *_read_tree(folder / "solution", "solution"),
        *visible,
        *hidden,
    ]
    return ExerciseSpec(
        slug=slug,
        order=order,
        title=str(_require(meta, "title", folder / "exercise.yaml")),
        kind=kind,
        statement=statement_path.read_text(encoding="utf-8"),
        skills=list(meta.get("skills") or []),
        difficulty=int(meta.get("difficulty", 1)),
        wall_seconds=int(limits.get("wall_seconds", 10)),
        memory_mb=int(limits.get("memory_mb", 512)),
        files=files,
        source=folder.relative_to(CURRICULUM_ROOT.parent).as_posix()
        if folder.is_relative_to(CURRICULUM_ROOT.parent)
        else str(folder),
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


# --- checking exercises without the sandbox (authoring aid) ---------------------------------


def lay_out(exercise: ExerciseSpec, code_role: str, into: Path) -> None:
    """Write `code_role` files plus all tests in the layout the grader uses."""
    places = {code_role: into, "visible_test": into / "tests", "hidden_test": into / "tests/hidden"}
    for spec in exercise.files:
        if spec.role not in places:
            continue
        target = places[spec.role] / spec.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(spec.content, encoding="utf-8")


def _pytest_passes(exercise: ExerciseSpec, code_role: str) -> tuple[bool, str]:
    with tempfile.TemporaryDirectory(prefix="apprentice-check-") as tmp:
        lay_out(exercise, code_role, Path(tmp))
        completed = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-c", "/dev/null"],
            cwd=tmp,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        return completed.returncode == 0, completed.stdout[-3000:]


def _check(paths: Sequence[str]) -> int:
    if paths:
        exercises = [load_exercise(Path(p).resolve()) for p in paths]
    else:
        exercises = [exercise for _, exercise in load_program().exercises()]
    problems = 0
    for exercise in exercises:
        solution_ok, solution_log = _pytest_passes(exercise, "solution")
        starter_ok, _ = _pytest_passes(exercise, "starter")
        verdict = "ok" if solution_ok and not starter_ok else "PROBLEM"
        if verdict != "ok":
            problems += 1
        sys.stdout.write(
            f"{verdict:8} {exercise.slug}: solution {'passes' if solution_ok else 'FAILS'}, "
            f"starter {'PASSES' if starter_ok else 'fails'}\n"
        )
        if not solution_ok:
            sys.stdout.write(solution_log + "\n")
    sys.stdout.write(f"{len(exercises)} exercises checked, {problems} with problems\n")
    return 1 if problems else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m courses.content")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="solution passes and starter fails, plain pytest")
    check.add_argument("paths", nargs="*", help="exercise folders (default: all)")
    sub.add_parser("validate", help="parse the whole curriculum and print a summary")
    args = parser.parse_args(argv)
    if args.command == "check":
        return _check(args.paths)
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
