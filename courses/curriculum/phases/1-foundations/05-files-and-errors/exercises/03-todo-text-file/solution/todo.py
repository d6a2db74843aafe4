"""A to-do list kept in a plain text file: '[ ] open task' and '[x] done task' lines."""

from pathlib import Path

OPEN, DONE = "[ ] ", "[x] "

Task = tuple[str, bool]


def load_tasks(path: str | Path) -> list[Task]:
    """The tasks of the file as (text, done) pairs; a missing file has none."""
    try:
        content = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    tasks: list[Task] = []
    for number, line in enumerate(content.splitlines(), start=1):
        if not line.strip():
            continue
        if line.startswith(OPEN) or line.startswith(DONE):
            tasks.append((line[len(OPEN) :].strip(), line.startswith(DONE)))
        else:
            raise ValueError(f"line {number} is not a task: {line!r}")
    return tasks


def save_tasks(path: str | Path, tasks: list[Task]) -> None:
    """Replace the file's content with one line per task."""
    file = Path(path)
    file.parent.mkdir(parents=True, exist_ok=True)
    with file.open("w", encoding="utf-8") as handle:
        for text, done in tasks:
            handle.write(f"{DONE if done else OPEN}{text}\n")


def add_task(path: str | Path, text: str) -> int:
    """Append an open task and return how many tasks the file now holds."""
    text = text.strip()
    if not text or "\n" in text or "\r" in text:
        raise ValueError(f"a task needs one line of text, got {text!r}")
    file = Path(path)
    existing = file.read_text(encoding="utf-8") if file.exists() else ""
    with file.open("a", encoding="utf-8") as handle:
        if existing and not existing.endswith("\n"):
            handle.write("\n")
        handle.write(f"{OPEN}{text}\n")
    return len(load_tasks(file))


def complete_task(path: str | Path, number: int) -> str:
    """Mark task `number` (counting from 1) as done and return its text."""
    tasks = load_tasks(path)
    if not 1 <= number <= len(tasks):
        raise IndexError(f"there is no task {number}; the list has {len(tasks)}")
    text, _ = tasks[number - 1]
    tasks[number - 1] = (text, True)
    save_tasks(path, tasks)
    return text


def pending(path: str | Path) -> list[str]:
    """The texts of the open tasks, in order."""
    return [text for text, done in load_tasks(path) if not done]
