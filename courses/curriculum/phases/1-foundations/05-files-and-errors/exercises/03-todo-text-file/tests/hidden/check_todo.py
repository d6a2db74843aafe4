"""Hidden checks: they record what the code does; the grader compares with the reference."""

import locale

import pytest
from todo import add_task, complete_task, load_tasks, pending, save_tasks


@pytest.fixture
def ascii_default_encoding():
    """Python's default text encoding becomes ASCII, as on a machine not set up for UTF-8."""
    previous = locale.setlocale(locale.LC_CTYPE)
    locale.setlocale(locale.LC_CTYPE, "C")
    yield
    locale.setlocale(locale.LC_CTYPE, previous)


def message_of(function, *args):
    """The text of the exception `function` raises ("" when it returns)."""
    try:
        function(*args)
    except Exception as error:  # noqa: BLE001 - the message is what we look at
        return str(error)
    return ""


@pytest.mark.parametrize(
    "content",
    [
        "[ ] buy milk\n[x] call the plumber\n\n[ ] book the dentist\n",
        "[x] windows line\r\n[ ]   spaced out   \r\n   \r\n[ ] no final newline",
        "",
        "\n\n  \n",
        "[x] [ ] odd but fine\n[ ] [x]\n",
    ],
)
def check_load_tasks(observe, tmp_path, content):
    path = tmp_path / "todo.txt"
    path.write_text(content, encoding="utf-8", newline="")
    observe(load_tasks(path))
    observe(pending(str(path)))


@pytest.mark.parametrize(
    "content",
    [
        "[ ] ok\n\nnot a task\n",
        "[X] capital x\n",
        "[ ]missing space\n",
        "[ ] a\n[ ] b\n[ ] c\n[ ] d\n\n\n- e\n",
        " [ ] leading space\n",
        "[]  empty box\n",
    ],
)
def check_bad_lines_are_numbered(observe, tmp_path, content):
    path = tmp_path / "todo.txt"
    path.write_text(content, encoding="utf-8")
    observe.raises(load_tasks, path)
    message = message_of(load_tasks, path)
    observe([f"line {n}" in message for n in range(1, 9)])


def check_missing_file(observe, tmp_path):
    observe(load_tasks(tmp_path / "absent.txt"))
    observe(pending(tmp_path / "absent.txt"))
    observe.tree(tmp_path)


def check_save_tasks_replaces_content(observe, tmp_path):
    path = tmp_path / "a" / "b" / "todo.txt"
    save_tasks(path, [("tea", True), ("cake", False), ("caf\u00e9 au lait", False)])
    observe.tree(tmp_path)
    save_tasks(str(path), [("only one", False)])
    observe(path.read_bytes())
    save_tasks(path, [])
    observe(path.read_bytes())


def check_add_task(observe, tmp_path):
    path = tmp_path / "todo.txt"
    observe(add_task(path, "  water the plants "))
    observe(add_task(str(path), "pay rent"))
    observe(add_task(path, "cr\u00e8me br\u00fbl\u00e9e"))
    observe(path.read_bytes())
    hand_edited = tmp_path / "edited.txt"
    hand_edited.write_text("[x] done\n\n[ ] no newline at the end", encoding="utf-8")
    observe(add_task(hand_edited, "next"))
    observe(hand_edited.read_text(encoding="utf-8"))


@pytest.mark.parametrize("text", ["", "   ", "two\nlines", "carriage\rreturn", " \n "])
def check_add_task_rejects_bad_text(observe, tmp_path, text):
    path = tmp_path / "todo.txt"
    path.write_text("[ ] first\n", encoding="utf-8")
    observe.raises(add_task, path, text)
    observe(path.read_text(encoding="utf-8"))
    observe(add_task(path, "second  \n"))


def check_complete_task(observe, tmp_path):
    path = tmp_path / "todo.txt"
    path.write_text("[ ] one\n\n[x] two\n[ ] three\n  \n[ ] four\n", encoding="utf-8")
    observe(complete_task(path, 3))
    observe(path.read_text(encoding="utf-8"))
    observe(complete_task(str(path), 2))
    observe(complete_task(path, 1))
    observe(pending(path))
    observe(load_tasks(path))


@pytest.mark.parametrize("number", [0, -1, 5, 100])
def check_complete_task_rejects_missing_numbers(observe, tmp_path, number):
    path = tmp_path / "todo.txt"
    content = "[ ] one\n[ ] two\n\n[x] three\n[ ] four\n"
    path.write_text(content, encoding="utf-8")
    observe.raises(complete_task, path, number)
    observe(path.read_text(encoding="utf-8") == content)
    observe(complete_task(path, 4))


def check_files_are_utf8(observe, tmp_path, ascii_default_encoding):
    path = tmp_path / "todo.txt"
    path.write_bytes("[ ] caf\u00e9\n[x] na\u00efve\n".encode("utf-8"))
    observe.call(load_tasks, path)
    observe.call(add_task, path, "\u00fcber")
    observe.call(complete_task, path, 1)
    observe(path.read_bytes())
    observe.call(save_tasks, tmp_path / "new.txt", [("\u00e9t\u00e9", False)])
    observe.tree(tmp_path)
