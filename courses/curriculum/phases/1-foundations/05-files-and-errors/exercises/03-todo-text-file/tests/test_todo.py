import pytest
from todo import add_task, complete_task, load_tasks, pending, save_tasks

LIST = "[ ] buy milk\n[x] call the plumber\n\n[ ] book the dentist\n"


def test_load_tasks_reads_open_and_done(tmp_path):
    path = tmp_path / "todo.txt"
    path.write_text(LIST, encoding="utf-8")
    assert load_tasks(path) == [
        ("buy milk", False),
        ("call the plumber", True),
        ("book the dentist", False),
    ]


def test_missing_file_has_no_tasks(tmp_path):
    assert load_tasks(tmp_path / "nothing.txt") == []
    assert not (tmp_path / "nothing.txt").exists()


def test_bad_line_names_its_number(tmp_path):
    path = tmp_path / "todo.txt"
    path.write_text("[ ] ok\n\nnot a task\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 3"):
        load_tasks(path)


def test_save_tasks_writes_one_line_each(tmp_path):
    path = tmp_path / "lists" / "todo.txt"
    save_tasks(path, [("tea", True), ("cake", False)])
    assert path.read_text(encoding="utf-8") == "[x] tea\n[ ] cake\n"


def test_add_task_appends_and_counts(tmp_path):
    path = tmp_path / "todo.txt"
    assert add_task(path, "  water the plants ") == 1
    assert add_task(path, "pay rent") == 2
    assert path.read_text(encoding="utf-8") == "[ ] water the plants\n[ ] pay rent\n"


def test_complete_task_marks_and_returns_text(tmp_path):
    path = tmp_path / "todo.txt"
    path.write_text(LIST, encoding="utf-8")
    assert complete_task(path, 3) == "book the dentist"
    assert pending(path) == ["buy milk"]


def test_task_zero_does_not_exist(tmp_path):
    path = tmp_path / "todo.txt"
    path.write_text(LIST, encoding="utf-8")
    with pytest.raises(IndexError):
        complete_task(path, 0)
