"""Prometheus metrics for batch jobs, and a check that reads them back to find stale jobs."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from prometheus_client import CollectorRegistry

BUCKETS = (1.0, 5.0, 30.0, 120.0, 600.0)


class JobMetrics:
    """Runs, items, in-progress runs, last success and duration of every job, by `job` label."""

    def __init__(self, registry: CollectorRegistry, *, clock: Callable[[], float] = time.time) -> None:
        self.clock = clock

    def register_job(self, job: str) -> None:
        """Create every series of `job` at zero, so dashboards and alerts see it before it runs."""
        raise NotImplementedError

    @contextmanager
    def track(self, job: str) -> Iterator[None]:
        """Measure one run of `job`; an exception counts as a failure and is re-raised."""
        raise NotImplementedError
        yield

    def add_items(self, job: str, count: int) -> None:
        """Count processed items; a counter only goes up."""
        raise NotImplementedError


def exposition(registry: CollectorRegistry) -> str:
    """The Prometheus text format of the registry, without the `*_created` series."""
    raise NotImplementedError


def stale_jobs(text: str, *, now: float, max_age: float) -> list[str]:
    """Jobs whose last success is missing (0) or more than `max_age` seconds before `now`."""
    raise NotImplementedError
