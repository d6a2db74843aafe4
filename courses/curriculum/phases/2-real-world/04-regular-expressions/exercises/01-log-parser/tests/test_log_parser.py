from datetime import datetime, timedelta, timezone

import pytest
from log_parser import (
    LogRecord,
    count_statuses,
    extract_ips,
    is_valid_ipv4,
    parse_line,
    parse_lines,
)

GOOD = '203.0.113.9 - alice [12/Mar/2025:10:15:32 +0100] "GET /index.html HTTP/1.1" 200 5123'


def test_parse_a_good_line():
    record = parse_line(GOOD)
    assert record == LogRecord(
        ip="203.0.113.9",
        timestamp=datetime(2025, 3, 12, 10, 15, 32, tzinfo=timezone(timedelta(hours=1))),
        method="GET",
        path="/index.html",
        status=200,
        size=5123,
    )


def test_dash_size_and_trailing_newline():
    record = parse_line('10.0.0.1 - - [01/Jan/2024:00:00:00 +0000] "HEAD / HTTP/2" 304 -\n')
    assert record is not None
    assert record.size == 0
    assert record.status == 304
    assert record.timestamp.utcoffset() == timedelta(0)


@pytest.mark.parametrize(
    "line",
    [
        "",
        "hello world",
        GOOD.replace("203.0.113.9", "256.0.113.9"),
        GOOD.replace(" 200 ", " 700 "),
        GOOD.replace("Mar", "March"),
        GOOD + " extra",
        GOOD.replace('"GET /index.html HTTP/1.1"', '"GET index.html HTTP/1.1"'),
    ],
)
def test_malformed_lines_give_none(line):
    assert parse_line(line) is None


@pytest.mark.parametrize(
    ("text", "valid"),
    [
        ("10.0.0.1", True),
        ("255.255.255.255", True),
        ("0.0.0.0", True),
        ("256.0.0.1", False),
        ("1.2.3", False),
        ("1.2.3.4.5", False),
        ("01.2.3.4", False),
        ("a.b.c.d", False),
    ],
)
def test_is_valid_ipv4(text, valid):
    assert is_valid_ipv4(text) is valid


def test_parse_lines_reports_malformed_with_line_numbers():
    lines = [
        GOOD + "\n",
        "\n",
        "garbage line\n",
        '10.0.0.2 - - [12/Mar/2025:10:16:00 +0100] "POST /login HTTP/1.1" 401 12\n',
    ]
    report = parse_lines(lines)
    assert [r.status for r in report.records] == [200, 401]
    assert report.malformed == [(3, "garbage line")]


def test_count_statuses_sorted():
    report = parse_lines(
        [
            GOOD,
            GOOD.replace(" 200 ", " 404 "),
            GOOD,
            GOOD.replace(" 200 ", " 500 "),
            GOOD.replace(" 200 ", " 404 "),
        ]
    )
    counts = count_statuses(report.records)
    assert counts == {200: 2, 404: 2, 500: 1}
    assert list(counts) == [200, 404, 500]


def test_extract_ips_unique_in_order():
    text = "ban 10.0.0.7 and 999.1.1.1, then 192.168.1.20 and 10.0.0.7 again"
    assert extract_ips(text) == ["10.0.0.7", "192.168.1.20"]
