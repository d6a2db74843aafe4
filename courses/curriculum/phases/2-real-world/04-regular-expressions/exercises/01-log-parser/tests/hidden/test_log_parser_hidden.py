import io

from log_parser import count_statuses, extract_ips, parse_line, parse_lines

LINE = '198.51.100.4 - - [{date}] "DELETE /api/items/7 HTTP/1.0" 204 -'


def test_impossible_dates_are_malformed_not_crashes():
    assert parse_line(LINE.format(date="31/Feb/2025:10:00:00 +0000")) is None
    assert parse_line(LINE.format(date="10/Feb/2025:25:00:00 +0000")) is None
    assert parse_line(LINE.format(date="10/Foo/2025:10:00:00 +0000")) is None


def test_negative_offsets_are_kept():
    record = parse_line(LINE.format(date="10/Feb/2025:10:00:00 -0530"))
    assert record is not None
    assert record.timestamp.utcoffset().total_seconds() == -(5 * 3600 + 30 * 60)
    assert record.method == "DELETE"
    assert record.path == "/api/items/7"


def test_parse_lines_accepts_a_file_like_object():
    log = io.StringIO(
        LINE.format(date="10/Feb/2025:10:00:00 +0000") + "\n" + "   \n" + "oops\n" + "\n"
    )
    report = parse_lines(log)
    assert len(report.records) == 1
    assert report.malformed == [(3, "oops")]


def test_extract_ips_ignores_addresses_glued_to_digits_but_allows_full_stop():
    text = "version 1.2.3.4.5 and 1234.5.6.7; blocked 10.0.0.7. Next: 8.8.8.8"
    assert extract_ips(text) == ["10.0.0.7", "8.8.8.8"]


def test_count_statuses_of_nothing():
    assert count_statuses([]) == {}


def test_query_strings_in_paths_are_fine():
    record = parse_line(
        '10.1.1.1 - - [01/Dec/2024:23:59:59 +0000] "GET /search?q=mug&page=2 HTTP/1.1" 200 42'
    )
    assert record is not None
    assert record.path == "/search?q=mug&page=2"
