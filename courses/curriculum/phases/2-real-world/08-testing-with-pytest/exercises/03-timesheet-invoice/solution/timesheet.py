"""The pure core: timesheet lines in, invoice lines and text out. No files, no printing."""

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

TIME = re.compile(r"([01][0-9]|2[0-3]):([0-5][0-9])")
BLOCK = 15
HEADER = "client           entries   hours      amount"


@dataclass(frozen=True)
class Entry:
    day: str
    client: str
    minutes: int
    note: str


@dataclass(frozen=True)
class InvoiceLine:
    client: str
    entries: int
    minutes: int
    amount_cents: int


def _minute_of_day(text: str) -> int:
    match = TIME.fullmatch(text)
    if match is None:
        raise ValueError(f"not a time: {text!r}")
    return int(match[1]) * 60 + int(match[2])


def parse_line(line: str) -> Entry:
    """'2025-03-04, Acme, 09:15, 10:40, review' -> Entry('2025-03-04', 'acme', 85, 'review')."""
    fields = [field.strip() for field in line.split(",", 4)]
    if len(fields) != 5:
        raise ValueError(f"expected 5 fields: {line!r}")
    day, client, start, end, note = fields
    if not client:
        raise ValueError("the client is empty")
    minutes = _minute_of_day(end) - _minute_of_day(start)
    if minutes <= 0:
        raise ValueError(f"{end} is not after {start}")
    return Entry(day, client.lower(), minutes, note)


def parse_timesheet(lines: Iterable[str]) -> tuple[list[Entry], list[int]]:
    """Entries in file order and the numbers of the lines that could not be read."""
    entries, bad = [], []
    for number, line in enumerate(lines, start=1):
        if number == 1 or not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            entries.append(parse_line(line))
        except ValueError:
            bad.append(number)
    return entries, bad


def round_up(minutes: int, block: int = BLOCK) -> int:
    """The smallest multiple of `block` that is at least `minutes`."""
    return -(-minutes // block) * block


def bill(entries: Iterable[Entry], rates: Mapping[str, int]) -> list[InvoiceLine]:
    """One line per client, the largest amount first."""
    counts: Counter[str] = Counter()
    billed: Counter[str] = Counter()
    for entry in entries:
        counts[entry.client] += 1
        billed[entry.client] += round_up(entry.minutes)
    missing = sorted(set(counts) - set(rates))
    if missing:
        raise ValueError(f"no hourly rate for: {', '.join(missing)}")
    lines = [
        InvoiceLine(client, counts[client], minutes, (minutes * rates[client] + 30) // 60)
        for client, minutes in billed.items()
    ]
    return sorted(lines, key=lambda line: (-line.amount_cents, line.client))


def _row(line: InvoiceLine) -> str:
    hours = f"{line.minutes / 60:.2f}"
    money = f"{line.amount_cents // 100}.{line.amount_cents % 100:02d}"
    return f"{line.client:<16}{line.entries:>8}{hours:>8}{money:>12}"


def render_invoice(lines: list[InvoiceLine]) -> str:
    """A fixed-width table with a header, one row per line and a total."""
    total = InvoiceLine(
        "total",
        sum(line.entries for line in lines),
        sum(line.minutes for line in lines),
        sum(line.amount_cents for line in lines),
    )
    return "\n".join([HEADER, *map(_row, lines), _row(total)]) + "\n"
