"""Hostile learner code against the real grader: each attack asserts the exact verdict.

Forgery attacks start from wrong code (`WRONG`) and try to get *passed* anyway; escape and
exfiltration attacks try to reach the host, the answers or the hidden checks; resource
attacks try to hold more than a run may. Nothing here asserts timing.
"""

from __future__ import annotations

import base64
import os
import subprocess
import uuid
from pathlib import Path
from typing import Any

import pytest

from submissions.sandbox import Limits, Outcome, SandboxFile, SandboxResult
from submissions.tests.sandbox_kit import (
    FAST,
    HIDDEN,
    REFERENCE,
    SECRET_SUM,
    WRONG,
    grade,
    learner_text,
)


def wrong_with(prelude: str = "", *, in_add: str = "") -> str:
    """The wrong arith.py with attack code at import (`prelude`) or inside add()."""
    code = prelude + "\n" + WRONG
    if in_add:
        body = "\n".join("    " + line for line in in_add.splitlines())
        code = code.replace("def add(a, b):\n", "def add(a, b):\n" + body + "\n", 1)
    return code


def right_with(*, in_add: str) -> str:
    body = "\n".join("    " + line for line in in_add.splitlines())
    return REFERENCE.content.replace("def add(a, b):\n", "def add(a, b):\n" + body + "\n", 1)


def add_output(result: SandboxResult) -> str:
    return next(t.output for t in result.tests if t.name == "test_add")


# --------------------------------------------------------------------------- forgery


@pytest.mark.parametrize(
    ("prelude", "in_add"),
    [
        pytest.param("import pytest", "pytest.skip('no')", id="skip inside the function"),
        pytest.param("import pytest", "pytest.xfail('no')", id="xfail inside the function"),
        pytest.param("import unittest", "raise unittest.SkipTest('no')", id="unittest.SkipTest"),
        pytest.param("", "raise KeyboardInterrupt", id="KeyboardInterrupt"),
        pytest.param("import pytest", "pytest.exit('done', returncode=0)", id="pytest.exit(0)"),
        pytest.param("", "raise SystemExit(0)", id="SystemExit(0) in a test"),
        pytest.param("", "raise GeneratorExit", id="GeneratorExit"),
    ],
)
def test_stopping_or_skipping_inside_a_test_is_a_failure(prelude: str, in_add: str) -> None:
    result = grade(wrong_with(prelude, in_add=in_add))
    assert result.outcome == Outcome.FAILED, result.reason


@pytest.mark.parametrize(
    ("prelude", "in_add"),
    [
        pytest.param(
            "import pytest\npytest.skip('x', allow_module_level=True)",
            "",
            id="skip the whole module",
        ),
        pytest.param("import sys\nsys.exit(0)", "", id="sys.exit(0) at import"),
        pytest.param("import os\nos._exit(0)", "", id="os._exit(0) at import"),
        pytest.param("import os", "os._exit(0)", id="os._exit(0) in a test"),
    ],
)
def test_leaving_before_the_report_is_written_is_an_error(prelude: str, in_add: str) -> None:
    result = grade(wrong_with(prelude, in_add=in_add))
    assert result.outcome == Outcome.ERROR, result.reason


def test_skipped_tests_are_named_as_not_counted() -> None:
    result = grade(right_with(in_add="import pytest\npytest.skip('later')"))
    assert result.outcome == Outcome.FAILED
    test = next(t for t in result.tests if t.name == "test_add")
    assert test.status == "skipped"
    assert test.message.startswith("not counted as passed: the test was skipped")


def test_an_interrupted_run_names_the_tests_that_did_not_run() -> None:
    result = grade(right_with(in_add="raise KeyboardInterrupt"))
    assert result.outcome == Outcome.FAILED
    not_run = [t for t in result.tests if t.status == "not_run"]
    assert not_run and all("did not run" in t.message for t in not_run)


