"""An AWS Lambda function: summarise each uploaded check-results CSV into a JSON report."""

from __future__ import annotations

from typing import Any

REPORT_PREFIX = "reports/"


def s3_client() -> Any:
    """One client per Lambda instance, created on first use (importing needs no AWS setup)."""
    raise NotImplementedError


def summarise_csv(text: str) -> dict[str, Any]:
    """Counts and latencies of a `host,status,latency_ms` CSV; ValueError if malformed."""
    raise NotImplementedError


def report_key(source_key: str) -> str:
    """`incoming/x/checks.csv` -> `reports/incoming/x/checks.json`."""
    raise NotImplementedError


def process_event(event: dict[str, Any], *, s3: Any) -> dict[str, list[str]]:
    """Handle every record of an S3 event; one bad file does not stop the others."""
    raise NotImplementedError


def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """The Lambda entry point."""
    raise NotImplementedError
