import json

import boto3
import pytest
from moto import mock_aws
from report_lambda import handler, process_event, report_key, s3_client, summarise_csv

BUCKET = "probe-results"
_CLIENT = []  # creating a boto3 client is slow: make one and reuse it; moto resets S3 per test


@pytest.fixture
def s3(monkeypatch):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    with mock_aws():
        if not _CLIENT:
            _CLIENT.append(boto3.client("s3", region_name="us-east-1"))
        _CLIENT[0].create_bucket(Bucket=BUCKET)
        yield _CLIENT[0]


def created(key: str, name: str = "ObjectCreated:Put") -> dict:
    return {"eventSource": "aws:s3", "eventName": name,
            "s3": {"bucket": {"name": BUCKET}, "object": {"key": key}}}


class Context:
    aws_request_id = "req-123"


def test_summarise_csv():
    text = "host,status,latency_ms\nweb-1,up,42\ndb-1,down,\nweb-1,up,45\n"
    assert summarise_csv(text) == {
        "checks": 3, "hosts": 2, "down": ["db-1"], "avg_latency_ms": 43.5, "max_latency_ms": 45
    }
    with pytest.raises(ValueError):
        summarise_csv("host,status,latency_ms\nweb-1,sideways,1\n")


def test_report_key():
    assert report_key("incoming/2024-06-01/checks.csv") == "reports/incoming/2024-06-01/checks.json"


def test_a_csv_upload_gets_a_json_report(s3):
    s3.put_object(Bucket=BUCKET, Key="incoming/a.csv", Body=b"host,status,latency_ms\nweb-1,up,10\n")
    result = process_event({"Records": [created("incoming/a.csv")]}, s3=s3)
    assert result == {"processed": ["reports/incoming/a.json"], "skipped": [], "failed": []}
    obj = s3.get_object(Bucket=BUCKET, Key="reports/incoming/a.json")
    assert obj["ContentType"] == "application/json"
    assert json.loads(obj["Body"].read())["source"] == "incoming/a.csv"


def test_keys_are_url_decoded(s3):
    s3.put_object(Bucket=BUCKET, Key="in/eu west:1.csv", Body=b"host,status,latency_ms\n")
    result = process_event({"Records": [created("in/eu+west%3A1.csv")]}, s3=s3)
    assert result["processed"] == ["reports/in/eu west:1.json"]


def test_own_reports_and_other_files_are_skipped(s3):
    event = {"Records": [created("reports/x.csv"), created("notes.txt"),
                         created("gone.csv", "ObjectRemoved:Delete")]}
    assert process_event(event, s3=s3) == {
        "processed": [], "skipped": ["reports/x.csv", "notes.txt"], "failed": []
    }


def test_bad_and_missing_files_fail_alone(s3):
    s3.put_object(Bucket=BUCKET, Key="bad.csv", Body=b"name,value\n")
    s3.put_object(Bucket=BUCKET, Key="good.csv", Body=b"host,status,latency_ms\n")
    event = {"Records": [created("bad.csv"), created("missing.csv"), created("good.csv")]}
    assert process_event(event, s3=s3) == {
        "processed": ["reports/good.json"], "skipped": [], "failed": ["bad.csv", "missing.csv"]
    }


def test_handler_uses_a_reused_client_and_the_request_id(s3):
    assert s3_client() is s3_client()
    assert handler({"Records": []}, Context()) == {
        "processed": [], "skipped": [], "failed": [], "request_id": "req-123"
    }
