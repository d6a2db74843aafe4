"""Nightly backups in S3: dated keys, content types, paginated listings, restore and pruning."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

CONTENT_TYPES = {
    ".json": "application/json",
    ".csv": "text/csv",
    ".txt": "text/plain",
    ".gz": "application/gzip",
    ".tar": "application/x-tar",
}
DEFAULT_CONTENT_TYPE = "application/octet-stream"


@dataclass(frozen=True)
class Backup:
    key: str
    day: date
    name: str
    size: int


def content_type_for(name: str) -> str:
    """The Content-Type for a file name, chosen by its last suffix, case-insensitively."""
    raise NotImplementedError


def backup_key(prefix: str, day: date, name: str) -> str:
    """`<prefix>/<YYYY>/<MM>/<DD>/<name>`."""
    raise NotImplementedError


def upload_backup(s3: Any, bucket: str, path: Path, *, prefix: str, day: date) -> str:
    """Upload one file under its dated key with the right Content-Type; returns the key."""
    raise NotImplementedError


def list_backups(s3: Any, bucket: str, prefix: str, *, page_size: int = 1000) -> list[Backup]:
    """Every backup under the prefix, newest day first, then by name."""
    raise NotImplementedError


def download_backup(s3: Any, bucket: str, key: str, dest: Path) -> Path:
    """Download through a `.part` file, then rename; FileNotFoundError for a missing key."""
    raise NotImplementedError


def prune_backups(
    s3: Any,
    bucket: str,
    prefix: str,
    *,
    keep_days: int,
    today: date,
    dry_run: bool = False,
    page_size: int = 1000,
) -> list[str]:
    """Delete backups `keep_days` or more days old; returns their keys, sorted."""
    raise NotImplementedError