PATCH_REPORTS = """
import _pytest.reports as _r
_orig = _r.TestReport.from_item_and_call
def _forge(item, call):
    report = _orig(item, call)
    report.outcome = "passed"
    report.longrepr = None
    return report
_r.TestReport.from_item_and_call = staticmethod(_forge)
import _pytest.runner
_pytest.runner.TestReport = _r.TestReport
"""

FAKE_VISIBLE_REPORT = """
import json, os
def _fake():
    tests = [{"nodeid": f"tests/test_arith.py::{n}", "status": "passed", "message": "",
              "output": "", "duration": 0.0}
             for n in ("test_add", "test_add_negative", "test_scale", "test_mean",
                       "test_mean_of_nothing")]
    checks = [{"nodeid": "tests/hidden/check_arith.py::check_big_sums", "status": "passed",
               "observations": [{"v": ["int", "5"]}], "problem": ""}]
    for mode, items in (("visible", tests), ("hidden", checks)):
        data = json.dumps({"mode": mode, "exitstatus": 0, "collected": 5, "interrupted": "",
                           "tests": items, "collection_errors": []}).encode()
        for fd in map(int, os.listdir("/proc/self/fd")):
            if fd > 2:
                try:
                    os.write(fd, data)
                except OSError:
                    pass
    os._exit(0)
_fake()
"""

PATCH_OBSERVER = """
import apprentice_observe
def _guess(self, value, *, tol=None):
    self.records.append({"v": ["int", "112649"]})
    return value
apprentice_observe.Observer.__call__ = _guess
apprentice_observe.Observer.call = lambda self, fn, *a, **k: self(None)
"""

ALWAYS_EQUAL = """
class _Eq:
    def __eq__(self, other): return True
    def __ne__(self, other): return False
    __hash__ = object.__hash__
def add(a, b): return _Eq()
def scale(values, factor): return _Eq()
def mean(values):
    if not values: raise ValueError
    return _Eq()
"""

STR_SUBCLASS = """
class _Int(int):
    def __eq__(self, other): return True
    __hash__ = int.__hash__
def add(a, b): return _Int(0)
def scale(values, factor): return [_Int(0)] * len(values)
def mean(values):
    if not values: raise ValueError
    return _Int(0)
"""


@pytest.mark.parametrize(
    ("name", "code", "outcome"),
    [
        ("pytest report objects patched at import", PATCH_REPORTS + WRONG, Outcome.FAILED),
        ("a forged report written to every pipe", FAKE_VISIBLE_REPORT + WRONG, Outcome.ERROR),
        ("the observe fixture patched with guesses", PATCH_OBSERVER + WRONG, Outcome.FAILED),
        ("an always-equal object", ALWAYS_EQUAL, Outcome.FAILED),
        ("an int subclass that equals everything", STR_SUBCLASS, Outcome.FAILED),
        (
            "float where the answer is an int",
            REFERENCE.content.replace("return a + b", "return float(a + b)"),
            Outcome.FAILED,
        ),
        (
            "tuple where the answer is a list",
            REFERENCE.content.replace(
                "return [v * factor for v in values]", "return tuple(v * factor for v in values)"
            ),
            Outcome.FAILED,
        ),
        (
            "True where the answer is 1",
            REFERENCE.content.replace("return a + b", "return True if a + b == 1 else a + b"),
            Outcome.PASSED,  # no check adds to 1: equal by value is still right here
        ),
    ],
)
def test_forging_results_needs_the_right_answers(name: str, code: str, outcome: Outcome) -> None:
    result = grade(code)
    assert result.outcome == outcome, (name, result.reason, result.staff_notes[:3])


def test_a_module_named_like_the_standard_library_never_runs() -> None:
    shadow = SandboxFile("difflib.py", FAKE_VISIBLE_REPORT)
    result = grade(WRONG, extra=[shadow])
    assert result.outcome == Outcome.FAILED
    assert result.reason == "5 of 5 tests did not pass; 5 of 5 hidden checks did not pass"


