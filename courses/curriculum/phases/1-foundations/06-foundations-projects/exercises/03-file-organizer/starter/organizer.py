"""Tidy a downloads folder by moving files into subfolders by category."""

from pathlib import Path

CATEGORIES: dict[str, set[str]] = {
    "images": {".jpg", ".jpeg", ".png", ".gif", ".svg", ".webp"},
    "documents": {".pdf", ".doc", ".docx", ".odt", ".txt", ".md", ".csv", ".xlsx", ".pptx"},
    "audio": {".mp3", ".wav", ".flac", ".ogg", ".m4a"},
    "video": {".mp4", ".mov", ".mkv", ".avi", ".webm"},
    "archives": {".zip", ".tar", ".gz", ".rar", ".7z"},
    "code": {".py", ".js", ".html", ".css", ".json"},
}
OTHER = "other"


def category_for(filename: str) -> str:
    """Return the category of a file from its (last) extension, case-insensitively."""
    raise NotImplementedError


def unique_destination(target: Path, taken: set[Path]) -> Path:
    """Return `target`, or 'name (n).ext' for the smallest n that is free."""
    raise NotImplementedError


def plan_moves(folder: Path) -> list[tuple[Path, Path]]:
    """Return (source, destination) pairs for every visible file directly in `folder`.

    Raise NotADirectoryError when `folder` is not a directory. Touch nothing on disk.
    """
    raise NotImplementedError


def organize(folder: Path, *, dry_run: bool = False) -> list[tuple[Path, Path]]:
    """Move files into category folders (or only plan it when `dry_run` is true)."""
    raise NotImplementedError
