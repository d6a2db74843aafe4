"""Hidden checks for the log parser: they record what the code does, never assert."""

import io

import pytest
from log_parser import count_statuses, extract_ips, is_valid_ipv4, parse_line, parse_lines

TEMPLATE = '{ip} - {user} [{date}] "{request}" {status} {size}'
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def line(ip="198.51.100.4", user="-", date="10/Feb/2025:10:00:00 +0000",
         request="DELETE /api/items/7 HTTP/1.0", status="204", size="-"):
    return TEMPLATE.format(ip=ip, user=user, date=date, request=request, status=status, size=size)


@pytest.mark.parametrize(
    "text",
    ["0.0.0.0", "255.255.255.255", "256.1.1.1", "1.255.1.1", "1.256.1.1", "1.1.1.255",
     "1.1.1.256", "249.250.199.100", "300.1.1.1", "00.1.1.1", "1.2.3.04", "1.2.3", "1.2.3.4.",
     "1.2.3.4\n", "1..2.3", "1.2.3.-4", "a.1.1.1", "10.0.0.1 "],
)
def check_is_valid_ipv4(observe, text):
    observe(is_valid_ipv4(text))
    observe(parse_line(line(ip=text)))
    observe(extract_ips(f"from {text}, and again {text}"))


@pytest.mark.parametrize("month", MONTHS)
def check_every_month_is_understood(observe, month):
    record = observe(parse_line(line(date=f"28/{month}/2024:23:59:59 +0530")))
    observe(record.timestamp.month if record else None)
    observe(parse_line(line(date=f"28/{month.upper()}/2024:23:59:59 +0530")))
    observe(parse_line(line(date=f"28/{month.lower()}/2024:23:59:59 +0530")))


@pytest.mark.parametrize(
    "date",
    ["31/Feb/2025:10:00:00 +0000", "29/Feb/2024:10:00:00 +0000", "29/Feb/2023:10:00:00 +0000",
     "31/Apr/2025:10:00:00 +0000", "00/Jan/2025:10:00:00 +0000", "10/Feb/2025:24:00:00 +0000",
     "10/Feb/2025:23:60:00 +0000", "10/Feb/2025:23:59:60 +0000", "10/Feb/2025:00:00:00 -0530",
     "10/Feb/2025:00:00:00 +1400", "10/Feb/2025:00:00:00 +2400", "10/Feb/2025:00:00:00 -0000",
     "1/Feb/2025:00:00:00 +0000", "10/Sept/2025:00:00:00 +0000", "10/Feb/2025:00:00:00 0000",
     "10/Feb/2025 00:00:00 +0000", "10/Feb/25:00:00:00 +0000"],
)
def check_timestamps(observe, date):
    record = observe(parse_line(line(date=date)))
    observe(record.timestamp.utcoffset().total_seconds() if record else None)
    observe(parse_lines(["", line(date=date)]).malformed)


@pytest.mark.parametrize(
    ("request_text", "status", "size"),
    [
        ("GET / HTTP/1.1", "100", "0"),
        ("GET / HTTP/1.1", "599", "17"),
        ("GET / HTTP/1.1", "099", "17"),
        ("GET / HTTP/1.1", "600", "17"),
        ("GET / HTTP/1.1", "20", "17"),
        ("GET / HTTP/1.1", "2000", "17"),
        ("GET / HTTP/1.1", "404", "-5"),
        ("GET / HTTP/1.1", "404", "12k"),
        ("POST /login?next=/home&x=1 HTTP/2", "302", "-"),
        ("PATCH /a/b/c HTTP/2.0", "200", "1048576"),
        ("get / HTTP/1.1", "200", "1"),
        ("GET /a b HTTP/1.1", "200", "1"),
        ("GET  / HTTP/1.1", "200", "1"),
        ("GET index.html HTTP/1.1", "200", "1"),
        ("GET / HTTP/11", "200", "1"),
        ("GET / http/1.1", "200", "1"),
        ("GET /", "200", "1"),
    ],
)
def check_requests_statuses_and_sizes(observe, request_text, status, size):
    text = line(request=request_text, status=status, size=size)
    observe(parse_line(text))
    report = parse_lines([text + "\n", "\n"])
    observe((report.malformed, count_statuses(report.records)))


def check_whitespace_and_field_count(observe):
    good = line(ip="10.1.1.1", user="alice", size="42")
    for text in [good, "  " + good + " \n", "\t" + good + "\r\n", good.replace(" - ", "\t-\t", 1),
                 good + " extra", good.replace(" alice ", " "), good.replace("10.1.1.1 - ", "10.1.1.1 "),
                 "", "   ", "just garbage"]:
        observe(parse_line(text))


def check_parse_lines_numbers_blank_lines_and_keeps_bad_lines_verbatim(observe):
    log = io.StringIO(
        "\n"
        + line(status="500", size="1") + "\n"
        + "   \n"
        + "  oops, not a log line  \n"
        + line(ip="10.0.0.300") + "\n"
        + "\t\n"
        + "ERROR: disk full on /dev/sdX\n"
        + line(ip="10.0.0.3", status="201", size="99") + "\n"
        + "last line without newline"
    )
    report = parse_lines(log)
    observe(report.records)
    observe(report.malformed)
    empty = parse_lines([])
    observe((empty.records, empty.malformed))
    observe(parse_lines(iter(["\n", "\n"])).malformed)


def check_count_statuses_are_sorted_by_code(observe):
    statuses = ["503", "200", "404", "200", "301", "503", "200", "101"]
    records = [parse_line(line(status=status)) for status in statuses]
    counts = observe(count_statuses(records))
    observe(list(counts))
    observe(count_statuses(record for record in records if record.status >= 400))
    observe(count_statuses([]))


@pytest.mark.parametrize(
    "text",
    [
        "version 1.2.3.4.5 and 1234.5.6.7; blocked 10.0.0.7. Next: 8.8.8.8",
        "ban 10.0.0.7 and 999.1.1.1, then 192.168.1.20 and 10.0.0.7 again",
        "9.9.9.9,1.1.1.1;9.9.9.9 (172.16.0.1) [2.2.2.2]",
        "ip=203.0.113.5&next=host203.0.113.6x",
        "256.1.1.1 01.2.3.4 1.2.3.04 255.255.255.255 0.0.0.0",
        "1.2.3.4.  5.6.7.8.9 .4.3.2.1 11.22.33.44",
        "no addresses here, only 1.2.3 and 4.5",
        "",
    ],
)
def check_extract_ips(observe, text):
    observe(extract_ips(text))
