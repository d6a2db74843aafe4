"""Prometheus metrics for batch jobs, and a check that reads them back to find stale jobs."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.parser import text_string_to_metric_families

BUCKETS = (1.0, 5.0, 30.0, 120.0, 600.0)
OUTCOMES = ("success", "failure")
LAST_SUCCESS = "batch_last_success_timestamp_seconds"
_CREATED = re.compile(r"(# (HELP|TYPE) )?[a-zA-Z_:][a-zA-Z0-9_:]*_created[{ ]")


class JobMetrics:
    """Runs, items, in-progress runs, last success and duration of every job, by `job` label."""

    def __init__(self, registry: CollectorRegistry, *, clock: Callable[[], float] = time.time) -> None:
        self.clock = clock
        self.runs = Counter("batch_runs", "Finished runs by outcome.", ["job", "outcome"], registry=registry)
        self.items = Counter("batch_items", "Items processed.", ["job"], registry=registry)
        self.in_progress = Gauge("batch_in_progress", "Runs now in progress.", ["job"], registry=registry)
        self.last_success = Gauge(LAST_SUCCESS, "End of the last successful run.", ["job"], registry=registry)
        self.duration = Histogram(
            "batch_duration_seconds", "Run durations.", ["job"], buckets=BUCKETS, registry=registry
        )

    def register_job(self, job: str) -> None:
        """Create every series of `job` at zero, so dashboards and alerts see it before it runs."""
        if not job:
            raise ValueError("a job needs a name")
        for outcome in OUTCOMES:
            self.runs.labels(job, outcome)
        for metric in (self.items, self.in_progress, self.last_success, self.duration):
            metric.labels(job)

    @contextmanager
    def track(self, job: str) -> Iterator[None]:
        """Measure one run of `job`; an exception counts as a failure and is re-raised."""
        self.register_job(job)
        self.in_progress.labels(job).inc()
        started = self.clock()
        outcome = "failure"
        try:
            yield
            outcome = "success"
        finally:
            ended = self.clock()
            self.duration.labels(job).observe(ended - started)
            self.runs.labels(job, outcome).inc()
            if outcome == "success":
                self.last_success.labels(job).set(ended)
            self.in_progress.labels(job).dec()

    def add_items(self, job: str, count: int) -> None:
        """Count processed items; a counter only goes up."""
        if count < 0:
            raise ValueError("an item count cannot be negative")
        self.register_job(job)
        self.items.labels(job).inc(count)


def exposition(registry: CollectorRegistry) -> str:
    """The Prometheus text format of the registry, without the `*_created` series."""
    text = generate_latest(registry).decode("utf-8")
    return "".join(line + "\n" for line in text.splitlines() if not _CREATED.match(line))


def stale_jobs(text: str, *, now: float, max_age: float) -> list[str]:
    """Jobs whose last success is missing (0) or more than `max_age` seconds before `now`."""
    stale: set[str] = set()
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            if sample.name == LAST_SUCCESS:
                if sample.value == 0 or now - sample.value > max_age:
                    stale.add(sample.labels["job"])
    return sorted(stale)
