"""Load and save user settings as JSON, with defaults for anything missing."""

from pathlib import Path
from typing import Any

DEFAULTS: dict[str, Any] = {"theme": "light", "font_size": 12, "autosave": True}


def load_settings(path: str | Path) -> dict[str, Any]:
    """Return the settings stored at `path`, merged over DEFAULTS.

    A missing file gives a copy of DEFAULTS. Invalid JSON, a non-object document or a
    value of the wrong type raises ValueError.
    """
    raise NotImplementedError


def save_settings(path: str | Path, settings: dict[str, Any]) -> None:
    """Write `settings` as JSON (indent 2, sorted keys, final newline), creating folders."""
    raise NotImplementedError
