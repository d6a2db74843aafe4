"""Hidden checks: they record what the code does; the grader compares with the reference."""

import os

import pytest
from inbox_job import csv_to_json, process_inbox

INBOX = {
    "2024-06-02-globex.csv": "invoice,amount,currency\nG-7,120.50,EUR\nG-8,3.10,EUR\n",
    "2024-06-01-acme.csv": "invoice,amount\nA-1,99.99\n",
    "2024-06-01-initech.csv": "invoice,amount\n",
    "notes.txt": "not a csv",
    "UPPER.CSV": "invoice,amount\nU-1,1\n",
}


class Crash(Exception):
    pass


def make(root, inbox=INBOX):
    (root / "inbox").mkdir(parents=True)
    (root / "inbox" / "archive.csv").mkdir()  # a folder, even if it is named like a CSV
    for name, text in inbox.items():
        (root / "inbox" / name).write_text(text, encoding="utf-8")
    return root


def crashing(at_call, log):
    def replace(src, dst):
        log.append((type(src).__name__, src.parent.name, src.name, dst.parent.name, dst.name))
        if len(log) == at_call:
            raise Crash(at_call)
        os.replace(src, dst)

    return replace


def snapshot(root):
    return {p.relative_to(root).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.parametrize(
    "text",
    ["a,b\n1,2\n3,4\n", "a,b\n", "", "name,city\n\"Doe, J\",Zürich\n", "x\n\n1\n", "a,b\n1\n", "k\r\nv\r\n"],
)
def check_csv_to_json(observe, text):
    observe(csv_to_json(text))


def check_clean_run_and_rerun(observe, tmp_path):
    root = make(tmp_path / "site")
    log = []
    observe(process_inbox(root, replace=crashing(0, log)))
    observe(log)
    observe(snapshot(root))
    log.clear()
    observe(process_inbox(root, replace=crashing(0, log)))
    observe(log)
    observe(snapshot(root))


@pytest.mark.parametrize("at_call", [1, 2, 3, 4, 5, 6])
def check_crash_at_every_rename(observe, tmp_path, at_call):
    root = make(tmp_path / "site")
    log = []
    observe.raises(process_inbox, root, replace=crashing(at_call, log))
    observe(log)
    observe(snapshot(root))
    later = []
    observe(process_inbox(root, replace=crashing(0, later)))
    observe(later)
    observe(snapshot(root))


def check_crash_in_convert(observe, tmp_path):
    root = make(tmp_path / "site")
    seen = []

    def convert(text):
        seen.append(text)
        if "G-7" in text:
            raise ValueError("malformed amount")
        return csv_to_json(text)

    observe.raises(process_inbox, root, convert=convert)
    observe(len(seen))
    observe(snapshot(root))
    observe(process_inbox(root))
    observe(snapshot(root))


def check_stale_tmp_and_redelivery(observe, tmp_path):
    root = make(tmp_path / "site", {"a.csv": "k\n1\n"})
    (root / "outbox").mkdir()
    (root / "outbox" / "gone.json.tmp").write_text("{", encoding="utf-8")
    (root / "outbox" / "a.json").write_text("stale output\n", encoding="utf-8")
    (root / "outbox" / "keep.json").write_text("other output\n", encoding="utf-8")
    observe(process_inbox(root))
    observe(snapshot(root))
    (root / "inbox" / "a.csv").write_text("k\n2\n", encoding="utf-8")
    observe(process_inbox(root))
    observe(snapshot(root))
    (root / "inbox" / "a.csv").write_text("k\n2\n", encoding="utf-8")
    observe(process_inbox(root))
    observe(snapshot(root))


def check_missing_folders(observe, tmp_path):
    observe(process_inbox(tmp_path / "fresh"))
    observe(sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")))
    observe(process_inbox(tmp_path / "fresh", convert=lambda text: "ignored"))
