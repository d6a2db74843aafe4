"""The pure core: timesheet lines in, invoice lines and text out. No files, no printing."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass


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


def parse_line(line: str) -> Entry:
    """'2025-03-04, Acme, 09:15, 10:40, review' -> Entry('2025-03-04', 'acme', 85, 'review').

    Raise ValueError for a line that is not a valid entry (see the README).
    """
    raise NotImplementedError


def parse_timesheet(lines: Iterable[str]) -> tuple[list[Entry], list[int]]:
    """Entries in file order and the numbers of the lines that could not be read."""
    raise NotImplementedError


def round_up(minutes: int, block: int = 15) -> int:
    """The smallest multiple of `block` that is at least `minutes`."""
    raise NotImplementedError


def bill(entries: Iterable[Entry], rates: Mapping[str, int]) -> list[InvoiceLine]:
    """One line per client, the largest amount first."""
    raise NotImplementedError


def render_invoice(lines: list[InvoiceLine]) -> str:
    """A fixed-width table with a header, one row per line and a total."""
    raise NotImplementedError
