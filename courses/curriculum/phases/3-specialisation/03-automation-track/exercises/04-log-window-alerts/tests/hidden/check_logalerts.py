"""Hidden checks: they record what the code does; the grader compares with the reference."""

from datetime import datetime, timedelta, timezone

import pytest
from logalerts import Event, error_alerts, parse_line, scan_log

T0 = datetime(2024, 3, 9, 23, 58, 0, tzinfo=timezone.utc)


def ev(host, seconds, status=500):
    return Event(T0 + timedelta(seconds=seconds), host, "POST", "/pay", status, 5)


@pytest.mark.parametrize(
    "line",
    [
        "2024-03-09T23:59:59Z db-1 DELETE /v1/items?id=3 599 0ms",
        "   2024-02-29T00:00:00Z lb-eu-1.example.com PATCH / 100 42ms  \n",
        "2024-02-30T10:00:00Z web-1 GET / 500 1ms",
        "2023-02-29T10:00:00Z web-1 GET / 500 1ms",
        "2024-06-01T24:00:00Z web-1 GET / 500 1ms",
        "2024-06-01T12:00:00Z web-1 get / 500 1ms",
        "2024-06-01T12:00:00Z web-1 GET / 5000 1ms",
        "2024-06-01T12:00:00Z web-1 GET / 50 1ms",
        "2024-06-01T12:00:00Z web-1 GET / 500 1 ms",
        "2024-06-01T12:00:00Z web-1 GET / 500 1.5ms",
        "2024-06-01T12:00:00Z web-1 GET / 500 1ms extra",
        "x 2024-06-01T12:00:00Z web-1 GET / 500 1ms",
        "2024-06-01T12:00:00Z  web-1 GET / 500 1ms",
        "2024-06-01T12:00:00+00:00 web-1 GET / 500 1ms",
        "2024-06-01T12:00:00Z web-1 GET /a b 500 1ms",
        "",
    ],
)
def check_parse_line(observe, line):
    event = observe.call(parse_line, line)
    if event is not None:
        observe(event.at.utcoffset())
    observe(parse_line("2024-06-01T12:00:00Z web-9 HEAD /health 204 7ms"))


def check_window_boundaries(observe):
    window = timedelta(seconds=60)
    # exactly 60 s apart: the first has left the window
    observe(error_alerts([ev("a", 60), ev("a", 0)], threshold=2, window=window))
    # 59 s apart: both count
    observe(error_alerts([ev("a", 59), ev("a", 0)], threshold=2, window=window))
    # same second
    observe(error_alerts([ev("a", 5), ev("a", 5), ev("a", 5)], threshold=3, window=window))
    observe(error_alerts([ev("a", 0)], threshold=1, window=timedelta(microseconds=1)))


def check_status_range(observe):
    for status in (499, 500, 599, 600, 404, 200, 503):
        observe((status, error_alerts([ev("h", 0, status)], threshold=1, window=timedelta(1))))


def check_cooldown_is_one_window(observe):
    window = timedelta(seconds=30)
    events = [ev("a", s) for s in (40, 0, 10, 20, 30, 31, 70, 75, 100, 101)]
    observe(error_alerts(events, threshold=2, window=window))
    observe(error_alerts(events, threshold=1, window=window))
    observe(error_alerts(events, threshold=4, window=timedelta(seconds=45)))


def check_hosts_interleaved_and_sorted(observe):
    events = [
        ev("zeta", 10), ev("alpha", 10), ev("zeta", 0), ev("alpha", 3),
        ev("mid", 10, 200), ev("mid", 9), ev("mid", 10), ev("beta", 10, 404), ev("beta", 9),
    ]
    observe(error_alerts(events, threshold=2, window=timedelta(seconds=20)))
    observe(error_alerts(iter(events), threshold=3, window=timedelta(seconds=20)))


def check_count_and_first_keep_growing(observe):
    events = [ev("a", s) for s in (0, 1, 2, 3, 4, 5, 6, 200, 201, 202)]
    observe(error_alerts(events, threshold=3, window=timedelta(seconds=10)))
    observe(error_alerts(events, threshold=3, window=timedelta(seconds=500)))


@pytest.mark.parametrize("threshold, window", [(0, 60), (-1, 60), (1, 0), (1, -5), (2, -1)])
def check_invalid_parameters(observe, threshold, window):
    def consumed():
        raise AssertionError("events were read before the parameters were checked")
        yield

    observe.raises(error_alerts, consumed(), threshold=threshold, window=timedelta(seconds=window))
    observe(error_alerts([ev("a", 0), ev("a", 1)], threshold=2, window=timedelta(seconds=2)))


def check_scan_log(observe):
    lines = [
        "\n",
        "2024-03-09T23:59:30Z web-1 GET / 502 80ms\n",
        "2024-03-10T00:00:10Z web-1 GET / 503 95ms\n",
        "garbage\n",
        "   \n",
        "2024-03-09T23:59:50Z web-2 GET / 200 12ms\n",
        "2024-03-09T23:59:10Z web-1 GET / 500 70ms\n",
        "2024-03-09T23:59:10Z web-1 GET / 500 70ms extra\n",
        "2024-03-10T00:00:20Z web-2 GET / 500 70ms",
    ]
    observe(scan_log(lines, threshold=3, window=timedelta(minutes=1)))
    observe(scan_log(iter(lines), threshold=1, window=timedelta(seconds=30)))
    observe(scan_log([], threshold=1, window=timedelta(seconds=30)))
