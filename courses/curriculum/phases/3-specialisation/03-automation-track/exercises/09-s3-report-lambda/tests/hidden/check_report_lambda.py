"""Hidden checks: they record what the code does; the grader compares with the reference."""

import json

import boto3
import pytest
from moto import mock_aws
from report_lambda import handler, process_event, report_key, s3_client, summarise_csv

BUCKET = "acme-probe-uploads"
OTHER = "acme-probe-uploads-eu"
_CLIENT = []


@pytest.fixture
def s3(monkeypatch):
    for name, value in {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
                        "AWS_SESSION_TOKEN": "testing", "AWS_DEFAULT_REGION": "us-east-1"}.items():
        monkeypatch.setenv(name, value)
    with mock_aws():
        if not _CLIENT:
            _CLIENT.append(boto3.client("s3", region_name="us-east-1"))
        _CLIENT[0].create_bucket(Bucket=BUCKET)
        _CLIENT[0].create_bucket(Bucket=OTHER)
        yield _CLIENT[0]


def record(key, bucket=BUCKET, name="ObjectCreated:Put", source="aws:s3"):
    return {"eventSource": source, "eventName": name,
            "s3": {"bucket": {"name": bucket}, "object": {"key": key, "size": 1}}}


def contents(client, bucket):
    found = {}
    for obj in client.list_objects_v2(Bucket=bucket).get("Contents", []):
        item = client.get_object(Bucket=bucket, Key=obj["Key"])
        body = item["Body"].read()
        if obj["Key"].startswith("reports/"):
            found[obj["Key"]] = (item["ContentType"], json.loads(body))
        else:
            found[obj["Key"]] = len(body)
    return found


class Context:
    def __init__(self, request_id):
        self.aws_request_id = request_id
        self.function_name = "probe-report"


@pytest.mark.parametrize(
    "text",
    [
        "host,status,latency_ms\nweb-1,up,42\ndb-1,down,\nweb-1,up,45\nweb-2,up,1\n",
        "latency_ms,host,status,region\n7,b,up,eu\n8,a,up,us\n,c,down,eu\n9,c,down,eu\n",
        "host,status,latency_ms\n",
        "host,status,latency_ms\nx,down,\ny,down,oops\nx,down,3\n",
        "host,status,latency_ms\na,up,1\na,up,2\na,up,2\na,up,2\n",
        "host,status,latency_ms\na,up,0\nb,up,5\nc,up,10\nd,up,10\n",
        "host,status,latency_ms\na,up,1\nb,up,1\nc,up,1\nd,up,2\ne,up,2\nf,up,2\ng,up,2\nh,up,2\n",
        "",
        "host,status\nweb-1,up\n",
        "host,status,latency_ms\nweb-1,UP,3\n",
        "host,status,latency_ms\nweb-1,up,fast\n",
        "host,status,latency_ms\nweb-1,up,-4\n",
        "host,status,latency_ms\nweb-1,up,1.5\n",
        "host,status,latency_ms\nweb-1,up\n",
        "host,status,latency_ms\nweb-1\n",
        "host,status,latency_ms\nweb-1,up, 3\n",
    ],
)
def check_summarise_csv(observe, text):
    observe.call(summarise_csv, text)
    observe(summarise_csv("host,status,latency_ms\nq,up,3\nr,up,4\n"))


def check_report_keys(observe):
    for key in ["a.csv", "in/2024/06/01/probe.csv", "x.csv.csv", "deep/er/.csv", "sp ace.csv"]:
        observe(report_key(key))


def check_mixed_event(observe, s3):
    good = b"host,status,latency_ms\nweb-1,up,40\ndb-1,down,\n"
    s3.put_object(Bucket=BUCKET, Key="incoming/good.csv", Body=good)
    s3.put_object(Bucket=BUCKET, Key="incoming/bom.csv", Body="\ufeffhost,status,latency_ms\nb,up,5\n".encode())
    s3.put_object(Bucket=BUCKET, Key="incoming/latin1.csv", Body="host,status,latency_ms\ncaf\xe9,up,1\n".encode("latin-1"))
    s3.put_object(Bucket=BUCKET, Key="incoming/bad.csv", Body=b"host,status,latency_ms\nweb-1,maybe,1\n")
    s3.put_object(Bucket=BUCKET, Key="incoming/eu west:2+x.csv", Body=b"host,status,latency_ms\nz,up,7\n")
    s3.put_object(Bucket=OTHER, Key="eu/only-here.csv", Body=b"host,status,latency_ms\neu-1,down,\n")
    s3.put_object(Bucket=BUCKET, Key="incoming/UPPER.CSV", Body=good)
    event = {"Records": [
        record("incoming/good.csv"),
        record("reports/incoming/good.csv"),
        record("incoming/bom.csv", name="ObjectCreated:CompleteMultipartUpload"),
        record("incoming/missing.csv"),
        record("incoming/bad.csv"),
        record("incoming/good.csv", name="ObjectRemoved:Delete"),
        record("incoming/latin1.csv"),
        record("incoming/eu+west%3A2%2Bx.csv"),
        record("incoming/good.csv", source="aws:sqs"),
        record("incoming/UPPER.CSV"),
        record("eu/only-here.csv", bucket=OTHER),
        record("incoming/readme.txt"),
        record("incoming/good.csv", name="s3:ObjectCreated:Put"),
        {"eventSource": "aws:s3", "s3": {"bucket": {"name": BUCKET}, "object": {"key": "incoming/good.csv"}}},
    ]}
    observe(process_event(event, s3=s3))
    observe(contents(s3, BUCKET))
    observe(contents(s3, OTHER))


def check_empty_and_missing_records(observe, s3):
    observe(process_event({}, s3=s3))
    observe(process_event({"Records": []}, s3=s3))
    observe(contents(s3, BUCKET))


def check_handler(observe, s3):
    first = s3_client()
    observe(first is s3_client())
    s3.put_object(Bucket=BUCKET, Key="in/h.csv", Body=b"host,status,latency_ms\nh,up,12\nh,up,13\n")
    observe(handler({"Records": [record("in/h.csv"), record("in/h.json")]}, Context("abc-1")))
    observe(handler({"Records": []}, Context("abc-2")))
    observe(contents(s3, BUCKET))
