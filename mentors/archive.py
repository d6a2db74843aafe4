"""Safe reading of an uploaded capstone archive (zip or tar, optionally gzip-compressed).

Nothing is ever extracted to disk: entries are checked and read into memory with hard
bounds, so traversal (``../x``, absolute paths), links, device files, too many files and
decompression bombs are refused before they can cost anything. Plain Python, no Django.
"""

from __future__ import annotations

import gzip
import io
import posixpath
import stat
import tarfile
import time
import zipfile
import zlib
from dataclasses import dataclass
from typing import IO

from mentors.errors import ArchiveError

# Folders that are never part of a project's source; dropped silently (but still bounded).
IGNORED_PARTS = frozenset({"__MACOSX", ".git", "__pycache__", ".venv", "venv", "node_modules"})
IGNORED_NAMES = frozenset({".DS_Store", "Thumbs.db"})
# A single entry that expands more than this many times is a bomb, whatever the totals say.
MAX_RATIO = 200
RATIO_MIN_BYTES = 1024 * 1024
MAX_PATH_CHARS = 300  # stored paths are unique per version; longer names are refused
# What tar headers, padding and folders may add on top of the files' own bytes.
TAR_OVERHEAD = 4 * 1024 * 1024


@dataclass(frozen=True)
class ArchiveLimits:
    max_files: int = 500
    max_total_bytes: int = 20 * 1024 * 1024
    max_file_bytes: int = 2 * 1024 * 1024
    max_seconds: float = 5.0  # reading one upload may cost at most this much time

    @property
    def max_entries(self) -> int:
        """All entries including ignored ones and folders: bounds the work of reading."""
        return self.max_files * 4


@dataclass(frozen=True)
class ArchiveEntry:
    path: str
    data: bytes

    @property
    def size(self) -> int:
        return len(self.data)

    def text(self) -> str | None:
        """The content as text, or None for a binary file."""
        if b"\x00" in self.data:
            return None
        try:
            return self.data.decode("utf-8")
        except UnicodeDecodeError:
            return None


def _clean_path(name: str) -> str | None:
    """The entry's relative POSIX path, None for folders; ArchiveError for unsafe names."""
    if "\\" in name:
        name = name.replace("\\", "/")
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        raise ArchiveError(f"The archive contains an absolute path ({name[:100]}).")
    parts = [p for p in name.split("/") if p not in ("", ".")]
    if ".." in parts:
        raise ArchiveError(f"The archive contains a path that leaves the project ({name[:100]}).")
    if not parts or name.endswith("/"):
        return None
    if len(name) > MAX_PATH_CHARS:
        raise ArchiveError(f"The archive contains a path longer than {MAX_PATH_CHARS} characters.")
    if any(ord(ch) < 32 for ch in name):
        raise ArchiveError("The archive contains a file name with control characters.")
    return "/".join(parts)


def _ignored(path: str) -> bool:
    parts = path.split("/")
    return bool(IGNORED_PARTS.intersection(parts[:-1])) or parts[-1] in IGNORED_NAMES


class _Budget:
    """One budget per upload: entries, files, bytes (declared and actually read, ignored
    folders included) and time."""

    def __init__(self, limits: ArchiveLimits) -> None:
        self.limits = limits
        self.files = 0
        self.entries = 0
        self.total = 0
        self.declared = 0
        self.deadline = time.monotonic() + limits.max_seconds

    def entry(self, declared: int = 0) -> None:
        self.entries += 1
        if self.entries > self.limits.max_entries:
            raise ArchiveError(f"The archive has too many entries (limit {self.limits.max_files}).")
        self.declared += max(0, declared)
        if self.declared > self.limits.max_total_bytes:
            raise self.too_big()
        self.clock()

    def clock(self) -> None:
        if time.monotonic() > self.deadline:
            raise ArchiveError(
                "Reading the archive took too long; upload a smaller archive of source code."
            )

    def file(self, path: str, declared: int) -> int:
        """Account for one file; returns how many bytes may be read for it."""
        self.files += 1
        if self.files > self.limits.max_files:
            raise ArchiveError(
                f"The archive has too many files (limit {self.limits.max_files}). "
                "Leave out virtual environments, data sets and build output."
            )
        if declared > self.limits.max_file_bytes:
            raise ArchiveError(
                f"{path} is too large ({declared // 1024} KB; limit "
                f"{self.limits.max_file_bytes // 1024} KB per file)."
            )
        return min(self.limits.max_file_bytes, self.limits.max_total_bytes - self.total)

    def read(self, path: str, stream: IO[bytes], allowed: int) -> bytes:
        # Never trust declared sizes: read at most one byte more than allowed.
        data = stream.read(allowed + 1)
        if len(data) > allowed:
            raise self.too_big()
        self.total += len(data)
        return data

    def too_big(self) -> ArchiveError:
        return ArchiveError(
            "The archive expands to more than "
            f"{self.limits.max_total_bytes // (1024 * 1024)} MB: it looks like a "
            "decompression bomb or contains large data files. Upload source code only."
        )


