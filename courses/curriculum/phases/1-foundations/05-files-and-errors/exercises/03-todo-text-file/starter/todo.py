"""A to-do list kept in a plain text file: '[ ] open task' and '[x] done task' lines."""

from pathlib import Path

Task = tuple[str, bool]


def load_tasks(path: str | Path) -> list[Task]:
    """The tasks of the file as (text, done) pairs; a missing file has none.

    A line that is neither blank nor a task raises ValueError mentioning 'line <n>'.
    """
    raise NotImplementedError


def save_tasks(path: str | Path, tasks: list[Task]) -> None:
    """Replace the file's content with one '[ ] text' or '[x] text' line per task."""
    raise NotImplementedError


def add_task(path: str | Path, text: str) -> int:
    """Append an open task and return how many tasks the file now holds."""
    raise NotImplementedError


def complete_task(path: str | Path, number: int) -> str:
    """Mark task `number` (counting from 1) as done and return its text (IndexError if none)."""
    raise NotImplementedError


def pending(path: str | Path) -> list[str]:
    """The texts of the open tasks, in order."""
    raise NotImplementedError
