"""`/metrics` in the Prometheus text format, for a scraper holding METRICS_TOKEN.

Every value is computed when scraped, from the database and the broker: nothing is kept in
a process's memory, so gunicorn's and Celery's many processes need no shared state (no
prometheus-client multiprocess directory) and a restart loses nothing. Grading outcomes and
the latency histogram count every final submission ever (true counters: `rate()` and
`increase()` work; a staff re-run takes one back out until it is graded again). Emails are
counted over the last day (old notifications are pruned, so an all-time count would fall).
"""

from __future__ import annotations

import datetime
import hmac
from collections.abc import Iterable

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest
from prometheus_client.core import (
    CounterMetricFamily,
    GaugeMetricFamily,
    HistogramMetricFamily,
    Metric,
)
from prometheus_client.registry import Collector

from config import queueing
from mentors import selectors as mentor_selectors
from notifications import selectors as notification_selectors
from submissions import selectors as submission_selectors
from submissions.models import Submission

EMAIL_WINDOW = datetime.timedelta(days=1)


def _grading() -> Iterable[Metric]:
    stats = submission_selectors.grading_stats_get()
    outcomes = CounterMetricFamily(
        "apprentice_grading_outcomes",
        "Final submissions by status (every submission ever graded).",
        labels=["status"],
    )
    for status in Submission.Status:
        if status not in Submission.PENDING:
            outcomes.add_metric([status.value], stats.outcomes.get(status.value, 0))
    yield outcomes
    bounds = [repr(float(bound)) for bound in submission_selectors.LATENCY_BUCKETS]  # "5.0"
    yield HistogramMetricFamily(
        "apprentice_grading_latency_seconds",
        "Seconds from submitting to the final result, per graded submission.",
        buckets=[*zip(bounds, stats.buckets, strict=True), ("+Inf", stats.latency_count)],
        sum_value=stats.latency_seconds_sum,
    )


def _queues(now: datetime.datetime) -> Iterable[Metric]:
    depths = queueing.queue_depths()
    yield GaugeMetricFamily(
        "apprentice_broker_up",
        "1 when the broker answered the queue-depth questions.",
        value=0 if depths is None else 1,
    )
    waiting = GaugeMetricFamily(
        "apprentice_queue_waiting_messages",
        "Task messages waiting on a queue (not yet delivered to a worker).",
        labels=["queue"],
    )
    oldest = GaugeMetricFamily(
        "apprentice_queue_oldest_waiting_seconds",
        "Age of the oldest message waiting on a queue (0 when empty).",
        labels=["queue"],
    )
    for depth in depths or []:
        waiting.add_metric([depth.queue], depth.waiting)
        age = (now - depth.oldest_published_at).total_seconds() if depth.oldest_published_at else 0
        oldest.add_metric([depth.queue], max(age, 0.0))
    yield waiting
    yield oldest


def _emails(now: datetime.datetime) -> Iterable[Metric]:
    emails = GaugeMetricFamily(
        "apprentice_notification_emails_last_day",
        "Emails of the notifications created in the last 24 h, by kind and delivery status "
        "(status=sent and status=failed are the reminder sends and failures).",
        labels=["kind", "status"],
    )
    counts = notification_selectors.email_outcome_counts(since=now - EMAIL_WINDOW)
    for (kind, status), total in counts.items():
        emails.add_metric([kind, status], total)
    yield emails


def _reviews(now: datetime.datetime) -> Iterable[Metric]:
    waits = mentor_selectors.review_waits_get(now=now)
    yield GaugeMetricFamily(
        "apprentice_review_rounds_waiting", "Capstone review rounds waiting for a decision.",
        value=waits.waiting,
    )  # fmt: skip
    yield GaugeMetricFamily(
        "apprentice_review_wait_oldest_seconds",
        "How long the longest-waiting review round has waited (0 when none waits).",
        value=waits.oldest_seconds,
    )
    yield GaugeMetricFamily(
        "apprentice_review_rounds_over_sla",
        f"Review rounds waiting longer than the SLA ({waits.sla_hours} h).",
        value=waits.over_sla,
    )


class ProgrammeCollector(Collector):
    """The programme's health as Prometheus metrics, read at scrape time."""

    def collect(self) -> Iterable[Metric]:
        now = timezone.now()
        yield from _grading()
        yield from _queues(now)
        yield from _emails(now)
        yield from _reviews(now)


# Our own registry: the default one holds this process's counters only, which would differ
# from one gunicorn process to the next.
REGISTRY = CollectorRegistry(auto_describe=False)
REGISTRY.register(ProgrammeCollector())


def _authorised(request: HttpRequest) -> bool:
    token = str(settings.METRICS_TOKEN)
    if not token:
        return bool(settings.DEBUG)  # local development only; production requires a token
    scheme, _, supplied = request.headers.get("Authorization", "").partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(
        supplied.strip().encode(), token.encode()
    )


@never_cache
@require_GET
def metrics(request: HttpRequest) -> HttpResponse:
    """404 unless METRICS_ENABLED; 401 without `Authorization: Bearer <METRICS_TOKEN>`."""
    if not settings.METRICS_ENABLED:
        raise Http404("No such page")
    if not _authorised(request):
        response = HttpResponse("A bearer token is required.\n", status=401)
        response["Content-Type"] = "text/plain; charset=utf-8"
        response["WWW-Authenticate"] = 'Bearer realm="metrics"'
        return response
    return HttpResponse(generate_latest(REGISTRY), content_type=CONTENT_TYPE_LATEST)
