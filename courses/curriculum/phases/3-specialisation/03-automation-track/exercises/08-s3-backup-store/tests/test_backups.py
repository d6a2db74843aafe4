from datetime import date

import boto3
import pytest
from backups import (
    Backup,
    backup_key,
    content_type_for,
    download_backup,
    list_backups,
    prune_backups,
    upload_backup,
)
from moto import mock_aws

BUCKET = "acme-backups"


_CLIENT = []  # creating a boto3 client is slow: make one and reuse it; moto resets S3 per test


@pytest.fixture
def s3(monkeypatch):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "eu-west-1")
    with mock_aws():
        if not _CLIENT:
            _CLIENT.append(boto3.client("s3", region_name="eu-west-1"))
        client = _CLIENT[0]
        client.create_bucket(
            Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"}
        )
        yield client


def put(s3, key: str, body: bytes = b"x") -> None:
    s3.put_object(Bucket=BUCKET, Key=key, Body=body)


def test_keys_and_content_types():
    assert backup_key("/db/", date(2024, 6, 1), "dump.sql.gz") == "db/2024/06/01/dump.sql.gz"
    assert content_type_for("dump.tar.GZ") == "application/gzip"
    assert content_type_for("notes") == "application/octet-stream"
    with pytest.raises(ValueError):
        backup_key("db", date(2024, 6, 1), "a/b")


def test_upload_sets_key_and_content_type(s3, tmp_path):
    path = tmp_path / "orders.csv"
    path.write_text("id,total\n1,9.99\n", encoding="utf-8")
    key = upload_backup(s3, BUCKET, path, prefix="db", day=date(2024, 6, 1))
    assert key == "db/2024/06/01/orders.csv"
    head = s3.head_object(Bucket=BUCKET, Key=key)
    assert head["ContentType"] == "text/csv"
    assert head["ContentLength"] == 16


def test_list_is_newest_first_and_ignores_other_keys(s3):
    for key in ["db/2024/06/01/b.gz", "db/2024/06/03/a.gz", "db/2024/06/01/a.gz",
                "db/README.txt", "db-old/2024/06/02/x.gz"]:
        put(s3, key, b"12345")
    assert list_backups(s3, BUCKET, "db") == [
        Backup("db/2024/06/03/a.gz", date(2024, 6, 3), "a.gz", 5),
        Backup("db/2024/06/01/a.gz", date(2024, 6, 1), "a.gz", 5),
        Backup("db/2024/06/01/b.gz", date(2024, 6, 1), "b.gz", 5),
    ]


def test_list_follows_every_page(s3):
    for day in range(1, 8):
        put(s3, f"db/2024/05/{day:02d}/dump.gz")
    backups = list_backups(s3, BUCKET, "db", page_size=2)
    assert [b.day.day for b in backups] == [7, 6, 5, 4, 3, 2, 1]


def test_download_replaces_through_a_part_file(s3, tmp_path):
    put(s3, "db/2024/06/01/dump.gz", b"new")
    (tmp_path / "dump.gz").write_bytes(b"old")
    path = download_backup(s3, BUCKET, "db/2024/06/01/dump.gz", tmp_path)
    assert path == tmp_path / "dump.gz"
    assert path.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dump.gz"]
    with pytest.raises(FileNotFoundError):
        download_backup(s3, BUCKET, "db/2024/06/02/dump.gz", tmp_path)


def test_prune_keeps_the_last_days(s3):
    for day in (1, 2, 3, 4, 5, 6, 7, 8, 9, 10):
        put(s3, f"db/2024/06/{day:02d}/dump.gz")
    expired = prune_backups(s3, BUCKET, "db", keep_days=7, today=date(2024, 6, 10), dry_run=True)
    assert expired == ["db/2024/06/01/dump.gz", "db/2024/06/02/dump.gz", "db/2024/06/03/dump.gz"]
    assert len(list_backups(s3, BUCKET, "db")) == 10
    prune_backups(s3, BUCKET, "db", keep_days=7, today=date(2024, 6, 10))
    assert [b.day.day for b in list_backups(s3, BUCKET, "db")] == [10, 9, 8, 7, 6, 5, 4]
