"""Load and save user settings as JSON, with defaults for anything missing."""

import json
from pathlib import Path
from typing import Any

DEFAULTS: dict[str, Any] = {"theme": "light", "font_size": 12, "autosave": True}


def load_settings(path: str | Path) -> dict[str, Any]:
    """Return the settings stored at `path`, merged over DEFAULTS."""
    settings = dict(DEFAULTS)
    file = Path(path)
    try:
        with file.open(encoding="utf-8") as handle:
            stored = json.load(handle)
    except FileNotFoundError:
        return settings
    except json.JSONDecodeError as error:
        raise ValueError(f"{file}: invalid JSON ({error.msg})") from error
    if not isinstance(stored, dict):
        raise ValueError(f"{file}: expected a JSON object at the top level")
    for key, default in DEFAULTS.items():
        if key not in stored:
            continue
        value = stored[key]
        if type(value) is not type(default):
            raise ValueError(
                f"{file}: {key!r} should be {type(default).__name__}, got {type(value).__name__}"
            )
        settings[key] = value
    return settings


def save_settings(path: str | Path, settings: dict[str, Any]) -> None:
    """Write `settings` as indented, key-sorted JSON, creating parent folders."""
    file = Path(path)
    file.parent.mkdir(parents=True, exist_ok=True)
    with file.open("w", encoding="utf-8") as handle:
        json.dump(settings, handle, indent=2, sort_keys=True)
        handle.write("\n")
