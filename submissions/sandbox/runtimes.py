"""Learner runtimes: pinned, hashed virtual environments the sandbox mounts read-only.

Plain Python (no Django), so `make` can build them before any database exists:

    python -m submissions.sandbox runtimes build [name ...]   # idempotent
    python -m submissions.sandbox runtimes status

Each runtime is built from ``requirements/runtimes/<name>.txt`` into
``<root>/<name>-<lock hash>/`` and published by an atomic symlink swap of ``<root>/<name>``.
A build is skipped when the published runtime's manifest names the current lock hash, so
running it again costs a few file reads. The app's own venv is never mounted for learner code.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import os
import shutil
import subprocess
import sys
import sysconfig
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

logger = logging.getLogger("apprentice.sandbox")

PROJECT_DIR = Path(__file__).resolve().parents[2]
LOCK_DIR = PROJECT_DIR / "requirements" / "runtimes"
DEFAULT_ROOT = PROJECT_DIR / "var" / "runtimes"
RUNTIME_NAMES = ("core", "data", "web", "automation")
DEFAULT_RUNTIME = "core"
MANIFEST = "apprentice-runtime.json"


class RuntimeUnavailable(RuntimeError):
    """The runtime an exercise names is not built, or was built from another lock file."""


@dataclass(frozen=True)
class Runtime:
    """A built runtime, as the sandbox needs it."""

    name: str
    path: Path  # the versioned directory (symlink resolved)
    lock_hash: str
    # Importable top-level names of the runtime's packages: learner files may not shadow them.
    top_level: frozenset[str]

    @property
    def python(self) -> Path:
        return self.path / "bin" / "python"


def lock_path(name: str) -> Path:
    if name not in RUNTIME_NAMES:
        raise RuntimeUnavailable(f"unknown runtime {name!r} (one of {', '.join(RUNTIME_NAMES)})")
    return LOCK_DIR / f"{name}.txt"


def lock_hash(name: str) -> str:
    return hashlib.sha256(lock_path(name).read_bytes()).hexdigest()


def runtimes_root() -> Path:
    return Path(os.environ.get("RUNTIMES_DIR") or DEFAULT_ROOT)


def _read_manifest(directory: Path) -> dict[str, object] | None:
    try:
        data = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def resolve(name: str, *, root: Path | None = None) -> Runtime:
    """The published runtime `name`, or RuntimeUnavailable saying what to do about it."""
    expected = lock_hash(name)
    link = (root or runtimes_root()) / name
    manifest = _read_manifest(link)
    if manifest is None:
        raise RuntimeUnavailable(f"runtime '{name}' is not built (run: make runtimes)")
    if manifest.get("lock_hash") != expected:
        raise RuntimeUnavailable(
            f"runtime '{name}' is stale: built from another {name}.txt (run: make runtimes)"
        )
    top = manifest.get("top_level")
    return Runtime(
        name=name,
        path=link.resolve(),
        lock_hash=expected,
        top_level=frozenset(str(t) for t in top) if isinstance(top, list) else frozenset(),
    )


# What the grader itself imports inside the sandbox, whatever the runtime.
GRADER_MODULES = frozenset(
    {
        "apprentice_sandbox_plugin",
        "apprentice_observe",
        "pytest",
        "_pytest",
        "pluggy",
        "iniconfig",
        "packaging",
        "hypothesis",
        "coverage",
        "mypy",
        "ruff",
    }
)


def reserved_modules(name: str, *, root: Path | None = None) -> frozenset[str]:
    """Module names learner files may not take in runtime `name`: the standard library's,
    the grader's and, when the runtime is built here, every package of the runtime."""
    names = set(sys.stdlib_module_names) | GRADER_MODULES
    manifest = _read_manifest((root or runtimes_root()) / name)
    top = manifest.get("top_level") if manifest is not None else None
    if isinstance(top, list):
        names.update(str(n) for n in top)
    return frozenset(names)


