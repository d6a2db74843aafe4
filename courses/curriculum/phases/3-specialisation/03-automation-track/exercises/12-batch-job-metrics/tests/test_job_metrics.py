import pytest
from job_metrics import JobMetrics, exposition, stale_jobs
from prometheus_client import CollectorRegistry


class Clock:
    def __init__(self, *ticks: float) -> None:
        self.ticks = list(ticks)

    def __call__(self) -> float:
        return self.ticks.pop(0)


def value(registry, name, **labels):
    return registry.get_sample_value(name, labels)


def test_registered_jobs_start_at_zero():
    registry = CollectorRegistry()
    JobMetrics(registry).register_job("nightly")
    assert value(registry, "batch_runs_total", job="nightly", outcome="success") == 0.0
    assert value(registry, "batch_runs_total", job="nightly", outcome="failure") == 0.0
    assert value(registry, "batch_last_success_timestamp_seconds", job="nightly") == 0.0
    assert value(registry, "batch_duration_seconds_count", job="nightly") == 0.0


def test_a_successful_run():
    registry = CollectorRegistry()
    metrics = JobMetrics(registry, clock=Clock(100.0, 103.5))
    with metrics.track("backup"):
        assert value(registry, "batch_in_progress", job="backup") == 1.0
        metrics.add_items("backup", 42)
    assert value(registry, "batch_in_progress", job="backup") == 0.0
    assert value(registry, "batch_runs_total", job="backup", outcome="success") == 1.0
    assert value(registry, "batch_items_total", job="backup") == 42.0
    assert value(registry, "batch_last_success_timestamp_seconds", job="backup") == 103.5
    assert value(registry, "batch_duration_seconds_bucket", job="backup", le="1.0") == 0.0
    assert value(registry, "batch_duration_seconds_bucket", job="backup", le="5.0") == 1.0


def test_a_failed_run_is_counted_and_re_raised():
    registry = CollectorRegistry()
    metrics = JobMetrics(registry, clock=Clock(10.0, 70.0))
    with pytest.raises(OSError):
        with metrics.track("export"):
            raise OSError("disk full")
    assert value(registry, "batch_runs_total", job="export", outcome="failure") == 1.0
    assert value(registry, "batch_last_success_timestamp_seconds", job="export") == 0.0
    assert value(registry, "batch_duration_seconds_sum", job="export") == 60.0
    assert value(registry, "batch_in_progress", job="export") == 0.0


def test_negative_item_counts_are_refused():
    metrics = JobMetrics(CollectorRegistry())
    with pytest.raises(ValueError):
        metrics.add_items("backup", -1)


def test_exposition_drops_created_series():
    registry = CollectorRegistry()
    JobMetrics(registry).register_job("nightly")
    text = exposition(registry)
    assert "_created" not in text
    assert 'batch_runs_total{job="nightly",outcome="success"} 0.0\n' in text
    assert "# TYPE batch_duration_seconds histogram\n" in text


def test_stale_jobs():
    registry = CollectorRegistry()
    metrics = JobMetrics(registry, clock=Clock(0.0, 1000.0))
    metrics.register_job("never")
    with metrics.track("backup"):
        pass
    text = exposition(registry)
    assert stale_jobs(text, now=1500.0, max_age=600.0) == ["never"]
    assert stale_jobs(text, now=1601.0, max_age=600.0) == ["backup", "never"]