def test_a_module_named_like_pytest_or_the_plugin_never_runs() -> None:
    extra = [
        SandboxFile("pytest.py", FAKE_VISIBLE_REPORT),
        SandboxFile("apprentice_sandbox_plugin.py", FAKE_VISIBLE_REPORT),
        SandboxFile("apprentice_observe.py", FAKE_VISIBLE_REPORT),
        SandboxFile("_pytest/__init__.py", FAKE_VISIBLE_REPORT),
    ]
    result = grade(WRONG, extra=extra)
    assert result.outcome == Outcome.FAILED


def test_learner_ini_files_and_conftest_change_nothing() -> None:
    extra = [
        SandboxFile("pytest.ini", "[pytest]\naddopts = -p no:apprentice --co\n"),
        SandboxFile("pyproject.toml", "[tool.pytest.ini_options]\naddopts = '-k nothing'\n"),
        SandboxFile("conftest.py", "import pytest\ncollect_ignore_glob = ['*']\n"),
        SandboxFile("sitecustomize.py", FAKE_VISIBLE_REPORT),
        SandboxFile("usercustomize.py", FAKE_VISIBLE_REPORT),
    ]
    result = grade(WRONG, extra=extra)
    assert result.outcome == Outcome.FAILED


def test_overwriting_the_tests_is_refused_by_the_file_system() -> None:
    code = wrong_with(
        "import pathlib\ntry:\n"
        "    pathlib.Path('tests/test_arith.py').write_text('def test_ok(): pass\\n')\n"
        "except OSError:\n    pass\n"
    )
    assert grade(code).outcome == Outcome.FAILED


def test_deleting_the_tests_is_refused_by_the_file_system() -> None:
    code = wrong_with(
        "import os, shutil\nshutil.rmtree('tests', ignore_errors=True)\n"
        "try:\n    os.rename('tests', 'gone')\nexcept OSError:\n    pass\n"
    )
    assert grade(code).outcome == Outcome.FAILED


def test_behaving_differently_in_the_hidden_run_does_not_help() -> None:
    # Right answers when the visible tests are there, wrong ones otherwise.
    code = (
        "import os\n_VISIBLE = os.path.exists('tests/test_arith.py')\n"
        + REFERENCE.content.replace("return a + b", "return a + b if _VISIBLE else 0")
    )
    result = grade(code)
    assert result.outcome == Outcome.FAILED
    assert result.reason == "1 of 5 hidden checks did not pass"


def test_forking_a_second_reporter_gives_a_corrupt_report() -> None:
    code = wrong_with("import os\nif os.fork() == 0:\n    pass\n")
    assert grade(code).outcome == Outcome.FAILED


# --------------------------------------------------------------------------- exfiltration


def _no_hidden_source_in(text: str) -> None:
    lines = [line.strip() for line in HIDDEN.content.splitlines() if len(line.strip()) >= 12]
    for line in lines:
        assert line not in text
        assert base64.b64encode(line.encode()).decode()[:16] not in text
        assert line[::-1] not in text
    assert SECRET_SUM not in text


LEAK_HIDDEN = """
import base64, glob, sys
_SOURCE = "".join(open(p).read() for p in glob.glob("tests/hidden/*.py"))
print(_SOURCE)
print(base64.b64encode(_SOURCE.encode()).decode())
print(_SOURCE[::-1], file=sys.stderr)
"""


