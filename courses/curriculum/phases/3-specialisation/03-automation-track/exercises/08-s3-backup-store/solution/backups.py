"""Nightly backups in S3: dated keys, content types, paginated listings, restore and pruning."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from botocore.exceptions import ClientError

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
    return CONTENT_TYPES.get(Path(name).suffix.lower(), DEFAULT_CONTENT_TYPE)


def backup_key(prefix: str, day: date, name: str) -> str:
    """`<prefix>/<YYYY>/<MM>/<DD>/<name>`."""
    prefix = prefix.strip("/")
    if not prefix or not name or "/" in name:
        raise ValueError(f"a backup needs a prefix and a plain file name: {prefix!r}, {name!r}")
    return f"{prefix}/{day:%Y/%m/%d}/{name}"


def _parse_key(key: str, prefix: str) -> tuple[date, str] | None:
    parts = key[len(prefix) + 1 :].split("/")
    if len(parts) != 4 or not parts[3]:
        return None
    year, month, day, name = parts
    if not (len(year) == 4 and len(month) == len(day) == 2 and (year + month + day).isdigit()):
        return None
    try:
        return date(int(year), int(month), int(day)), name
    except ValueError:
        return None


def upload_backup(s3: Any, bucket: str, path: Path, *, prefix: str, day: date) -> str:
    """Upload one file under its dated key with the right Content-Type; returns the key."""
    key = backup_key(prefix, day, path.name)
    s3.upload_file(str(path), bucket, key, ExtraArgs={"ContentType": content_type_for(path.name)})
    return key


def list_backups(s3: Any, bucket: str, prefix: str, *, page_size: int = 1000) -> list[Backup]:
    """Every backup under the prefix, newest day first, then by name."""
    prefix = prefix.strip("/")
    paginator = s3.get_paginator("list_objects_v2")
    found: list[Backup] = []
    pages = paginator.paginate(
        Bucket=bucket, Prefix=f"{prefix}/", PaginationConfig={"PageSize": page_size}
    )
    for page in pages:
        for item in page.get("Contents", []):
            parsed = _parse_key(item["Key"], prefix)
            if parsed is not None:
                found.append(Backup(item["Key"], parsed[0], parsed[1], item["Size"]))
    return sorted(found, key=lambda b: (-b.day.toordinal(), b.name))


def download_backup(s3: Any, bucket: str, key: str, dest: Path) -> Path:
    """Download through a `.part` file, then rename; FileNotFoundError for a missing key."""
    final = dest / key.rsplit("/", 1)[-1]
    part = final.with_name(final.name + ".part")
    try:
        s3.download_file(bucket, key, str(part))
    except ClientError as exc:
        part.unlink(missing_ok=True)
        if exc.response["Error"]["Code"] == "404":  # download_file asks with HEAD first
            raise FileNotFoundError(key) from exc
        raise
    part.replace(final)
    return final


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
    if keep_days < 1:
        raise ValueError(f"keep_days must be at least 1, not {keep_days}")
    expired = sorted(
        b.key
        for b in list_backups(s3, bucket, prefix, page_size=page_size)
        if (today - b.day).days >= keep_days
    )
    if not dry_run:
        for start in range(0, len(expired), 1000):
            batch = expired[start : start + 1000]
            s3.delete_objects(Bucket=bucket, Delete={"Objects": [{"Key": k} for k in batch]})
    return expired
