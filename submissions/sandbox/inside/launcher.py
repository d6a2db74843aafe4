"""First code to run inside the sandbox: ``python -s -P -B /src/lib/launcher.py MODE FD ARGS``.

MODE is ``visible`` or ``hidden`` (pytest with our recorder, ARGS are pytest's),
``capstone`` (the same for a learner's whole project, its own tests included, with
coverage measured in this process) or ``exec`` (ARGS is a command to exec: quality tools). FD is the report
pipe. The learner's files are copied from the read-only ``/src/work`` into the writable
``/work``; the tests are already mounted read-only at ``/work/tests``.

``-s -P`` keep the script's folder, the working directory and the user site off ``sys.path``
(bwrap has cleared the environment, so no PYTHONPATH either). Our own
modules come first, the standard library and the runtime next, and the learner's folder
last, so a learner file can never stand in for a module that pytest or we import. (The
grader also refuses such names when the files are submitted.)
"""

from __future__ import annotations

import os
import shutil
import sys

# Where things are inside bwrap; the unisolated development mode passes its own paths.
SRC = os.environ.pop("APPRENTICE_SRC", "/src")
WORK = os.environ.pop("APPRENTICE_WORK", "/work")
LIB = os.path.join(SRC, "lib")
SOURCE = os.path.join(SRC, "work")


def _copy_learner_files() -> None:
    for root, _dirs, files in os.walk(SOURCE):
        rel = os.path.relpath(root, SOURCE)
        target = WORK if rel == "." else os.path.join(WORK, rel)
        os.makedirs(target, exist_ok=True)
        for name in files:
            shutil.copyfile(os.path.join(root, name), os.path.join(target, name))


def main() -> None:
    mode, fd = sys.argv[1], int(sys.argv[2])
    args = sys.argv[3:]
    del sys.argv[1:]  # the pipe's number is not left lying around for learner code
    _copy_learner_files()
    os.makedirs(os.path.join(WORK, ".tmp"), exist_ok=True)
    os.chdir(WORK)
    if mode == "exec":
        os.close(fd)
        os.execv(args[0], args)  # noqa: S606 - our own fixed tool command
    sys.path.insert(0, LIB)
    import pytest
    from apprentice_sandbox_plugin import Recorder

    os.set_inheritable(fd, False)
    chars = int(os.environ.pop("APPRENTICE_OUTPUT_CHARS", "2000"))
    recorder = Recorder(mode="visible" if mode == "capstone" else mode, fd=fd, output_chars=chars)
    if mode == "capstone":
        code, extra = _capstone(args, recorder)
    else:
        sys.path.append(WORK)
        code, extra = int(pytest.main(args, plugins=[recorder])), {}
    recorder.write(**extra)
    sys.stdout.flush()
    sys.stderr.flush()
    # os._exit: do not wait for non-daemon threads the learner may have left behind.
    os._exit(code)


def _capstone(args: list[str], recorder: object) -> tuple[int, dict[str, object]]:
    import coverage
    import pytest

    # A project may keep its package at the top or under src/.
    sys.path.extend([WORK, os.path.join(WORK, "src")])
    omit = ["*/tests/*", "*/test_*.py", "*_test.py", "*/conftest.py", "*/.tmp/*", "/src/*"]
    cov = coverage.Coverage(data_file=".tmp/.coverage", source=[WORK], omit=omit)
    cov.start()
    try:
        code = int(pytest.main(args, plugins=[recorder]))
    finally:
        cov.stop()
    try:
        with open(os.devnull, "w") as sink:
            percent: float | None = round(float(cov.report(file=sink)), 1)
    except Exception:  # no data (nothing imported), or a broken project
        percent = None
    return code, {"coverage_percent": percent}


if __name__ == "__main__":
    main()