@pytest.mark.parametrize(
    ("name", "code", "outcome"),
    [
        ("printed at import", LEAK_HIDDEN + WRONG, Outcome.FAILED),
        (
            "in an exception message at import",
            LEAK_HIDDEN + "raise RuntimeError(_SOURCE)\n" + WRONG,
            Outcome.ERROR,
        ),
        (
            "in a failing return value",
            LEAK_HIDDEN + WRONG.replace("return a - b", "return _SOURCE"),
            Outcome.FAILED,
        ),
        (
            "split over test outputs",
            LEAK_HIDDEN
            + WRONG.replace("return a - b", "print(_SOURCE[:200]); print(_SOURCE[200:]); return 0"),
            Outcome.FAILED,
        ),
        (
            "written to a file",
            LEAK_HIDDEN + "open('leak.txt', 'w').write(_SOURCE)\n" + WRONG,
            Outcome.FAILED,
        ),
        (
            "in the exception of a hidden check",
            LEAK_HIDDEN + WRONG.replace("return a - b", "raise ValueError(_SOURCE[::-1])"),
            Outcome.FAILED,
        ),
    ],
)
def test_hidden_checks_never_reach_anything_a_learner_sees(
    name: str, code: str, outcome: Outcome
) -> None:
    result = grade(code)
    assert result.outcome == outcome, name
    _no_hidden_source_in(learner_text(result))


def test_the_visible_run_cannot_see_the_hidden_checks_or_the_answers() -> None:
    # The needle is computed, so it is not in this file's own text.
    search = (
        "import os\nneedle = str(7919 + 104729).encode()\nfound = []\n"
        "for root in ('/work', '/src', '/tmp', '/dev/shm'):\n"
        "    for folder, _, names in os.walk(root):\n"
        "        for n in names:\n"
        "            try:\n"
        "                if needle in open(os.path.join(folder, n), 'rb').read():\n"
        "                    found.append(os.path.join(folder, n))\n"
        "            except OSError:\n"
        "                pass\n"
        "print('HIDDEN', os.path.exists('tests/hidden'), 'OPT', os.listdir('/opt'), 'FOUND', found)"
    )
    result = grade(right_with(in_add=search))
    assert "HIDDEN False OPT ['runtime'] FOUND []" in add_output(result).splitlines()


def test_a_failing_hidden_check_says_nothing_about_its_expected_value() -> None:
    result = grade(REFERENCE.content.replace("return a + b", "return a + b + 1"))
    check = next(t for t in result.tests if t.name == "check_big_sums")
    assert check.status == "failed" and check.message == "" and check.output == ""
    _no_hidden_source_in(learner_text(result))


# --------------------------------------------------------------------------- escape


