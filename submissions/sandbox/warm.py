"""Warm runs: a grading run's sandbox started before its submission arrives.

Starting a run costs little; importing pytest and a track's libraries (pandas, scikit-learn)
costs about a second of CPU. A warm run does that part early: it is a complete, ordinary run
(its own temp dir, host uid, cgroup, namespaces and limits) launched with an empty work
folder, whose launcher imports pytest and the libraries *its own tests* import, then waits for
the go. On a submission the grader writes the learner's files and the tests into the waiting
run and releases it; the run's wall clock starts then. Each warm run is used once and a new
one is started in its place after the grading, so nothing of one learner's run can reach the
next. The preloaded modules are the runtime modules that the run's tests and the learner's
files import at their top level, and they are part of the key: a submission uses a waiting
run only if it imports the same, so a warm run holds nothing a cold run would not import.

One process (a Celery pool process grading one submission at a time) keeps at most one
waiting run per key (kind, runtime, limits, arguments, preload) and `max_keys` keys, the least
recently used dropped first. A run waits at most `idle_seconds`: the launcher exits by itself
after that, and the pool discards it a little earlier, so a released run never races its own
idle exit. Only the bwrap mode has warm runs.
"""

from __future__ import annotations

import ast
import atexit
import contextlib
import logging
import shutil
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .isolation import Limits
from .layout import PreparedRun
from .process import Launched, discard, waiting
from .report import SandboxFile
from .runtimes import Runtime

logger = logging.getLogger("apprentice.sandbox")

# A waiting run this close to its idle exit is not released (the launcher may be exiting).
_IDLE_MARGIN_SECONDS = 10.0


@dataclass(frozen=True)
class WarmKey:
    kind: str
    runtime: str  # the runtime's versioned path: a rebuilt runtime is another key
    limits: Limits
    args: tuple[str, ...]
    preload: tuple[str, ...]


@dataclass
class WarmRun:
    """A launched run waiting for its files and its go."""

    prepared: PreparedRun
    launched: Launched
    started: float


def preload_modules(files: Sequence[SandboxFile], runtime: Runtime) -> tuple[str, ...]:
    """The runtime's modules the files import at their top level (`import a.b`,
    `from a.b import c`), sorted. The learner's own modules and the standard library are not
    named: the first are not there yet, the second is cheap."""
    names: set[str] = set()
    for file in files:
        if not file.path.endswith(".py"):
            continue
        try:
            tree = ast.parse(file.content)
        except SyntaxError:
            continue
        for node in tree.body:
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
    return tuple(sorted(n for n in names if n.split(".")[0] in runtime.top_level))


class WarmPool:
    def __init__(self, *, max_keys: int, idle_seconds: float) -> None:
        self.max_keys = max_keys
        self.idle_seconds = idle_seconds
        self._runs: OrderedDict[WarmKey, WarmRun] = OrderedDict()

    def __len__(self) -> int:
        return len(self._runs)

    def waiting(self) -> dict[WarmKey, WarmRun]:
        """A snapshot of the waiting runs (for tests and logs)."""
        return dict(self._runs)

    def take(self, key: WarmKey) -> WarmRun | None:
        """The waiting run for `key`, if a usable one is there (it leaves the pool)."""
        self.sweep()
        return self._runs.pop(key, None)

    def put(self, key: WarmKey, start: Callable[[], WarmRun]) -> None:
        """Start a run for `key` unless one is waiting; drop the least recently used keys."""
        if key in self._runs:
            self._runs.move_to_end(key)
            return
        try:
            self._runs[key] = start()
        except Exception:  # the next grading starts cold; it reports problems of its own
            logger.exception("sandbox: could not start a warm run")
            return
        while len(self._runs) > self.max_keys:
            _, oldest = self._runs.popitem(last=False)
            _drop(oldest)

    def sweep(self) -> None:
        """Drop runs that exited or waited too long."""
        now = time.monotonic()
        limit = self.idle_seconds - min(_IDLE_MARGIN_SECONDS, self.idle_seconds / 4)
        for key, run in list(self._runs.items()):
            if now - run.started > limit or not waiting(run.launched):
                del self._runs[key]
                _drop(run)

    def drain(self) -> None:
        while self._runs:
            _, run = self._runs.popitem()
            _drop(run)


def _drop(run: WarmRun) -> None:
    discard(run.launched)
    shutil.rmtree(run.prepared.tmp, ignore_errors=True)


_POOL: WarmPool | None = None


def pool(*, max_keys: int, idle_seconds: float) -> WarmPool:
    """This process's pool (created on first use; drained when the process exits)."""
    global _POOL
    if _POOL is None:
        _POOL = WarmPool(max_keys=max_keys, idle_seconds=idle_seconds)
        atexit.register(_POOL.drain)
    _POOL.max_keys, _POOL.idle_seconds = max_keys, idle_seconds
    return _POOL


def drain() -> None:
    """Kill this process's waiting runs (a worker process shutting down)."""
    if _POOL is not None:
        with contextlib.suppress(Exception):
            _POOL.drain()


__all__ = ["WarmKey", "WarmPool", "WarmRun", "drain", "pool", "preload_modules"]
