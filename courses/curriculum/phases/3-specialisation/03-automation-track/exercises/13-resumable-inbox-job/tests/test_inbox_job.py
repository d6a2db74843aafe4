import os

import pytest
from inbox_job import RunReport, csv_to_json, process_inbox


class Crash(Exception):
    pass


def crashing_replace(at_call: int):
    calls = []

    def replace(src, dst):
        calls.append((src.name, dst.name))
        if len(calls) == at_call:
            raise Crash(f"power cut during call {at_call}")
        os.replace(src, dst)

    return replace, calls


def files(root):
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


@pytest.fixture
def root(tmp_path):
    (tmp_path / "inbox").mkdir()
    (tmp_path / "inbox" / "b.csv").write_text("id,total\n2,5.00\n", encoding="utf-8")
    (tmp_path / "inbox" / "a.csv").write_text("id,total\n1,9.99\n", encoding="utf-8")
    return tmp_path


def test_csv_to_json():
    assert csv_to_json("id,name\n1,Zoë\n") == '[\n  {\n    "id": "1",\n    "name": "Zoë"\n  }\n]\n'
    assert csv_to_json("id,name\n") == "[]\n"


def test_a_run_converts_and_moves_in_name_order(root):
    assert process_inbox(root) == RunReport(["a.csv", "b.csv"], [])
    assert files(root) == ["done/a.csv", "done/b.csv", "outbox/a.json", "outbox/b.json"]
    assert (root / "outbox" / "a.json").read_text(encoding="utf-8") == csv_to_json("id,total\n1,9.99\n")


def test_running_again_changes_nothing(root):
    process_inbox(root)
    before = {name: (root / name).read_bytes() for name in files(root)}
    assert process_inbox(root) == RunReport([], [])
    assert {name: (root / name).read_bytes() for name in files(root)} == before


def test_replace_calls_are_tmp_then_move(root):
    replace, calls = crashing_replace(at_call=0)
    process_inbox(root, replace=replace)
    assert calls == [("a.json.tmp", "a.json"), ("a.csv", "a.csv"), ("b.json.tmp", "b.json"), ("b.csv", "b.csv")]


def test_crash_before_the_move_is_finished_by_the_next_run(root):
    replace, _ = crashing_replace(at_call=2)
    with pytest.raises(Crash):
        process_inbox(root, replace=replace)
    assert process_inbox(root) == RunReport(["b.csv"], ["a.csv"])
    assert files(root) == ["done/a.csv", "done/b.csv", "outbox/a.json", "outbox/b.json"]


def test_left_over_tmp_files_are_removed(root):
    (root / "outbox").mkdir()
    (root / "outbox" / "old.json.tmp").write_text("half a fi", encoding="utf-8")
    process_inbox(root)
    assert "outbox/old.json.tmp" not in files(root)
