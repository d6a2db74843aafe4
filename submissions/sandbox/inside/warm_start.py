"""Entry of a warm run: ``python -s -P -B /src/lib/warm_start.py MODE FD ARGS``.

Started before its submission exists (see ``submissions/sandbox/warm.py``): it imports pytest,
our plugin and the runtime modules its tests import (``APPRENTICE_PRELOAD``, comma-separated),
then waits for one byte on the go pipe (``APPRENTICE_GO_FD``). Only then are the learner's
files there, and ``launcher.py`` runs exactly as in a cold run, as ``__main__`` with the same
arguments. No byte within ``APPRENTICE_IDLE_SECONDS`` of its start, or the grader gone (end of
file): it exits without running anything.

Not part of the grader's digest (``courses/keys.py``): answer keys are recorded by cold runs,
and this file changes when a run starts, not what it does.
"""

from __future__ import annotations

import importlib
import os
import runpy
import select
import sys
import time
import warnings

LIB = os.path.dirname(os.path.abspath(__file__))


def _preload(names: list[str]) -> None:
    sys.path.insert(0, LIB)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # a library's import-time warning is not the learner's
            import apprentice_sandbox_plugin  # noqa: F401
            import pytest  # noqa: F401

            for name in names:
                try:
                    importlib.import_module(name)
                except Exception:  # noqa: S112 - the tests' own import reports it
                    continue
    finally:
        sys.path.remove(LIB)


def _wait_for_go() -> bool:
    started = time.monotonic()
    fd = int(os.environ.pop("APPRENTICE_GO_FD"))
    idle = float(os.environ.pop("APPRENTICE_IDLE_SECONDS", "300"))
    _preload([n for n in os.environ.pop("APPRENTICE_PRELOAD", "").split(",") if n])
    # The idle time counts from the start, as the grader's pool counts it.
    ready, _, _ = select.select([fd], [], [], max(0.0, idle - (time.monotonic() - started)))
    signal = os.read(fd, 1) if ready else b""
    os.close(fd)
    return signal == b"g"


if __name__ == "__main__":
    if not _wait_for_go():
        os._exit(0)
    runpy.run_path(os.path.join(LIB, "launcher.py"), run_name="__main__")
