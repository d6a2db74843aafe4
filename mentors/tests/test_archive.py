"""Archive safety: every unsafe upload is refused with a clear message, nothing is written."""

from __future__ import annotations

import io
import tarfile
import zipfile

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from accounts.models import User
from courses.models import Track
from mentors.archive import ArchiveLimits, read_archive
from mentors.errors import ArchiveError
from mentors.models import CapstoneVersion
from mentors.tests.factories import (
    PROJECT,
    README,
    started_capstone,
    tar_bytes,
    upload,
    zip_bytes,
    zip_with_symlink,
)

LIMITS = ArchiveLimits(max_files=20, max_total_bytes=1024 * 1024, max_file_bytes=512 * 1024)


def read(name: str, raw: bytes) -> list[str]:
    return [entry.path for entry in read_archive(name=name, raw=raw, limits=LIMITS)]


def test_a_project_zip_is_read_with_its_top_folder_stripped() -> None:
    paths = read(
        "p.zip", zip_bytes({**PROJECT, "logo.png": b"\x89PNG\x00\x01"}, prefix="task-api/")
    )
    assert paths == [
        "README.md",
        "app/__init__.py",
        "app/tasks.py",
        "logo.png",
        "tests/test_tasks.py",
    ]


def test_a_tar_gz_project_is_read_and_junk_folders_are_skipped() -> None:
    raw = tar_bytes({**PROJECT, ".git/HEAD": "ref", "app/__pycache__/x.pyc": b"\x00"})
    assert read("p.tar.gz", raw) == sorted(PROJECT)


@pytest.mark.parametrize("name", ["../evil.py", "app/../../evil.py"])
def test_zip_path_traversal_is_refused(name: str) -> None:
    with pytest.raises(ArchiveError, match="leaves the project"):
        read("p.zip", zip_bytes({"README.md": README, name: "x"}))


def test_tar_path_traversal_is_refused() -> None:
    with pytest.raises(ArchiveError, match="leaves the project"):
        read("p.tar.gz", tar_bytes({"README.md": README, "../x": "x"}))


def test_absolute_paths_are_refused() -> None:
    with pytest.raises(ArchiveError, match="absolute path"):
        read("p.tar", tar_bytes({"/etc/cron.d/evil": "x"}, gz=False))
    with pytest.raises(ArchiveError, match="absolute path"):
        read("p.zip", zip_bytes({"/tmp/evil": "x"}))


def test_tar_symlinks_and_hard_links_are_refused() -> None:
    with pytest.raises(ArchiveError, match="link"):
        read("p.tar.gz", tar_bytes({"README.md": README}, links={"secrets": "/etc/passwd"}))


def test_zip_symlink_entries_are_refused() -> None:
    with pytest.raises(ArchiveError, match="symbolic link"):
        read("p.zip", zip_with_symlink("config", "/etc/passwd"))


def test_a_zip_bomb_is_refused_by_its_compression_ratio() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("data.txt", b"\0" * (50 * 1024 * 1024))
    raw = buffer.getvalue()
    assert len(raw) < 100 * 1024  # 50 MB squeezed into a tiny upload
    with pytest.raises(ArchiveError, match="decompression bomb"):
        read("bomb.zip", raw)


def test_an_archive_expanding_past_the_total_cap_is_refused() -> None:
    chunk = b"a" * (400 * 1024)  # under the per-file cap, three of them over the total
    with pytest.raises(ArchiveError, match="expands to more than"):
        read("big.tar.gz", tar_bytes({f"data/{i}.txt": chunk for i in range(3)}))


def test_lying_zip_headers_do_not_get_past_the_cap() -> None:
    raw = bytearray(zip_bytes({"a.txt": b"b" * (600 * 1024)}))
    # Shrink the declared size in both headers: the real stream must still be bounded.
    declared = (600 * 1024).to_bytes(4, "little")
    raw = raw.replace(declared, (10).to_bytes(4, "little"))
    with pytest.raises(ArchiveError):
        read("liar.zip", bytes(raw))


def test_too_many_files_are_refused() -> None:
    with pytest.raises(ArchiveError, match="too many files"):
        read("many.zip", zip_bytes({f"f{i}.py": "" for i in range(21)}))


def test_something_that_is_not_an_archive_is_refused() -> None:
    with pytest.raises(ArchiveError, match=r"Upload a \.zip"):
        read("notes.zip", b"just some text, not a zip")
    with pytest.raises(ArchiveError, match="damaged"):
        read("broken.tar.gz", b"\x1f\x8b" + b"garbage" * 10)


@pytest.mark.django_db
@override_settings(CAPSTONE_MAX_UPLOAD_MB=1)
def test_the_upload_page_refuses_a_too_large_upload_with_a_clear_error(
    learner: User, learner_client: Client, backend_track: Track, staff: User
) -> None:
    started_capstone(learner, backend_track, staff=staff)
    big = upload(b"x" * (1024 * 1024 + 1), "huge.zip")
    response = learner_client.post(reverse("mentors:capstone_upload"), {"archive": big})
    assert response.status_code == 400
    assert "is too large" in response.content.decode()
    assert not CapstoneVersion.objects.exists()