@pytest.mark.parametrize(
    ("name", "probe", "expected"),
    [
        ("no /etc/passwd", "print('P', os.path.exists('/etc/passwd'))", "P False"),
        (
            "no project files",
            "print('P', [p for p in ('/work/main', '/home', '/var', '/root/.bashrc') if os.path.exists(p)])",
            "P []",
        ),
        (
            "only the interpreter under /root",
            "print('P', os.listdir('/root'), os.listdir('/root/.pyenv'))",
            "P ['.pyenv'] ['versions']",
        ),
        (
            "no secrets in the environment",
            "print('P', sorted(k for k in os.environ if 'KEY' in k or 'SECRET' in k or 'DATABASE' in k or 'REDIS' in k))",
            "P []",
        ),
        (
            "no other processes",
            "print('P', sorted(int(p) for p in os.listdir('/proc') if p.isdigit())[:1])",
            "P [1]",
        ),
        ("no /sys", "print('P', os.path.exists('/sys/fs/cgroup'))", "P False"),
        ("no docker socket", "print('P', os.path.exists('/var/run/docker.sock'))", "P False"),
        ("read-only root", "print('P', _try(lambda: open('/x', 'w')))", "P 30"),
        ("read-only /usr", "print('P', _try(lambda: open('/usr/x', 'w')))", "P 30"),
        ("read-only runtime", "print('P', _try(lambda: open('/opt/runtime/x', 'w')))", "P 30"),
        (
            "read-only grader files",
            "print('P', _try(lambda: open('/src/lib/launcher.py', 'a')))",
            "P 30",
        ),
        ("read-only /dev", "print('P', _try(lambda: open('/dev/x', 'w')))", "P 30"),
        # The sandbox has a loopback of its own: the host's PostgreSQL and Redis are not on it.
        (
            "no PostgreSQL of the host",
            "print('P', _try(lambda: socket.create_connection(('127.0.0.1', 5432), 1)))",
            "P 111",
        ),
        (
            "no Redis of the host",
            "print('P', _try(lambda: socket.create_connection(('127.0.0.1', 6379), 1)))",
            "P 111",
        ),
        (
            "no interfaces but loopback",
            "print('P', [name for _, name in socket.if_nameindex()])",
            "P ['lo']",
        ),
        (
            "no network outside",
            "print('P', _try(lambda: socket.create_connection(('1.1.1.1', 53), 1)))",
            "P 101",
        ),
        (
            "no name resolution",
            "print('P', _try(lambda: socket.getaddrinfo('example.com', 80)))",
            "P -3",
        ),
        (
            "no mounting",
            "print('P', _syscall('mount', b'none', b'/work', b'tmpfs', 0, None))",
            "P 1",
        ),
        ("no new user namespace", "print('P', _syscall('unshare', 0x10000000))", "P 28"),
        ("runs as nobody", "print('P', os.getuid(), os.getgid())", "P 65534 65534"),
    ],
)
def test_learner_code_cannot_reach_the_host(name: str, probe: str, expected: str) -> None:
    helper = (
        "import os, socket, ctypes\n"
        "def _try(action):\n"
        "    try:\n        action()\n    except OSError as exc:\n"
        "        return exc.errno if exc.errno is not None else getattr(exc, 'args', [0])[0]\n"
        "    return 0\n"
        "def _syscall(name, *args):\n"
        "    libc = ctypes.CDLL(None, use_errno=True)\n"
        "    return ctypes.get_errno() if getattr(libc, name)(*args) != 0 else 0\n"
    )
    code = helper + right_with(in_add=probe)
    result = grade(code)
    assert expected in add_output(result).splitlines(), (name, add_output(result))


def test_killing_everything_it_can_see_leaves_the_host_alone() -> None:
    sentinel = subprocess.Popen(["sleep", "60"])
    try:
        code = wrong_with(
            "import os, signal",
            in_add="for pid in (-1, os.getppid(), 1):\n"
            "    try:\n        os.kill(pid, signal.SIGKILL)\n    except OSError:\n        pass",
        )
        result = grade(code)
        # kill(-1) spares the caller and init, the parent is out of reach: the tests run on.
        assert result.outcome == Outcome.FAILED
        assert result.reason == "5 of 5 tests did not pass; 5 of 5 hidden checks did not pass"
        assert sentinel.poll() is None  # a process of the host, still running
        assert grade(REFERENCE.content).outcome == Outcome.PASSED
    finally:
        sentinel.kill()
        sentinel.wait()