def _read_zip(raw: bytes, limits: ArchiveLimits) -> list[ArchiveEntry]:
    budget = _Budget(limits)
    entries: list[ArchiveEntry] = []
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, ValueError) as exc:
        raise ArchiveError("The zip file is damaged and cannot be read.") from exc
    with archive:
        infos = archive.infolist()
        if len(infos) > limits.max_entries:
            raise ArchiveError(f"The archive has too many entries (limit {limits.max_files}).")
        for info in infos:
            budget.entry(0 if info.is_dir() else info.file_size)
            path = _clean_path(info.filename)
            mode = info.external_attr >> 16
            if stat.S_ISLNK(mode):
                raise ArchiveError(f"The archive contains a symbolic link ({info.filename[:100]}).")
            if path is None or info.is_dir() or _ignored(path):
                continue
            if info.flag_bits & 0x1:
                raise ArchiveError("Encrypted zip files are not accepted.")
            if info.file_size > RATIO_MIN_BYTES and info.file_size > MAX_RATIO * max(
                info.compress_size, 1
            ):
                raise budget.too_big()
            allowed = budget.file(path, info.file_size)
            if info.file_size > allowed:
                raise budget.too_big()
            try:
                with archive.open(info) as stream:
                    data = budget.read(path, stream, allowed)
            except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as exc:
                raise ArchiveError(f"{path} cannot be read from the zip file.") from exc
            entries.append(ArchiveEntry(path=path, data=data))
    return entries


class _BoundedStream(io.RawIOBase):
    """Reads a decompressing stream and stops the moment it has produced more than `limit`
    bytes (or the budget's time is up): a bomb costs at most the limit, never its size."""

    def __init__(self, inner: io.BufferedIOBase, limit: int, budget: _Budget) -> None:
        self.inner = inner
        self.limit = limit
        self.produced = 0
        self.budget = budget

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        self.budget.clock()
        chunk = self.inner.read(min(len(buffer), 64 * 1024))
        self.produced += len(chunk)
        if self.produced > self.limit:
            raise self.budget.too_big()
        buffer[: len(chunk)] = chunk
        return len(chunk)


def _tar_stream(raw: bytes, limits: ArchiveLimits, budget: _Budget) -> IO[bytes]:
    """gzip-compressed or plain tar, by content; bzip2, xz and others are refused."""
    if raw[:2] == b"\x1f\x8b":
        inner: io.BufferedIOBase = gzip.GzipFile(fileobj=io.BytesIO(raw))
    elif raw[257:262] == b"ustar":
        inner = io.BytesIO(raw)
    else:
        raise ArchiveError("Upload a .zip, .tar.gz or .tar archive of your project.")
    bounded = _BoundedStream(inner, limits.max_total_bytes + TAR_OVERHEAD, budget)
    return io.BufferedReader(bounded, buffer_size=64 * 1024)


def _read_tar(raw: bytes, limits: ArchiveLimits) -> list[ArchiveEntry]:
    budget = _Budget(limits)
    entries: list[ArchiveEntry] = []
    stream = _tar_stream(raw, limits, budget)
    try:
        # Stream mode ("r|"): one pass, no seeking back; every byte decompressed on the way,
        # including members that are skipped, goes through the bounded stream.
        archive = tarfile.open(fileobj=stream, mode="r|")  # noqa: SIM115 - closed below
    except (tarfile.TarError, OSError, EOFError, zlib.error) as exc:
        raise ArchiveError("The tar file is damaged and cannot be read.") from exc
    with archive:
        try:
            for member in archive:
                budget.entry(member.size if member.isfile() else 0)
                path = _clean_path(member.name)
                if member.issym() or member.islnk():
                    raise ArchiveError(f"The archive contains a link ({member.name[:100]}).")
                if not (member.isfile() or member.isdir()):
                    raise ArchiveError(
                        f"The archive contains a special file ({member.name[:100]})."
                    )
                if path is not None and member.isfile() and not _ignored(path):
                    allowed = budget.file(path, member.size)
                    if member.size > allowed:
                        raise budget.too_big()
                    content = archive.extractfile(member)
                    if content is None:
                        raise ArchiveError(f"{path} cannot be read from the tar file.")
                    entries.append(
                        ArchiveEntry(path=path, data=budget.read(path, content, allowed))
                    )
        except (tarfile.TarError, OSError, EOFError, zlib.error) as exc:
            raise ArchiveError("The tar file is damaged and cannot be read.") from exc
    return entries


def _strip_common_folder(entries: list[ArchiveEntry]) -> list[ArchiveEntry]:
    """`project/README.md` → `README.md` when everything sits in one top-level folder."""
    tops = {e.path.split("/", 1)[0] for e in entries}
    if len(tops) == 1 and all("/" in e.path for e in entries):
        return [ArchiveEntry(path=e.path.split("/", 1)[1], data=e.data) for e in entries]
    return entries


def read_archive(*, name: str, raw: bytes, limits: ArchiveLimits) -> list[ArchiveEntry]:
    """Check and read every file of the archive in memory, sorted by path.

    Raises ArchiveError with a message fit for the learner when anything is unsafe."""
    # The content decides, not the name: a .tar.gz that is really bzip2 or xz is refused.
    if raw[:4] == b"PK\x03\x04" or (
        raw[:4] == b"PK\x05\x06" and zipfile.is_zipfile(io.BytesIO(raw))
    ):
        entries = _read_zip(raw, limits)
    elif raw[:2] == b"\x1f\x8b" or raw[257:262] == b"ustar":
        entries = _read_tar(raw, limits)
    else:
        raise ArchiveError("Upload a .zip, .tar.gz or .tar archive of your project.")
    entries = _strip_common_folder(entries)
    if not entries:
        raise ArchiveError("The archive is empty.")
    seen: set[str] = set()
    for entry in entries:
        if entry.path in seen:
            raise ArchiveError(f"The archive contains {entry.path} twice.")
        seen.add(entry.path)
    return sorted(entries, key=lambda e: e.path)


def is_archive_name(name: str) -> bool:
    return posixpath.basename(name).lower().endswith((".zip", ".tar.gz", ".tgz", ".tar"))