@pytest.mark.django_db
def test_the_upload_page_shows_archive_errors_and_stores_nothing(
    learner: User, learner_client: Client, backend_track: Track, staff: User
) -> None:
    started_capstone(learner, backend_track, staff=staff)
    evil = upload(zip_bytes({"README.md": README, "../../etc/x": "x"}))
    response = learner_client.post(reverse("mentors:capstone_upload"), {"archive": evil})
    assert response.status_code == 400
    assert "leaves the project" in response.content.decode()
    response = learner_client.post(
        reverse("mentors:capstone_upload"), {"archive": upload(b"hello", "notes.txt")}
    )
    assert "Upload a .zip, .tar.gz or .tar" in response.content.decode()
    assert not CapstoneVersion.objects.exists()


# --- uploads that try to cost more than they are worth ----------------------------------------


def _tar_gz_of_zeros(path: str, megabytes: int) -> bytes:
    """A small .tar.gz whose one member expands to `megabytes` of zeros (a bomb)."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        info = tarfile.TarInfo(path)
        info.size = megabytes * 1024 * 1024
        archive.addfile(info, io.BytesIO(b"\0" * info.size))
        readme = tarfile.TarInfo("README.md")
        data = README.encode()
        readme.size = len(data)
        archive.addfile(readme, io.BytesIO(data))
    return buffer.getvalue()


@pytest.mark.parametrize("hidden_in", [".git/objects/pack", "node_modules/x", "src"])
def test_a_tar_bomb_is_refused_even_under_an_ignored_folder(hidden_in: str) -> None:
    raw = _tar_gz_of_zeros(f"{hidden_in}/blob.bin", megabytes=200)
    assert len(raw) < 300 * 1024  # small upload, huge expansion
    with pytest.raises(ArchiveError, match="expands to more than"):
        read("project.tar.gz", raw)


def test_a_bomb_is_stopped_after_reading_about_the_limit_not_its_size() -> None:
    """The stream stops the moment it produced more than the budget: measured in bytes
    decompressed, which does not depend on how fast the machine is."""
    from mentors import archive as module

    raw = _tar_gz_of_zeros(".git/blob.bin", megabytes=200)
    produced: list[int] = []
    original = module._BoundedStream.readinto

    def counting(self: module._BoundedStream, buffer: bytearray | memoryview) -> int:
        try:
            return original(self, buffer)
        finally:
            produced.append(self.produced)

    module._BoundedStream.readinto = counting  # type: ignore[method-assign]
    try:
        with pytest.raises(ArchiveError):
            read("project.tar.gz", raw)
    finally:
        module._BoundedStream.readinto = original  # type: ignore[method-assign]
    assert max(produced) <= LIMITS.max_total_bytes + module.TAR_OVERHEAD + 64 * 1024


@pytest.mark.parametrize(
    ("mode", "name"), [("w:bz2", "project.tar.gz"), ("w:xz", "project.tar.gz"), ("w:bz2", "p.tar")]
)
def test_only_gzip_tar_and_zip_are_read_whatever_the_name_says(mode: str, name: str) -> None:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode=mode) as archive:  # type: ignore[call-overload]
        info = tarfile.TarInfo("README.md")
        info.size = len(README.encode())
        archive.addfile(info, io.BytesIO(README.encode()))
    with pytest.raises(ArchiveError, match=r"Upload a \.zip, \.tar\.gz or \.tar"):
        read(name, buffer.getvalue())


def test_ignored_zip_entries_count_against_the_declared_budget() -> None:
    raw = zip_bytes({"README.md": README, **{f".git/objects/{i}": "x" * 200_000 for i in range(8)}})
    with pytest.raises(ArchiveError, match="expands to more than"):
        read("project.zip", raw)


def test_a_path_too_long_to_store_is_refused() -> None:
    raw = zip_bytes({"README.md": README, "a/" * 200 + "x.py": "x = 1\n"})
    with pytest.raises(ArchiveError, match="longer than 300 characters"):
        read("project.zip", raw)


def test_an_upload_without_a_started_capstone_is_refused_before_the_archive_is_read(
    learner: User, learner_client: Client
) -> None:
    from mentors import services
    from mentors.errors import CapstoneError

    bomb = upload(_tar_gz_of_zeros(".git/blob.bin", megabytes=200), "project.tar.gz")
    with pytest.raises(CapstoneError, match="Start your capstone before uploading it"):
        services.capstone_upload(learner=learner, upload=bomb)  # not an ArchiveError: unread
    bomb.seek(0)
    response = learner_client.post(reverse("mentors:capstone_upload"), {"archive": bomb})
    assert response.status_code == 400