def _top_level_names(site_packages: Path) -> list[str]:
    """Module names a learner file could shadow: packages, modules and dist top_level.txt."""
    names: set[str] = set()
    for entry in site_packages.iterdir():
        stem = entry.name
        if stem.endswith((".dist-info", ".egg-info")):
            top = entry / "top_level.txt"
            if top.is_file():
                names.update(n.strip() for n in top.read_text().splitlines() if n.strip())
            continue
        if stem.startswith(("_distutils_hack", "__pycache__")) or stem.endswith(".pth"):
            continue
        if entry.is_dir():
            names.add(stem)
        elif entry.suffix in (".py", ".so", ".pyd"):
            names.add(stem.split(".", 1)[0])
    return sorted(n for n in names if n.isidentifier())


def _uv() -> str:
    candidate = Path(sys.prefix) / "bin" / "uv"
    if candidate.is_file():
        return str(candidate)
    found = shutil.which("uv")
    if found is None:
        raise RuntimeUnavailable("uv is not installed in the app's venv (make venv)")
    return found


def build(name: str, *, root: Path | None = None, python: str | None = None) -> bool:
    """Build runtime `name` unless the published one matches its lock. Returns True if built."""
    root = root or runtimes_root()
    digest = lock_hash(name)
    link = root / name
    current = _read_manifest(link)
    if current is not None and current.get("lock_hash") == digest:
        return False
    root.mkdir(parents=True, exist_ok=True)
    target = root / f"{name}-{digest[:16]}"
    staging = root / f".{target.name}.building"
    shutil.rmtree(staging, ignore_errors=True)
    started = time.monotonic()
    interpreter = python or sys._base_executable  # type: ignore[attr-defined]
    subprocess.run([interpreter, "-m", "venv", "--without-pip", str(staging)], check=True)
    subprocess.run(
        [
            _uv(),
            "pip",
            "install",
            "--quiet",
            "--python",
            str(staging / "bin" / "python"),
            "--require-hashes",
            "--no-deps",
            "--link-mode=copy",
            "--compile-bytecode",
            "-r",
            str(lock_path(name)),
        ],
        check=True,
    )
    purelib = Path(
        subprocess.run(
            [
                str(staging / "bin" / "python"),
                "-c",
                "import sysconfig;print(sysconfig.get_path('purelib'))",
            ],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    manifest = {
        "name": name,
        "lock_hash": digest,
        "python": sysconfig.get_python_version(),
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "top_level": _top_level_names(purelib),
    }
    (staging / MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    # venv scripts carry the staging path in their shebangs; nothing in the sandbox runs
    # them (tools start as `python -I -m tool`), so they are left as they are.
    shutil.rmtree(target, ignore_errors=True)
    staging.rename(target)
    tmp_link = root / f".{name}.link"
    tmp_link.unlink(missing_ok=True)
    tmp_link.symlink_to(target.name)
    tmp_link.replace(link)  # atomic: graders see the old or the new runtime, never neither
    for old in root.glob(f"{name}-*"):
        if old != target and old.is_dir():
            shutil.rmtree(old, ignore_errors=True)
    logger.info("runtime %s built in %.0f s", name, time.monotonic() - started)
    return True


def _size(path: Path) -> int:
    return sum(p.lstat().st_size for p in path.rglob("*") if not p.is_symlink())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m submissions.sandbox runtimes")
    sub = parser.add_subparsers(dest="command", required=True)
    build_cmd = sub.add_parser("build", help="build the runtimes whose lock changed")
    build_cmd.add_argument("names", nargs="*", default=list(RUNTIME_NAMES))
    sub.add_parser("status", help="show each runtime's state and size")
    args = parser.parse_args(argv)
    out = sys.stdout
    if args.command == "build":
        for name in args.names:
            started = time.monotonic()
            built = build(name)
            verb = "built" if built else "up to date"
            out.write(f"runtime {name}: {verb} ({time.monotonic() - started:.1f} s)\n")
        return 0
    problems = 0
    for name in RUNTIME_NAMES:
        try:
            runtime = resolve(name)
        except RuntimeUnavailable as exc:
            out.write(f"{name:11} {exc}\n")
            problems += 1
            continue
        out.write(f"{name:11} ok  {_size(runtime.path) / 1e6:7.0f} MB  {runtime.path.name}\n")
    return 1 if problems else 0
