"""Hostile learner code: each attack must be contained, classified, and leave the host alone.

Every attack arrives as learner code (the module under test or a visible test). Limits are
small so the suite stays fast; nothing here asserts speed beyond "it came back".
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

from submissions.sandbox import Limits, Outcome, SandboxFile, SandboxResult, run_tests
from submissions.sandbox.report import REDACTED

FAST = Limits(wall_seconds=3, cpu_seconds=3)
CALC = SandboxFile("calculator.py", "def add(a, b):\n    return a + b\n")
OK_TEST = SandboxFile(
    "test_ok.py", "from calculator import add\n\ndef test_ok():\n    assert add(1, 2) == 3\n"
)


def visible(body: str, name: str = "test_attack.py") -> SandboxFile:
    return SandboxFile(name, body)


def run(
    test_body: str, *, files: list[SandboxFile] | None = None, limits: Limits = FAST
) -> SandboxResult:
    return run_tests(
        files=files if files is not None else [CALC],
        visible_tests=[visible(test_body)],
        hidden_tests=[],
        limits=limits,
    )


def processes_with(marker: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if marker.encode() in cmdline:
            found.append(int(entry.name))
    return found


def assert_sandbox_still_works() -> None:
    result = run_tests(files=[CALC], visible_tests=[OK_TEST], hidden_tests=[], limits=FAST)
    assert result.outcome == Outcome.PASSED, result.to_dict()


def test_infinite_loop_times_out() -> None:
    marker = f"loop-{uuid.uuid4().hex}"
    result = run(f"def test_loop():\n    '{marker}'\n    while True:\n        pass\n")
    assert result.outcome == Outcome.TIMED_OUT
    assert "time limit" in result.reason
    assert result.duration < FAST.wall_seconds + 2  # it came back (generous bound)
    assert processes_with(marker) == []


def test_sleep_times_out() -> None:
    result = run("import time\n\ndef test_sleep():\n    time.sleep(60)\n")
    assert result.outcome == Outcome.TIMED_OUT


def test_fork_bomb_is_contained() -> None:
    result = run("import os\n\ndef test_bomb():\n    while True:\n        os.fork()\n")
    assert result.outcome in (Outcome.ERROR, Outcome.TIMED_OUT), result.to_dict()
    if result.outcome == Outcome.ERROR:
        assert "process limit" in result.reason
    assert_sandbox_still_works()


def test_huge_allocation_is_memory_exceeded() -> None:
    result = run("def test_alloc():\n    data = bytearray(10 * 1024 ** 3)\n    assert data\n")
    assert result.outcome == Outcome.MEMORY_EXCEEDED
    assert "memory" in result.reason


def test_allocation_at_import_is_memory_exceeded() -> None:
    hog = SandboxFile(
        "calculator.py", "HOG = bytearray(10 * 1024 ** 3)\n\ndef add(a, b):\n    return a + b\n"
    )
    result = run_tests(files=[hog], visible_tests=[OK_TEST], hidden_tests=[], limits=FAST)
    assert result.outcome == Outcome.MEMORY_EXCEEDED


def test_printing_100mb_is_output_exceeded() -> None:
    result = run("def test_print():\n    for _ in range(100):\n        print('x' * 1_000_000)\n")
    assert result.outcome == Outcome.OUTPUT_EXCEEDED, result.to_dict()


def test_printing_uncaptured_is_output_exceeded() -> None:
    # Bypass pytest's capture by writing to a dup of the real stdout taken at import time.
    body = (
        "import os\nREAL = os.dup(1)\n\n"
        "def test_print(capsys):\n"
        "    with capsys.disabled():\n"
        "        for _ in range(100):\n"
        "            os.write(REAL, b'y' * 1_000_000)\n"
    )
    result = run(body)
    assert result.outcome == Outcome.OUTPUT_EXCEEDED, result.to_dict()


def test_writing_1gb_file_is_contained() -> None:
    marker = f"big-{uuid.uuid4().hex}"
    body = (
        "def test_write():\n"
        f"    for path in ('{marker}', '/tmp/{marker}'):\n"
        "        with open(path, 'wb') as f:\n"
        "            for _ in range(1024):\n"
        "                f.write(b'z' * 1024 * 1024)\n"
    )
    result = run(body)
    assert result.outcome == Outcome.OUTPUT_EXCEEDED, result.to_dict()
    assert "file size" in result.reason
    assert not Path(f"/tmp/{marker}").exists()
    assert not (Path(__file__).resolve().parents[2] / marker).exists()


def test_network_is_unreachable() -> None:
    body = (
        "import socket\nimport pytest\n\n"
        "@pytest.mark.parametrize('addr', [('127.0.0.1', 5432), ('127.0.0.1', 6379), ('93.184.215.14', 80)])\n"
        "def test_connect(addr):\n"
        "    with pytest.raises(OSError):\n"
        "        socket.create_connection(addr, timeout=1)\n\n"
        "def test_dns():\n"
        "    with pytest.raises(OSError):\n"
        "        socket.getaddrinfo('example.com', 80)\n"
    )
    result = run(body)
    assert result.outcome == Outcome.PASSED, result.to_dict()
    assert result.total == 4


def test_host_files_are_not_visible() -> None:
    project = Path(__file__).resolve().parents[2]  # wherever this checkout lives
    body = (
        "import os\nfrom pathlib import Path\n\n"
        "def test_files():\n"
        "    assert not Path('/etc/passwd').exists()\n"
        "    assert not Path('/etc/shadow').exists()\n"
        f"    assert not Path('{project}/config/settings/base.py').exists()\n"
        f"    assert not Path('{project}/.env').exists()\n"
        f"    assert not Path('{project}/submissions').exists()\n"
        f"    assert not Path('{project}/.git').exists()\n"
        "    assert os.listdir('/opt') == ['apprentice-venv']\n"
        "    assert not Path('/opt/apprentice-venv/../../config').exists()\n"
    )
    result = run(body)
    assert result.outcome == Outcome.PASSED, result.to_dict()


def test_secrets_are_not_in_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    secret = f"s3cr3t-{uuid.uuid4().hex}"
    monkeypatch.setenv("SECRET_KEY", secret)
    monkeypatch.setenv("DATABASE_URL", f"postgres://u:{secret}@db/x")
    monkeypatch.setenv("REDIS_URL", f"redis://:{secret}@redis:6379/0")
    body = (
        "import os\nfrom pathlib import Path\n\n"
        "def test_env():\n"
        "    assert not {'SECRET_KEY', 'DATABASE_URL', 'REDIS_URL'} & set(os.environ)\n"
        "    for proc in Path('/proc').iterdir():\n"
        "        if proc.name.isdigit():\n"
        "            try:\n"
        "                data = (proc / 'environ').read_bytes()\n"
        "            except OSError:\n"
        "                continue\n"
        f"            assert b'{secret}' not in data\n"
        "            assert b'SECRET_KEY' not in data\n"
    )
    result = run(body)
    assert result.outcome == Outcome.PASSED, result.to_dict()


def test_writes_outside_work_dir_fail() -> None:
    marker = f"escape-{uuid.uuid4().hex}"
    body = (
        "import os\nimport pytest\nfrom pathlib import Path\n\n"
        "def test_write():\n"
        f"    Path('/tmp/{marker}').write_text('inside')  # /tmp is the sandbox tmpfs\n"
        f"    for target in ('/usr/{marker}', '/src/{marker}', '/work/main/.venv/{marker}', '/{marker}'):\n"
        "        with pytest.raises(OSError):\n"
        "            Path(target).write_text('x')\n"
    )
    result = run(body)
    assert result.outcome == Outcome.PASSED, result.to_dict()
    assert not Path(f"/tmp/{marker}").exists()
    assert not Path(f"/usr/{marker}").exists()
    assert not Path(f"/work/main/.venv/{marker}").exists()


def test_background_process_does_not_survive() -> None:
    marker = f"bg-{uuid.uuid4().hex}"
    body = (
        "import subprocess, sys, os, time\n\n"
        "def test_spawn():\n"
        "    code = 'import time\\nwhile True: time.sleep(0.1)'\n"
        f"    subprocess.Popen([sys.executable, '-c', code, '{marker}'], start_new_session=True)\n"
        "    if os.fork() == 0:\n"
        "        os.setsid()\n"
        f"        os.execv(sys.executable, [sys.executable, '-c', code, '{marker}-2'])\n"
        "    time.sleep(0.3)\n"
    )
    result = run(body)
    assert result.outcome == Outcome.PASSED, result.to_dict()
    assert processes_with(marker) == []


def test_killing_parent_does_not_hurt_the_worker() -> None:
    worker_pid = os.getpid()
    body = "import os\n\ndef test_kill():\n    os.kill(os.getppid(), 9)\n    os.kill(1, 9)\n"
    result = run(body)
    assert result.outcome in (Outcome.PASSED, Outcome.ERROR, Outcome.FAILED), result.to_dict()
    assert os.getpid() == worker_pid
    assert_sandbox_still_works()


def test_kill_everything_is_classified() -> None:
    # kill(-1) reaches only the sandbox's pid namespace (here: nothing but the caller and
    # the immune init), so the host test process survives and the test simply fails.
    worker_pid = os.getpid()
    result = run("import os\n\ndef test_kill_all():\n    os.kill(-1, 9)\n")
    assert result.outcome == Outcome.FAILED, result.to_dict()
    assert "ProcessLookupError" in result.tests[0].message
    assert os.getpid() == worker_pid
    assert_sandbox_still_works()


def test_os_exit_is_error() -> None:
    result = run("import os\n\ndef test_exit():\n    os._exit(0)\n")
    assert result.outcome == Outcome.ERROR
    assert "without a report" in result.reason


def test_hidden_tests_read_and_printed_are_redacted() -> None:
    hidden_source = (
        "from calculator import add\n\n"
        "def test_hidden_edge_case():\n"
        "    magic_expected_total = 424242\n"
        "    assert add(212121, 212121) == magic_expected_total\n"
    )
    leaky = SandboxFile(
        "calculator.py",
        "import glob, sys\n"
        "for p in glob.glob('tests/hidden/*.py'):\n"
        "    src = open(p).read()\n"
        "    print(src)\n"
        "    print(src, file=sys.stderr)\n"
        "    import os; os.write(1, src.encode())\n"
        "def add(a, b):\n    return a + b\n",
    )
    snoop = SandboxFile(
        "test_snoop.py",
        "import glob\n\ndef test_snoop():\n"
        "    text = ''.join(open(p).read() for p in glob.glob('tests/hidden/*.py'))\n"
        "    print(text)\n"
        "    assert not text, text\n",
    )
    result = run_tests(
        files=[leaky],
        visible_tests=[snoop],
        hidden_tests=[SandboxFile("test_edge.py", hidden_source)],
        limits=FAST,
    )
    assert result.outcome == Outcome.FAILED, result.to_dict()
    dump = str(result.to_dict())
    assert "magic_expected_total = 424242" not in dump
    assert "add(212121, 212121)" not in dump
    assert REDACTED in by_name_output(result, "test_snoop")


def test_hidden_source_in_collection_error_is_redacted() -> None:
    hidden_source = (
        "from calculator import add\n\ndef test_hidden_x():\n    assert add(7, 8) == 15_000_001\n"
    )
    leaky = SandboxFile(
        "calculator.py",
        "import glob\nraise RuntimeError(''.join(open(p).read() for p in glob.glob('tests/hidden/*.py')))\n",
    )
    result = run_tests(
        files=[leaky],
        visible_tests=[OK_TEST],
        hidden_tests=[SandboxFile("test_x.py", hidden_source)],
        limits=FAST,
    )
    assert result.outcome == Outcome.ERROR
    assert "15_000_001" not in str(result.to_dict())


def by_name_output(result: SandboxResult, name: str) -> str:
    return next(t.output + t.message for t in result.tests if t.name == name)
