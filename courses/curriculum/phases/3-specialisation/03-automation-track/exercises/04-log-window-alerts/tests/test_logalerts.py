from datetime import datetime, timedelta, timezone

import pytest
from logalerts import Alert, Event, error_alerts, parse_line, scan_log


def at(minute: int, second: int = 0) -> datetime:
    return datetime(2024, 6, 1, 12, minute, second, tzinfo=timezone.utc)


def err(host: str, minute: int, second: int = 0, status: int = 502) -> Event:
    return Event(at(minute, second), host, "GET", "/", status, 10)


def test_parse_line_reads_every_field():
    event = parse_line("2024-06-01T12:00:03Z web-1 GET /api/orders 502 123ms\n")
    assert event == Event(at(0, 3), "web-1", "GET", "/api/orders", 502, 123)


def test_parse_line_rejects_other_shapes():
    assert parse_line("2024-06-01 12:00:03 web-1 GET / 502 1ms") is None
    assert parse_line("2024-06-01T12:00:03Z web-1 GET / 502 1") is None
    assert parse_line("2024-13-01T12:00:03Z web-1 GET / 502 1ms") is None


def test_alert_when_threshold_reached_inside_window():
    events = [err("web-1", 0), err("web-1", 1), err("web-1", 1, 30)]
    assert error_alerts(events, threshold=3, window=timedelta(minutes=2)) == [
        Alert("web-1", at(0), at(1, 30), 3)
    ]


def test_old_errors_leave_the_window_and_hosts_are_separate():
    events = [err("web-1", 0), err("web-2", 1), err("web-1", 3), err("web-2", 1, 30)]
    assert error_alerts(events, threshold=2, window=timedelta(minutes=2)) == [
        Alert("web-2", at(1), at(1, 30), 2)
    ]


def test_only_server_errors_count_and_input_order_does_not_matter():
    events = [err("a", 2, status=404), err("a", 1), err("a", 0, status=500), err("a", 0, 30, 200)]
    assert error_alerts(events, threshold=2, window=timedelta(minutes=5)) == [
        Alert("a", at(0), at(1), 2)
    ]


def test_no_repeat_alert_for_the_same_host_within_the_window():
    events = [err("a", m) for m in range(5)]
    alerts = error_alerts(events, threshold=2, window=timedelta(minutes=3))
    assert [a.at for a in alerts] == [at(1), at(4)]


def test_scan_log_numbers_malformed_lines_and_skips_blank_ones():
    lines = [
        "2024-06-01T12:00:00Z web-1 GET / 502 80ms",
        "",
        "not a log line",
        "2024-06-01T12:00:40Z web-1 GET / 503 95ms",
    ]
    result = scan_log(lines, threshold=2, window=timedelta(minutes=2))
    assert result.malformed == [3]
    assert result.events == 2
    assert result.alerts == [Alert("web-1", at(0), at(0, 40), 2)]


def test_invalid_parameters():
    with pytest.raises(ValueError):
        error_alerts([], threshold=0, window=timedelta(minutes=1))
    with pytest.raises(ValueError):
        error_alerts([], threshold=1, window=timedelta(0))
