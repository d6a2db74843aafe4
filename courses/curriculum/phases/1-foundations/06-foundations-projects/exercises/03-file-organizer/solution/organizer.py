"""Tidy a downloads folder by moving files into subfolders by category."""

import shutil
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
    """Return the category of a file from its (last) extension."""
    extension = Path(filename).suffix.lower()
    for category, extensions in CATEGORIES.items():
        if extension in extensions:
            return category
    return OTHER


def unique_destination(target: Path, taken: set[Path]) -> Path:
    """Return `target`, or 'name (n).ext' for the smallest n that is free."""
    candidate = target
    number = 1
    while candidate.exists() or candidate in taken:
        candidate = target.with_name(f"{target.stem} ({number}){target.suffix}")
        number += 1
    return candidate


def plan_moves(folder: Path) -> list[tuple[Path, Path]]:
    """Return (source, destination) pairs for every visible file directly in `folder`."""
    if not folder.is_dir():
        raise NotADirectoryError(f"not a folder: {folder}")
    # Paths in one folder sort by their names.
    files = sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))
    plan: list[tuple[Path, Path]] = []
    taken: set[Path] = set()
    for source in files:
        target = folder / category_for(source.name) / source.name
        destination = unique_destination(target, taken)
        taken.add(destination)
        plan.append((source, destination))
    return plan


def organize(folder: Path, *, dry_run: bool = False) -> list[tuple[Path, Path]]:
    """Move files into category folders (or only plan it when `dry_run` is true)."""
    plan = plan_moves(folder)
    if not dry_run:
        for source, destination in plan:
            destination.parent.mkdir(exist_ok=True)
            shutil.move(source, destination)
    return plan


if __name__ == "__main__":  # pragma: no cover - manual use
    import sys

    downloads = Path(sys.argv[1] if len(sys.argv) > 1 else "~/Downloads").expanduser()
    for src, dst in organize(downloads, dry_run="--go" not in sys.argv):
        print(f"{src.name} -> {dst.relative_to(downloads)}")