def _processes_with(marker: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            if marker.encode() in (entry / "cmdline").read_bytes():
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def test_background_processes_do_not_outlive_the_run() -> None:
    marker = f"bg-{uuid.uuid4().hex}"
    code = right_with(
        in_add=(
            "import subprocess\n"
            f"subprocess.Popen(['sh', '-c', 'sleep 120 # {marker}'], start_new_session=True)"
        )
    )
    result = grade(code)
    assert result.outcome == Outcome.PASSED
    assert _processes_with(marker) == []


# --------------------------------------------------------------------------- resources


MEMFDS = (
    "import os\nfds = []\nfor _ in range(64):\n    fd = os.memfd_create('x')\n"
    "    fds.append(fd)\n    for _ in range(15):\n        os.write(fd, b'z' * (1 << 20))"
)


@pytest.mark.parametrize(
    ("name", "in_add", "outcome", "reason"),
    [
        (
            "an infinite loop",
            "while True:\n    pass",
            Outcome.TIMED_OUT,
            "time limit of 4 s exceeded",
        ),
        (
            "sleeping past the limit",
            "import time\ntime.sleep(60)",
            Outcome.TIMED_OUT,
            "time limit of 4 s exceeded",
        ),
        (
            "a CPU burn in threads",
            "import threading\ndef burn():\n    while True:\n        pass\nfor _ in range(4):\n    threading.Thread(target=burn, daemon=True).start()\nburn()",
            Outcome.TIMED_OUT,
            None,
        ),
        (
            "10 GB at once",
            "data = bytearray(10 * 1024 ** 3)",
            Outcome.MEMORY_EXCEEDED,
            "memory limit of 256 MB exceeded",
        ),
        (
            "memory touched bit by bit",
            "chunks = []\nwhile True:\n    chunks.append(b'x' * (1 << 20))",
            Outcome.MEMORY_EXCEEDED,
            "memory limit of 256 MB exceeded",
        ),
        (
            "many processes sharing the memory",
            "import os, time\nfor _ in range(8):\n    if os.fork() == 0:\n        data = [b'y' * (1 << 20) for _ in range(100)]\n        time.sleep(2)\n        os._exit(0)\ntime.sleep(2)",
            Outcome.MEMORY_EXCEEDED,
            "memory limit of 256 MB exceeded",
        ),
        (
            "one memfd past the file size limit",
            "import os\nfd = os.memfd_create('x')\nfor _ in range(1024):\n    os.write(fd, b'z' * (1 << 20))",
            Outcome.OUTPUT_EXCEEDED,
            "file size limit exceeded (16 MB per file, 64 MB in all)",
        ),
        (
            "many memfds of 15 MB",
            MEMFDS,
            Outcome.MEMORY_EXCEEDED,
            "memory limit of 256 MB exceeded",
        ),
        (
            "filling /dev/shm",
            "with open('/dev/shm/fill', 'wb') as f:\n    for _ in range(1024):\n        f.write(b'z' * (1 << 20))",
            Outcome.OUTPUT_EXCEEDED,
            "file size limit exceeded (16 MB per file, 64 MB in all)",
        ),
        (
            "filling the work dir",
            "for i in range(100):\n    with open(f'fill{i}', 'wb') as f:\n        f.write(b'z' * (15 << 20))",
            Outcome.OUTPUT_EXCEEDED,
            "file size limit exceeded (16 MB per file, 64 MB in all)",
        ),
        (
            "a 1 GB file",
            "with open('/tmp/big', 'wb') as f:\n    for _ in range(1024):\n        f.write(b'z' * (1 << 20))",
            Outcome.OUTPUT_EXCEEDED,
            "file size limit exceeded (16 MB per file, 64 MB in all)",
        ),
        (
            "100 MB of output",
            "for _ in range(100):\n    print('x' * 1_000_000)",
            Outcome.OUTPUT_EXCEEDED,
            None,
        ),
        (
            "output around the capture",
            "import os, sys\nfor _ in range(100):\n    os.write(sys.__stdout__.fileno() if False else 1, b'y' * 1_000_000)",
            Outcome.OUTPUT_EXCEEDED,
            None,
        ),
        (
            "too many open files",
            "files = [open('/dev/null') for _ in range(100000)]",
            Outcome.FAILED,
            None,
        ),
        # Python 3.11 keeps frames on the heap: deep recursion runs out of memory first.
        (
            "unbounded recursion with the guard off",
            "import sys\nsys.setrecursionlimit(10 ** 7)\ndef down(n):\n    return down(n + 1) + 1\ndown(0)",
            Outcome.MEMORY_EXCEEDED,
            "memory limit of 256 MB exceeded",
        ),
        (
            "a segfault in C",
            "import ctypes\nctypes.string_at(0)",
            Outcome.CRASHED,
            "crashed: segmentation fault, e.g. unbounded recursion or a crash in C code",
        ),
        ("abort()", "import os\nos.abort()", Outcome.CRASHED, "crashed: aborted"),
        (
            "killing itself",
            "import os, signal\nos.kill(os.getpid(), signal.SIGKILL)",
            Outcome.CRASHED,
            "crashed: killed",
        ),
    ],
)
def test_resource_attacks_are_stopped_and_named(
    name: str, in_add: str, outcome: Outcome, reason: str | None
) -> None:
    # CPU time above the wall clock: a single-threaded loop then meets the wall limit first
    # every time (with both at 4 s, which one fired first was a race the reason showed).
    limits = Limits(wall_seconds=4, cpu_seconds=6, memory_mb=256)
    result = grade(wrong_with(in_add=in_add), limits=limits)
    assert result.outcome == outcome, (name, result.reason, result.staff_notes)
    if reason is not None:
        assert result.reason == reason, name


def test_a_huge_failure_message_is_stored_small() -> None:
    code = wrong_with(in_add="raise AssertionError('m' * 800_000)")
    result = grade(code)
    assert result.outcome == Outcome.FAILED
    stored = learner_text(result).encode()
    assert len(stored) <= 256 * 1024


def test_output_from_every_test_is_capped_per_test() -> None:
    code = right_with(in_add="print('o' * 100_000)")
    result = grade(code)
    assert result.outcome == Outcome.PASSED
    assert len(add_output(result)) <= FAST.test_output_chars


def test_a_memfd_attack_holds_no_more_host_memory_than_its_limit() -> None:
    """Shmem (tmpfs + memfd pages) on the host while the attack runs stays within the run's
    memory limit plus slack; it used to be unbounded by RLIMIT_AS."""

    def shmem_kb() -> int:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("Shmem:"):
                return int(line.split()[1])
        raise AssertionError("no Shmem line")

    before = shmem_kb()
    peak = [before]
    import threading

    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            peak.append(shmem_kb())
            stop.wait(0.02)

    sampler = threading.Thread(target=sample)
    sampler.start()
    try:
        code = wrong_with(in_add=MEMFDS)
        result = grade(code, limits=Limits(wall_seconds=6, cpu_seconds=6, memory_mb=256))
    finally:
        stop.set()
        sampler.join()
    assert result.outcome == Outcome.MEMORY_EXCEEDED
    held_mb = (max(peak) - before) / 1024
    # Two runs (visible and hidden) at once, each held to its own 256 MB; slack for the
    # interpreters' pages. Before the cgroups one such run held 3 GB.
    assert held_mb < 2 * 256 + 32, held_mb


def test_a_fork_bomb_is_stopped_by_the_process_limit() -> None:
    # With room in memory, the process cap is what stops it (at 256 MB the copied pages of
    # 64 interpreters can reach the memory limit first, which is also a stop, named as such).
    limits = Limits(wall_seconds=4, cpu_seconds=4, memory_mb=2048)
    result = grade(wrong_with(in_add="import os\nwhile True:\n    os.fork()"), limits=limits)
    assert result.outcome == Outcome.ERROR, (result.reason, result.staff_notes)
    assert result.reason == "process limit of 64 exceeded"


def test_runs_leave_no_cgroup_behind() -> None:
    from submissions.sandbox import isolation

    created: list[str] = []
    original = isolation.RunCgroup.__init__

    def spy(self: isolation.RunCgroup, **kwargs: Any) -> None:
        original(self, **kwargs)
        created.extend(str(d) for d in self.dirs)

    isolation.RunCgroup.__init__ = spy  # type: ignore[method-assign]
    try:
        grade(wrong_with(in_add="import os\nwhile True:\n    os.fork()"))
    finally:
        isolation.RunCgroup.__init__ = original  # type: ignore[method-assign]
    assert len(created) == 4  # memory + pids for each of the two runs
    assert [d for d in created if Path(d).exists()] == []
