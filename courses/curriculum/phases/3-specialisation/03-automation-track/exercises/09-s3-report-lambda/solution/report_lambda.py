"""An AWS Lambda function: summarise each uploaded check-results CSV into a JSON report."""

from __future__ import annotations

import csv
import io
import json
from typing import Any
from urllib.parse import unquote_plus

import boto3
from botocore.exceptions import ClientError

REPORT_PREFIX = "reports/"
STATUSES = ("up", "down")
_client: Any = None


def s3_client() -> Any:
    """One client per Lambda instance, created on first use (importing needs no AWS setup)."""
    global _client
    if _client is None:
        _client = boto3.client("s3")
    return _client


def summarise_csv(text: str) -> dict[str, Any]:
    """Counts and latencies of a `host,status,latency_ms` CSV; ValueError if malformed."""
    reader = csv.DictReader(io.StringIO(text))
    if reader.fieldnames is None or not {"host", "status", "latency_ms"} <= set(reader.fieldnames):
        raise ValueError(f"expected the columns host, status and latency_ms: {reader.fieldnames}")
    checks = 0
    hosts: set[str] = set()
    down: set[str] = set()
    latencies: list[int] = []
    for row in reader:
        status = row["status"]
        if status not in STATUSES:
            raise ValueError(f"unknown status {status!r}")
        checks += 1
        hosts.add(row["host"])
        if status == "down":
            down.add(row["host"])
        else:
            latency = row["latency_ms"]
            if latency is None or not (latency.isascii() and latency.isdigit()):
                raise ValueError(f"latency must be a whole number of ms, not {latency!r}")
            latencies.append(int(latency))
    return {
        "checks": checks,
        "hosts": len(hosts),
        "down": sorted(down),
        "avg_latency_ms": round(sum(latencies) / len(latencies), 1) if latencies else None,
        "max_latency_ms": max(latencies) if latencies else None,
    }


def report_key(source_key: str) -> str:
    """`incoming/x/checks.csv` -> `reports/incoming/x/checks.json`."""
    return REPORT_PREFIX + source_key[: -len(".csv")] + ".json"


def process_event(event: dict[str, Any], *, s3: Any) -> dict[str, list[str]]:
    """Handle every record of an S3 event; one bad file does not stop the others."""
    result: dict[str, list[str]] = {"processed": [], "skipped": [], "failed": []}
    for record in event.get("Records", []):
        if record.get("eventSource") != "aws:s3" or not record.get("eventName", "").startswith(
            "ObjectCreated:"
        ):
            continue
        bucket = record["s3"]["bucket"]["name"]
        key = unquote_plus(record["s3"]["object"]["key"])
        if key.startswith(REPORT_PREFIX) or not key.endswith(".csv"):
            result["skipped"].append(key)
            continue
        try:
            body = s3.get_object(Bucket=bucket, Key=key)["Body"].read()
            summary = {"source": key, **summarise_csv(body.decode("utf-8-sig"))}
        except (ClientError, ValueError):
            result["failed"].append(key)
            continue
        target = report_key(key)
        s3.put_object(
            Bucket=bucket,
            Key=target,
            Body=json.dumps(summary, sort_keys=True, indent=2).encode("utf-8"),
            ContentType="application/json",
        )
        result["processed"].append(target)
    return result


def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """The Lambda entry point."""
    return {**process_event(event, s3=s3_client()), "request_id": context.aws_request_id}
